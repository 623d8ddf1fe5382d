package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parallax/corpus"
)

// hoverTip shows its content and, while the mouse pointer rests on it, a
// pop-up with a longer text below it: the full outlet, title, date and
// file of a column header whose lines are truncated.
type hoverTip struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tip     string
	popUp   *widget.PopUp
}

// newHoverTip wraps content with tip.
func newHoverTip(content fyne.CanvasObject, tip string) *hoverTip {
	h := &hoverTip{content: content, tip: tip}
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer is part of fyne.Widget.
func (h *hoverTip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.content)
}

// MouseIn shows the tip below the content; it is part of
// desktop.Hoverable.
func (h *hoverTip) MouseIn(*desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(h)
	if c == nil || h.tip == "" {
		return
	}
	if h.popUp == nil {
		h.popUp = widget.NewPopUp(widget.NewLabel(h.tip), c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(h)
	h.popUp.Resize(h.popUp.MinSize())
	h.popUp.ShowAtPosition(pos.AddXY(0, h.Size().Height))
}

// MouseMoved is part of desktop.Hoverable.
func (h *hoverTip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip; it is part of desktop.Hoverable.
func (h *hoverTip) MouseOut() {
	if h.popUp != nil {
		h.popUp.Hide()
	}
}

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
