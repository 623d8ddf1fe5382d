package stem

import "testing"

func TestStemmer(t *testing.T) {
	tests := []struct {
		lang, word, stem string
		stop             bool
	}{
		{"en", "migrants", "migrant", false},
		{"", "migrants", "migrant", false}, // English when empty
		{"en", "the", "the", true},
		{"en", "said", "said", true}, // a word of reporting
		{"en", "us", "us", true},
		{"es", "migrantes", "migrant", false},
		{"es", "dijo", "dij", true},
		{"fr", "selon", "selon", true},
		{"de", "trifft", "trifft", false}, // no stemmer: words as they are
		{"de", "und", "und", false},
	}
	c := NewCache()
	for _, tc := range tests {
		for name, s := range map[string]Stemmer{"For": For(tc.lang), "Cache": c.Stemmer(tc.lang)} {
			if got := s.Stem(tc.word); got != tc.stem {
				t.Errorf("%s(%q).Stem(%q) = %q, want %q", name, tc.lang, tc.word, got, tc.stem)
			}
			if got := s.IsStop(tc.word); got != tc.stop {
				t.Errorf("%s(%q).IsStop(%q) = %v, want %v", name, tc.lang, tc.word, got, tc.stop)
			}
		}
	}
	if c.Len() != len(tests) {
		t.Errorf("cache remembers %d stems, want %d", c.Len(), len(tests))
	}
	// A remembered stem is the one computed.
	if got := c.Stemmer("en").Stem("migrants"); got != "migrant" {
		t.Errorf("remembered stem %q", got)
	}
}
