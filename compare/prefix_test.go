package compare

import (
	"slices"
	"testing"
)

// TestRelatePrefixes checks which stems that begin others are taken as
// related words: a place's name and its people, a compass point and its
// "-ern", and not the coincidences of spelling the sample and the
// evaluation data showed ("party~particularly").
func TestRelatePrefixes(t *testing.T) {
	v := newVocab()
	for _, s := range []string{
		"Ethiopia said Ethiopian troops crossed; Iraq and the Iraqi army; Japan and Japanese firms; Cuba and Cuban exiles.",
		"Afghan officials in Afghanistan; Brazil and Brazilian police; the north and the northern towns.",
		"The party, particularly its cabin and cabinet, did count countries on the internal internet by the barrier.",
		"Barry and Easter and the eastern coast; angeles and Angela; Atlantic and Atlanta.",
	} {
		v.features(s, "en")
	}
	v.finish()
	stem := func(w string) int32 {
		toks := v.tz.Tokenize(w, "en")
		id, ok := v.ids[toks[0].Stem]
		if !ok {
			t.Fatalf("no stem for %q (%q)", w, toks[0].Stem)
		}
		return id
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Ethiopia", "Ethiopian", true},
		{"Iraq", "Iraqi", true},
		{"Japan", "Japanese", true},
		{"Cuba", "Cuban", true},
		{"Afghan", "Afghanistan", true},
		{"Brazil", "Brazilian", true},
		{"north", "northern", true},
		{"party", "particularly", false},
		{"cabin", "cabinet", false},
		{"count", "countries", false},
		{"internal", "internet", false},
		{"Barry", "barrier", false},
		{"Easter", "eastern", false},
		{"Atlantic", "Atlanta", false},
	} {
		a, b := stem(tc.a), stem(tc.b)
		if got := slices.Contains(v.relIDs[a], b); got != tc.want {
			t.Errorf("%s ~ %s: %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := slices.Contains(v.relIDs[b], a); got != tc.want {
			t.Errorf("%s ~ %s: %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}
