package compare

import (
	"cmp"
	"context"
	"math"
	"slices"

	"parallax/internal/parallel"
	"parallax/internal/wordvec"
)

// wordVectors is what the aligner knows of word meaning beyond stems, from
// GloVe vectors (internal/wordvec), for one comparison: a unit vector per
// English content stem (that of its first surface form; nil without one),
// and a sentence vector per sentence (the idf-weighted mean of its words'
// vectors less the common component, unit length; nil without one).
type wordVectors struct {
	stem  [][]float32   // per stem id
	sent  [][][]float32 // per document, per sentence
	order [][][]int32   // per document, per sentence: see byWeight
}

// vectorsOf looks the content words of the set up. Each stem takes the
// vector of its first surface form; the weight of a word in its sentence
// vector is its stem's idf. The stems, then the documents, are shared out
// among the processors.
func vectorsOf(v *vocab, feats [][]sentFeat, w []float64) *wordVectors {
	wv := &wordVectors{stem: make([][]float32, len(v.stems)), sent: make([][][]float32, len(feats)), order: make([][][]int32, len(feats))}
	forChunks(len(v.stems), func(lo, hi int) {
		for id := lo; id < hi; id++ {
			if !v.english[id] || v.number[id] {
				continue
			}
			if vec, ok := wordvec.Lookup(v.surface[id]); ok {
				wv.stem[id] = unit(vec.Float32())
			}
		}
	})
	_ = parallel.For(context.Background(), len(feats), func(_, d int) {
		fs := feats[d]
		wv.sent[d] = make([][]float32, len(fs))
		wv.order[d] = make([][]int32, len(fs))
		weight := map[string]float64{}
		var words []string
		for k := range fs {
			f := &fs[k]
			if f.skip {
				continue
			}
			wv.order[d][k] = wv.byWeight(f, w)
			clear(weight)
			words = words[:0]
			for n, id := range f.ids {
				if wv.stem[id] != nil {
					words = append(words, f.surface[n])
					weight[f.surface[n]] = math.Sqrt(w[id])
				}
			}
			if len(words) > 0 {
				wv.sent[d][k] = unit(wordvec.SentenceVector(words, func(s string) float64 { return weight[s] }))
			}
		}
	})
	return wv
}

// forChunks calls work(lo, hi) for consecutive ranges that cover [0, n),
// spread over the processors.
func forChunks(n int, work func(lo, hi int)) {
	const size = 512
	_ = parallel.For(context.Background(), (n+size-1)/size, func(_, k int) {
		work(k*size, min(n, (k+1)*size))
	})
}

// unit scales x to unit length in place and returns it (nil when zero).
func unit(x []float32) []float32 {
	n := 0.0
	for _, c := range x {
		n += float64(c) * float64(c)
	}
	if n == 0 {
		return nil
	}
	s := float32(1 / math.Sqrt(n))
	for i := range x {
		x[i] *= s
	}
	return x
}

// dot32 is the dot product of two vectors of one length. Four running
// sums take every fourth product each; the blocks are read through array
// pointers, so that the loop checks no index.
func dot32(a, b []float32) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+8 <= len(a); i += 8 {
		x, y := (*[8]float32)(a[i:i+8]), (*[8]float32)(b[i:i+8])
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
		s0 += x[4] * y[4]
		s1 += x[5] * y[5]
		s2 += x[6] * y[6]
		s3 += x[7] * y[7]
	}
	if i+4 <= len(a) {
		x, y := (*[4]float32)(a[i:i+4]), (*[4]float32)(b[i:i+4])
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
		i += 4
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return float64(s0 + s1 + s2 + s3)
}

// alignDiscount is taken off the cosine of two different words, as in
// wordvec.Align: only close words count, and none as much as the same stem.
const alignDiscount = 0.5

// align is the idf-weighted greedy word alignment of two sentences, in
// [0, 1]: each content stem of one is matched to its most similar stem of
// the other (1 for the same stem, the cosine of their vectors less
// alignDiscount, at least 0, for others), the best similarities averaged
// with the stems' weights, and the two directions averaged.
func (wv *wordVectors) align(da, i, db, j int, a, b *sentFeat, w []float64, sc *scratch) float64 {
	if len(a.ids) == 0 || len(b.ids) == 0 {
		return 0
	}
	bestA := growClear(&sc.bestA, len(a.ids))
	bestB := growClear(&sc.bestB, len(b.ids))
	// The same stems match fully; only the others are compared by vector.
	for x, y := 0, 0; x < len(a.ids) && y < len(b.ids); {
		switch {
		case a.ids[x] < b.ids[y]:
			x++
		case b.ids[y] < a.ids[x]:
			y++
		default:
			bestA[x], bestB[y] = 1, 1
			x++
			y++
		}
	}
	restA := heaviest(sc.vecA[:0], wv.order[da][i], bestA)
	restB := heaviest(sc.vecB[:0], wv.order[db][j], bestB)
	sc.vecA, sc.vecB = restA, restB
	for _, n := range restA {
		va := wv.stem[a.ids[n]]
		best := 0.0
		for _, m := range restB {
			if s := dot32(va, wv.stem[b.ids[m]]) - alignDiscount; s > 0 {
				best = max(best, s)
				bestB[m] = max(bestB[m], s)
			}
		}
		bestA[n] = best
	}
	return (weightedMean(a.ids, bestA, w) + weightedMean(b.ids, bestB, w)) / 2
}

// maxAligned is how many of a sentence's unmatched stems, the heaviest,
// are compared by vector at most: a long sentence's light words change
// its alignment little and would cost a product per pair. Six gives the
// dev figures of eight (news_synth_dev 978 correct links against 979,
// the other sets unchanged; four loses a little more) for 44 % fewer
// products.
const maxAligned = 6

// heaviest appends to dst the first maxAligned places of order (a
// sentence's stems with a vector, heaviest first) not matched exactly
// (best 1), and returns it.
func heaviest(dst []int, order []int32, best []float64) []int {
	for _, n := range order {
		if len(dst) == maxAligned {
			break
		}
		if best[n] != 1 {
			dst = append(dst, int(n))
		}
	}
	return dst
}

// byWeight returns the places of f's stems that have a vector, heaviest
// first (ties in place order).
func (wv *wordVectors) byWeight(f *sentFeat, w []float64) []int32 {
	var order []int32
	for n, id := range f.ids {
		if wv.stem[id] != nil {
			order = append(order, int32(n))
		}
	}
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(w[f.ids[y]], w[f.ids[x]]) })
	return order
}

// weightedMean is the mean of best, stem ids[k] weighing w[ids[k]].
func weightedMean(ids []int32, best, w []float64) float64 {
	sum, total := 0.0, 0.0
	for k, id := range ids {
		sum += w[id] * best[k]
		total += w[id]
	}
	if total == 0 {
		return 0
	}
	return sum / total
}

// growClear returns (*buf)[:n] zeroed, growing *buf when it is too small.
func growClear(buf *[]float64, n int) []float64 {
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	x := (*buf)[:n]
	clear(x)
	return x
}

// sentCos is the cosine of the sentence vectors of sentence i of document a
// and j of b, 0 when either has none.
func (wv *wordVectors) sentCos(a, i, b, j int) float64 {
	x, y := wv.sent[a][i], wv.sent[b][j]
	if x == nil || y == nil {
		return 0
	}
	return dot32(x, y)
}
