package app

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"

	"parallax/compare"
)

// evidence is a link's evidence sorted for the detail panel: the words
// both sentences share, the related-word pairs ("a~b") that stand in for
// each other in the word diff (synonyms in context), and the other
// related-word pairs, which may not mean the same here.
type evidence struct {
	shared, inContext, related []string
}

// sortEvidence sorts a link's evidence. A pair "a~b" (a from the link's A
// sentence, b from its B sentence) is in context when the word diff
// replaces a wording holding a by one holding b at the same place.
func sortEvidence(l compare.Link) evidence {
	var e evidence
	for _, ev := range l.Evidence {
		a, b, ok := strings.Cut(ev, "~")
		switch {
		case !ok:
			e.shared = append(e.shared, ev)
		case replacedBy(l.Diff, a, b):
			e.inContext = append(e.inContext, ev)
		default:
			e.related = append(e.related, ev)
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

// evidenceSegments write a link's evidence: the shared words, the
// synonyms in context, and the other related words only when the analyst
// asks for them (a link toggles them).
func (v *viewer) evidenceSegments(l compare.Link) []widget.RichTextSegment {
	if l.Corrected && len(l.Evidence) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: "Linked by hand.", Style: dimStyle}}
	}
	e := sortEvidence(l)
	text := "Shared: " + strings.Join(e.shared, ", ")
	if len(e.shared) == 0 {
		text = "Shared: no word as such"
	}
	if len(e.inContext) > 0 {
		text += " · same meaning here: " + strings.Join(e.inContext, ", ")
	}
	if len(e.related) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: dimStyle}}
	}
	toggle := fmt.Sprintf("show %s", plural(len(e.related), "related word", "related words"))
	if v.showRelated {
		text += " · related words, perhaps not synonyms here: " + strings.Join(e.related, ", ")
		toggle = "hide related words"
	}
	return []widget.RichTextSegment{
		&widget.TextSegment{Text: text + " · ", Style: dimInline},
		&widget.HyperlinkSegment{Text: toggle, OnTapped: func() {
			v.showRelated = !v.showRelated
			if v.onShowRelated != nil {
				v.onShowRelated(v.showRelated)
			}
			v.showDetail()
		}},
		&widget.TextSegment{}, // ends the line
	}
}
