package compare

import (
	"math"
	"slices"
)

// Closest is a sentence's strongest candidate counterpart that did not
// reach the linking threshold: what the analyst may want to link by hand.
type Closest struct {
	// Ref is the counterpart.
	Ref Ref `json:"ref"`
	// Score is the pair's score, on the scale of Link.Score.
	Score float64 `json:"score"`
}

// nearMiss is a rejected candidate seen from one of its sentences: from is
// that sentence, to the counterpart. Within one pair of documents, Doc is
// 0 for document a and 1 for document b until nearMisses names them.
type nearMiss struct {
	from, to Ref
	score    float64
}

// noteRejected records, for every sentence of the pair, its best candidate
// that is no link: of the rejected candidates of its row (or column), the
// one of the highest first-pass odds z1, scored by the full model. The
// candidates that can reach the threshold of the pair's gate g (those
// can selects) have their stacked features in st; the others chosen are
// described now. Scores are on the scale of Link.Score.
func (ps *pairSearch) noteRejected(cands []candidate, z1 []float64, st [][numStack]float64, g *linkGate, can func(k int) bool) {
	stacked := func(x *[numStack]float64) float64 { return dot(stackWeights[:], x[:], stackBias) }
	rejected := func(k int) bool { return !can(k) || !g.links(stacked(&st[k])) }
	bestA, bestB := bestBy(len(ps.fa), len(cands), z1, func(k int) int { return cands[k].i }, rejected),
		bestBy(len(ps.fb), len(cands), z1, func(k int) int { return cands[k].j }, rejected)
	chosen := make([]bool, len(cands))
	for _, k := range slices.Concat(bestA, bestB) {
		if k >= 0 {
			chosen[k] = true
		}
	}
	rest := stackFeatures(cands, z1, len(ps.fa), len(ps.fb), ps.context, nil, func(k int) bool { return chosen[k] && !can(k) }, g.bg, math.Inf(-1))
	score := func(k int) float64 {
		x := &rest[k]
		if can(k) {
			x = &st[k]
		}
		return round3(sigmoid(min(stacked(x), g.thr-1e-9)))
	}
	ps.near = ps.near[:0]
	for i, k := range bestA {
		if k >= 0 {
			ps.near = append(ps.near, nearMiss{Ref{0, i}, Ref{1, cands[k].j}, score(k)})
		}
	}
	for j, k := range bestB {
		if k >= 0 {
			ps.near = append(ps.near, nearMiss{Ref{1, j}, Ref{0, cands[k].i}, score(k)})
		}
	}
}

// bestBy returns, for each of n sentences, the candidate k of the highest
// z1 among those that keep selects and whose sentence (at) it is; -1 for
// none. Of equal odds, the first is kept.
func bestBy(n, m int, z1 []float64, at func(k int) int, keep func(k int) bool) []int {
	best := make([]int, n)
	for i := range best {
		best[i] = -1
	}
	for k := range m {
		if !keep(k) {
			continue
		}
		if b := best[at(k)]; b < 0 || z1[k] > z1[b] {
			best[at(k)] = k
		}
	}
	return best
}

// nearMisses returns the pair's near misses with their documents named: a
// and b.
func (ps *pairSearch) nearMisses(a, b int) []nearMiss {
	out := slices.Clone(ps.near)
	doc := [2]int{a, b}
	for k := range out {
		out[k].from.Doc, out[k].to.Doc = doc[out[k].from.Doc], doc[out[k].to.Doc]
	}
	return out
}

// closestOf gathers the near misses of every pair of documents (in pair
// order) into each sentence's strongest one; of equal scores, the first
// found is kept, so that the result does not depend on scheduling.
func closestOf(near [][]nearMiss) map[Ref]Closest {
	out := map[Ref]Closest{}
	for _, pair := range near {
		for _, n := range pair {
			if old, ok := out[n.from]; !ok || n.score > old.Score {
				out[n.from] = Closest{Ref: n.to, Score: n.score}
			}
		}
	}
	return out
}
