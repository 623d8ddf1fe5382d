package corpus

import (
	"slices"
	"testing"
)

func TestNaturalLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1_2", "1_10", true},
		{"1_10", "1_2", false},
		{"page9.txt", "page10.txt", true},
		{"page10.txt", "page9.txt", false},
		{"a", "b", true},
		{"b", "a", false},
		{"a", "a", false},
		{"a", "a1", true},
		{"a1", "a", false},
		{"7", "07", true},
		{"07", "7", false},
		{"007", "8", true},
		{"x2y", "x2z", true},
		{"x10y1", "x10y01", true},
		{"99999999999999999999", "100000000000000000000", true},
		{"", "a", true},
		{"", "", false},
		{"A", "a", true},
		{"dir/2/a.txt", "dir/10/a.txt", true},
	}
	for _, tt := range tests {
		if got := NaturalLess(tt.a, tt.b); got != tt.want {
			t.Errorf("NaturalLess(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNaturalLessSort(t *testing.T) {
	got := []string{"1_10.txt", "1_2.txt", "1_1.txt", "10.txt", "2.txt", "b.txt", "a.txt", "1_02.txt"}
	slices.SortFunc(got, NaturalCompare)
	want := []string{"1_1.txt", "1_2.txt", "1_02.txt", "1_10.txt", "2.txt", "10.txt", "a.txt", "b.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}

// FuzzNaturalLess checks that the order is strict and total: never both
// a<b and b<a, and one of them unless a == b.
func FuzzNaturalLess(f *testing.F) {
	f.Add("1_2", "1_10")
	f.Add("07", "7")
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := NaturalLess(a, b), NaturalLess(b, a)
		if ab && ba {
			t.Fatalf("both %q < %q and the reverse", a, b)
		}
		if !ab && !ba && a != b {
			t.Fatalf("%q and %q unordered", a, b)
		}
		if want := map[bool]int{true: -1}[ab] + map[bool]int{true: 1}[ba]; NaturalCompare(a, b) != want {
			t.Fatalf("NaturalCompare(%q, %q) = %d, want %d", a, b, NaturalCompare(a, b), want)
		}
	})
}
