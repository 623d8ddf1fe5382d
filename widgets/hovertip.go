package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// HoverTip shows its content and, while the mouse pointer rests on it, a
// tip with a longer text below it, such as the full outlet, title, date
// and file of a column header whose lines are truncated. The tip is drawn
// on the window's tip layer (WithTips), not in a pop-up: an overlay would
// take the pointer from the content and hide the tip again at once. In a
// window without a tip layer it shows no tip.
type HoverTip struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tip     string
	shown   *tipLayer // the layer showing the tip, nil while hidden
}

// NewHoverTip wraps content with tip; an empty tip shows nothing.
func NewHoverTip(content fyne.CanvasObject, tip string) *HoverTip {
	h := &HoverTip{content: content, tip: tip}
	h.ExtendBaseWidget(h)
	return h
}

// Content is the object the tip is for.
func (h *HoverTip) Content() fyne.CanvasObject { return h.content }

// Tip is the tip's text.
func (h *HoverTip) Tip() string { return h.tip }

// CreateRenderer is part of fyne.Widget.
func (h *HoverTip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.content)
}

// MouseIn shows the tip below the content; it is part of
// desktop.Hoverable.
func (h *HoverTip) MouseIn(*desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(h)
	layer := tipLayers[c]
	if layer == nil || h.tip == "" {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(h).Subtract(d.AbsolutePositionForObject(layer.box))
	layer.show(h.tip, pos.AddXY(0, h.Size().Height))
	h.shown = layer
}

// MouseMoved is part of desktop.Hoverable.
func (h *HoverTip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip; it is part of desktop.Hoverable.
func (h *HoverTip) MouseOut() {
	if h.shown != nil {
		h.shown.hide()
		h.shown = nil
	}
}

// tipLayer is a layer over a window's content that shows one tip at a
// time. It holds nothing the pointer acts on, so the content below keeps
// its hover and taps.
type tipLayer struct {
	box   *fyne.Container // the layer, without layout
	panel *fyne.Container // the tip: a background and the text
	label *widget.Label
}

// tipLayers are the windows' tip layers, by canvas.
var tipLayers = map[fyne.Canvas]*tipLayer{}

// WithTips puts a tip layer over content for the window's canvas c and
// returns both, to be the window's content: the HoverTips in content show
// their tips on it.
func WithTips(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	l := &tipLayer{label: widget.NewLabel("")}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor, bg.StrokeWidth = theme.Color(theme.ColorNameSeparator), 1
	bg.CornerRadius = theme.InputRadiusSize()
	l.panel = container.NewStack(bg, l.label)
	l.panel.Hide()
	l.box = container.NewWithoutLayout(l.panel)
	tipLayers[c] = l
	return container.NewStack(content, l.box)
}

// show shows text at pos (relative to the layer), kept inside it.
func (l *tipLayer) show(text string, pos fyne.Position) {
	l.label.SetText(text)
	bg := l.panel.Objects[0].(*canvas.Rectangle)
	bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	size := l.panel.MinSize()
	pos.X = max(0, min(pos.X, l.box.Size().Width-size.Width))
	l.panel.Resize(size)
	l.panel.Move(pos)
	l.panel.Show()
	l.box.Refresh()
}

// hide hides the tip.
func (l *tipLayer) hide() {
	l.panel.Hide()
	l.box.Refresh()
}
