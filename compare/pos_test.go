package compare

import (
	"slices"
	"testing"
)

// TestPlausibleRelations checks which related words count as evidence
// where they stand (see contextPOS and vocab.plausible): the pairs that
// WordNet relates only through a sense the word cannot have there are
// refused, and synonyms, derivations and inflections used alike are kept.
// Each pair of sentences shares "officials" so that related words count.
func TestPlausibleRelations(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		pair string // evidence "x~y", x from a and y from b
		want bool
	}{
		// Refused: the shared concept comes from another part of speech.
		{"Officials briefed reporters.", "Officials gave a short answer.", "briefed~short", false},
		{"Officials spoke publicly.", "Officials raised the issue.", "publicly~issue", false},
		{"Officials received the letter.", "The payment to officials is due.", "received~due", false},
		{"Officials rushed to the scene.", "The running of officials ended.", "rushed~running", false},
		// Lost: WordNet joins only the noun "crash" to "accident", and
		// no derivation joins the verb to it.
		{"Officials said the car crashed.", "Officials said it was an accident.", "crashed~accident", false},
		// Kept: the same sense, or a derivation of it.
		{"Officials said he was slain.", "Officials said he was killed.", "slain~killed", true},
		{"Officials said the slain officer was young.", "Officials said the killed officer was young.", "slain~killed", true},
		{"Officials said nearly all agreed.", "Officials said almost all agreed.", "nearly~almost", true},
		{"Officials met the immigrants.", "Officials met the migrants.", "immigrants~migrants", true},
		{"Officials raised taxes.", "Officials increased taxes.", "raised~increased", true},
		{"Officials protect the imperiled turtles.", "Officials protect the endangered turtles.", "imperiled~endangered", true},
		{"Officials held talks.", "Officials spoke.", "talks~spoke", true},
		{"Officials of the Mexican government met.", "Officials of Mexico met.", "mexican~mexico", true},
		{"Officials of the United States met.", "Officials agreed and met.", "united~agreed", false},
		{"Two were fatally shot, officials said.", "Two were killed, officials said.", "fatally~killed", true},
		{"Officials said the crash killed two.", "Officials said the accident killed two.", "crash~accident", true},
		{"Officials saw the defence.", "Officials saw the defense.", "defence~defense", true},
	} {
		v := newVocab()
		fa, fb := v.features(tc.a, "en"), v.features(tc.b, "en")
		v.finish()
		w := make([]float64, len(v.stems))
		for i := range w {
			w[i] = 1
		}
		var ev []evidence
		v.overlap(&scratch{}, &fa, &fb, w, 1, &ev)
		got := slices.ContainsFunc(ev, func(e evidence) bool { return e.text == tc.pair })
		if got != tc.want {
			t.Errorf("%q / %q: evidence %v, want %s %v", tc.a, tc.b, ev, tc.pair, tc.want)
		}
	}
}
