package compare_test

import (
	"context"
	"maps"
	"testing"

	"parallax/compare"
)

// TestClosest checks the closest rejected candidates of the sample: every
// unique sentence that shares content with another article has one, in
// another article, scored below every link (the threshold lies between),
// and the same on every run; at a higher sensitivity near misses of the
// default become links.
func TestClosest(t *testing.T) {
	docs := sampleDocs(t)
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.DefaultSensitivity, Closest: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Closest) == 0 {
		t.Fatal("no closest candidates on the sample")
	}
	if plain, err := compare.Compare(context.Background(), docs, compare.DefaultOptions()); err != nil || len(plain.Closest) != 0 {
		t.Errorf("without Options.Closest: %d closest candidates (err %v), want none", len(plain.Closest), err)
	}
	weakest := 1.0
	for _, l := range res.Links {
		weakest = min(weakest, l.Score)
	}
	uniques, best := 0, compare.Closest{}
	var bestFrom compare.Ref
	for from, c := range res.Closest {
		if c.Ref.Doc == from.Doc || c.Ref.Doc >= len(docs) || c.Ref.Sentence >= len(docs[c.Ref.Doc].Sentences) {
			t.Errorf("%v: closest %v is not a sentence of another article", from, c.Ref)
		}
		if c.Score <= 0 || c.Score >= weakest {
			t.Errorf("%v: closest score %.3f, want in (0, %.3f), below the weakest link", from, c.Score, weakest)
		}
		if res.Sentences[from.Doc][from.Sentence].Status == compare.Unique {
			uniques++
		}
		if c.Score > best.Score || (c.Score == best.Score && (from.Doc < bestFrom.Doc || from.Doc == bestFrom.Doc && from.Sentence < bestFrom.Sentence)) {
			best, bestFrom = c, from
		}
	}
	if uniques == 0 {
		t.Error("no unique sentence has a closest candidate")
	}
	again, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.DefaultSensitivity, Closest: true})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(res.Closest, again.Closest) {
		t.Error("closest candidates differ between two runs")
	}
	loose, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: 1, Closest: true})
	if err != nil {
		t.Fatal(err)
	}
	links := map[[2]compare.Ref]bool{}
	for _, l := range loose.Links {
		links[[2]compare.Ref{l.A, l.B}], links[[2]compare.Ref{l.B, l.A}] = true, true
	}
	became := 0
	for from, c := range res.Closest {
		if links[[2]compare.Ref{from, c.Ref}] {
			became++
		}
	}
	// A near miss the gates hold back (no shared common word between
	// independent articles) stays one at any sensitivity; the others the
	// lower threshold links.
	if became == 0 {
		t.Errorf("none of the %d near misses (the strongest %v–%v, %.3f) is a link at sensitivity 1", len(res.Closest), bestFrom, best.Ref, best.Score)
	}
}
