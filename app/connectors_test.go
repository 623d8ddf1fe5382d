package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parallax/compare"
)

// layerOf is the connector layer of the controller's columns.
func layerOf(t *testing.T, c *Controller) *connectors {
	t.Helper()
	for _, o := range c.columnsBox.Objects {
		if cn, ok := o.(*connectors); ok {
			return cn
		}
	}
	t.Fatal("no connector layer over the columns")
	return nil
}

// TestConnectors checks the lines between adjacent columns: selecting a
// linked sentence draws a bold line from it to its counterpart in the next
// column, from the gutter's left to its right, at the two sentences'
// heights; scrolling a column moves the line's end with it; and the layer
// takes no taps (a tap on a sentence under it still selects).
func TestConnectors(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	cn := layerOf(t, c)
	var l compare.Link
	found := false
	for _, x := range v.res.Links {
		if x.B.Doc == x.A.Doc+1 {
			l, found = x, true
			break
		}
	}
	if !found {
		t.Fatal("no link between adjacent columns in the sample")
	}
	v.reveal(l.A)
	selected := func() (connector, bool) {
		for _, s := range cn.segments() {
			if s.selected {
				return s, true
			}
		}
		return connector{}, false
	}
	s, ok := selected()
	if !ok {
		t.Fatalf("no selected connector for %v–%v", l.A, l.B)
	}
	if cn.shown == 0 {
		t.Error("the layer draws no line")
	}
	if !(s.from.X < s.to.X) {
		t.Errorf("connector runs from %v to %v, want left to right", s.from, s.to)
	}
	// Scrolling the counterpart's column by 40 moves the line's right end
	// up by 40 (or to the view's top edge).
	v.sync = false
	before := s.to.Y
	v.scrollColumn(l.B.Doc, v.scrolls[l.B.Doc].Offset.Y+40)
	v.scrolled()
	s2, ok := selected()
	if !ok {
		t.Fatal("the selected connector went with the scroll")
	}
	if d := before - s2.to.Y; d < 1 || d > 41 {
		t.Errorf("right end moved from %v to %v after scrolling 40 down", before, s2.to.Y)
	}
	// The layer lies on top but a tap reaches the sentence below.
	v.selectRef(nil)
	p := v.places[l.B.Doc][l.B.Sentence]
	pos, _ := p.flow.SpanPosition(p.span)
	test.TapCanvas(c.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(p.flow).Add(pos).Add(fyne.NewPos(8, 8)))
	if v.selected == nil || *v.selected != l.B {
		t.Errorf("a tap on %v under the layer selected %v", l.B, v.selected)
	}
}
