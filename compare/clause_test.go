package compare

import "testing"

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
