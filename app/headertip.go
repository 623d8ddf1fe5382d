package app

import (
	"strings"

	"parallax/corpus"
)

// headerTip is a column header's full text: outlet, title, date and file,
// one a line.
func headerTip(doc *corpus.Document) string {
	lines := []string{outletName(doc)}
	for _, s := range []string{doc.Title, doc.Date, corpus.DisplayPath(doc.Path)} {
		if s != "" {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n")
}
