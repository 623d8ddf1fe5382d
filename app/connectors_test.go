package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"parallax/compare"
	"parallax/widgets"
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
	for _, x := range v.model.Res.Links {
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
	// The layer lies on top but a tap reaches the sentence below (the
	// selection's, which reveal brought into view).
	v.selectRef(nil)
	p := v.places[l.A.Doc][l.A.Sentence]
	pos, _ := p.flow.SpanPosition(p.span)
	test.TapCanvas(c.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(p.flow).Add(pos).Add(fyne.NewPos(8, 8)))
	if v.selected == nil || *v.selected != l.A {
		t.Errorf("a tap on %v under the layer selected %v", l.A, v.selected)
	}
}

// TestSyncByDefaultAndOnStripJumps checks that synchronised scrolling is on
// in a new window, and that a jump from an overview strip levels the other
// columns too: a tap on the strip at a linked sentence brings its
// counterpart level with it.
func TestSyncByDefaultAndOnStripJumps(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	if !c.sync || !v.sync {
		t.Fatal("synchronised scrolling is off in a new window")
	}
	for _, l := range v.model.Res.Links {
		if len(v.counterparts(l.A)) != 1 || len(v.counterparts(l.B)) != 1 {
			continue
		}
		ya, _ := v.sentenceY(l.A)
		yb, _ := v.sentenceY(l.B)
		sa, sb := v.scrolls[l.A.Doc], v.scrolls[l.B.Doc]
		if ya < sa.Size().Height || yb < sb.Size().Height ||
			ya+sa.Size().Height > sa.Content.MinSize().Height || yb+sb.Size().Height > sb.Content.MinSize().Height {
			continue // both must be scrollable to the view's top third
		}
		strip := v.strips[l.A.Doc]
		total := strip.WeightBefore(strip.Sentences())
		mid := (strip.WeightBefore(l.A.Sentence) + strip.WeightBefore(l.A.Sentence+1)) / 2 / total
		test.TapAt(strip, fyne.NewPos(strip.Size().Width/2, float32(mid)*strip.Size().Height))
		// The first linked sentence at the top of A's view sets the level.
		if levelled(t, v, l, "a strip jump") {
			return
		}
	}
	t.Skip("no link in the sample whose ends can both be levelled by a strip jump")
}

// TestUniqueOnStrip checks that unique sentences are marked on the
// overview strip, in a colour of their own.
func TestUniqueOnStrip(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	for d, doc := range v.model.Docs {
		for i := range doc.Sentences {
			if statusOf(v.model.Res, d, i) == compare.Unique && !v.boilerplate(d, i) {
				got := v.strips[d].Fill(i)
				if widgets.Transparent(got) || !widgets.SameColour(got, uniqueMark) {
					t.Fatalf("unique sentence %d/%d has strip colour %v, want %v", d, i, got, uniqueMark)
				}
				return
			}
		}
	}
	t.Fatal("no unique sentence in the sample")
}

// TestConnectorPositions checks the layer's own walk to the columns
// against the driver's search, with columns scrolled down and the row of
// columns scrolled sideways in a narrow window.
func TestConnectorPositions(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	c.win.Resize(fyne.NewSize(700, 600))
	cn := layerOf(t, c)
	c.view.scrollColumn(1, 300)
	c.view.scrollColumn(3, 120)
	if hs, ok := c.columnsBox.Objects[0].(*container.Scroll); ok {
		hs.ScrollToOffset(fyne.NewPos(150, 0))
	}
	drv := fyne.CurrentApp().Driver()
	origin := drv.AbsolutePositionForObject(cn)
	got := cn.positions(drv)
	moved := false
	for d, sc := range c.view.scrolls {
		want := drv.AbsolutePositionForObject(sc).Subtract(origin)
		if got[d] != want {
			t.Errorf("column %d at %v, the driver finds it at %v", d, got[d], want)
		}
		moved = moved || want.X < 0
	}
	if !moved {
		t.Error("the row of columns did not scroll sideways: the test checks less than it should")
	}
	// Without its stack the layer falls back on the driver.
	cn.root = nil
	for d, p := range cn.positions(drv) {
		if p != got[d] {
			t.Errorf("fallback: column %d at %v, want %v", d, p, got[d])
		}
	}
}
