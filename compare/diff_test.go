package compare

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want []DiffSpan
	}{
		{"The two leaders met on Sunday.", "The two leaders met on Sunday.",
			[]DiffSpan{{OpEqual, "The two leaders met on Sunday."}}},
		{"The two leaders met on Sunday.", "The two presidents met on Monday.",
			[]DiffSpan{{OpEqual, "The two "}, {OpDelete, "leaders "}, {OpInsert, "presidents "}, {OpEqual, "met on "}, {OpDelete, "Sunday"}, {OpInsert, "Monday"}, {OpEqual, "."}}},
		{"Mexico agreed.", "Mexico quickly agreed.",
			[]DiffSpan{{OpEqual, "Mexico "}, {OpInsert, "quickly "}, {OpEqual, "agreed."}}},
		{"", "New text", []DiffSpan{{OpInsert, "New text"}}},
	}
	for _, tt := range tests {
		got := WordDiff(tt.a, tt.b)
		if len(got) != len(tt.want) {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("WordDiff(%q, %q)[%d] = %q, want %q", tt.a, tt.b, i, got[i], tt.want[i])
			}
		}
	}
}

// TestWordDiffRebuilds checks that the equal and deleted runs rebuild the
// first sentence and the equal and inserted runs the second (up to case).
func TestWordDiffRebuilds(t *testing.T) {
	pairs := [][2]string{
		{"President Biden called López Obrador in December.", "In December, Mr. Biden called Mexico’s president, López Obrador."},
		{"Deportations from Mexico fell by more than half last year.", "Deportations from Mexico have decreased significantly."},
		{"“It is more efficient,” he said.", "He said it is “more efficient.”"},
	}
	for _, p := range pairs {
		var a, b strings.Builder
		for _, s := range WordDiff(p[0], p[1]) {
			if s.Op != OpInsert {
				a.WriteString(s.Text)
			}
			if s.Op != OpDelete {
				b.WriteString(s.Text)
			}
		}
		if a.String() != p[0] {
			t.Errorf("A rebuilt as %q, want %q", a.String(), p[0])
		}
		if !strings.EqualFold(strings.Join(strings.Fields(b.String()), ""), strings.Join(strings.Fields(p[1]), "")) {
			t.Errorf("B rebuilt as %q, want %q", b.String(), p[1])
		}
	}
}

func TestDiffEqualShare(t *testing.T) {
	if s := diffEqualShare(WordDiff("a b c d", "a b c d")); s != 1 {
		t.Errorf("identical share = %v, want 1", s)
	}
	if s := diffEqualShare(WordDiff("alpha beta", "gamma delta")); s != 0 {
		t.Errorf("disjoint share = %v, want 0", s)
	}
	if s := diffEqualShare(WordDiff("one two three four", "one two three five")); s != 0.75 {
		t.Errorf("3 of 4 share = %v, want 0.75", s)
	}
}
