package app

import (
	"fmt"
	"path/filepath"

	"parallax/compare"
	"parallax/corpus"
	"parallax/report"
	"parallax/widgets"
)

// The texts of a row's share line when there are no shares to show.
const (
	notComparedText = "not compared"
	noReportingText = "no sentences to compare"
)

// DocRow is an article's row in the sidebar: the widget (widgets.DocRow)
// and the article it shows.
type DocRow struct {
	row *widgets.DocRow
	doc *corpus.Document
}

// NewDocRow returns the row of doc, its box ticked when included.
// onToggle, which may be nil, is called when the user ticks or clears the
// box (not on SetIncluded).
func NewDocRow(doc *corpus.Document, included bool, onToggle func(included bool)) *DocRow {
	return &DocRow{row: widgets.NewDocRow(docRowContent(doc), included, onToggle), doc: doc}
}

// docRowContent is what doc's row shows before any framing.
func docRowContent(doc *corpus.Document) widgets.DocRowContent {
	c := widgets.DocRowContent{Outlet: outletName(doc), Title: doc.Title, Meta: metaText(doc),
		Shares: notComparedText, SharedFill: sharedFill, ParaphrasedFill: paraphrasedFill}
	if c.Title == "" {
		// Name the file when the outlet does not already, else say so.
		c.Title, c.Untitled = corpus.DisplayPath(filepath.Base(doc.Path)), true
		if doc.Outlet == "" {
			c.Title = "untitled"
		}
	}
	return c
}

// Included reports whether the row's box is ticked.
func (r *DocRow) Included() bool { return r.row.Included() }

// SetIncluded ticks or clears the row's box without calling onToggle.
func (r *DocRow) SetIncluded(included bool) { r.row.SetIncluded(included) }

// SetFraming shows the document's shares from its framing summary in the
// bar and in words.
func (r *DocRow) SetFraming(f compare.Framing) {
	shared, para, unique := f.SharedShare, f.ParaphrasedShare, f.UniqueShare
	if shared+para+unique <= 0 {
		r.row.SetShares(0, 0, 0, noReportingText)
		return
	}
	r.row.SetShares(shared, para, unique, sharesTexts(shared, para, unique)...)
}

// ClearFraming returns the row to its state before any framing: an empty
// bar and "not compared".
func (r *DocRow) ClearFraming() { r.row.SetShares(0, 0, 0, notComparedText) }

// metaText is the document's date, if any, and its sentence count:
// "2024-01-02 · 42 sentences = 40 + 2 boilerplate".
func metaText(doc *corpus.Document) string {
	n := report.DocSentencesText(doc)
	if doc.Date == "" {
		return n
	}
	return doc.Date + " · " + n
}

// sharesTexts gives the shares in whole percent that add up to 100, from
// the full text to the shortest: "34% shared · 20% paraphrased · 46%
// unique", "34% shared · 20% para. · 46% unique", "34 · 20 · 46%".
func sharesTexts(shared, para, unique float64) []string {
	p := report.Percents([]float64{shared, para, unique})
	return []string{
		fmt.Sprintf("%d%% shared · %d%% paraphrased · %d%% unique", p[0], p[1], p[2]),
		fmt.Sprintf("%d%% shared · %d%% para. · %d%% unique", p[0], p[1], p[2]),
		fmt.Sprintf("%d · %d · %d%%", p[0], p[1], p[2]),
	}
}
