package app

import (
	"fmt"

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
	return container.New(shrinkRow{}, c.countsLabel, c.regimeLabel)
}

// shrinkRow lays truncating labels out in a row at the widths of their
// texts, and narrows them all alike when the row is narrower: the toolbar
// then never forces the window wider.
type shrinkRow struct{}

// natural is the width label l needs to show its text whole.
func (shrinkRow) natural(l *widget.Label) float32 {
	th := l.Theme()
	return fyne.MeasureText(l.Text, th.Size(theme.SizeNameText), l.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding)
}

// Layout is part of fyne.Layout.
func (r shrinkRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	total := float32(0)
	for _, o := range objects {
		total += r.natural(o.(*widget.Label))
	}
	scale := float32(1)
	if total > size.Width && total > 0 {
		scale = size.Width / total
	}
	x := float32(0)
	for _, o := range objects {
		w := r.natural(o.(*widget.Label)) * scale
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
	c.countsLabel.SetText(report.SentencesText(t.Sentences, t.Boilerplate))
	c.regimeLabel.SetText(sensitivityText(c.sens))
}
