package app

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/widgets"
)

// connectorInset is how far a connector reaches into each of the two
// columns it joins, past the gutter between them.
const connectorInset = 6

// connectors is a layer over the article columns that draws, between each
// pair of adjacent columns, a line from every linked sentence in view to
// its counterpart (Meld's ribbons): thin and in the link's colour, bold
// and in the text colour for the selected sentence's links. Links to
// columns further away are not drawn (a line would cross the text of the
// columns between); the selection's counterparts there are outlined and
// ticked on their strips. A link with one end out of view is drawn to the
// edge of the view only when it is the selection's. The layer takes no
// input, so taps and scrolls reach the columns below it, and is redrawn
// whenever a column scrolls or is laid out.
type connectors struct {
	widget.BaseWidget
	v     *viewer
	root  *fyne.Container // the stack that holds the columns and the layer
	lines []*canvas.Line
	shown int // lines in use
}

// newConnectors makes the layer for viewer v, to lie in root over its
// columns, and has v redraw it.
func newConnectors(v *viewer, root *fyne.Container) *connectors {
	cn := &connectors{v: v, root: root}
	cn.ExtendBaseWidget(cn)
	v.hooks.scroll = cn.Refresh
	return cn
}

// CreateRenderer is part of fyne.Widget.
func (cn *connectors) CreateRenderer() fyne.WidgetRenderer { return &connectorRenderer{cn: cn} }

// connector is one line to draw, in the layer's coordinates.
type connector struct {
	from, to fyne.Position
	selected bool
	kind     compare.Kind
}

// segments are the connectors in view, the selection's last (so that they
// are drawn on top).
func (cn *connectors) segments() []connector {
	v := cn.v
	app := fyne.CurrentApp()
	if v == nil || v.model.Res == nil || len(v.scrolls) < 2 || app == nil {
		return nil
	}
	at := cn.positions(app.Driver())
	type view struct {
		left, right, top, bottom float32
		flowY                    map[*widgets.FlowText]float32
	}
	views := make([]view, len(v.scrolls))
	for d, sc := range v.scrolls {
		p := at[d]
		vw := view{left: p.X, right: p.X + sc.Size().Width, top: p.Y, bottom: p.Y + sc.Size().Height, flowY: map[*widgets.FlowText]float32{}}
		base := p.Y - sc.Offset.Y + v.bodies[d].Position().Y
		for _, o := range v.bodies[d].Objects {
			if box, ok := o.(*fyne.Container); ok && len(box.Objects) == 1 {
				if f, ok := box.Objects[0].(*widgets.FlowText); ok {
					vw.flowY[f] = base + box.Position().Y + f.Position().Y
				}
			}
		}
		views[d] = vw
	}
	// y is the middle of the first line of sentence r, in the layer's
	// coordinates.
	y := func(r compare.Ref) (float32, bool) {
		p := v.places[r.Doc][r.Sentence]
		top, ok := views[r.Doc].flowY[p.flow]
		if !ok {
			return 0, false
		}
		pos, ok := p.flow.SpanPosition(p.span)
		if !ok {
			return 0, false
		}
		return top + pos.Y + p.flow.LineHeight()/2, true
	}
	var sel compare.Ref
	hasSel := v.selected != nil
	if hasSel {
		sel = *v.selected
	}
	var out, chosen []connector
	// add draws link l when both ends are in view, or one is and it is
	// the selection's.
	add := func(l compare.Link) {
		isSel := hasSel && (l.A == sel || l.B == sel)
		a, b := views[l.A.Doc], views[l.B.Doc]
		ya, okA := y(l.A)
		yb, okB := y(l.B)
		if !okA || !okB {
			return
		}
		inA, inB := ya >= a.top && ya <= a.bottom, yb >= b.top && yb <= b.bottom
		if !(inA && inB) && !(isSel && (inA || inB)) {
			return
		}
		clamp := func(y, top, bottom float32) float32 { return min(max(y, top), bottom) }
		c := connector{from: fyne.NewPos(a.right-connectorInset, clamp(ya, a.top, a.bottom)),
			to: fyne.NewPos(b.left+connectorInset, clamp(yb, b.top, b.bottom)), selected: isSel, kind: l.Kind}
		if isSel {
			chosen = append(chosen, c)
		} else {
			out = append(out, c)
		}
	}
	links := v.model.Res.Links
	for d := 0; d+1 < len(views); d++ {
		// Links are ordered by A.Doc: those from column d start here.
		k := sort.Search(len(links), func(k int) bool { return links[k].A.Doc >= d })
		for ; k < len(links) && links[k].A.Doc == d; k++ {
			if links[k].B.Doc == d+1 {
				add(links[k])
			}
		}
	}
	return append(out, chosen...)
}

// positions are where the columns' scrolls lie in the layer. They are
// found in one walk down root's containers, splits and scrolls, which the
// columns are made of; the driver's search for each object, which walks
// the whole window every time, is the fallback when the walk misses one.
func (cn *connectors) positions(drv fyne.Driver) []fyne.Position {
	scrolls := cn.v.scrolls
	want := make(map[fyne.CanvasObject]int, len(scrolls))
	for d, sc := range scrolls {
		want[sc] = d
	}
	at := make([]fyne.Position, len(scrolls))
	found := 0
	var walk func(o fyne.CanvasObject, p fyne.Position)
	walk = func(o fyne.CanvasObject, p fyne.Position) {
		if o == nil || found == len(scrolls) {
			return
		}
		if d, ok := want[o]; ok {
			at[d] = p
			found++
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, p.Add(c.Position()))
			}
		case *container.Split:
			walk(x.Leading, p.Add(x.Leading.Position()))
			walk(x.Trailing, p.Add(x.Trailing.Position()))
		case *container.Scroll:
			if x.Content != nil {
				walk(x.Content, p.Add(x.Content.Position()))
			}
		}
	}
	if cn.root != nil {
		walk(cn.root, fyne.Position{})
	}
	if found == len(scrolls) {
		origin := cn.Position()
		for d := range at {
			at[d] = at[d].Subtract(origin)
		}
		return at
	}
	origin := drv.AbsolutePositionForObject(cn)
	for d, sc := range scrolls {
		at[d] = drv.AbsolutePositionForObject(sc).Subtract(origin)
	}
	return at
}

// connectorRenderer draws a connectors layer with a pool of lines.
type connectorRenderer struct {
	cn      *connectors
	objects []fyne.CanvasObject
}

// Destroy is part of fyne.WidgetRenderer.
func (r *connectorRenderer) Destroy() {}

// Layout is part of fyne.WidgetRenderer.
func (r *connectorRenderer) Layout(fyne.Size) { r.Refresh() }

// MinSize is part of fyne.WidgetRenderer: the layer asks for no room.
func (r *connectorRenderer) MinSize() fyne.Size { return fyne.Size{} }

// Objects is part of fyne.WidgetRenderer.
func (r *connectorRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh is part of fyne.WidgetRenderer: it places one line per
// connector in view.
func (r *connectorRenderer) Refresh() {
	cn := r.cn
	segs := cn.segments()
	for len(cn.lines) < len(segs) {
		ln := canvas.NewLine(color.Transparent)
		cn.lines = append(cn.lines, ln)
		r.objects = append(r.objects, ln)
	}
	fg := theme.Color(theme.ColorNameForeground)
	for k, ln := range cn.lines {
		if k >= len(segs) {
			ln.Hidden = true
			continue
		}
		s := segs[k]
		ln.Hidden = false
		ln.StrokeColor, ln.StrokeWidth = connectorColor(s.kind), 1.5
		if s.selected {
			ln.StrokeColor, ln.StrokeWidth = fg, 2.5
		}
		ln.Position1, ln.Position2 = s.from, s.to
		ln.Refresh()
	}
	cn.shown = len(segs)
}

// connectorColor is the colour of a connector of a link of kind k: the
// kind's fill, opaque.
func connectorColor(k compare.Kind) color.Color {
	return widgets.WithAlpha(fillFor(k), 0xE0)
}
