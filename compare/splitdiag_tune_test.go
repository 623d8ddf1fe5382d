//go:build tune

package compare

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"parallax/corpus"
	"parallax/evaluate"
)

// TestSplitDiag looks at news_synth_dev's splits and merges (a sentence
// the gold links to two or more): how often the two or more are adjacent,
// and, for the substantive candidates, the share of gold links by
// splitCover (what each half of the best adjacent join adds), apart for
// the candidates best in their row or column and the others.
func TestSplitDiag(t *testing.T) {
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	pairs, err := evaluate.LoadNewsSynth(dir+"/news_synth_dev", corpus.FromText)
	if err != nil {
		t.Fatal(err)
	}
	p := defaultParams
	adj, nonadj := 0, 0
	type bucket struct{ n, pos float64 }
	var gb [6][2]bucket
	for _, pa := range pairs {
		gold := pa.GoldLinks()
		byA, byB := map[int][]int{}, map[int][]int{}
		for _, g := range gold {
			byA[g[0]] = append(byA[g[0]], g[1])
			byB[g[1]] = append(byB[g[1]], g[0])
		}
		for _, m := range []map[int][]int{byA, byB} {
			for _, v := range m {
				if len(v) < 2 {
					continue
				}
				for k := 1; k < len(v); k++ {
					if v[k]-v[k-1] == 1 {
						adj++
					} else {
						nonadj++
					}
				}
			}
		}
		pr, _ := prepare(context.Background(), []*corpus.Document{pa.A, pa.B}, p)
		cs := pr.pairCandidates(0, 1, p)
		for _, c := range cs {
			if !c.substantive(p, false) {
				continue
			}
			best := 0
			if c.x[fRowBest] == 1 || c.x[fColBest] == 1 {
				best = 1
			}
			g := splitCover(pr, c.i, c.j)
			k := min(5, int(g/0.1))
			gb[k][best].n++
			gb[k][best].pos += b2f(pa.IsGold(c.i, c.j))
		}
	}
	fmt.Println("adjacent", adj, "nonadjacent", nonadj)
	for k := range gb {
		fmt.Printf("cover>=%.1f notbest n %.0f gold %.2f | best n %.0f gold %.2f\n", float64(k)*0.1, gb[k][0].n, gb[k][0].pos/gb[k][0].n, gb[k][1].n, gb[k][1].pos/gb[k][1].n)
	}
}

// splitCover is, over the four joins of one sentence of candidate (i, j)
// with its neighbour (a against b-1 + b and b + b+1, b against a-1 + a
// and a + a+1), the best share of the lone sentence's weight that each
// half alone holds, the smaller of the two (exact stems).
func splitCover(pr *prepared, i, j int) float64 {
	fa, fb, ma, mb := pr.feats[0], pr.feats[1], pr.masses[0], pr.masses[1]
	best := 0.0
	try := func(x *sentFeat, mx float64, y *sentFeat, zs []sentFeat, k int) {
		if k < 0 || k >= len(zs) || zs[k].skip || mx == 0 {
			return
		}
		z := &zs[k]
		var xy, xz, xyz float64
		for _, id := range x.ids {
			iy, iz := slices.Contains(y.ids, id), slices.Contains(z.ids, id)
			if iy {
				xy += pr.w[id]
			}
			if iz {
				xz += pr.w[id]
			}
			if iy || iz {
				xyz += pr.w[id]
			}
		}
		best = max(best, min(xyz-xz, xyz-xy)/mx)
	}
	try(&fa[i], ma[i], &fb[j], fb, j-1)
	try(&fa[i], ma[i], &fb[j], fb, j+1)
	try(&fb[j], mb[j], &fa[i], fa, i-1)
	try(&fb[j], mb[j], &fa[i], fa, i+1)
	return best
}
