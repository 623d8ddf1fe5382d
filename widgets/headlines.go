package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// NewHeadLines stacks lines, one above the other, with end (a close button,
// say; nil for none) at the top right beside the first line only, so that
// the lines below it use the whole width: in a narrow column a date is not
// cut short for a button that sits a line above it.
func NewHeadLines(end fyne.CanvasObject, lines ...fyne.CanvasObject) *fyne.Container {
	objs := append([]fyne.CanvasObject{}, lines...)
	if end != nil {
		objs = append(objs, end)
	}
	return container.New(&headLines{n: len(lines), end: end != nil}, objs...)
}

// headLines lays out NewHeadLines' objects: n lines, then the end object
// if end is set.
type headLines struct {
	n   int
	end bool
}

// Layout is part of fyne.Layout.
func (l *headLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	endW, endH := float32(0), float32(0)
	if l.end {
		e := objs[l.n]
		m := e.MinSize()
		endW, endH = m.Width, m.Height
		e.Move(fyne.NewPos(size.Width-endW, 0))
		e.Resize(m)
	}
	y := float32(0)
	for i, o := range objs[:l.n] {
		w, h := size.Width, o.MinSize().Height
		row := h
		if i == 0 && l.end {
			// The first line shares its row with the end object, centred
			// on the taller of the two.
			w -= endW
			row = max(h, endH)
		}
		o.Move(fyne.NewPos(0, y+(row-h)/2))
		o.Resize(fyne.NewSize(max(w, 0), h))
		y += row
	}
}

// MinSize is part of fyne.Layout.
func (l *headLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h, endW, endH float32
	if l.end {
		m := objs[l.n].MinSize()
		endW, endH = m.Width, m.Height
	}
	for i, o := range objs[:l.n] {
		m := o.MinSize()
		lw, lh := m.Width, m.Height
		if i == 0 {
			lw += endW
			lh = max(lh, endH)
		}
		w = max(w, lw)
		h += lh
	}
	if l.n == 0 {
		w, h = endW, endH
	}
	return fyne.NewSize(w, h)
}
