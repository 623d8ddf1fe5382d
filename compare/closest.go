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
// that sentence, to the counterpart.
type nearMiss struct {
	from, to Ref
	score    float64
}

// nearMisses finds, for every sentence of the pair, its best candidate
// that is no link under gate g: of the rejected candidates of its row (or
// column), the one of the highest first-pass odds, scored by the full
// model. The candidates g lets link have their second-pass odds already;
// the others chosen are described now, without neighbours outside the
// candidates. Scores are on the scale of Link.Score.
func (po *pairOdds) nearMisses(g *linkGate) []nearMiss {
	can := func(k int) bool { return po.can(k, g) }
	rejected := func(k int) bool { return !can(k) || !g.links(po.z[k]) }
	bestA, bestB := bestBy(po.na, len(po.cells), po.z1, func(k int) int { return int(po.cells[k].i) }, rejected),
		bestBy(po.nb, len(po.cells), po.z1, func(k int) int { return int(po.cells[k].j) }, rejected)
	chosen := make([]bool, len(po.cells))
	for _, k := range slices.Concat(bestA, bestB) {
		if k >= 0 {
			chosen[k] = true
		}
	}
	rest := make([]float64, len(po.cells)) // the second-pass log-odds of those chosen that cannot link
	stackFeatures(po.cells, po.z1, po.na, po.nb, po.context, nil, func(k int) bool { return chosen[k] && !can(k) }, g.bg, math.Inf(-1),
		func(k int, x [numStack]float64) { rest[k] = dot(stackWeights[:], x[:], stackBias) })
	score := func(k int) float64 {
		z := po.z[k]
		if !can(k) {
			z = rest[k]
		}
		return round3(sigmoid(min(z, g.thr-1e-9)))
	}
	var near []nearMiss
	for i, k := range bestA {
		if k >= 0 {
			near = append(near, nearMiss{Ref{po.a, i}, Ref{po.b, int(po.cells[k].j)}, score(k)})
		}
	}
	for j, k := range bestB {
		if k >= 0 {
			near = append(near, nearMiss{Ref{po.b, j}, Ref{po.a, int(po.cells[k].i)}, score(k)})
		}
	}
	return near
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
