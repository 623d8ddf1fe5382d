package widgets

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// flowApp starts a headless app with the default theme in the given
// variant.
func flowApp(t testing.TB, v fyne.ThemeVariant) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
	freshRenderCache()
	return a
}

// freshRenderCache brings Fyne's render cache clock up to date. The cache
// stamps renderers and canvases alive with a clock that only a cache clean
// (a Capture) advances: after a minute of tests without one, a test's new
// widgets are born expired, and its own Capture (which cleans when the
// last clean is 10 s old) destroys their renderers and canvas links before
// painting, so the capture shows unlaid-out bars (TestDocRowCapture saw a
// white share-bar segment only in the full -race run). A capture of an
// empty canvas cleans now and restarts both clocks.
func freshRenderCache() {
	test.NewCanvas().Capture()
}

// sampleSpans are four sentences: shared, unique, paraphrased (bold) and a
// dimmed boilerplate line.
func sampleSpans() []Span {
	return []Span{
		{Text: "The mayor opened the new bridge on Monday morning.", Fill: sharedFill},
		{Text: "Crowds cheered loudly as the ribbon was cut.", Fill: uniqueFill},
		{Text: "It cost about 40 million dollars, officials said.", Fill: paraphrasedFill, Bold: true},
		{Text: "Subscribe to our newsletter for more.", TextColorName: theme.ColorNamePlaceHolder},
	}
}

// flowOf returns a FlowText with its renderer, sized to width by height.
func flowOf(t testing.TB, spans []Span, onTapped func(int), width float32) (*FlowText, *flowRenderer) {
	t.Helper()
	f := NewFlowText(spans, onTapped)
	f.Resize(fyne.NewSize(width, 400))
	r := f.renderer()
	if r == nil {
		t.Fatal("no renderer")
	}
	return f, r
}

// lines is the number of laid-out lines.
func (r *flowRenderer) lines() int { return len(r.lineFrags) - 1 }

func TestFlowWraps(t *testing.T) {
	flowApp(t, theme.VariantLight)
	f, r := flowOf(t, sampleSpans(), nil, 180)
	if n := r.lines(); n < 5 {
		t.Errorf("at width 180: %d lines, want several", n)
	}
	inner := 180 - 2*r.padX
	for _, fr := range r.frags {
		if fr.x1 > inner+0.01 {
			t.Errorf("fragment %+v overflows the line width %v", fr, inner)
		}
	}
	// Sentences run on: some line holds the end of one span and the start
	// of the next.
	shared := false
	for l := 0; l < r.lines(); l++ {
		if r.lineFrags[l+1]-r.lineFrags[l] > 1 {
			shared = true
		}
	}
	if !shared {
		t.Error("no line holds two spans: the text does not flow")
	}

	f.Resize(fyne.NewSize(4000, 400))
	if n := r.lines(); n != 1 {
		t.Errorf("at width 4000: %d lines, want 1", n)
	}
	if len(r.frags) != 4 || len(r.Objects()) != 8 {
		t.Errorf("at width 4000: %d fragments, %d objects, want one rectangle and one text per span", len(r.frags), len(r.Objects()))
	}
}

func TestFlowRunTextMatchesSpans(t *testing.T) {
	flowApp(t, theme.VariantLight)
	spans := sampleSpans()
	f, r := flowOf(t, spans, nil, 4000)
	var got []string
	for _, o := range r.Objects() {
		if txt, ok := o.(*canvas.Text); ok {
			got = append(got, txt.Text)
		}
	}
	var want []string
	for _, s := range spans {
		want = append(want, s.Text)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("texts %q, want %q", got, want)
	}
	// Styles: the bold span's text is bold, the dimmed span's is grey.
	for _, o := range r.Objects() {
		txt, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		switch {
		case strings.Contains(txt.Text, "40 million") && !txt.TextStyle.Bold:
			t.Errorf("%q is not bold", txt.Text)
		case strings.HasPrefix(txt.Text, "Subscribe") && txt.Color != theme.Color(theme.ColorNamePlaceHolder):
			t.Errorf("%q has colour %v, want the placeholder colour", txt.Text, txt.Color)
		case strings.HasPrefix(txt.Text, "The mayor") && txt.Color != theme.Color(theme.ColorNameForeground):
			t.Errorf("%q has colour %v, want the foreground", txt.Text, txt.Color)
		}
	}
	_ = f
}

func TestFlowThemeChange(t *testing.T) {
	a := flowApp(t, theme.VariantLight)
	spans := sampleSpans()
	spans[1].TextColor = color.NRGBA{R: 0xC0, A: 0xFF}
	f, r := flowOf(t, spans, nil, 180)
	check := func(v fyne.ThemeVariant) {
		t.Helper()
		th := theme.DefaultTheme()
		for k, fr := range r.frags {
			want := th.Color(theme.ColorNameForeground, v)
			switch fr.span {
			case 1:
				want = spans[1].TextColor
			case 3:
				want = th.Color(theme.ColorNamePlaceHolder, v)
			}
			if got := r.texts[k].Color; got != want {
				t.Errorf("variant %v: fragment %d of span %d has colour %v, want %v", v, k, fr.span, got, want)
			}
		}
	}
	check(theme.VariantLight)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	f.Refresh()
	check(theme.VariantDark)
}

func TestFlowWhitespaceAndLongWords(t *testing.T) {
	flowApp(t, theme.VariantLight)
	spans := []Span{
		{Text: "  Irregular\n spacing\t\there  "},
		{Text: "https://example.com/a/very/long/address/that/cannot/fit/on/one/line"},
		{Text: ""},
		{Text: "end of\u00a0line."},
	}
	f, r := flowOf(t, spans, nil, 160)
	if got := r.toks[0].text; got != "Irregular spacing here" {
		t.Errorf("normalised text %q", got)
	}
	inner := 160 - 2*r.padX
	var long []string
	for _, fr := range r.frags {
		if fr.x1 > inner+0.01 {
			t.Errorf("fragment %+v overflows %v", fr, inner)
		}
		if fr.span == 1 {
			long = append(long, r.toks[1].text[fr.start:fr.end])
		}
	}
	if len(long) < 2 || strings.Join(long, "") != spans[1].Text {
		t.Errorf("long word broken into %q", long)
	}
	if _, ok := f.SpanPosition(2); ok {
		t.Error("empty span 2 has a position")
	}
	if _, ok := f.SpanPosition(3); !ok {
		t.Error("span 3 has no position")
	}
	if n := len(r.toks[3].words); n != 2 {
		t.Errorf("span 3 has %d words, want 2 (a no-break space joins two)", n)
	}
}

func TestFlowMinSize(t *testing.T) {
	flowApp(t, theme.VariantLight)
	f, r := flowOf(t, sampleSpans(), nil, 600)
	prev := float32(0)
	for _, w := range []float32{1200, 600, 300, 150} {
		f.Resize(fyne.NewSize(w, 10))
		min := f.MinSize()
		if min.Height <= prev {
			t.Errorf("at width %v: min height %v, not above %v at a wider width", w, min.Height, prev)
		}
		prev = min.Height
		if min.Width > 120 {
			t.Errorf("min width %v: too wide for narrow columns", min.Width)
		}
		want := r.padY*2 + float32(r.lines())*r.advance - (r.advance - r.textHeight)
		if d := min.Height - want; d > 0.01 || d < -0.01 {
			t.Errorf("at width %v: min height %v, want %v for %d lines", w, min.Height, want, r.lines())
		}
	}
	empty := NewFlowText(nil, nil)
	if h := empty.MinSize().Height; h <= 0 {
		t.Errorf("empty FlowText min height %v", h)
	}
}

func TestFlowTapped(t *testing.T) {
	flowApp(t, theme.VariantLight)
	got := -1
	f, r := flowOf(t, sampleSpans(), func(i int) { got = i }, 180)
	for k, fr := range r.frags {
		if fr.span != 2 {
			continue
		}
		got = -1
		rc := r.rects[k]
		test.TapAt(f, rc.Position().Add(fyne.NewPos(rc.Size().Width/2, rc.Size().Height/2)))
		if got != 2 {
			t.Errorf("tap on fragment %d of span 2 reported %d", k, got)
		}
	}
	got = -1
	test.TapAt(f, fyne.NewPos(1, 1)) // in the padding
	if got != -1 {
		t.Errorf("tap in the padding reported %d", got)
	}
	test.TapAt(f, fyne.NewPos(100, f.MinSize().Height+50)) // below the text
	if got != -1 {
		t.Errorf("tap below the text reported %d", got)
	}
}

func TestFlowFillsAndEmphasis(t *testing.T) {
	flowApp(t, theme.VariantLight)
	spans := sampleSpans()
	f, r := flowOf(t, spans, func(int) {}, 180)
	for k, fr := range r.frags {
		rc := r.rects[k]
		switch fr.span {
		case 0, 2:
			if rc.Hidden || rc.FillColor != spans[fr.span].Fill {
				t.Errorf("fragment %d of span %d: fill %v hidden %v, want %v", k, fr.span, rc.FillColor, rc.Hidden, spans[fr.span].Fill)
			}
			if rc.CornerRadius <= 0 {
				t.Errorf("fragment %d: square corners", k)
			}
		case 1, 3:
			if !rc.Hidden {
				t.Errorf("fragment %d of unfilled span %d is shown", k, fr.span)
			}
		}
	}
	// Adjacent fragments of one span on one line do not exist: one
	// rectangle covers the span's words on a line without gaps.
	for k := 1; k < len(r.frags); k++ {
		if r.frags[k].span == r.frags[k-1].span && r.frags[k].line == r.frags[k-1].line {
			t.Errorf("fragments %d and %d split span %d on one line", k-1, k, r.frags[k].span)
		}
	}

	texts := append([]*canvas.Text(nil), r.texts[:len(r.frags)]...)
	spans[0].Emphasis = EmphasisSelected
	spans[1].Emphasis = EmphasisCounterpart
	f.SetSpans(spans)
	for k, fr := range r.frags {
		rc := r.rects[k]
		if rc.StrokeWidth != 0 {
			t.Errorf("fragment %d has its own outline", k)
		}
		if fr.span == 0 && rc.FillColor == sharedFill {
			t.Errorf("selected fragment %d: fill %v not strengthened", k, rc.FillColor)
		}
	}
	// One outline per emphasised span, around all its lines: thick for
	// the selection, thin for the counterpart.
	widths := map[float32]int{}
	for _, o := range r.objects[2*len(r.frags):] {
		widths[o.(*canvas.Line).StrokeWidth]++
	}
	if widths[2] < 4 || widths[1] < 4 {
		t.Errorf("outline edges by width: %v, want at least four of each", widths)
	}
	// An emphasis change restyles without laying out again.
	for u, txt := range texts {
		if r.texts[u] != txt {
			t.Errorf("text %d replaced on an emphasis change", u)
		}
	}

	// Hovering highlights the span under the pointer only.
	rc := r.rects[r.spanFrags[3]]
	p, _ := f.SpanPosition(3)
	f.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p.AddXY(5, 5)}})
	if rc.Hidden || f.Cursor() != desktop.PointerCursor {
		t.Errorf("hovered span 3: hidden %v cursor %v", rc.Hidden, f.Cursor())
	}
	f.MouseOut()
	if !rc.Hidden || f.Cursor() != desktop.DefaultCursor {
		t.Errorf("after mouse out: hidden %v cursor %v", rc.Hidden, f.Cursor())
	}
}

func TestFlowSpanPosition(t *testing.T) {
	flowApp(t, theme.VariantLight)
	f, r := flowOf(t, sampleSpans(), nil, 180)
	p, ok := f.SpanPosition(0)
	if !ok || p != fyne.NewPos(r.padX, r.padY) {
		t.Errorf("span 0 at %v %v, want %v", p, ok, fyne.NewPos(r.padX, r.padY))
	}
	prev := p
	for i := 1; i < 4; i++ {
		p, ok := f.SpanPosition(i)
		if !ok {
			t.Fatalf("span %d has no position", i)
		}
		if txt := r.texts[r.spanFrags[i]]; p != txt.Position() {
			t.Errorf("span %d at %v, its first text at %v", i, p, txt.Position())
		}
		if p.Y < prev.Y || (p.Y == prev.Y && p.X <= prev.X) {
			t.Errorf("span %d at %v is not after span %d at %v", i, p, i-1, prev)
		}
		prev = p
	}
	if p, _ := f.SpanPosition(3); p.Y <= r.padY {
		t.Errorf("at width 180 the last span starts on the first line")
	}
	for _, i := range []int{-1, 4} {
		if _, ok := f.SpanPosition(i); ok {
			t.Errorf("span %d has a position", i)
		}
	}
}

// TestFlowMeasure checks that summing cached word widths matches measuring
// a laid-out line as one string, so that backgrounds fit their text.
func TestFlowMeasure(t *testing.T) {
	flowApp(t, theme.VariantLight)
	_, r := flowOf(t, paragraphSpans(rand.New(rand.NewSource(1)), 300), nil, 320)
	for k, fr := range r.frags {
		got := fyne.MeasureText(r.texts[k].Text, r.size, r.keys[fr.span].style).Width
		if d := got - (fr.x1 - fr.x0); d > 0.5 || d < -0.5 {
			t.Errorf("fragment %q: measured %v, laid out %v", r.texts[k].Text, got, fr.x1-fr.x0)
		}
	}
}

// TestFlowInScroll shows FlowTexts in a VBox in a vertical scroll: once
// laid out, they stack without overlapping, and a capture shows the fills.
// Set PARALLAX_FLOW_PNG to a path to write the light and dark captures
// (side by side) there.
func TestFlowInScroll(t *testing.T) {
	var shots []image.Image
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		flowApp(t, v)
		shots = append(shots, flowScreenshot(t))
	}
	writeSideBySide(t, os.Getenv("PARALLAX_FLOW_PNG"), 0, shots)
}

// writeSideBySide writes shots (of one size) side by side, gap pixels
// apart, as a PNG at path; an empty path writes nothing.
func writeSideBySide(t *testing.T, path string, gap int, shots []image.Image) {
	t.Helper()
	if path == "" || len(shots) == 0 {
		return
	}
	b := shots[0].Bounds()
	img := image.NewNRGBA(image.Rect(0, 0, len(shots)*(b.Dx()+gap)-gap, b.Dy()))
	for i, s := range shots {
		draw.Draw(img, image.Rect(i*(b.Dx()+gap), 0, i*(b.Dx()+gap)+b.Dx(), b.Dy()), s, b.Min, draw.Src)
	}
	writePNG(t, path, img)
}

// flowScreenshot renders a column of FlowTexts in the current theme and
// checks the layout and the pixels.
func flowScreenshot(t *testing.T) image.Image {
	t.Helper()
	spans := sampleSpans()
	spans[0].Emphasis = EmphasisSelected
	spans = append(spans, Span{Text: "A counterpart sentence with an outline.", Fill: paraphrasedFill, Emphasis: EmphasisCounterpart})
	headline := []Span{{Text: "Bridge opens after years of delays", Bold: true, Fill: sharedFill}}
	rnd := rand.New(rand.NewSource(2))
	flows := []*FlowText{
		NewFlowText(headline, nil),
		NewFlowText(spans, nil),
		NewFlowText(paragraphSpans(rnd, 60), nil),
		NewFlowText(paragraphSpans(rnd, 40), nil),
	}
	body := container.NewVBox()
	for _, f := range flows {
		body.Add(f)
	}
	scroll := container.NewVScroll(container.NewPadded(body))
	w := test.NewWindow(scroll)
	defer w.Close()
	w.Resize(fyne.NewSize(340, 520))
	// The test canvas has no frame loop to re-run layouts when a wrapped
	// height changes; do what the driver's EnsureMinSize does.
	body.Refresh()
	scroll.Refresh()

	for i := 1; i < len(flows); i++ {
		a, b := flows[i-1], flows[i]
		if b.Position().Y < a.Position().Y+a.Size().Height-0.01 {
			t.Errorf("flow %d (y %v) overlaps flow %d (y %v, height %v)", i, b.Position().Y, i-1, a.Position().Y, a.Size().Height)
		}
		if a.Size().Height != a.MinSize().Height {
			t.Errorf("flow %d: height %v, min height %v", i-1, a.Size().Height, a.MinSize().Height)
		}
	}
	img := w.Canvas().Capture()

	// A pixel inside the selected headline fill shows the shared colour
	// over the background.
	r := flows[0].renderer()
	rc := r.rects[0]
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(flows[0]).Add(rc.Position())
	px := color.NRGBAModel.Convert(img.At(int(at.X+3), int(at.Y+rc.Size().Height-3))).(color.NRGBA)
	if px.B < px.R || px.B < 0x60 {
		t.Errorf("pixel in the headline fill is %v, not blue", px)
	}
	return img
}

// words is a small vocabulary for generated paragraphs.
var words = strings.Fields(`the a of to in and officials said on Monday bridge city council
million dollars project construction traffic residents mayor opened new river crossing years
delays budget engineers according statement spokesperson expected ease congestion downtown
commuters federal funding state approved contract workers completed inspection weekend`)

// paragraphSpans generates about n words as sentences of 8 to 24 words,
// with a mix of fills and styles.
func paragraphSpans(rnd *rand.Rand, n int) []Span {
	var spans []Span
	for n > 0 {
		k := min(n, 8+rnd.Intn(17))
		n -= k
		var b strings.Builder
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := words[rnd.Intn(len(words))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
		}
		b.WriteByte('.')
		s := Span{Text: b.String()}
		switch rnd.Intn(4) {
		case 0:
			s.Fill = sharedFill
		case 1:
			s.Fill = paraphrasedFill
		case 2:
			s.TextColorName = theme.ColorNamePlaceHolder
		}
		spans = append(spans, s)
	}
	return spans
}

// benchFlows is 50 paragraphs of 100 words in a window.
func benchFlows(b *testing.B) []*FlowText {
	flowApp(b, theme.VariantLight)
	rnd := rand.New(rand.NewSource(3))
	var flows []*FlowText
	body := container.NewVBox()
	for range 50 {
		f := NewFlowText(paragraphSpans(rnd, 100), func(int) {})
		flows = append(flows, f)
		body.Add(f)
	}
	w := test.NewWindow(container.NewVScroll(body))
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(400, 800))
	return flows
}

// BenchmarkFlowLayout lays out a 5,000-word article (50 paragraphs of 100
// words) at a new width, as when a column is resized.
func BenchmarkFlowLayout(b *testing.B) {
	flows := benchFlows(b)
	b.ResetTimer()
	for i := range b.N {
		w := float32(300 + i%2*37)
		for _, f := range flows {
			f.Resize(fyne.NewSize(w, 100))
			f.MinSize()
		}
	}
}

// BenchmarkFlowCreate builds and lays out a 5,000-word article from
// scratch (the word widths cached), as when a column is first shown.
func BenchmarkFlowCreate(b *testing.B) {
	flows := benchFlows(b)
	b.ResetTimer()
	for range b.N {
		for _, f := range flows {
			g := NewFlowText(f.Spans, nil)
			g.Resize(fyne.NewSize(300, 100))
			g.MinSize()
		}
	}
}

// BenchmarkFlowCreateCold is BenchmarkFlowCreate with words never seen
// before, so that every word is measured: the worst case of a first show.
func BenchmarkFlowCreateCold(b *testing.B) {
	flowApp(b, theme.VariantLight)
	rnd := rand.New(rand.NewSource(4))
	w := test.NewWindow(nil)
	b.Cleanup(w.Close)
	for range b.N {
		b.StopTimer()
		var paras [][]Span
		for range 50 {
			spans := paragraphSpans(rnd, 100)
			for i := range spans {
				spans[i].Text = scramble(rnd, spans[i].Text)
			}
			paras = append(paras, spans)
		}
		b.StartTimer()
		for _, spans := range paras {
			g := NewFlowText(spans, nil)
			g.Resize(fyne.NewSize(300, 100))
			g.MinSize()
		}
	}
}

// scramble replaces the letters of s with random ones, keeping the spaces.
func scramble(rnd *rand.Rand, s string) string {
	b := []byte(s)
	for i, c := range b {
		if c != ' ' {
			b[i] = byte('a' + rnd.Intn(26))
		}
	}
	return string(b)
}

// BenchmarkFlowSelect changes the emphasis of a sentence in every paragraph
// of a 5,000-word article, as when a sentence is selected.
func BenchmarkFlowSelect(b *testing.B) {
	flows := benchFlows(b)
	b.ResetTimer()
	for i := range b.N {
		for _, f := range flows {
			spans := f.Spans
			for j := range spans {
				spans[j].Emphasis = EmphasisNone
			}
			spans[i%len(spans)].Emphasis = EmphasisSelected
			f.SetSpans(spans)
		}
	}
}

// TestOutlineOneShape checks that a span over several lines is outlined by
// one closed shape: every corner of its edges is met by exactly two edges.
func TestOutlineOneShape(t *testing.T) {
	for _, boxes := range [][]outlineBox{
		{{0, 10, 0, 5}},
		{{5, 10, 0, 5}, {0, 10, 5, 10}, {0, 4, 10, 15}},
		{{2, 10, 0, 5}, {0, 8, 5, 10}},
	} {
		ends := map[[2]float32]int{}
		for _, e := range outlineEdges(boxes) {
			ends[[2]float32{e[0], e[1]}]++
			ends[[2]float32{e[2], e[3]}]++
		}
		for p, n := range ends {
			if n != 2 {
				t.Errorf("boxes %v: corner %v meets %d edges, want 2", boxes, p, n)
			}
		}
	}
}

// TestFlowOutlineThenNarrower checks that a paragraph with an outlined
// span can be laid out narrower, into more fragments than it has drawn
// before (the outline's lines once hid that the pools were short).
func TestFlowOutlineThenNarrower(t *testing.T) {
	flowApp(t, theme.VariantLight)
	spans := sampleSpans()
	for i := range spans {
		spans[i].Emphasis = EmphasisSelected
	}
	f, r := flowOf(t, spans, nil, 2000)
	for w := float32(2000); w >= 60; w -= 20 {
		f.Resize(fyne.NewSize(w, 400))
		for k := range r.frags {
			if r.objects[len(r.frags)+k] != r.texts[k] {
				t.Fatalf("width %v: object %d is not text %d", w, len(r.frags)+k, k)
			}
		}
	}
}

// TestNoBreaksInsideWords checks that a paragraph asks for the width of its
// widest word, so that narrow columns can scroll sideways instead of
// breaking words.
func TestNoBreaksInsideWords(t *testing.T) {
	test.NewTempApp(t)
	f := NewFlowText([]Span{{Text: "The administration’s counterintelligence officials"}}, nil)
	w := test.NewWindow(f)
	defer w.Close()
	w.Resize(fyne.NewSize(60, 300))
	r := f.renderer()
	widest := measureWord("counterintelligence", r.size, fyne.TextStyle{}, r.font)
	if f.MinSize().Width < widest {
		t.Errorf("min width %v is narrower than the widest word (%v)", f.MinSize().Width, widest)
	}
	f.Resize(fyne.NewSize(f.MinSize().Width, 300))
	for _, fr := range r.frags {
		word := r.toks[fr.span].text[fr.start:fr.end]
		for _, part := range strings.Fields(word) {
			if !strings.Contains(f.Spans[0].Text, " "+part) && !strings.HasPrefix(f.Spans[0].Text, part) {
				t.Errorf("fragment %q breaks a word", part)
			}
		}
	}
	// A web address longer than maxWordWidth ems still breaks.
	long := NewFlowText([]Span{{Text: strings.Repeat("x", 200)}}, nil)
	if long.MinSize().Width > maxWordWidth*r.size+2*r.padX+1 {
		t.Errorf("a 200-letter token asks for %v", long.MinSize().Width)
	}
}
