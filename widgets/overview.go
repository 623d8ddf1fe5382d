package widgets

import (
	"image/color"
	"math"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The geometry of an overview strip, in Fyne units.
const (
	// overviewWidth is the strip's minimum (and intended) width.
	overviewWidth = 14
	// overviewMinHeight is the strip's minimum height.
	overviewMinHeight = 40
	// overviewInset is the margin between the track's sides and the
	// sentence marks, so that the track reads as a frame around them.
	overviewInset = 2
	// overviewMinRun is the least height of a sentence mark, so that a
	// short sentence in a long article still shows.
	overviewMinRun = 2
	// overviewTickHeight is the height of the tick of a marked sentence.
	overviewTickHeight = 3
	// overviewFrameWidth is the stroke width of the viewport frame. Two
	// units keep it crisp in both of Fyne's painters: the GL painter draws a
	// stroke inside the rectangle, the software painter (used by tests and
	// screenshots) centres it on the edge, and both round positions to
	// whole pixels.
	overviewFrameWidth = 2
	// overviewFrameAlpha is the opacity of the frame's foreground colour,
	// so that it stands back from the ticks.
	overviewFrameAlpha = 0xA0
	// overviewMinFrame is the least height of the viewport frame.
	overviewMinFrame = 6
	// overviewMaxRadius caps the theme's corner radius on the narrow strip.
	overviewMaxRadius = 3
	// stripGain strengthens the fills on the strip, which is thin and
	// drawn over its track: the share of the way from a fill's opacity to
	// opaque (towardOpaque).
	stripGain = 1.0 / 2
)

// OverviewStrip is a narrow vertical bar that sits beside an article
// column and maps the whole article onto its height, like a diff viewer's
// change map: every sentence takes a share of the height proportional to
// its weight and is drawn in its fill (more opaque than in the column, as
// no text lies on it), so that one sees at a glance where the shared,
// paraphrased, unique and boilerplate sentences fall. Consecutive sentences
// of the same fill are drawn as one rectangle. A frame
// marks the part of the article visible in the column (SetViewport), and
// short ticks mark chosen sentences (SetMarked), such as the selected
// sentence and its counterparts.
//
// Tapping or dragging on the strip reports the sentence at that height, so
// that the column can scroll to it.
type OverviewStrip struct {
	widget.BaseWidget

	fills   []color.Color
	weights []float32 // as given
	cum     []float64 // cum[i] is the weight of the sentences before i; len n+1
	onJump  func(sentence int)

	top, bottom float32 // the viewport, fractions of the whole; hidden when bottom <= top
	marked      []int

	dragLast int // the sentence the current drag last reported, -1 for none
	r        *overviewRenderer
}

// NewOverviewStrip makes a strip for sentences with the given fills (one
// colour per sentence; nil or transparent for no mark) and relative weights
// (e.g. each sentence's text length, so that the strip is proportional to
// the article's length); onJump (which may be nil) gets the sentence index
// under a tap or drag.
//
// The strip has max(len(fills), len(weights)) sentences. Nil weights, or
// weights that sum to zero, give every sentence the same share; otherwise
// missing, negative and non-finite weights count as zero, and a sentence of
// zero weight takes no height and is never reported. The slices are
// copied.
func NewOverviewStrip(fills []color.Color, weights []float32, onJump func(sentence int)) *OverviewStrip {
	o := &OverviewStrip{
		fills:    slices.Clone(fills),
		weights:  slices.Clone(weights),
		onJump:   onJump,
		dragLast: -1,
	}
	o.updateWeights()
	o.ExtendBaseWidget(o)
	return o
}

// SetFills recolours the sentences (e.g. after a new comparison), with the
// same meaning as NewOverviewStrip's fills, and refreshes the strip. The
// number of sentences is worked out again as for NewOverviewStrip, with the
// weights given there. The slice is copied.
func (o *OverviewStrip) SetFills(fills []color.Color) {
	o.fills = slices.Clone(fills)
	o.updateWeights()
	o.Refresh()
}

// SetViewport sets the part of the article visible in the column, as
// fractions 0..1 of the whole from top to bottom, and draws the frame
// around it. Values are clamped to 0..1; the frame is hidden when bottom
// is not below top (as it is until SetViewport is first called).
func (o *OverviewStrip) SetViewport(top, bottom float32) {
	clamp := func(f float32) float32 {
		if f != f { // NaN
			return 0
		}
		return min(max(f, 0), 1)
	}
	top, bottom = clamp(top), clamp(bottom)
	if top == o.top && bottom == o.bottom {
		return
	}
	o.top, o.bottom = top, bottom
	if r := o.r; r != nil {
		r.layoutFrame(o.Size())
		canvas.Refresh(r.frame)
	}
}

// SetMarked sets the sentences to mark strongly (e.g. the selected sentence
// and its counterparts) with a short tick each, replacing the previous
// ones; nil clears them. Indices out of range are ignored. The slice is
// copied.
func (o *OverviewStrip) SetMarked(sentences []int) {
	o.marked = slices.Clone(sentences)
	o.Refresh()
}

// Viewport is the part of the article the frame marks, as set by
// SetViewport: fractions 0..1 from top to bottom (both 0 before it).
func (o *OverviewStrip) Viewport() (top, bottom float32) { return o.top, o.bottom }

// Marked is the sentences marked with a tick, as set by SetMarked; the
// slice is the strip's own and must not be changed.
func (o *OverviewStrip) Marked() []int { return o.marked }

// CreateRenderer is part of fyne.Widget.
func (o *OverviewStrip) CreateRenderer() fyne.WidgetRenderer {
	o.ExtendBaseWidget(o)
	r := &overviewRenderer{o: o}
	r.track = canvas.NewRectangle(color.Transparent)
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeWidth = overviewFrameWidth
	o.r = r
	r.update()
	return r
}

// Tapped reports the sentence under the tap; it is part of fyne.Tappable.
func (o *OverviewStrip) Tapped(ev *fyne.PointEvent) {
	if i := o.sentenceAt(ev.Position.Y); i >= 0 && o.onJump != nil {
		o.onJump(i)
	}
}

// Dragged reports the sentence under the pointer whenever it changes during
// a drag; it is part of fyne.Draggable.
func (o *OverviewStrip) Dragged(ev *fyne.DragEvent) {
	i := o.sentenceAt(ev.Position.Y)
	if i < 0 || i == o.dragLast {
		return
	}
	o.dragLast = i
	if o.onJump != nil {
		o.onJump(i)
	}
}

// DragEnd ends a drag; it is part of fyne.Draggable.
func (o *OverviewStrip) DragEnd() { o.dragLast = -1 }

// Cursor is a pointer, as the whole strip can be clicked; it is part of
// desktop.Cursorable.
func (o *OverviewStrip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Sentences is the number of sentences on the strip.
func (o *OverviewStrip) Sentences() int { return len(o.cum) - 1 }

// WeightBefore is the weight of the sentences before sentence i, for i
// from 0 to Sentences(), as the strip shares its height out: bad weights
// count as zero, and every sentence weighs 1 when the weights give no
// total. WeightBefore(Sentences()) is the whole article's weight.
func (o *OverviewStrip) WeightBefore(i int) float64 { return o.cum[i] }

// updateWeights recomputes the cumulative weights for the current number
// of sentences.
func (o *OverviewStrip) updateWeights() {
	n := max(len(o.fills), len(o.weights))
	o.cum = slices.Grow(o.cum[:0], n+1)[:n+1]
	o.cum[0] = 0
	for i := range n {
		var w float64
		if i < len(o.weights) {
			w = float64(o.weights[i])
			if !(w > 0) || math.IsInf(w, 1) {
				w = 0
			}
		}
		o.cum[i+1] = o.cum[i] + w
	}
	if o.weights == nil || o.cum[n] <= 0 {
		for i := range o.cum {
			o.cum[i] = float64(i)
		}
	}
}

// sentenceAt returns the sentence at height y (relative to the strip,
// clamped to it): 0 at the top, the last sentence at the bottom; -1 when
// there are no sentences.
func (o *OverviewStrip) sentenceAt(y float32) int {
	n := o.Sentences()
	if n <= 0 {
		return -1
	}
	h := o.Size().Height
	f := 0.0
	if h > 0 && y > 0 {
		f = min(float64(y/h), 1)
	}
	total := o.cum[n]
	target := f * total
	if target >= total {
		// The bottom edge: the last sentence that has a height.
		return sort.Search(n, func(i int) bool { return o.cum[i+1] >= total })
	}
	return sort.Search(n, func(i int) bool { return o.cum[i+1] > target })
}

// span returns the top and bottom of sentences [from, to) as fractions of
// the strip's height.
func (o *OverviewStrip) span(from, to int) (float64, float64) {
	total := o.cum[len(o.cum)-1]
	if total <= 0 {
		return 0, 0
	}
	return o.cum[from] / total, o.cum[to] / total
}

// overviewRun is a run of consecutive sentences [from, to) with the same
// visible fill.
type overviewRun struct {
	from, to int
	fill     color.Color
}

// overviewRenderer draws the strip: the track, one rectangle per run of
// same-coloured sentences, the viewport frame and one tick per marked
// sentence, in that order.
type overviewRenderer struct {
	o *OverviewStrip

	track *canvas.Rectangle
	frame *canvas.Rectangle
	runs  []overviewRun
	rects []*canvas.Rectangle // one per run, reused across updates
	ticks []*canvas.Rectangle // one per marked sentence in range, reused
	nTick int

	objects []fyne.CanvasObject
}

// Destroy is part of fyne.WidgetRenderer.
func (r *overviewRenderer) Destroy() {}

// Objects is part of fyne.WidgetRenderer.
func (r *overviewRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is part of fyne.WidgetRenderer.
func (r *overviewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(overviewWidth, overviewMinHeight)
}

// Refresh re-reads the fills, marks and theme; it is part of
// fyne.WidgetRenderer.
func (r *overviewRenderer) Refresh() {
	r.update()
	canvas.Refresh(r.o)
}

// update rebuilds the runs, colours and ticks and lays them out.
func (r *overviewRenderer) update() {
	o := r.o
	th := o.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	trackC := th.Color(theme.ColorNameInputBackground, v)
	fg := th.Color(theme.ColorNameForeground, v)
	radius := min(th.Size(theme.SizeNameInputRadius), overviewMaxRadius)

	r.track.FillColor = trackC
	r.track.CornerRadius = radius
	r.frame.StrokeColor = scaleAlpha(fg, overviewFrameAlpha)
	r.frame.CornerRadius = radius

	// Runs of same-coloured sentences; unmarked runs leave the track bare.
	// A fill is drawn stronger than in the column (where it must keep the
	// text readable) and composed over the track, opaque, so that marks
	// widened to their least height may overlap without mixing.
	r.runs = r.runs[:0]
	n := o.Sentences()
	// The drawn colour of each distinct fill, worked out once: an article
	// has few distinct fills and many runs.
	type drawn struct {
		r, g, b, a uint32
		c          color.Color
	}
	var seen []drawn
	draw := func(fill color.Color) color.Color {
		cr, cg, cb, ca := fill.RGBA()
		for _, d := range seen {
			if d.r == cr && d.g == cg && d.b == cb && d.a == ca {
				return d.c
			}
		}
		c := over(towardOpaque(fill, stripGain), trackC)
		seen = append(seen, drawn{cr, cg, cb, ca, c})
		return c
	}
	for i := 0; i < n; {
		fill := o.Fill(i)
		j := i + 1
		for j < n && SameColour(o.Fill(j), fill) {
			j++
		}
		if !Transparent(fill) && o.cum[j] > o.cum[i] {
			r.runs = append(r.runs, overviewRun{i, j, draw(fill)})
		}
		i = j
	}
	for len(r.rects) < len(r.runs) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	for k, run := range r.runs {
		r.rects[k].FillColor = run.fill
	}

	r.nTick = 0
	for _, s := range o.marked {
		if s < 0 || s >= n || o.cum[s+1] <= o.cum[s] {
			continue
		}
		if r.nTick == len(r.ticks) {
			r.ticks = append(r.ticks, canvas.NewRectangle(color.Transparent))
		}
		r.ticks[r.nTick].FillColor = fg
		r.nTick++
	}

	r.objects = append(r.objects[:0], r.track)
	for _, rc := range r.rects[:len(r.runs)] {
		r.objects = append(r.objects, rc)
	}
	r.objects = append(r.objects, r.frame)
	for _, t := range r.ticks[:r.nTick] {
		r.objects = append(r.objects, t)
	}
	r.Layout(o.Size())
}

// Layout places the track, runs, ticks and frame for size; it is part of
// fyne.WidgetRenderer.
func (r *overviewRenderer) Layout(size fyne.Size) {
	o := r.o
	r.track.Move(fyne.NewPos(0, 0))
	r.track.Resize(size)
	h := size.Height
	markW := max(size.Width-2*overviewInset, 1)
	for k, run := range r.runs {
		top, bottom := o.span(run.from, run.to)
		y0, y1 := overviewBand(top, bottom, h, overviewMinRun)
		rc := r.rects[k]
		rc.Move(fyne.NewPos(overviewInset, y0))
		rc.Resize(fyne.NewSize(markW, y1-y0))
	}
	k := 0
	for _, s := range o.marked {
		if k == r.nTick {
			break
		}
		if s < 0 || s >= o.Sentences() || o.cum[s+1] <= o.cum[s] {
			continue
		}
		top, bottom := o.span(s, s+1)
		mid := (top + bottom) / 2
		y0, y1 := overviewBand(mid, mid, h, overviewTickHeight)
		t := r.ticks[k]
		t.Move(fyne.NewPos(0, y0))
		t.Resize(fyne.NewSize(size.Width, y1-y0))
		k++
	}
	r.layoutFrame(size)
}

// layoutFrame places the viewport frame for size. The rectangle is inset
// by half the stroke width so that the stroke stays inside the strip in the
// software painter, which centres it on the edge (the GL painter draws it
// inside the rectangle).
func (r *overviewRenderer) layoutFrame(size fyne.Size) {
	o := r.o
	if o.bottom <= o.top || o.Sentences() == 0 {
		r.frame.Hide()
		return
	}
	y0, y1 := overviewBand(float64(o.top), float64(o.bottom), size.Height, overviewMinFrame)
	half := float32(overviewFrameWidth) / 2
	r.frame.Move(fyne.NewPos(half, y0+half))
	r.frame.Resize(fyne.NewSize(max(size.Width-2*half, 0), max(y1-y0-2*half, 0)))
	r.frame.Show()
}

// Fill is the fill of sentence i, nil when none was given.
func (o *OverviewStrip) Fill(i int) color.Color {
	if i < len(o.fills) {
		return o.fills[i]
	}
	return nil
}

// overviewBand returns the whole-unit band [y0, y1) covering fractions
// top..bottom of height h, widened about its middle to at least least
// units (or h, if smaller) and kept within 0..h.
func overviewBand(top, bottom float64, h, least float32) (float32, float32) {
	fh := float64(h)
	y0, y1 := math.Round(top*fh), math.Round(bottom*fh)
	if l := math.Min(float64(least), fh); y1-y0 < l {
		mid := (top + bottom) / 2 * fh
		y0 = math.Round(mid - l/2)
		y0 = math.Max(0, math.Min(y0, fh-l))
		y1 = y0 + l
	}
	return float32(y0), float32(y1)
}
