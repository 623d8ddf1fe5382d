package viewmodel

import (
	"strings"
	"testing"

	"parallax/compare"
)

func TestStrengthBand(t *testing.T) {
	for _, tc := range []struct {
		s    float64
		want string
	}{{0, "weak"}, {0.49, "weak"}, {0.5, "medium"}, {0.69, "medium"}, {0.7, "strong"}, {1, "strong"}} {
		if got := StrengthBand(tc.s); got != tc.want {
			t.Errorf("StrengthBand(%.2f) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestHoverText(t *testing.T) {
	v := twoDocs(t)
	for _, tc := range []struct {
		r      compare.Ref
		prefix string
	}{
		{compare.Ref{Doc: 0, Sentence: 0}, "a, sentence 1: shared, score 1.00 (strong), 1 link"},
		{compare.Ref{Doc: 1, Sentence: 2}, "b, sentence 3: unique; "},
	} {
		if got := v.HoverText(tc.r); !strings.HasPrefix(got, tc.prefix) {
			t.Errorf("%v: %q, want it to start %q", tc.r, got, tc.prefix)
		}
	}
}
