package widgets

import (
	"image"
	"image/color"
	"math"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// overviewStripOf returns a strip sized 14 by height, with its renderer, that
// appends every reported sentence to *jumps.
func overviewStripOf(t testing.TB, fills []color.Color, weights []float32, height float32, jumps *[]int) (*OverviewStrip, *overviewRenderer) {
	t.Helper()
	o := NewOverviewStrip(fills, weights, func(i int) { *jumps = append(*jumps, i) })
	o.Resize(fyne.NewSize(overviewWidth, height))
	test.WidgetRenderer(o)
	if o.r == nil {
		t.Fatal("no renderer")
	}
	return o, o.r
}

// visibleRuns returns the run rectangles that are drawn.
func (r *overviewRenderer) visibleRuns() []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, obj := range r.objects {
		rc, ok := obj.(*canvas.Rectangle)
		if !ok || rc == r.track || rc == r.frame || rc.Visible() == false || r.isTick(rc) {
			continue
		}
		out = append(out, rc)
	}
	return out
}

// isTick reports whether rc is a drawn tick.
func (r *overviewRenderer) isTick(rc *canvas.Rectangle) bool {
	for _, t := range r.ticks[:r.nTick] {
		if t == rc {
			return true
		}
	}
	return false
}

// overviewSameRGBA reports whether two colours are equal as premultiplied RGBA.
func overviewSameRGBA(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// trackColor is the current theme's track colour.
func overviewTrackColor() color.Color {
	return theme.Current().Color(theme.ColorNameInputBackground, fyne.CurrentApp().Settings().ThemeVariant())
}

func TestOverviewMinSize(t *testing.T) {
	flowApp(t, theme.VariantLight)
	o := NewOverviewStrip(nil, nil, nil)
	if got := o.MinSize(); got != fyne.NewSize(14, 40) {
		t.Errorf("MinSize = %v, want 14x40", got)
	}
}

func TestOverviewTap(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, _ := overviewStripOf(t, make([]color.Color, 10), nil, 100, &jumps)
	for _, c := range []struct {
		y    float32
		want int
	}{
		{0, 0}, {-20, 0}, {9.9, 0},
		{50, 5}, {55, 5}, {49.9, 4},
		{100, 9}, {99, 9}, {400, 9},
	} {
		jumps = nil
		test.TapAt(o, fyne.NewPos(7, c.y))
		if len(jumps) != 1 || jumps[0] != c.want {
			t.Errorf("tap at y %v reported %v, want [%d]", c.y, jumps, c.want)
		}
	}
}

func TestOverviewTapWeighted(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	// Shares of the height: 10%, 30%, 0 (never reported), 10%, 50%, 0.
	weights := []float32{10, 30, 0, 10, 50, 0}
	o, _ := overviewStripOf(t, nil, weights, 200, &jumps)
	for _, c := range []struct {
		y    float32
		want int
	}{
		{0, 0}, {19, 0}, {21, 1}, {79, 1}, {80, 3}, {99, 3}, {101, 4}, {150, 4}, {200, 4},
	} {
		jumps = nil
		test.TapAt(o, fyne.NewPos(7, c.y))
		if len(jumps) != 1 || jumps[0] != c.want {
			t.Errorf("tap at y %v reported %v, want [%d]", c.y, jumps, c.want)
		}
	}
}

func TestOverviewBadWeights(t *testing.T) {
	flowApp(t, theme.VariantLight)
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	for _, c := range []struct {
		name    string
		fills   int
		weights []float32
		y       float32
		want    int
	}{
		{"all zero: equal shares", 0, []float32{0, 0, 0, 0}, 60, 2},
		{"empty weights, 4 fills: equal shares", 4, []float32{}, 60, 2},
		{"nil weights, 4 fills: equal shares", 4, nil, 99, 3},
		{"negative, NaN and Inf count zero", 0, []float32{-5, 1, nan, 1, inf}, 0, 1},
		{"negative, NaN and Inf count zero, bottom", 0, []float32{-5, 1, nan, 1, inf}, 100, 3},
		{"weights shorter than fills: the rest zero", 6, []float32{1, 1}, 100, 1},
	} {
		var jumps []int
		o, _ := overviewStripOf(t, make([]color.Color, c.fills), c.weights, 100, &jumps)
		test.TapAt(o, fyne.NewPos(7, c.y))
		if len(jumps) != 1 || jumps[0] != c.want {
			t.Errorf("%s: tap at y %v reported %v, want [%d]", c.name, c.y, jumps, c.want)
		}
	}
}

func TestOverviewDrag(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, _ := overviewStripOf(t, make([]color.Color, 10), nil, 100, &jumps)
	drag := func(y float32) {
		o.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(7, y)}, Dragged: fyne.NewDelta(0, 1)})
	}
	// Within one sentence the drag reports once; each new sentence once.
	for _, y := range []float32{12, 13, 18, 25, 35, 35, -10, 250} {
		drag(y)
	}
	want := []int{1, 2, 3, 0, 9}
	if !slices.Equal(jumps, want) {
		t.Errorf("drag reported %v, want %v", jumps, want)
	}
	// A new drag reports its first sentence even if the last one ended
	// there.
	o.DragEnd()
	jumps = nil
	drag(95)
	if !slices.Equal(jumps, []int{9}) {
		t.Errorf("after DragEnd, drag reported %v, want [9]", jumps)
	}

	// Through the canvas, as a driver delivers it.
	w := test.NewWindow(o)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(overviewWidth, 100))
	jumps = nil
	test.Drag(w.Canvas(), fyne.NewPos(7, 72), 0, 5)
	if !slices.Equal(jumps, []int{7}) {
		t.Errorf("canvas drag at y 72 reported %v, want [7]", jumps)
	}
}

func TestOverviewRunsMerge(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	s, p, b := sharedFill, paraphrasedFill, boilerplateMark
	fills := []color.Color{
		s, s, color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0x80}, // the same colour in another value
		p, p, nil, color.Transparent, color.NRGBA{R: 9}, uniqueFill,
		s, b, b,
	}
	_, r := overviewStripOf(t, fills, nil, 120, &jumps)
	runs := r.visibleRuns()
	if len(runs) != 4 {
		t.Fatalf("%d run rectangles, want 4 (shared, paraphrased, shared, boilerplate)", len(runs))
	}
	track := overviewTrackColor()
	for i, c := range []struct {
		fill   color.Color
		y0, y1 float32
	}{
		{sharedFill, 0, 30}, {paraphrasedFill, 30, 50}, {sharedFill, 90, 100}, {boilerplateMark, 100, 120},
	} {
		rc := runs[i]
		if !overviewSameRGBA(rc.FillColor, over(towardOpaque(c.fill, stripGain), track)) {
			t.Errorf("run %d: fill %v, want %v over the track", i, rc.FillColor, c.fill)
		}
		if y := rc.Position().Y; y != c.y0 || y+rc.Size().Height != c.y1 {
			t.Errorf("run %d: y %v..%v, want %v..%v", i, y, y+rc.Size().Height, c.y0, c.y1)
		}
		if x := rc.Position().X; x != overviewInset || rc.Size().Width != overviewWidth-2*overviewInset {
			t.Errorf("run %d: x %v width %v, want inset %v", i, x, rc.Size().Width, overviewInset)
		}
	}
	if len(r.objects) != 1+4+1 {
		t.Errorf("%d objects, want track, 4 runs and the frame", len(r.objects))
	}

	// A long article: 500 sentences in blocks of 5 alternating shared,
	// unique and paraphrased take one rectangle per marked block.
	fills = make([]color.Color, 500)
	for i := range fills {
		fills[i] = []color.Color{sharedFill, nil, paraphrasedFill}[i/5%3]
	}
	weights := make([]float32, 500)
	for i := range weights {
		weights[i] = float32(40 + i%7*20)
	}
	_, r = overviewStripOf(t, fills, weights, 600, &jumps)
	if n, want := len(r.visibleRuns()), 100/3*2+1; n != want {
		t.Errorf("500 sentences in 100 blocks: %d rectangles, want %d", n, want)
	}
}

func TestOverviewShortRunsShow(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	// One shared sentence among 999 unique ones still gets a visible mark.
	fills := make([]color.Color, 1000)
	fills[500] = sharedFill
	_, r := overviewStripOf(t, fills, nil, 600, &jumps)
	runs := r.visibleRuns()
	if len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	if h := runs[0].Size().Height; h < overviewMinRun {
		t.Errorf("mark height %v, want at least %v", h, overviewMinRun)
	}
	if y := runs[0].Position().Y; y < 298 || y > 302 {
		t.Errorf("mark at y %v, want about 300", y)
	}
}

func TestOverviewViewport(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, r := overviewStripOf(t, make([]color.Color, 20), nil, 400, &jumps)
	if r.frame.Visible() {
		t.Error("frame shown before SetViewport")
	}
	frameY := func() (float32, float32) {
		// The stroke is centred on the edge: the outer edge is half a
		// stroke out.
		half := r.frame.StrokeWidth / 2
		return r.frame.Position().Y - half, r.frame.Position().Y + r.frame.Size().Height + half
	}
	o.SetViewport(0.25, 0.5)
	if !r.frame.Visible() {
		t.Fatal("frame hidden after SetViewport(0.25, 0.5)")
	}
	if y0, y1 := frameY(); y0 != 100 || y1 != 200 {
		t.Errorf("frame spans %v..%v, want 100..200", y0, y1)
	}
	if r.frame.Position().X < 0 || r.frame.Position().X+r.frame.Size().Width > overviewWidth {
		t.Errorf("frame x %v width %v leaves the strip", r.frame.Position().X, r.frame.Size().Width)
	}
	if !Transparent(r.frame.FillColor) || r.frame.StrokeWidth <= 0 || Transparent(r.frame.StrokeColor) {
		t.Errorf("frame fill %v stroke %v width %v, want stroke only", r.frame.FillColor, r.frame.StrokeColor, r.frame.StrokeWidth)
	}
	// Out-of-range values are clamped.
	o.SetViewport(-1, 2)
	if y0, y1 := frameY(); y0 != 0 || y1 != 400 {
		t.Errorf("SetViewport(-1, 2): frame spans %v..%v, want 0..400", y0, y1)
	}
	// A tiny viewport still shows, within the strip.
	o.SetViewport(0.999, 1)
	if y0, y1 := frameY(); y1-y0 < overviewMinFrame || y1 > 400 {
		t.Errorf("SetViewport(0.999, 1): frame spans %v..%v, want %v high ending by 400", y0, y1, overviewMinFrame)
	}
	// Resizing moves it along.
	o.SetViewport(0.5, 0.75)
	o.Resize(fyne.NewSize(overviewWidth, 800))
	if y0, y1 := frameY(); y0 != 400 || y1 != 600 {
		t.Errorf("after resize to 800: frame spans %v..%v, want 400..600", y0, y1)
	}
	o.SetViewport(0.5, 0.5)
	if r.frame.Visible() {
		t.Error("frame shown for an empty viewport")
	}
}

func TestOverviewSetFills(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, r := overviewStripOf(t, []color.Color{sharedFill, nil, sharedFill, nil}, nil, 100, &jumps)
	if n := len(r.visibleRuns()); n != 2 {
		t.Fatalf("%d runs, want 2", n)
	}
	o.SetFills([]color.Color{paraphrasedFill, paraphrasedFill, paraphrasedFill, paraphrasedFill})
	runs := r.visibleRuns()
	if len(runs) != 1 {
		t.Fatalf("after SetFills: %d runs, want 1", len(runs))
	}
	if !overviewSameRGBA(runs[0].FillColor, over(towardOpaque(paraphrasedFill, stripGain), overviewTrackColor())) {
		t.Errorf("after SetFills: fill %v, want paraphrased", runs[0].FillColor)
	}
	if runs[0].Position().Y != 0 || runs[0].Size().Height != 100 {
		t.Errorf("after SetFills: run at %v size %v, want the full height", runs[0].Position(), runs[0].Size())
	}
	o.SetFills(nil)
	if n := len(r.visibleRuns()); n != 0 {
		t.Errorf("after SetFills(nil): %d runs, want 0", n)
	}
	// The fills are copied.
	fills := []color.Color{sharedFill, sharedFill}
	o.SetFills(fills)
	fills[0] = paraphrasedFill
	o.Refresh()
	if n := len(r.visibleRuns()); n != 1 {
		t.Errorf("after changing the caller's slice: %d runs, want 1", n)
	}
}

func TestOverviewMarked(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, r := overviewStripOf(t, make([]color.Color, 10), nil, 200, &jumps)
	o.SetMarked([]int{2, -1, 7, 10})
	if r.nTick != 2 {
		t.Fatalf("%d ticks, want 2 (out-of-range indices ignored)", r.nTick)
	}
	fg := theme.Current().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	for i, mid := range []float32{50, 150} {
		tk := r.ticks[i]
		if !overviewSameRGBA(tk.FillColor, fg) {
			t.Errorf("tick %d: colour %v, want the foreground %v", i, tk.FillColor, fg)
		}
		if y0, y1 := tk.Position().Y, tk.Position().Y+tk.Size().Height; y0 > mid || y1 < mid || y1-y0 > 4 {
			t.Errorf("tick %d spans %v..%v, want a short tick about %v", i, y0, y1, mid)
		}
	}
	// Ticks are drawn above the frame.
	if r.objects[len(r.objects)-1] != r.ticks[1] {
		t.Error("ticks are not drawn last")
	}
	o.SetMarked(nil)
	if r.nTick != 0 || len(r.objects) != 2 {
		t.Errorf("after SetMarked(nil): %d ticks, %d objects, want 0 and 2", r.nTick, len(r.objects))
	}
}

func TestOverviewThemeChange(t *testing.T) {
	a := flowApp(t, theme.VariantLight)
	var jumps []int
	o, r := overviewStripOf(t, []color.Color{sharedFill}, nil, 100, &jumps)
	o.SetMarked([]int{0})
	light := r.track.FillColor
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	o.Refresh()
	dark := theme.DefaultTheme().Color(theme.ColorNameInputBackground, theme.VariantDark)
	if overviewSameRGBA(light, dark) || !overviewSameRGBA(r.track.FillColor, dark) {
		t.Errorf("dark theme: track %v, want %v", r.track.FillColor, dark)
	}
	if !overviewSameRGBA(r.rects[0].FillColor, over(towardOpaque(sharedFill, stripGain), dark)) {
		t.Errorf("dark theme: run %v, want shared over the dark track", r.rects[0].FillColor)
	}
	if fg := theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantDark); !overviewSameRGBA(r.ticks[0].FillColor, fg) {
		t.Errorf("dark theme: tick %v, want %v", r.ticks[0].FillColor, fg)
	}
}

func TestOverviewEmpty(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var jumps []int
	o, r := overviewStripOf(t, nil, nil, 100, &jumps)
	test.TapAt(o, fyne.NewPos(7, 50))
	o.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(7, 50)}})
	o.DragEnd()
	o.SetViewport(0, 1)
	o.SetMarked([]int{0, 1})
	o.SetFills(nil)
	o.Resize(fyne.NewSize(overviewWidth, 0))
	test.TapAt(o, fyne.NewPos(7, 0))
	if len(jumps) != 0 {
		t.Errorf("empty strip reported %v", jumps)
	}
	if n := len(r.visibleRuns()); n != 0 || r.nTick != 0 || r.frame.Visible() {
		t.Errorf("empty strip: %d runs, %d ticks, frame shown %v", n, r.nTick, r.frame.Visible())
	}
	// A nil onJump and a zero size do not panic either.
	n := NewOverviewStrip([]color.Color{sharedFill}, []float32{1}, nil)
	test.TapAt(n, fyne.NewPos(0, 0))
	n.Dragged(&fyne.DragEvent{})
	w := test.NewWindow(n)
	defer w.Close()
	w.Canvas().Capture()
}

// TestOverviewCapture renders strips at 14x600 in the light and the dark
// theme and checks the pixels of a run, the frame and a tick. Set
// PARALLAX_OVERVIEW_PNG to a path to write the captures (side by side)
// there.
func TestOverviewCapture(t *testing.T) {
	var shots []image.Image
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		flowApp(t, v)
		shots = append(shots, overviewScreenshot(t))
	}
	writeSideBySide(t, os.Getenv("PARALLAX_OVERVIEW_PNG"), 6, shots)
}

// overviewSample is an article of 300 sentences: a shared lead, then mixed
// stretches, with boilerplate at the end; weights vary as sentence
// lengths do.
func overviewSample() ([]color.Color, []float32) {
	var fills []color.Color
	add := func(c color.Color, n int) {
		for range n {
			fills = append(fills, c)
		}
	}
	add(sharedFill, 12)
	for k := range 24 {
		switch k % 4 {
		case 0:
			add(nil, 6)
		case 1:
			add(paraphrasedFill, 1+k%3)
		case 2:
			add(nil, 3)
		case 3:
			add(sharedFill, 2+k%5)
		}
	}
	add(paraphrasedFill, 8)
	for len(fills) < 290 {
		add(nil, 1)
	}
	add(boilerplateMark, 10)
	weights := make([]float32, len(fills))
	for i := range weights {
		weights[i] = float32(60 + (i*37)%140)
	}
	return fills, weights
}

// overviewScreenshot renders a sample strip in a 14x600 window in the
// current theme and checks its pixels.
func overviewScreenshot(t *testing.T) image.Image {
	t.Helper()
	fills, weights := overviewSample()
	o := NewOverviewStrip(fills, weights, nil)
	o.SetViewport(0.3, 0.45)
	o.SetMarked([]int{5, 160})
	w := test.NewWindow(o)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(overviewWidth, 600))
	img := w.Canvas().Capture()
	if b := img.Bounds(); b.Dx() != overviewWidth || b.Dy() != 600 {
		t.Fatalf("capture is %v, want 14x600", b)
	}
	px := func(x, y int) color.NRGBA {
		return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	}
	// The shared lead is blue.
	if c := px(7, 3); c.B < c.R+0x30 {
		t.Errorf("pixel in the shared lead is %v, not blue", c)
	}
	// The track shows at the sides of a run.
	track := color.NRGBAModel.Convert(overviewTrackColor()).(color.NRGBA)
	if c := px(0, 3); overviewAbsDiff(c.R, track.R) > 8 || overviewAbsDiff(c.B, track.B) > 8 {
		t.Errorf("pixel at the side of the strip is %v, want the track %v", c, track)
	}
	// The frame's sides (over the track margins) and its bottom edge (over
	// unmarked sentences) are the faded foreground over the track; the
	// track shows just outside and inside it.
	fg := color.NRGBAModel.Convert(theme.Current().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())).(color.NRGBA)
	frameC := color.NRGBAModel.Convert(over(scaleAlpha(fg, overviewFrameAlpha), track)).(color.NRGBA)
	r := o.r
	fy0 := int(r.frame.Position().Y - r.frame.StrokeWidth/2)
	fy1 := int(r.frame.Position().Y + r.frame.Size().Height + r.frame.StrokeWidth/2)
	if fy0 != 180 || fy1 != 270 {
		t.Errorf("frame spans y %d..%d, want 180..270", fy0, fy1)
	}
	for _, p := range []image.Point{{0, fy0 + 20}, {1, fy0 + 20}, {12, fy0 + 40}, {13, fy1 - 10}, {7, fy1 - 1}, {7, fy1 - 2}} {
		if c := px(p.X, p.Y); overviewAbsDiff(c.R, frameC.R) > 0x10 || overviewAbsDiff(c.G, frameC.G) > 0x10 {
			t.Errorf("pixel on the frame %v is %v, want %v", p, c, frameC)
		}
	}
	for _, p := range []image.Point{{0, fy0 - 1}, {0, fy1}, {7, fy1}, {7, fy1 - 3}} {
		if c := px(p.X, p.Y); overviewAbsDiff(c.R, track.R) > 0x10 || overviewAbsDiff(c.G, track.G) > 0x10 {
			t.Errorf("pixel beside the frame %v is %v, want the track %v", p, c, track)
		}
	}
	// A tick is the foreground colour across the strip.
	ty := int(r.ticks[1].Position().Y)
	for _, x := range []int{1, 7, 12} {
		if c := px(x, ty); overviewAbsDiff(c.R, fg.R) > 0x30 || overviewAbsDiff(c.G, fg.G) > 0x30 {
			t.Errorf("pixel on the tick (%d, %d) is %v, want about %v", x, ty, c, fg)
		}
	}
	return img
}

// overviewAbsDiff is |a-b|.
func overviewAbsDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// BenchmarkOverviewStrip creates and lays out a strip for a 1,000-sentence
// article in a window, as when a column is first shown.
func BenchmarkOverviewStrip(b *testing.B) {
	flowApp(b, theme.VariantLight)
	fills := make([]color.Color, 1000)
	weights := make([]float32, 1000)
	for i := range fills {
		fills[i] = []color.Color{sharedFill, nil, paraphrasedFill, nil, boilerplateMark}[i/3%5]
		weights[i] = float32(40 + i*31%160)
	}
	w := test.NewWindow(nil)
	b.Cleanup(w.Close)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		o := NewOverviewStrip(fills, weights, func(int) {})
		o.SetViewport(0.1, 0.2)
		o.SetMarked([]int{i % 1000})
		w.SetContent(o)
		w.Resize(fyne.NewSize(overviewWidth, float32(600+i%2)))
	}
}
