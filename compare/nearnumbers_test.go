package compare

import (
	"slices"
	"testing"
)

func TestRelateNearNumbers(t *testing.T) {
	v := newVocab()
	ids := map[string]int32{}
	for _, n := range []string{"22000", "22464", "23000", "2008", "2009", "50", "51", "1500", "1483", "1.5"} {
		ids[n] = v.id(n, true, true)
	}
	ids["dead"] = v.id("dead", true, false)
	rel := make([][]int32, len(v.stems))
	v.relateNearNumbers(rel)
	related := func(a, b string) bool { return slices.Contains(rel[ids[a]], ids[b]) }
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"22000", "22464", true}, // "more than 22,000" for 22,464
		{"1500", "1483", true},   // "roughly 1,500 acres" for 1,483
		{"22000", "23000", false},
		{"2008", "2009", false}, // years
		{"50", "51", false},     // small numbers are exact or nothing
		{"22464", "dead", false},
	} {
		if got := related(tc.a, tc.b); got != tc.want {
			t.Errorf("%s ~ %s: %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := related(tc.b, tc.a); got != tc.want {
			t.Errorf("%s ~ %s: %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}
