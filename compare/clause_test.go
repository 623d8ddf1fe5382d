package compare

import (
	"context"
	"testing"

	"parallax/corpus"
)

func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // clauses (0: one, not split)
	}{
		{"The president met the governor of the northern state on Monday.", 0},
		{"Police arrested three suspects near the border; officials said more arrests would follow soon.", 2},
		{"The storm destroyed forty homes in the valley, while rescuers searched the hills for missing hikers.", 2},
		{"The minister resigned on Friday, which surprised lawmakers in the capital city.", 2},
		{"Roads closed — schools across the region shut early.", 0}, // the second piece is short: one clause
	} {
		v := newVocab()
		f := v.features(tc.text, "en")
		if len(f.clauses) != tc.want {
			t.Errorf("%q: %d clauses %v, want %d", tc.text, len(f.clauses), f.clauses, tc.want)
		}
	}
}

func TestClauseFit(t *testing.T) {
	v := newVocab()
	long := v.features("Police arrested three suspects near the border; officials said more arrests would follow soon.", "en")
	short := v.features("Three suspects were arrested by police near the border.", "en")
	w := make([]float64, len(v.stems))
	for i := range w {
		w[i] = 1
	}
	dice, cover := clauseFit(&long, &short, w)
	whole := 2 * 5 / float64(len(long.ids)+len(short.ids))
	if dice <= whole || cover < 0.99 {
		t.Errorf("clauseFit = %.2f, %.2f; want above the whole sentences' Dice %.2f and a full cover", dice, cover, whole)
	}
}

// TestProbability checks that every link carries a probability in (0, 1]
// at or above the threshold of its sensitivity, and that Score gives the
// probability of the same model with one cut.
func TestProbability(t *testing.T) {
	docs := []*corpus.Document{
		corpus.FromText("a.txt", "Police arrested three suspects near the border on Monday. The weather was mild in the capital."),
		corpus.FromText("b.txt", "Three suspects were arrested by police near the border on Monday. Farmers celebrated a record harvest."),
	}
	res, err := Compare(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Links) != 1 {
		t.Fatalf("%d links, want 1", len(res.Links))
	}
	l := res.Links[0]
	if l.Probability < round3(sigmoid(sensThreshold(DefaultSensitivity, defaultParams))) || l.Probability > 1 || l.Score != l.Probability {
		t.Errorf("link probability %.3f, score %.3f", l.Probability, l.Score)
	}
	if p, k := Score(docs[0].SentenceText(0), docs[1].SentenceText(0)); p < linkThreshold || k == Unrelated {
		t.Errorf("Score = %.3f %s, want a link", p, k)
	}
	if p, k := Score(docs[0].SentenceText(1), docs[1].SentenceText(1)); p >= linkThreshold || k != Unrelated {
		t.Errorf("Score of unrelated sentences = %.3f %s", p, k)
	}
}
