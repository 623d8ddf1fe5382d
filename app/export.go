package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"parallax/corpus"
	"parallax/report"
)

// ExportReport writes the comparison on screen to w: JSON (the format of
// `parallax compare --format json`) when asJSON, else the readable text
// report. It fails when fewer than two articles are compared.
func (c *Controller) ExportReport(w io.Writer, asJSON bool) error {
	if c.view == nil || c.res == nil || len(c.view.docs) < 2 {
		return fmt.Errorf("nothing to export: compare two or more articles first")
	}
	cmp := report.Comparison{Docs: c.view.docs, Result: c.res, Errors: c.errs}
	if asJSON {
		return report.WriteJSON(w, cmp)
	}
	return report.WriteText(w, cmp)
}

// exportDialog asks where to save the report (.json for JSON, anything
// else for text) and writes it there. The articles themselves are never
// written to.
func (c *Controller) exportDialog() {
	d := dialog.NewFileSave(func(u fyne.URIWriteCloser, err error) {
		if err != nil || u == nil {
			return
		}
		asJSON := strings.EqualFold(filepath.Ext(u.URI().Path()), ".json")
		werr := c.ExportReport(u, asJSON)
		if cerr := u.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			dialog.ShowError(fmt.Errorf("exporting the report to %s: %w", corpus.DisplayPath(u.URI().Path()), werr), c.win)
			return
		}
		c.status.SetText("Report saved to " + corpus.DisplayPath(u.URI().Path()))
	}, c.win)
	d.SetFileName("parallax-report.txt")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".json"}))
	d.Show()
}

// CopySelection puts the detail of the selected sentence (it, and each
// counterpart with its category, score, evidence and differing words) on
// the clipboard as plain text, for the analyst's notes. It reports whether
// anything was selected.
func (c *Controller) CopySelection() bool {
	if c.view == nil || c.view.selected == nil {
		c.status.SetText("Select a sentence to copy its comparison.")
		return false
	}
	c.app.Clipboard().SetContent(c.view.detailPlainText())
	c.status.SetText("The selected sentence and its counterparts are on the clipboard.")
	return true
}
