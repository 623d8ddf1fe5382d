package viewmodel

import (
	"strings"
	"testing"

	"parallax/compare"
)

func TestAlignDiff(t *testing.T) {
	for _, tc := range []struct {
		name, a, b, plain string
	}{
		{"replaced and added", "Migrants crossed in record numbers, officials said.", "Migrants crossed in December, officials said on Friday.",
			"Migrants crossed in [-record numbers] [+December], officials said [+on] [+Friday]."},
		{"same", "The council met.", "The council met.", "The council met."},
		{"long replacement word against word", "A B C D E F stop.", "V W X Y Z stop.",
			"[-A] [+V] [-B] [+W] [-C] [+X] [-D] [+Y] [-E] [+Z] [-F] stop."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := compare.Link{A: compare.Ref{Doc: 0}, B: compare.Ref{Doc: 1}, Diff: compare.WordDiff(tc.a, tc.b)}
			cells := AlignDiff(l, l.A)
			var top, bottom []string
			for _, c := range cells {
				if c.Top != "" {
					top = append(top, c.Top)
				}
				if c.Bottom != "" {
					bottom = append(bottom, c.Bottom)
				}
				if c.Kind == CellEqual && c.Top != c.Bottom {
					t.Errorf("common column %q / %q", c.Top, c.Bottom)
				}
			}
			nospace := func(s string) string { return strings.ReplaceAll(s, " ", "") }
			if got := strings.Join(top, " "); nospace(got) != nospace(tc.a) {
				t.Errorf("upper line %q, want the selected sentence %q", got, tc.a)
			}
			if got := strings.Join(bottom, " "); nospace(got) != nospace(tc.b) {
				t.Errorf("lower line %q, want the counterpart %q", got, tc.b)
			}
			// Seen from B, the lines swap.
			for i, c := range AlignDiff(l, l.B) {
				if c.Top != cells[i].Bottom || c.Bottom != cells[i].Top {
					t.Fatalf("seen from B, column %d is %q / %q; from A %q / %q", i, c.Top, c.Bottom, cells[i].Top, cells[i].Bottom)
				}
			}
			if plain := DiffPlain(cells); plain != tc.plain {
				t.Errorf("plain diff %q, want %q", plain, tc.plain)
			}
		})
	}
}

func TestSortEvidence(t *testing.T) {
	a := "Mexico's court ruled on Monday, the minister said."
	b := "The Mexican court ruled on Monday, the minister stated."
	for _, tc := range []struct {
		name                       string
		evidence                   []string
		shared, inContext, related string
	}{
		{"all three", []string{"court", "ruled", "mexico's~mexican", "monday~day"}, "court,ruled", "mexico's~mexican", "monday~day"},
		{"shared only", []string{"court"}, "court", "", ""},
		{"none", nil, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := compare.Link{Diff: compare.WordDiff(a, b), Evidence: tc.evidence}
			e := SortEvidence(l)
			if got := [3]string{strings.Join(e.Shared, ","), strings.Join(e.InContext, ","), strings.Join(e.Related, ",")}; got != [3]string{tc.shared, tc.inContext, tc.related} {
				t.Errorf("sorted as %q", got)
			}
		})
	}
}
