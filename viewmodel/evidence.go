package viewmodel

import (
	"strings"
	"unicode"

	"parallax/compare"
)

// Evidence is a link's evidence sorted for the detail panel: the words
// both sentences share, the related-word pairs ("a~b") that stand in for
// each other in the word diff (synonyms in context), and the other
// related-word pairs, which may not mean the same here.
type Evidence struct {
	Shared, InContext, Related []string
}

// SortEvidence sorts a link's evidence. A pair "a~b" (a from the link's A
// sentence, b from its B sentence) is in context when the word diff
// replaces a wording holding a by one holding b at the same place.
func SortEvidence(l compare.Link) Evidence {
	var e Evidence
	for _, ev := range l.Evidence {
		a, b, ok := strings.Cut(ev, "~")
		switch {
		case !ok:
			e.Shared = append(e.Shared, ev)
		case replacedBy(l.Diff, a, b):
			e.InContext = append(e.InContext, ev)
		default:
			e.Related = append(e.Related, ev)
		}
	}
	return e
}

// replacedBy reports whether diff deletes a run holding word a from the A
// sentence next to inserting a run holding word b (in either order).
func replacedBy(diff []compare.DiffSpan, a, b string) bool {
	for i := 0; i+1 < len(diff); i++ {
		x, y := diff[i], diff[i+1]
		if x.Op == compare.OpInsert {
			x, y = y, x
		}
		if x.Op == compare.OpDelete && y.Op == compare.OpInsert && holdsWord(x.Text, a) && holdsWord(y.Text, b) {
			return true
		}
	}
	return false
}

// holdsWord reports whether text has word w, case and punctuation aside.
func holdsWord(text, w string) bool {
	trim := func(s string) string {
		return strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	w = trim(w)
	for _, f := range strings.Fields(text) {
		if trim(f) == w {
			return true
		}
	}
	return false
}
