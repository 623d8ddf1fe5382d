package compare

import (
	"context"
	"math"
	"slices"
)

// Candidate retrieval. Two sentences can only link when they share a
// content stem exactly, and a link is always among the best-scoring
// counterparts of one of its sentences. So rather than score every pair
// of sentences that shares some stem (a number that grows with the product
// of the articles' lengths, and with the square of a long article compared
// with a near-copy of itself), the aligner asks, for each sentence, which
// few sentences of the other article score best with it:
//
//   - an inverted index of the other article's stems gives every sentence
//     that shares a stem, with the weight of the shared stems accumulated
//     (term at a time); a stem found in more than postingCap (128) sentences is
//     followed only to the postingCap of them nearest the sentence's own
//     place, so that the work per sentence is bounded whatever the input;
//   - the accumulated weight bounds the pair's score from above (related
//     words can add at most synWeight of the unmatched mass), and the
//     sentences are scored exactly in the order of that bound until the
//     bound falls below the topK-th best score found: no pair that
//     could enter the top is skipped, and most are never scored.
//
// The candidates are the union of both directions' best counterparts and
// their diagonal neighbours (aligned content comes in runs). Everything
// the link model reads of a candidate's row and column (best and
// second-best score) comes from these searches and is exact; the cells
// around a candidate that it reads are measured on demand. Only the
// maxima of the first-pass odds per row and column are taken over the
// cells looked at rather than over every pair: the best-scoring cells
// are among them. On the evaluation data and the sample the links are
// those of the exhaustive search (the golden tests), and on the long
// pairs of devtools/longpair too.

// scoredCell is a counterpart found by the search, with its score, or its
// upper bound while it waits in the heap.
type scoredCell struct {
	j  int32
	ub float64
}

// retriever is one worker's state for the searches.
type retriever struct {
	acc    []float64 // accumulated exact weight per sentence of the other side
	relW   []float64 // per stem: -1 for the sentence's own stems, else the heaviest of its stems it is related to
	marked []int32   // the stems relW marks
	// capLo and capHi are, for each stem of the sentence followed to part
	// of its sentences only, the first and last sentence followed to
	// (capHi -1 for the others).
	capLo, capHi []int32
	touched      []int32
	heap         []scoredCell
	best         []scoredCell // the current top (ub holds the exact score)
}

// sideOf is one document of a pair as the search sees it.
type sideOf struct {
	f   []sentFeat
	m   []float64
	idx *postings
}

// postings is the inverted index of one document: for each of its stems,
// the sentences holding it, in sentence order.
type postings struct {
	ids []int32 // the document's stems, sorted
	off []int32 // sentences of ids[k] are at[off[k]:off[k+1]]
	at  []int32
}

// newPostings indexes the live sentences of a document.
func newPostings(fs []sentFeat) *postings {
	var ids []int32
	for _, f := range fs {
		if !f.skip {
			ids = append(ids, f.ids...)
		}
	}
	all := len(ids)
	ids = sortedUnique(ids)
	px := &postings{ids: ids, off: make([]int32, len(ids)+1), at: make([]int32, all)}
	for _, f := range fs {
		if f.skip {
			continue
		}
		for _, id := range f.ids {
			k, _ := slices.BinarySearch(ids, id)
			px.off[k+1]++
		}
	}
	for k := range ids {
		px.off[k+1] += px.off[k]
	}
	next := slices.Clone(px.off[:len(ids)])
	for j, f := range fs {
		if f.skip {
			continue
		}
		for _, id := range f.ids {
			k, _ := slices.BinarySearch(ids, id)
			px.at[next[k]] = int32(j)
			next[k]++
		}
	}
	return px
}

// of returns the sentences holding stem id.
func (px *postings) of(id int32) []int32 {
	k, ok := slices.BinarySearch(px.ids, id)
	if !ok {
		return nil
	}
	return px.at[px.off[k]:px.off[k+1]]
}

// counterparts calls found(i, j) for the best p.topK counterparts j in o
// of every live sentence i of q, and records in best1 and best2 the best
// and second-best score of each sentence of q over the sentences of o it
// shares a stem with. score(i, j) is the exact score of the pair. It
// returns ctx.Err() when cancelled.
func (r *retriever) counterparts(ctx context.Context, q, o sideOf, rel [][]int32, w []float64, p params,
	score func(i, j int) float64, found func(i, j int), best1, best2 []float64) error {
	if cap(r.acc) < len(o.f) {
		r.acc = make([]float64, len(o.f))
	}
	acc := r.acc[:len(o.f)]
	clear(acc)
	if len(r.relW) < len(w) {
		r.relW = make([]float64, len(w))
		r.capLo, r.capHi = make([]int32, len(w)), make([]int32, len(w))
		for k := range r.capHi {
			r.capHi[k] = -1
		}
	}
	k := p.topK
	if k <= 0 {
		k = math.MaxInt
	}
	scale := float64(len(o.f)) / float64(max(1, len(q.f)))
	for i := range q.f {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		fi := &q.f[i]
		if fi.skip {
			continue
		}
		touched := r.touched[:0]
		marked := r.markRelated(fi, rel, w, p.synWeight > 0)
		near := int32(float64(i) * scale)
		for _, id := range fi.ids {
			js := o.idx.of(id)
			if p.postingCap > 0 && len(js) > p.postingCap {
				// Followed to the postingCap sentences nearest i only;
				// the bound below adds its weight to the others.
				c, _ := slices.BinarySearch(js, near)
				lo := min(max(0, c-p.postingCap/2), len(js)-p.postingCap)
				js = js[lo : lo+p.postingCap]
				r.capLo[id], r.capHi[id] = js[0], js[len(js)-1]
			}
			for _, j := range js {
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j] += w[id]
			}
		}
		// Bound every touched sentence's score: the exact matches weigh
		// what was accumulated, and related words add at most the weight
		// of the related stems it holds (see pairBound).
		h := r.heap[:0]
		for _, j := range touched {
			mo := o.m[j]
			extra, related := r.pairBound(&o.f[j], j, w)
			ex := min(acc[j]+extra, q.m[i], mo)
			syn := p.synWeight * min(related, max(0, min(q.m[i], mo)-ex))
			h = append(h, scoredCell{j: j, ub: boundScore(min(ex+syn, q.m[i], mo), q.m[i], mo, p)})
		}
		heapify(h)
		best := r.best[:0]
		b1, b2 := 0.0, 0.0
		for len(h) > 0 {
			c := h[0]
			if len(best) >= k && c.ub <= best[len(best)-1].ub {
				// Nothing left can score above the k-th (among equal
				// scores, the ones found first are kept).
				break
			}
			h = heapPop(h)
			s := score(i, int(c.j))
			b1, b2 = top2(b1, b2, s)
			best = insertBest(best, scoredCell{j: c.j, ub: s}, k)
		}
		// The top two are exact: a skipped sentence's bound is below the
		// k-th score found, hence below the best two when k >= 2. With
		// k = 1 the second best may be underestimated; topK is never 1.
		best1[i], best2[i] = b1, b2
		for _, c := range best {
			found(i, int(c.j))
		}
		for _, j := range touched {
			acc[j] = 0
		}
		for _, y := range marked {
			r.relW[y] = 0
			r.capLo[y], r.capHi[y] = 0, -1
		}
		r.touched, r.heap, r.best = touched[:0], h[:0], best[:0]
	}
	return nil
}

// markRelated marks in r.relW the stems of f (-1) and, when related is
// set, the stems related to them (with the weight of the heaviest stem of
// f each is related to), and returns the marked stems.
func (r *retriever) markRelated(f *sentFeat, rel [][]int32, w []float64, related bool) []int32 {
	marked := r.marked[:0]
	for _, id := range f.ids {
		r.relW[id] = -1
		marked = append(marked, id)
	}
	if related {
		for _, id := range f.ids {
			if int(id) >= len(rel) {
				continue
			}
			for _, y := range rel[id] {
				if cur := r.relW[y]; cur >= 0 && w[id] > cur {
					if cur == 0 {
						marked = append(marked, y)
					}
					r.relW[y] = w[id]
				}
			}
		}
	}
	r.marked = marked
	return marked
}

// pairBound looks at sentence j of the other document, f, against the
// marked sentence (see markRelated). extra is the weight of the marked
// sentence's stems that f holds but the search did not follow to j (see
// capLo). related bounds what related words can add: each stem of f that
// is not the marked sentence's but related to one of its stems adds at
// most the lighter one's weight.
func (r *retriever) pairBound(f *sentFeat, j int32, w []float64) (extra, related float64) {
	for _, y := range f.ids {
		switch rw := r.relW[y]; {
		case rw > 0:
			related += min(rw, w[y])
		case rw < 0 && r.capHi[y] >= 0 && (j < r.capLo[y] || j > r.capHi[y]):
			extra += w[y]
		}
	}
	return extra, related
}

// boundScore is pairScore for a matched weight wt, without the number
// penalty (a factor below one): an upper bound when wt bounds the matched
// weight, since the score grows with it.
func boundScore(wt, ma, mb float64, p params) float64 {
	if ma == 0 || mb == 0 || wt <= 0 {
		return 0
	}
	dice := 2 * wt / (ma + mb)
	cont := min(1, wt/min(ma, mb))
	return (dice + p.contWeight*cont) / (1 + p.contWeight)
}

// insertBest inserts c into best, kept sorted by score (descending, then
// by sentence), and trims it to k.
func insertBest(best []scoredCell, c scoredCell, k int) []scoredCell {
	at := len(best)
	for at > 0 && (best[at-1].ub < c.ub || (best[at-1].ub == c.ub && best[at-1].j > c.j)) {
		at--
	}
	if at >= k {
		return best
	}
	best = slices.Insert(best, at, c)
	if len(best) > k {
		best = best[:k]
	}
	return best
}

// heapLess orders the heap by bound, highest first, then by sentence.
func heapLess(a, b scoredCell) bool { return a.ub > b.ub || (a.ub == b.ub && a.j < b.j) }

// heapify arranges h as a binary heap under heapLess.
func heapify(h []scoredCell) {
	for k := len(h)/2 - 1; k >= 0; k-- {
		siftDown(h, k)
	}
}

// heapPop removes the top of h and returns the shortened heap.
func heapPop(h []scoredCell) []scoredCell {
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	siftDown(h, 0)
	return h
}

func siftDown(h []scoredCell, k int) {
	for {
		c := 2*k + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && heapLess(h[c+1], h[c]) {
			c++
		}
		if !heapLess(h[c], h[k]) {
			return
		}
		h[k], h[c] = h[c], h[k]
		k = c
	}
}
