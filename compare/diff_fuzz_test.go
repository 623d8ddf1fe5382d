package compare

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzWordDiff checks that the spans of WordDiff rebuild both sentences:
// the equal and deleted runs give a back exactly, the equal and inserted
// runs give b back up to white space and case (equal runs are written as
// in a), that no two neighbouring spans have the same kind and that no span
// is empty.
func FuzzWordDiff(f *testing.F) {
	for _, p := range [][2]string{
		{"", ""},
		{"The two leaders met on Sunday.", "The two presidents met on Monday."},
		{"  Leading space.", "Leading space."},
		{"a.b", "a. b"},
		{"President Biden called López Obrador in December.", "In December, Mr. Biden called Mexico’s president, López Obrador."},
		{"美国总统。双方同意！", "双方同意！美国总统。"},
		{"Deportations fell by more than half.", ""},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip("the diff is of text a reader has decoded")
		}
		spans := WordDiff(a, b)
		var left, right strings.Builder
		for k, s := range spans {
			if s.Text == "" {
				t.Fatalf("span %d is empty: %q", k, spans)
			}
			if k > 0 && spans[k-1].Op == s.Op {
				t.Fatalf("spans %d and %d are both %v: %q", k-1, k, s.Op, spans)
			}
			switch s.Op {
			case OpEqual:
				left.WriteString(s.Text)
				right.WriteString(s.Text)
			case OpDelete:
				left.WriteString(s.Text)
			case OpInsert:
				right.WriteString(s.Text)
			default:
				t.Fatalf("span %d has op %v", k, s.Op)
			}
		}
		if left.String() != a {
			t.Fatalf("equal+delete = %q, want %q (spans %q)", left.String(), a, spans)
		}
		if got, want := fold(right.String()), fold(b); got != want {
			t.Fatalf("equal+insert folds to %q, b to %q (spans %q)", got, want, spans)
		}
	})
}

// fold lower-cases s and drops its white space.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, strings.ToLower(s))
}
