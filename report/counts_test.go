package report

import (
	"testing"

	"parallax/compare"
)

func TestCount(t *testing.T) {
	res := &compare.Result{
		Sentences: [][]compare.SentenceResult{
			{{Status: compare.Shared}, {Status: compare.Paraphrased}, {Status: compare.Unique}, {Status: compare.Unique, Boilerplate: true}},
			{{Status: compare.Shared}, {Status: compare.Paraphrased}},
		},
		Links: []compare.Link{{Kind: compare.Shared}, {Kind: compare.Paraphrased}},
	}
	got := Count(res)
	want := Totals{Articles: 2, Sentences: 6, Boilerplate: 1, Shared: 2, Paraphrased: 2, Unique: 1,
		Links: 2, SharedLinks: 1, ParaphrasedLinks: 1}
	if got != want {
		t.Fatalf("Count = %+v, want %+v", got, want)
	}
	for k, n := range map[compare.Kind]int{compare.Shared: 2, compare.Paraphrased: 2, compare.Unique: 1} {
		if got.Of(k) != n {
			t.Errorf("Of(%s) = %d, want %d", k, got.Of(k), n)
		}
	}
	if s, w := got.String(), "2 articles · 6 sentences = 5 + 1 boilerplate · 2 shared, 2 paraphrased, 1 unique · 2 links (1 shared, 1 paraphrased)"; s != w {
		t.Errorf("String = %q, want %q", s, w)
	}
	if Count(nil) != (Totals{}) {
		t.Error("a nil result counts something")
	}
}

func TestSentencesText(t *testing.T) {
	for _, tc := range []struct {
		all, bp int
		want    string
	}{
		{1, 0, "1 sentence"},
		{31, 0, "31 sentences"},
		{34, 3, "34 sentences = 31 + 3 boilerplate"},
	} {
		if got := SentencesText(tc.all, tc.bp); got != tc.want {
			t.Errorf("SentencesText(%d, %d) = %q, want %q", tc.all, tc.bp, got, tc.want)
		}
	}
}
