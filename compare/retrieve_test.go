package compare

import (
	"context"
	"fmt"
	"testing"

	"parallax/corpus"
	"parallax/devtools/longpair"
	"parallax/evaluate"
)

// TestRetrievalMatchesExhaustive checks that the bounded candidate search
// links what scoring every pair that shares a stem links, on a long pair
// built from the evaluation data (40 originals against their shuffled
// rewrites, about 500 sentences each) in both regimes.
func TestRetrievalMatchesExhaustive(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	arts, err := longpair.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	orig, rw, err := arts.Pair(40, 1)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*corpus.Document{corpus.FromText("original.txt", orig), corpus.FromText("rewrite.txt", rw)}
	all := defaultParams
	all.topK, all.postingCap = 0, 0
	for _, sens := range []float64{DefaultSensitivity, RewriteSensitivity} {
		opts := Options{Sensitivity: sens}
		want := linkSet(t, docs, opts, all)
		got := linkSet(t, docs, opts, defaultParams)
		if len(want) < 100 {
			t.Fatalf("sensitivity %.2f: only %d links from the exhaustive search", sens, len(want))
		}
		for l, s := range want {
			if g, ok := got[l]; !ok || g != s {
				t.Errorf("sensitivity %.2f: link %s: exhaustive %s, bounded %s", sens, l, s, g)
			}
		}
		for l, g := range got {
			if _, ok := want[l]; !ok {
				t.Errorf("sensitivity %.2f: link %s only from the bounded search (%s)", sens, l, g)
			}
		}
	}
}

// linkSet compares docs and returns each link, by its sentences, with its
// score and kind.
func linkSet(t *testing.T, docs []*corpus.Document, opts Options, p params) map[string]string {
	t.Helper()
	res, err := compareWith(context.Background(), docs, opts, p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range res.Links {
		out[fmt.Sprintf("%d:%d-%d:%d", l.A.Doc, l.A.Sentence, l.B.Doc, l.B.Sentence)] = fmt.Sprintf("%.3f %s", l.Score, l.Kind)
	}
	return out
}
