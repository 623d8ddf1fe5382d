// Package compare is Parallax's comparison engine: it tokenises and stems
// sentences, weighs their words by how rare they are in the compared set,
// aligns the sentences of N documents with each other and classifies every
// link as shared (near-verbatim) or paraphrased, and every sentence as
// shared, paraphrased or unique. It also computes word-level diffs for each
// link. The engine is pure Go and deterministic: the same input gives the
// same output.
package compare

import (
	"context"
	"math"
	"slices"
	"sort"

	"parallax/corpus"
	"parallax/internal/parallel"
)

// params are the engine's tuned constants.
type params struct {
	synWeight      float64 // weight of a related-word match relative to an exact one
	contWeight     float64 // weight of containment (share of the shorter sentence) in the score
	idfPow         float64 // exponent applied to idf weights
	numPenalty     float64 // factor for sentences whose numbers conflict
	position       float64 // 1 to give the model the sentences' relative positions, 0 not to
	minShared      int     // content stems a link needs to share exactly, at least
	minContent     int     // content stems each linked sentence needs, at least
	sensSpan       float64 // logits the threshold moves from sensitivity 0.5 to 0 or 1
	regimeGamma    float64 // how strongly a pair's background lowers its links' odds
	regimeRef      float64 // share of confidently matched sentences of a typical rewrite
	confidentLogit float64 // first-pass log-odds from which a mutually best match is confident
	sharedDiff     float64 // diff equal share from which a link is near-verbatim
	scorePara      float64 // Score from which a lone pair counts as paraphrased
}

var defaultParams = params{
	synWeight:      0.6,
	contWeight:     0.5,
	idfPow:         2,
	numPenalty:     0.85,
	position:       0,
	minShared:      2,
	minContent:     3,
	sensSpan:       3,
	regimeGamma:    1,
	regimeRef:      0.2,
	confidentLogit: 1,
	sharedDiff:     0.7,
	scorePara:      0.35,
}

// Compare aligns the sentences of docs with each other. It returns an error
// only when ctx is cancelled.
func Compare(ctx context.Context, docs []*corpus.Document, opts Options) (*Result, error) {
	return compareWith(ctx, docs, opts, defaultParams)
}

// prepared holds what the aligner knows of a set of documents.
type prepared struct {
	v      *vocab
	w      []float64    // weight per stem id
	gw     []float64    // weight per n-gram id
	feats  [][]sentFeat // per document, per sentence
	masses [][]float64  // per document, per sentence: total stem weight
}

// prepare tokenises every sentence and weighs the stems over the set. It
// checks ctx between documents and returns ctx.Err() when cancelled.
func prepare(ctx context.Context, docs []*corpus.Document, p params) (*prepared, error) {
	pr := &prepared{v: newVocab(), feats: make([][]sentFeat, len(docs)), masses: make([][]float64, len(docs))}
	// Tokenise and stem the documents in parallel, then number the stems
	// in document order, so that ids do not depend on scheduling.
	toks := make([][][]Token, len(docs))
	// A stem cache per worker and language.
	caches := make([]map[string]map[string]string, parallel.Workers(len(docs)))
	if err := parallel.For(ctx, len(docs), func(w, d int) {
		doc := docs[d]
		if caches[w] == nil {
			caches[w] = map[string]map[string]string{}
		}
		cache := caches[w][doc.Language]
		if cache == nil {
			cache = map[string]string{}
			caches[w][doc.Language] = cache
		}
		toks[d] = make([][]Token, len(doc.Sentences))
		for i, s := range doc.Sentences {
			toks[d][i] = tokenize(doc.Text[s.Start:s.End], doc.Language, cache)
		}
	}); err != nil {
		return nil, err
	}
	for d, doc := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pr.feats[d] = make([]sentFeat, len(doc.Sentences))
		for i, s := range doc.Sentences {
			f := pr.v.featuresOf(doc.Text[s.Start:s.End], doc.Language, toks[d][i])
			f.skip = s.Boilerplate || len(f.ids) == 0
			pr.feats[d][i] = f
		}
	}
	pr.v.finish()
	pr.w = idfWeights(pr.v, pr.feats, p.idfPow)
	pr.gw = gramWeights(pr.v, pr.feats)
	for d := range pr.feats {
		pr.masses[d] = make([]float64, len(pr.feats[d]))
		for i := range pr.feats[d] {
			pr.masses[d][i] = mass(&pr.feats[d][i], pr.w)
		}
	}
	return pr, nil
}

// live counts the sentences of document d that take part in alignment.
func (pr *prepared) live(d int) int {
	n := 0
	for _, f := range pr.feats[d] {
		if !f.skip {
			n++
		}
	}
	return n
}

func compareWith(ctx context.Context, docs []*corpus.Document, opts Options, p params) (*Result, error) {
	pr, err := prepare(ctx, docs, p)
	if err != nil {
		return nil, err
	}
	res := &Result{Sentences: make([][]SentenceResult, len(docs))}
	for d, doc := range docs {
		res.Sentences[d] = make([]SentenceResult, len(doc.Sentences))
	}
	// Align every pair of documents, spread over the processors; the
	// results are gathered in pair order, so the output does not depend on
	// scheduling.
	var jobs [][2]int
	for a := 0; a < len(docs); a++ {
		for b := a + 1; b < len(docs); b++ {
			jobs = append(jobs, [2]int{a, b})
		}
	}
	out := make([][]Link, len(jobs))
	scratches := make([]scratch, parallel.Workers(len(jobs)))
	if err := parallel.For(ctx, len(jobs), func(w, k int) {
		out[k] = pr.linkPair(docs, jobs[k][0], jobs[k][1], opts, p, &scratches[w])
	}); err != nil {
		return nil, err
	}
	for _, links := range out {
		res.Links = append(res.Links, links...)
	}
	classify(res)
	for d, doc := range docs {
		for i, s := range doc.Sentences {
			res.Sentences[d][i].Boilerplate = s.Boilerplate
		}
	}
	return res, nil
}

// linkPair aligns documents a and b and completes each link with its kind,
// word diff and evidence.
func (pr *prepared) linkPair(docs []*corpus.Document, a, b int, opts Options, p params, sc *scratch) []Link {
	links := alignPair(candidates(pr, a, b, p, sc), pr.live(a), pr.live(b), opts, p)
	for k := range links {
		l := &links[k]
		l.A.Doc, l.B.Doc = a, b
		l.Diff = WordDiff(docs[a].SentenceText(l.A.Sentence), docs[b].SentenceText(l.B.Sentence))
		l.Kind = Paraphrased
		if diffEqualShare(l.Diff) >= p.sharedDiff {
			l.Kind = Shared
		}
		var ev []evidence
		pr.v.overlap(sc, &pr.feats[a][l.A.Sentence], &pr.feats[b][l.B.Sentence], pr.w, p.synWeight, &ev)
		// Most informative first; ties keep the sentence's order.
		sort.SliceStable(ev, func(x, y int) bool { return ev[x].weight > ev[y].weight })
		for _, e := range ev {
			l.Evidence = append(l.Evidence, e.text)
		}
	}
	return links
}

// pairScore scores two sentences from their overlap: a blend of the
// weighted Dice coefficient and the containment of the smaller sentence.
func pairScore(m match, ma, mb float64, p params) float64 {
	if ma == 0 || mb == 0 || m.weight == 0 {
		return 0
	}
	dice := 2 * m.weight / (ma + mb)
	cont := m.weight / math.Min(ma, mb)
	if cont > 1 {
		cont = 1
	}
	s := (dice + p.contWeight*cont) / (1 + p.contWeight)
	if m.numA && m.numB && !m.numBoth {
		s *= p.numPenalty
	}
	return s
}

// candidate is a pair of sentences, one of each document, that share
// content, with what the aligner knows of the pair.
type candidate struct {
	i, j  int
	short int // content stems of the shorter sentence
	m     match
	score float64
	x     [numFeatures]float64
}

// substantive reports whether a candidate shares real content: at least
// minShared content stems, one of them exactly, between sentences that
// each carry at least minContent content stems, so that a headline
// fragment such as "The president of Mexico" never links on the story's
// topic words alone. Between articles that are not rewrites of each other
// (strict), one shared word must be a common word rather than a name: one
// official named in two unrelated sentences is no link. A rewrite that
// keeps only the names of a sentence ("Sultan Al Jaber", "Masdar") still
// tells of the same thing, and the model decides.
func (c *candidate) substantive(p params, strict bool) bool {
	m := &c.m
	if m.exact < 1 || m.exact+m.synonym < p.minShared || c.short < p.minContent {
		return false
	}
	return !strict || m.common >= 1
}

// numFeatures is the length of a candidate's feature vector.
const numFeatures = 20

// candidates scores every pair of sentences of two documents that shares
// at least one content stem and describes each with its features.
func candidates(pr *prepared, a, b int, p params, sc *scratch) []candidate {
	v, w := pr.v, pr.w
	fa, fb, ma, mb := pr.feats[a], pr.feats[b], pr.masses[a], pr.masses[b]
	na, nb := len(fa), len(fb)
	if na == 0 || nb == 0 {
		return nil
	}
	// The buffers are the worker's, reused from pair to pair: the
	// candidates live until alignPair has turned them into links.
	score := resize(&sc.score, na*nb)
	cs := sc.cands[:0]
	defer func() { sc.cands = cs[:0] }()
	// Only sentences that share a stem can be candidates: find them through
	// an index of b's stems.
	if sc.posting == nil {
		sc.posting = map[int32][]int{}
	}
	posting := sc.posting
	for id, js := range posting {
		posting[id] = js[:0]
	}
	for j := range fb {
		if fb[j].skip {
			continue
		}
		for _, id := range fb[j].ids {
			posting[id] = append(posting[id], j)
		}
	}
	seen := resize(&sc.seen, nb) // the last i+1 that reached j
	js := sc.js[:0]
	defer func() { sc.js = js[:0] }()
	for i := range fa {
		if fa[i].skip {
			continue
		}
		js = js[:0]
		for _, id := range fa[i].ids {
			for _, j := range posting[id] {
				if seen[j] != i+1 {
					seen[j] = i + 1
					js = append(js, j)
				}
			}
		}
		slices.Sort(js)
		for _, j := range js {
			m := v.overlap(sc, &fa[i], &fb[j], w, p.synWeight, nil)
			if m.exact == 0 {
				continue
			}
			s := pairScore(m, ma[i], mb[j], p)
			score[i*nb+j] = s
			cs = append(cs, candidate{i: i, j: j, m: m, score: s, short: min(len(fa[i].ids), len(fb[j].ids))})
		}
	}
	rowMax := make([]float64, na)
	colMax := make([]float64, nb)
	row2 := make([]float64, na) // second best in the row
	col2 := make([]float64, nb)
	for _, c := range cs {
		rowMax[c.i], row2[c.i] = top2(rowMax[c.i], row2[c.i], c.score)
		colMax[c.j], col2[c.j] = top2(colMax[c.j], col2[c.j], c.score)
	}
	at := func(i, j int) float64 {
		if i < 0 || j < 0 || i >= na || j >= nb {
			return 0
		}
		return score[i*nb+j]
	}
	for k := range cs {
		c := &cs[k]
		s := c.score
		dice := 2 * c.m.weight / (ma[c.i] + mb[c.j])
		cont := math.Min(1, c.m.weight/math.Min(ma[c.i], mb[c.j]))
		nbr := math.Max(at(c.i-1, c.j-1), at(c.i+1, c.j+1))
		conflict := 0.0
		if c.m.numA && c.m.numB && !c.m.numBoth {
			conflict = 1
		}
		c.x = [numFeatures]float64{
			s,
			dice,
			cont,
			s / rowMax[c.i],
			s / colMax[c.j],
			b2f(s >= rowMax[c.i]),
			b2f(s >= colMax[c.j]),
			nbr,
			math.Log1p(float64(c.m.exact)),
			math.Log1p(float64(c.m.synonym)),
			b2f(c.m.numBoth),
			conflict,
			gramDice(fa[c.i].grams, fb[c.j].grams, pr.gw),
			margin(s, rowMax[c.i], row2[c.i]),
			margin(s, colMax[c.j], col2[c.j]),
			math.Log1p(float64(c.m.common)),
			math.Log1p(c.m.weight),
			math.Log1p(float64(min(len(fa[c.i].ids), len(fb[c.j].ids)))),
			c.m.maxW,
			p.position * math.Abs(float64(c.i)/float64(na)-float64(c.j)/float64(nb)),
		}
	}
	return cs
}

// margin is how far s stands above the best other score of its row or
// column, relative to s: 1 when it has no rival, 0 or less when another
// candidate scores as high.
func margin(s, best, second float64) float64 {
	if s <= 0 {
		return 0
	}
	other := best
	if s >= best {
		other = second
	}
	return (s - other) / s
}

// top2 folds x into a running best and second best.
func top2(best, second, x float64) (float64, float64) {
	switch {
	case x > best:
		return x, best
	case x > second:
		return best, x
	}
	return best, second
}

// b2f is 1 for true and 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// numStack is the length of the second-pass feature vector.
const numStack = 6

// stackFeatures describes each candidate by its first-pass log-odds z1 and
// those of its neighbours: aligned content comes in runs (the next sentence
// of one article matches the next of the other) and in splits (one
// sentence of a summary covers two adjacent ones of the source).
func stackFeatures(cands []candidate, z1 []float64) [][numStack]float64 {
	type cell struct{ i, j int }
	prob := make(map[cell]float64, len(cands))
	rowMax := map[int]float64{}
	colMax := map[int]float64{}
	for k, c := range cands {
		p := sigmoid(z1[k])
		prob[cell{c.i, c.j}] = p
		rowMax[c.i] = math.Max(rowMax[c.i], p)
		colMax[c.j] = math.Max(colMax[c.j], p)
	}
	out := make([][numStack]float64, len(cands))
	for k, c := range cands {
		p := prob[cell{c.i, c.j}]
		diag := math.Max(prob[cell{c.i - 1, c.j - 1}], prob[cell{c.i + 1, c.j + 1}])
		side := math.Max(math.Max(prob[cell{c.i - 1, c.j}], prob[cell{c.i + 1, c.j}]),
			math.Max(prob[cell{c.i, c.j - 1}], prob[cell{c.i, c.j + 1}]))
		out[k] = [numStack]float64{z1[k], diag, p / rowMax[c.i], p / colMax[c.j], side, p * diag}
	}
	return out
}

// linkLogits runs both passes of the link model over a pair's candidates
// and returns the first-pass and final log-odds.
func linkLogits(cands []candidate) (z1, z2 []float64) {
	z1 = make([]float64, len(cands))
	for k := range cands {
		z1[k] = dot(linkWeights[:], cands[k].x[:], linkBias)
	}
	st := stackFeatures(cands, z1)
	z2 = make([]float64, len(cands))
	for k := range st {
		z2[k] = dot(stackWeights[:], st[k][:], stackBias)
	}
	return z1, z2
}

// dot is bias + w·x.
func dot(w, x []float64, bias float64) float64 {
	z := bias
	for k := range w {
		z += w[k] * x[k]
	}
	return z
}

// alignPair links the sentences of two documents. Each candidate's link
// log-odds are calibrated against the pair's background: articles that are
// not rewrites of each other (few confident, mutually best matches) need
// stronger evidence for each link than a rewrite does. The sensitivity
// moves the threshold, and between the two regimes.
func alignPair(cands []candidate, na, nb int, opts Options, p params) []Link {
	sens := min(1, max(0, opts.Sensitivity))
	z1, z2 := linkLogits(cands)
	confident := 0
	for k := range cands {
		c := &cands[k]
		if z1[k] >= p.confidentLogit && c.x[5] == 1 && c.x[6] == 1 && c.substantive(p, false) {
			confident++
		}
	}
	shift := 0.0
	if n := min(na, nb); n > 0 {
		r := math.Max(float64(confident)/float64(n), 0.01)
		gamma := p.regimeGamma * min(1, max(0, (RewriteSensitivity-sens)/(RewriteSensitivity-StrictSensitivity)))
		shift = -gamma * math.Max(0, math.Log(p.regimeRef/r))
	}
	thr := logit(linkThreshold) + p.sensSpan*(RewriteSensitivity-sens)
	var links []Link
	strict := shift < 0 || sens < StrictSensitivity
	for k, c := range cands {
		if !c.substantive(p, strict) {
			continue
		}
		z := z2[k] + shift
		if z < thr {
			continue
		}
		links = append(links, Link{A: Ref{Sentence: c.i}, B: Ref{Sentence: c.j}, Score: round3(sigmoid(z))})
	}
	return links
}

// logit is the inverse of sigmoid.
func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// sigmoid maps a logit to a probability.
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// round3 rounds to three decimals, so that output is stable and readable.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// classify sets every sentence's status, coverage and links from the links.
func classify(res *Result) {
	sort.SliceStable(res.Links, func(x, y int) bool {
		a, b := res.Links[x], res.Links[y]
		if a.A != b.A {
			return a.A.Doc < b.A.Doc || (a.A.Doc == b.A.Doc && a.A.Sentence < b.A.Sentence)
		}
		return b.B.Doc > a.B.Doc || (a.B.Doc == b.B.Doc && a.B.Sentence < b.B.Sentence)
	})
	nd := len(res.Sentences)
	for d := range res.Sentences {
		for i := range res.Sentences[d] {
			res.Sentences[d][i] = SentenceResult{Status: Unique, Coverage: 1}
		}
	}
	seen := make([][]map[int]bool, nd)
	for d := range seen {
		seen[d] = make([]map[int]bool, len(res.Sentences[d]))
	}
	touch := func(r Ref, other, li int) {
		sr := &res.Sentences[r.Doc][r.Sentence]
		sr.Links = append(sr.Links, li)
		if seen[r.Doc][r.Sentence] == nil {
			seen[r.Doc][r.Sentence] = map[int]bool{}
		}
		if !seen[r.Doc][r.Sentence][other] {
			seen[r.Doc][r.Sentence][other] = true
			sr.Coverage++
		}
	}
	for li, l := range res.Links {
		touch(l.A, l.B.Doc, li)
		touch(l.B, l.A.Doc, li)
	}
	for d := range res.Sentences {
		for i := range res.Sentences[d] {
			sr := &res.Sentences[d][i]
			sort.SliceStable(sr.Links, func(x, y int) bool {
				return res.Links[sr.Links[x]].Score > res.Links[sr.Links[y]].Score
			})
			if len(sr.Links) > 0 {
				sr.Status = res.Links[sr.Links[0]].Kind
			}
		}
	}
}
