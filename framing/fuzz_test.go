package framing

import (
	"testing"
	"unicode/utf8"

	"parallax/corpus"
)

// FuzzParsers feeds arbitrary text to the figure, name and quote finders:
// none may panic, and every offset they give must hold the text they give.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{
		"“The regional challenge,” said Alicia Bárcena. “It grows,” she added.",
		`"Quote straight," he said, "and more of it here."`,
		"More than 10,000 people on Dec. 12, 2023, and $1.2 billion (40%).",
		"Secretary of State Antony J. Blinken met López Obrador of Mexico in Mexico City.",
		"Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab\n\nIn Bener Meriah, a Bukit Sama village resident said so.",
		"“unclosed quote at the end of a paragraph", "\"", "“”", "$", "Jan. 99", "U.S.", "A-b C-d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFigureMatches(t, s) // invalid UTF-8 included
		checkMayHoldFigure(t, s)
		checkNameTokens(t, s)
		if !utf8.ValidString(s) {
			return
		}
		for _, fg := range Figures(s) {
			if fg.Start < 0 || fg.End > len(s) || fg.Start > fg.End {
				t.Fatalf("figure %+v out of %q", fg, s)
			}
			_ = fg.Normal()
		}
		_ = Conflicts(s, s+" 3,000 people")
		for _, m := range Names(s, map[string]bool{"blinken": true}) {
			if m.Start < 0 || m.End > len(s) || s[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v out of %q", m, s)
			}
		}
		d := corpus.FromText("f.txt", s)
		// The passes a comparison runs: title-cased headlines cut, places
		// found, then the names with them.
		names, running := nameWords([]*corpus.Document{d})
		runs := splitTitleRuns(d, nameRuns(d.Text), names, running[0])
		places := map[string]bool{}
		placeNames(d.Text, runs, places)
		for _, m := range namesIn(d.Text, runs, nil, places) {
			if m.Start < 0 || m.End > len(d.Text) || d.Text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v out of %q", m, d.Text)
			}
		}
		for _, q := range docQuotes(0, d, Names(d.Text, nil)) {
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				t.Fatalf("quote %+v out of %q", q, d.Text)
			}
		}
	})
}
