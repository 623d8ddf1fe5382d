package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parallax/corpus"
	"parallax/report"
)

// prefExportDir remembers the folder the last report was exported to.
const prefExportDir = "exportDir"

// exportFormats are the formats the Export dialog offers, with the file
// extension each is saved under.
var exportFormats = []struct{ label, format, ext string }{
	{"HTML report (self-contained)", "html", ".html"},
	{"Markdown summary", "md", ".md"},
	{"CSV of the links", "csv", ".csv"},
	{"JSON (as parallax compare)", "json", ".json"},
	{"Text report", "text", ".txt"},
}

// comparison is the comparison on screen as the reports see it.
func (c *Controller) comparison() (report.Comparison, error) {
	if c.view == nil || c.res == nil || len(c.view.model.Docs) < 2 {
		return report.Comparison{}, fmt.Errorf("nothing to export: compare two or more articles first")
	}
	return report.Comparison{Docs: c.view.model.Docs, Result: c.res, Errors: c.errs, Sensitivity: c.sens,
		Version: c.app.Metadata().Version, Framing: c.analysis()}, nil
}

// ExportReport writes the comparison on screen to w in format (one of
// report.Formats: the formats of `parallax compare`). It fails when fewer
// than two articles are compared.
func (c *Controller) ExportReport(w io.Writer, format string) error {
	cmp, err := c.comparison()
	if err != nil {
		return err
	}
	return report.Write(w, format, cmp)
}

// ExportTo writes the report to path, in the format its extension names
// (text when none does), through a temporary file renamed into place. When
// path exists, confirm is asked first and nothing is written unless it
// answers yes; a compared article is never written to. done, when not nil,
// gets the outcome (nil once written, ErrNotReplaced when refused).
func (c *Controller) ExportTo(path string, confirm func(question string, answer func(bool)), done func(error)) {
	finish := func(err error) {
		switch {
		case errors.Is(err, ErrNotReplaced):
			c.status.SetText("Export cancelled: " + corpus.DisplayPath(path) + " was kept.")
		case err != nil:
			dialog.ShowError(fmt.Errorf("exporting the report to %s: %w", corpus.DisplayPath(path), err), c.win)
		default:
			c.status.SetText("Report saved to " + corpus.DisplayPath(path))
			c.app.Preferences().SetString(prefExportDir, filepath.Dir(path))
		}
		if done != nil {
			done(err)
		}
	}
	cmp, err := c.comparison()
	if err != nil {
		finish(err)
		return
	}
	write := func() { finish(report.WriteFile(path, report.FormatOf(path), cmp)) }
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		finish(fmt.Errorf("%s is a folder", corpus.DisplayPath(path)))
	case err == nil:
		confirm(fmt.Sprintf("%s exists. Replace it?", corpus.DisplayPath(path)), func(yes bool) {
			if !yes {
				finish(ErrNotReplaced)
				return
			}
			write()
		})
	case errors.Is(err, os.ErrNotExist):
		write()
	default:
		finish(err)
	}
}

// ErrNotReplaced is ExportTo's outcome when the user keeps an existing file.
var ErrNotReplaced = errors.New("the existing file was kept")

// exportStartDir is the folder the Export dialog starts in: the last
// export's folder, else the Documents folder, else the home folder, else
// the temporary folder; never one of the articles' folders or a folder
// inside one, so that a report does not land among the articles by
// default.
func (c *Controller) exportStartDir() string {
	home, _ := os.UserHomeDir()
	candidates := []string{c.app.Preferences().String(prefExportDir)}
	if home != "" {
		candidates = append(candidates, filepath.Join(home, "Documents"), home)
	}
	candidates = append(candidates, os.TempDir())
	for _, d := range candidates {
		if d == "" {
			continue
		}
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		if !c.insideArticles(d) {
			return d
		}
	}
	return os.TempDir()
}

// insideArticles reports whether dir is the folder of an open article or
// inside one.
func (c *Controller) insideArticles(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for _, d := range c.docs {
		folder, err := filepath.Abs(filepath.Dir(d.Path))
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(folder, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// exportDialog asks for a folder (starting outside the articles'
// folders), a file name and a format, then exports there with ExportTo,
// asking before replacing a file. The articles themselves are never
// written to.
func (c *Controller) exportDialog() {
	if _, err := c.comparison(); err != nil {
		dialog.ShowError(err, c.win)
		return
	}
	folder := c.exportStartDir()
	folderLabel := widget.NewLabel(corpus.DisplayPath(folder))
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	name := widget.NewEntry()
	name.SetText("parallax-report.html")
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = f.label
	}
	format := widget.NewSelect(labels, func(label string) {
		for _, f := range exportFormats {
			if f.label == label {
				base := strings.TrimSuffix(name.Text, filepath.Ext(name.Text))
				name.SetText(base + f.ext)
			}
		}
	})
	format.SetSelected(labels[0])
	choose := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			folder = u.Path()
			folderLabel.SetText(corpus.DisplayPath(folder))
		}, c.win)
		if u, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			d.SetLocation(u)
		}
		d.Show()
	})
	items := []*widget.FormItem{
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folderLabel)),
		widget.NewFormItem("File name", name),
		widget.NewFormItem("Format", format),
	}
	form := dialog.NewForm("Export Report", "Save", "Cancel", items, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		c.ExportTo(filepath.Join(folder, filepath.Base(strings.TrimSpace(name.Text))), func(q string, answer func(bool)) {
			dialog.ShowConfirm("Replace the file?", q, answer, c.win)
		}, nil)
	}, c.win)
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
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
