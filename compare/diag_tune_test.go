//go:build tune

package compare

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"parallax/corpus"
	"parallax/evaluate"
)

// TestDiag is an error analysis of the engine's links at the default
// sensitivity on news_synth_dev (SET=ep: ecb_pairs_dev). It counts the
// gold links found and, for those missed, why: no candidate (no content
// stem shared exactly), not retrieved by the bounded search, not
// substantive (see candidate.substantive) or scored below the cut; each
// also counted apart when the gold links one of its sentences to more
// than one (a split or merge). It counts the false links, and apart those
// whose row or column holds a gold link (a neighbour of a true link).
// DUMP=1 prints every miss and false link with both sentences.
func TestDiag(t *testing.T) {
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	load, sub := evaluate.LoadNewsSynth, "/news_synth_dev"
	switch os.Getenv("SET") {
	case "ep":
		load, sub = evaluate.LoadECBPairs, "/ecb_pairs_dev"
	case "ed":
		load, sub = evaluate.LoadECBDev, "/ecb_dev"
	}
	pairs, err := load(dir+sub, corpus.FromText)
	if err != nil {
		t.Fatal(err)
	}
	p := defaultParams
	cnt := map[string]int{}
	dump := os.Getenv("DUMP") != ""
	for _, pa := range pairs {
		docs := []*corpus.Document{pa.A, pa.B}
		res, _ := compareWith(context.Background(), docs, DefaultOptions(), p)
		pred := map[[2]int]float64{}
		for _, l := range res.Links {
			pred[[2]int{l.A.Sentence, l.B.Sentence}] = l.Score
		}
		pr, _ := prepare(context.Background(), docs, p)
		all := map[[2]int]*candidate{}
		cs := pr.pairCandidates(0, 1, p)
		for k := range cs {
			all[[2]int{cs[k].i, cs[k].j}] = &cs[k]
		}
		_, bounded, _ := candidates(context.Background(), pr, 0, 1, p, &scratch{})
		retrieved := map[[2]int]bool{}
		for _, c := range bounded {
			retrieved[[2]int{c.i, c.j}] = true
		}
		gold := pa.GoldLinks()
		degA, degB := map[int]int{}, map[int]int{}
		for _, g := range gold {
			degA[g[0]]++
			degB[g[1]]++
		}
		for _, g := range gold {
			c := all[g]
			why := "lowscore"
			switch {
			case pred[g] > 0:
				why = "found"
			case c == nil:
				why = "nocand"
			case !retrieved[g]:
				why = "notretrieved"
			case !c.substantive(p, false):
				why = "notsubst"
			}
			cnt[why]++
			if degA[g[0]] > 1 || degB[g[1]] > 1 {
				cnt[why+"_split"]++
			}
			if dump && why != "found" {
				fmt.Printf("MISS %s %s %v cos %.2f\n  A: %s\n  B: %s\n", why, pa.ID, g, pr.vec.sentCos(0, g[0], 1, g[1]),
					pa.A.SentenceText(g[0]), pa.B.SentenceText(g[1]))
			}
		}
		for k, s := range pred {
			if pa.IsGold(k[0], k[1]) || !pa.Judged(k[0], k[1]) {
				continue
			}
			cnt["false"]++
			if degA[k[0]] > 0 || degB[k[1]] > 0 {
				cnt["false_nextto"]++
			}
			if dump {
				fmt.Printf("FALSE %s %v %.2f\n  A: %s\n  B: %s\n", pa.ID, k, s, pa.A.SentenceText(k[0]), pa.B.SentenceText(k[1]))
			}
		}
	}
	keys := make([]string, 0, len(cnt))
	for k := range cnt {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s %d\n", k, cnt[k])
	}
}
