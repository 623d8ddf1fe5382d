package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/report"
)

// regime names the engine's regime at sensitivity s: "strict" at and below
// compare.StrictSensitivity (independent outlets, every link calibrated
// against its articles' background), "lenient" at and above
// compare.RewriteSensitivity (rewrites of one source), "balanced" between.
func regime(s float64) string {
	switch {
	case s <= compare.StrictSensitivity:
		return "strict"
	case s >= compare.RewriteSensitivity:
		return "lenient"
	}
	return "balanced"
}

// sensitivityText is a sensitivity with its regime: "sensitivity 0.60 ·
// balanced".
func sensitivityText(s float64) string {
	return fmt.Sprintf("sensitivity %.2f · %s", s, regime(s))
}

// toolbarCounts is the toolbar's part that says what is compared and how:
// the sentences with boilerplate apart, and the sensitivity and its regime.
func (c *Controller) toolbarCounts() fyne.CanvasObject {
	c.countsLabel = widget.NewLabel("")
	c.regimeLabel = widget.NewLabel(sensitivityText(c.sens))
	c.countsLabel.Truncation = fyne.TextTruncateEllipsis
	c.regimeLabel.Truncation = fyne.TextTruncateEllipsis
	c.countsRow = container.New(shrinkRow{alts: map[*widget.Label][]string{}}, c.countsLabel, c.regimeLabel)
	return c.countsRow
}

// shrinkRow lays truncating labels out in a row at the widths of their
// texts. When the row is too narrow, a label with shorter texts in alts
// (longest first) takes the longest that lets the row fit, and then all
// are narrowed alike: the toolbar never forces the window wider.
type shrinkRow struct {
	alts map[*widget.Label][]string
}

// natural is the width label l needs to show text whole.
func natural(l *widget.Label, text string) float32 {
	th := l.Theme()
	// A truncating label wants a little more than its text to show it
	// whole.
	return fyne.MeasureText(text, th.Size(theme.SizeNameText), l.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding) + th.Size(theme.SizeNamePadding)
}

// Layout is part of fyne.Layout.
func (r shrinkRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	texts := make([]string, len(objects))
	total := float32(0)
	for i, o := range objects {
		l := o.(*widget.Label)
		texts[i] = l.Text
		if alts := r.alts[l]; len(alts) > 0 {
			texts[i] = alts[0]
		}
		total += natural(l, texts[i])
	}
	for i, o := range objects {
		l := o.(*widget.Label)
		for _, alt := range r.alts[l] {
			if total <= size.Width {
				break
			}
			if w, was := natural(l, alt), natural(l, texts[i]); w < was {
				total -= was - w
				texts[i] = alt
			}
		}
		if l.Text != texts[i] {
			l.SetText(texts[i])
		}
	}
	scale := float32(1)
	if total > size.Width && total > 0 {
		scale = size.Width / total
	}
	x := float32(0)
	for _, o := range objects {
		l := o.(*widget.Label)
		w := natural(l, l.Text) * scale
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// MinSize is part of fyne.Layout: the labels' height, and no width.
func (shrinkRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

// refreshCounts writes the toolbar's counts of the comparison shown.
func (c *Controller) refreshCounts(t report.Totals) {
	if c.countsLabel == nil {
		return
	}
	full := report.SentencesText(t.Sentences, t.Boilerplate)
	short := strings.Replace(full, " sentences =", " =", 1)
	c.countsRow.Layout.(shrinkRow).alts[c.countsLabel] = []string{full, short}
	c.countsLabel.SetText(full)
	c.regimeLabel.SetText(sensitivityText(c.sens))
	c.countsRow.Refresh()
}

// sensitivityLabel is the sidebar's sensitivity line: "Sensitivity 0.60 ·
// balanced".
func sensitivityLabel(s float64) string {
	return "S" + sensitivityText(s)[1:]
}
