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

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		lang, word string
		want       int
		ok         bool
	}{
		{"en", "nine", 9, true},
		{"en", "seventeen", 17, true},
		{"en", "ninety", 90, true},
		{"", "three", 3, true},
		{"en", "one", 0, false}, // a pronoun, mostly
		{"en", "two", 0, false}, // "the two leaders"
		{"en", "hundred", 0, false},
		{"en", "nineteenth", 0, false},
		{"es", "nine", 0, false},
		{"de", "neun", 0, false},
	} {
		n, ok := For(tc.lang).Number(tc.word)
		if n != tc.want || ok != tc.ok {
			t.Errorf("For(%q).Number(%q) = %d, %v; want %d, %v", tc.lang, tc.word, n, ok, tc.want, tc.ok)
		}
	}
}
