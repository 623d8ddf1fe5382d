package widgets

import (
	"image/color"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// selectedGain strengthens the fill of the selected sentence in the
// columns: the share of the way from the fill's opacity to opaque
// (towardOpaque).
const selectedGain = 1.0 / 3

// Emphasis is how strongly a span of a FlowText is marked beyond its fill.
type Emphasis int

// The emphases, weakest first.
const (
	// EmphasisNone draws the span with its fill only.
	EmphasisNone Emphasis = iota
	// EmphasisCounterpart outlines the span thinly: a sentence linked to
	// the selected one.
	EmphasisCounterpart
	// EmphasisSelected outlines the span boldly and strengthens its fill:
	// the selected sentence.
	EmphasisSelected
)

// Span is one styled run of a FlowText: a sentence. Consecutive spans are
// separated by a space (a little wider than a word space, so that the
// backgrounds of neighbouring spans stay apart); runs of white space inside
// a span are shown as one space, and leading and trailing white space is
// dropped. Lines break at spaces only (not at no-break spaces), and inside
// a word only when it is wider than the line.
type Span struct {
	// Text is the span's text.
	Text string
	// Fill is the span's background; nil or transparent for none.
	Fill color.Color
	// TextColor is the colour of the span's text; nil for the theme colour
	// named by TextColorName.
	TextColor color.Color
	// TextColorName names the theme colour of the span's text when
	// TextColor is nil (so that it follows theme changes), e.g.
	// theme.ColorNamePlaceHolder to dim boilerplate; "" for the theme's
	// foreground colour.
	TextColorName fyne.ThemeColorName
	// Bold and Italic set the span's text style.
	Bold, Italic bool
	// Emphasis outlines the span (and strengthens its fill when selected).
	Emphasis Emphasis
	// Found marks the span as a match of a search: highlighted and
	// underlined.
	Found bool
}

// FlowText is a paragraph of spans laid out as flowing, word-wrapped text in
// which every span can have its own background, text style and outline, and
// can be tapped. It wraps to the width it is given: its minimum width is
// small and its minimum height is the height of the text laid out at its
// current width, so it belongs in a vertically scrolling column.
//
// After changing the exported fields directly, call Refresh. Changes to
// fills and emphases only (same texts and text styles) are applied without
// laying the text out again.
type FlowText struct {
	widget.BaseWidget

	// Spans are the paragraph's spans in reading order.
	Spans []Span
	// OnTapped, when set, is called with the index of the span that was
	// tapped. Spans then show a hover highlight and a pointer cursor.
	OnTapped func(span int)
	// TextSize is the size of the text; 0 for the theme's text size.
	TextSize float32
	// OnHovered, when set, is called with the index of the span the mouse
	// pointer comes over (of a tappable FlowText), -1 when it leaves.
	OnHovered func(span int)

	hover int // index+1 of the span under the mouse pointer, 0 for none
	r     *flowRenderer
}

// NewFlowText returns a FlowText showing spans that calls onTapped (which
// may be nil) with the index of a tapped span.
func NewFlowText(spans []Span, onTapped func(int)) *FlowText {
	f := &FlowText{Spans: spans, OnTapped: onTapped}
	f.ExtendBaseWidget(f)
	return f
}

// Resize sets the widget's size. A new width changes the number of lines
// and so the minimum height: the widget refreshes, so that its container
// lays out again with the new height (as a wrapping Label does).
func (f *FlowText) Resize(size fyne.Size) {
	old := f.Size()
	if size == old {
		return
	}
	f.BaseWidget.Resize(size)
	if size.Width != old.Width {
		f.Refresh()
	}
}

// SetSpans replaces the spans and refreshes the widget.
func (f *FlowText) SetSpans(spans []Span) {
	f.Spans = spans
	f.Refresh()
}

// SpanPosition returns the top-left corner of the first line fragment of
// span i, relative to the widget, as laid out at the widget's current
// width; false when i is out of range or the span has no text.
func (f *FlowText) SpanPosition(i int) (fyne.Position, bool) {
	r := f.renderer()
	if r == nil {
		return fyne.Position{}, false
	}
	r.ensureLayout(f.Size().Width)
	if i < 0 || i+1 >= len(r.spanFrags) || r.spanFrags[i] == r.spanFrags[i+1] {
		return fyne.Position{}, false
	}
	fr := r.frags[r.spanFrags[i]]
	return fyne.NewPos(r.padX+fr.x0, r.lineTop(int(fr.line))), true
}

// LineHeight is the height of the text of one line (without the space
// between lines) at the widget's text size: a span's first line runs from
// its SpanPosition down by LineHeight.
func (f *FlowText) LineHeight() float32 {
	r := f.renderer()
	if r == nil {
		return 0
	}
	return r.textHeight
}

// ForgetWordWidths empties the cache of measured word widths that all
// FlowTexts share, so that a benchmark can time text laid out for the
// first time.
func ForgetWordWidths() {
	wordWidths.Lock()
	clear(wordWidths.m)
	wordWidths.Unlock()
}

// CreateRenderer is part of fyne.Widget.
func (f *FlowText) CreateRenderer() fyne.WidgetRenderer {
	f.ExtendBaseWidget(f)
	f.r = &flowRenderer{f: f, laidWidth: -1}
	f.r.update()
	return f.r
}

// Tapped calls OnTapped with the span under the tap, if any; it is part of
// fyne.Tappable.
func (f *FlowText) Tapped(ev *fyne.PointEvent) {
	if f.OnTapped == nil {
		return
	}
	if i, ok := f.spanAt(ev.Position); ok {
		f.OnTapped(i)
	}
}

// Cursor is a pointer over a tappable span; it is part of
// desktop.Cursorable.
func (f *FlowText) Cursor() desktop.Cursor {
	if f.hover > 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn highlights the span under the pointer; it is part of
// desktop.Hoverable.
func (f *FlowText) MouseIn(ev *desktop.MouseEvent) { f.MouseMoved(ev) }

// MouseMoved highlights the span under the pointer; it is part of
// desktop.Hoverable.
func (f *FlowText) MouseMoved(ev *desktop.MouseEvent) {
	i, ok := f.spanAt(ev.Position)
	if !ok || f.OnTapped == nil {
		i = -1
	}
	f.setHover(i + 1)
}

// MouseOut removes the hover highlight; it is part of desktop.Hoverable.
func (f *FlowText) MouseOut() { f.setHover(0) }

// setHover sets the hovered span (index+1, 0 for none) and restyles the
// spans that changed.
func (f *FlowText) setHover(h int) {
	if h == f.hover {
		return
	}
	old := f.hover
	f.hover = h
	if r := f.renderer(); r != nil {
		r.restyleSpan(old - 1)
		r.restyleSpan(h - 1)
		canvas.Refresh(f)
	}
	if f.OnHovered != nil {
		f.OnHovered(h - 1)
	}
}

// spanAt returns the span under pos, relative to the widget.
func (f *FlowText) spanAt(pos fyne.Position) (int, bool) {
	r := f.renderer()
	if r == nil {
		return 0, false
	}
	r.ensureLayout(f.Size().Width)
	if len(r.lineFrags) < 2 || r.advance <= 0 {
		return 0, false
	}
	y := pos.Y - r.padY
	line := int(math.Floor(float64(y / r.advance)))
	if y < 0 || line >= len(r.lineFrags)-1 {
		return 0, false
	}
	x := pos.X - r.padX
	for k := r.lineFrags[line]; k < r.lineFrags[line+1]; k++ {
		fr := r.frags[k]
		if x >= fr.x0-r.bgPadX && x <= fr.x1+r.bgPadX {
			return int(fr.span), true
		}
	}
	return 0, false
}

// renderer returns the widget's renderer, creating it if need be.
func (f *FlowText) renderer() *flowRenderer {
	if f.r == nil {
		f.ExtendBaseWidget(f)
		// The render cache calls CreateRenderer, which sets f.r.
		f.BaseWidget.MinSize()
	}
	return f.r
}

// wordWidths caches the widths of measured words across all FlowTexts:
// measuring text is the expensive part of laying it out.
var wordWidths = struct {
	sync.Mutex
	m map[wordKey]float32
}{m: map[wordKey]float32{}}

// maxCachedWords bounds wordWidths; the cache is emptied when it is full.
const maxCachedWords = 200_000

// wordKey identifies a measured word.
type wordKey struct {
	word  string
	size  float32
	style fyne.TextStyle
	font  string
}

// measureWord returns the width of word, measuring it once per key.
func measureWord(word string, size float32, style fyne.TextStyle, font string) float32 {
	k := wordKey{word, size, style, font}
	wordWidths.Lock()
	w, ok := wordWidths.m[k]
	wordWidths.Unlock()
	if ok {
		return w
	}
	w = fyne.MeasureText(word, size, style).Width
	k.word = strings.Clone(word) // do not pin the whole article
	wordWidths.Lock()
	if len(wordWidths.m) >= maxCachedWords {
		wordWidths.m = map[wordKey]float32{}
	}
	wordWidths.m[k] = w
	wordWidths.Unlock()
	return w
}

// flowWord is one word of a span: a byte range of its normalised text.
type flowWord struct {
	start, end int32
	w          float32
}

// flowTokens are a span's words, measured.
type flowTokens struct {
	text  string // the span's text with white space normalised to single spaces
	words []flowWord
	space float32 // width of a space in the span's style
	style fyne.TextStyle
	// widest is the width of the span's widest word.
	widest float32
}

// flowLayoutKey is what a span's layout depends on.
type flowLayoutKey struct {
	text  string
	style fyne.TextStyle
}

// flowFrag is the part of one span on one line.
type flowFrag struct {
	span, line int32
	start, end int32 // byte range of the span's normalised text
	x0, x1     float32
}

// flowRenderer lays the spans out and draws them: one rectangle and one
// text per fragment.
type flowRenderer struct {
	f *FlowText

	// Tokens, valid for keys, size and font.
	keys    []flowLayoutKey
	toks    []flowTokens
	size    float32
	font    string
	th      fyne.Theme
	variant fyne.ThemeVariant
	fg      color.Color
	hoverC  color.Color
	colors  map[fyne.ThemeColorName]color.Color // theme colours looked up since the last update
	radius  float32

	// Metrics.
	padX, padY, textHeight, advance, bgPadX, spanGap, minText float32

	// Layout, valid for laidWidth.
	laidWidth float32
	frags     []flowFrag
	lineFrags []int // lineFrags[l] is the first fragment of line l; one extra entry at the end
	spanFrags []int // spanFrags[s] is the first fragment of span s; one extra entry at the end
	height    float32

	// Drawing.
	rects    []*canvas.Rectangle
	texts    []*canvas.Text
	outlines []*canvas.Line // the outlines of emphasised spans (drawOutlines)
	objects  []fyne.CanvasObject
}

// Destroy is part of fyne.WidgetRenderer.
func (r *flowRenderer) Destroy() {}

// Objects is part of fyne.WidgetRenderer.
func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Layout lays the text out for the width of size.
func (r *flowRenderer) Layout(size fyne.Size) { r.ensureLayout(size.Width) }

// MinSize is the width of the widest word (so that words do not break,
// up to maxWordWidth ems) and the height of the text laid out at the
// widget's current width.
func (r *flowRenderer) MinSize() fyne.Size {
	r.ensureLayout(r.f.Size().Width)
	return fyne.NewSize(r.minWidth()+2*r.padX, r.height)
}

// Refresh re-reads the spans and the theme; it lays the text out again only
// when a span's text or text style, the text size or the font changed.
func (r *flowRenderer) Refresh() {
	r.update()
	canvas.Refresh(r.f)
}

// update re-reads the widget and the theme.
func (r *flowRenderer) update() {
	f := r.f
	th := f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := f.TextSize
	if size <= 0 {
		size = th.Size(theme.SizeNameText)
	}
	font := th.Font(fyne.TextStyle{}).Name() + "|" + th.Font(fyne.TextStyle{Bold: true}).Name() +
		"|" + th.Font(fyne.TextStyle{Italic: true}).Name() + "|" + th.Font(fyne.TextStyle{Bold: true, Italic: true}).Name()
	r.th, r.variant = th, v
	clear(r.colors)
	r.fg = th.Color(theme.ColorNameForeground, v)
	r.hoverC = th.Color(theme.ColorNameHover, v)
	r.radius = th.Size(theme.SizeNameSelectionRadius)
	if f.hover > len(f.Spans) {
		f.hover = 0
	}

	relayout := size != r.size || font != r.font
	if relayout {
		r.size, r.font = size, font
		r.metrics(th)
		r.keys = r.keys[:0]
		r.toks = r.toks[:0]
	} else if len(r.keys) > len(f.Spans) {
		r.keys = r.keys[:len(f.Spans)]
		r.toks = r.toks[:len(f.Spans)]
		relayout = true
	}
	for i := range f.Spans {
		k := layoutKey(&f.Spans[i])
		if i < len(r.keys) {
			if r.keys[i] == k {
				continue
			}
			r.keys[i] = k
			r.toks[i] = r.tokenize(k)
		} else {
			r.keys = append(r.keys, k)
			r.toks = append(r.toks, r.tokenize(k))
		}
		relayout = true
	}
	if relayout {
		r.laidWidth = -1
		r.ensureLayout(f.Size().Width)
		return
	}
	r.restyleAll()
}

// metrics computes the line metrics for the current text size.
func (r *flowRenderer) metrics(th fyne.Theme) {
	m := fyne.MeasureText("M", r.size, fyne.TextStyle{})
	r.textHeight = m.Height
	r.minText = 6 * m.Width
	r.advance = r.textHeight + float32(math.Ceil(float64(r.size)*0.2))
	r.padX = th.Size(theme.SizeNameInnerPadding)
	r.padY = th.Size(theme.SizeNamePadding) / 2
	r.bgPadX = float32(math.Round(float64(r.size) * 0.15))
	r.spanGap = r.bgPadX*2 - 1
}

// layoutKey is what the layout of span s depends on.
func layoutKey(s *Span) flowLayoutKey {
	return flowLayoutKey{s.Text, fyne.TextStyle{Bold: s.Bold, Italic: s.Italic}}
}

// tokenize splits a span's text into measured words.
func (r *flowRenderer) tokenize(k flowLayoutKey) flowTokens {
	text := k.text
	if !regularSpacing(text) {
		text = strings.Join(strings.FieldsFunc(text, breakingSpace), " ")
	}
	t := flowTokens{text: text, style: k.style,
		space: measureWord(" ", r.size, k.style, r.font)}
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			if start >= 0 {
				w := measureWord(text[start:i], r.size, k.style, r.font)
				t.words = append(t.words, flowWord{int32(start), int32(i), w})
				t.widest = max(t.widest, w)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return t
}

// breakingSpace reports whether c is white space that a line may break at:
// any but the no-break spaces.
func breakingSpace(c rune) bool {
	return unicode.IsSpace(c) && c != '\u00A0' && c != '\u2007' && c != '\u202F'
}

// regularSpacing reports whether words in s are separated by single ASCII
// spaces with no leading or trailing white space.
func regularSpacing(s string) bool {
	prevSpace := true
	for _, c := range s {
		sp := breakingSpace(c)
		if sp && (c != ' ' || prevSpace) {
			return false
		}
		prevSpace = sp
	}
	return !prevSpace || s == ""
}

// lineTop is the y of the top of line l.
func (r *flowRenderer) lineTop(l int) float32 {
	return r.padY + float32(l)*r.advance
}

// ensureLayout breaks the words into lines for width (unbounded when width
// is not positive) unless they already are.
func (r *flowRenderer) ensureLayout(width float32) {
	if width == r.laidWidth {
		return
	}
	r.laidWidth = width
	inner := width - 2*r.padX
	if width <= 0 {
		inner = float32(math.Inf(1))
	}
	inner = max(inner, 1)

	r.frags = r.frags[:0]
	r.lineFrags = append(r.lineFrags[:0], 0)
	r.spanFrags = r.spanFrags[:0]
	x, line := float32(0), int32(0)
	placed := false
	place := func(s int, start, end int32, w float32) {
		if n := len(r.frags); n > 0 && r.frags[n-1].span == int32(s) && r.frags[n-1].line == line {
			r.frags[n-1].end = end
			r.frags[n-1].x1 = x + w
		} else {
			for len(r.lineFrags) <= int(line) {
				r.lineFrags = append(r.lineFrags, len(r.frags))
			}
			r.frags = append(r.frags, flowFrag{int32(s), line, start, end, x, x + w})
		}
		x += w
		placed = true
	}
	for s := range r.toks {
		t := &r.toks[s]
		r.spanFrags = append(r.spanFrags, len(r.frags))
		for i, wd := range t.words {
			if placed {
				gap := t.space
				if i == 0 {
					gap += r.spanGap
				}
				if x+gap+wd.w <= inner {
					x += gap
				} else {
					line++
					x = 0
				}
			}
			if wd.w <= inner {
				place(s, wd.start, wd.end, wd.w)
				continue
			}
			// A word wider than the line: break it between characters.
			for start := wd.start; ; {
				end, w := r.fitPrefix(t, start, wd.end, inner)
				place(s, start, end, w)
				if end == wd.end {
					break
				}
				start = end
				line++
				x = 0
			}
		}
	}
	r.spanFrags = append(r.spanFrags, len(r.frags))
	lines := 0
	if placed {
		lines = int(line) + 1
	}
	for len(r.lineFrags) <= lines {
		r.lineFrags = append(r.lineFrags, len(r.frags))
	}
	r.lineFrags = r.lineFrags[:lines+1]
	if lines == 0 {
		r.height = r.textHeight + 2*r.padY
	} else {
		r.height = r.lineTop(lines-1) + r.textHeight + r.padY
	}
	r.draw()
}

// fitPrefix returns the end of the longest prefix of word [start, end) of t
// (at least one character) that fits in width, and its width.
func (r *flowRenderer) fitPrefix(t *flowTokens, start, end int32, width float32) (int32, float32) {
	text := t.text[start:end]
	// Rune boundaries, then a binary search for the longest fitting prefix.
	var cuts []int
	for i := range text {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(text))
	measure := func(n int) float32 { return fyne.MeasureText(text[:n], r.size, t.style).Width }
	k := sort.Search(len(cuts), func(i int) bool { return measure(cuts[i]) > width })
	if k == 0 {
		k = 1
	}
	n := cuts[k-1]
	return start + int32(n), measure(n)
}

// draw positions and styles one rectangle and one text per fragment,
// reusing the objects it made before.
func (r *flowRenderer) draw() {
	n := len(r.frags)
	// The outlines, after the rectangles and texts, change in number.
	if len(r.texts) < n || len(r.objects) < 2*n || (n > 0 && r.objects[2*n-1] != r.texts[n-1]) {
		for len(r.rects) < n {
			rc := canvas.NewRectangle(color.Transparent)
			rc.Hidden = true
			r.rects = append(r.rects, rc)
			r.texts = append(r.texts, canvas.NewText("", r.fg))
		}
		r.objects = r.objects[:0]
		for _, rc := range r.rects[:n] {
			r.objects = append(r.objects, rc)
		}
		for _, t := range r.texts[:n] {
			r.objects = append(r.objects, t)
		}
	}
	for k := range r.frags {
		fr := &r.frags[k]
		key := &r.keys[fr.span]
		t := r.texts[k]
		t.Text = r.toks[fr.span].text[fr.start:fr.end]
		t.TextSize = r.size
		t.TextStyle = key.style
		t.Move(fyne.NewPos(r.padX+fr.x0, r.lineTop(int(fr.line))))
		// A text's width does not matter to how it is drawn (aligned
		// leading): keep it fixed, as resizing a canvas object refreshes it,
		// which is costly by the thousand.
		t.Resize(fyne.NewSize(0, r.textHeight))
		r.styleFrag(k)
	}
	r.drawOutlines()
}

// restyleAll restyles every fragment.
func (r *flowRenderer) restyleAll() {
	for k := range r.frags {
		r.styleFrag(k)
	}
	r.drawOutlines()
}

// restyleSpan restyles the fragments of span s, if it exists.
func (r *flowRenderer) restyleSpan(s int) {
	if s < 0 || s+1 >= len(r.spanFrags) {
		return
	}
	for k := r.spanFrags[s]; k < r.spanFrags[s+1]; k++ {
		r.styleFrag(k)
	}
	r.drawOutlines()
}

// styleFrag colours the text of fragment k, and places and styles its
// rectangle: the span's fill, outline and hover highlight. An outlined
// rectangle reaches a pixel further out so that its outline clears the
// text.
func (r *flowRenderer) styleFrag(k int) {
	fr := &r.frags[k]
	var sp Span
	if int(fr.span) < len(r.f.Spans) {
		sp = r.f.Spans[fr.span]
	}
	t := r.texts[k]
	tc := sp.TextColor
	if tc == nil {
		name := sp.TextColorName
		if name == "" {
			name = theme.ColorNameForeground
		}
		tc = r.themeColor(name)
	}
	t.Color = tc // no refresh needed: text textures are cached by content and colour

	rc := r.rects[k]
	fill := sp.Fill
	var stroke color.Color
	var width, out float32
	// An emphasised span's outline is drawn around all its lines at once
	// (drawOutlines); its rectangles reach out to it.
	switch {
	case sp.Emphasis >= EmphasisSelected:
		fill, out = towardOpaque(fill, selectedGain), 1
	case sp.Emphasis == EmphasisCounterpart:
		out = 1
	}
	if r.f.hover == int(fr.span)+1 {
		fill = over(r.hoverC, fill)
	}
	t.TextStyle.Underline = sp.Found
	if sp.Found {
		fill = over(r.themeColor(theme.ColorNameSelection), fill)
	}
	// Rectangles are drawn from their fields every frame; the widget's own
	// refresh repaints them. Hidden ones are not placed, as resizing a
	// rectangle refreshes it, which is costly by the thousand.
	radius := r.radius
	if out > 0 {
		radius = 0 // square, as its outline
	}
	rc.FillColor, rc.StrokeColor, rc.StrokeWidth, rc.CornerRadius = fill, stroke, width, radius
	rc.Hidden = Transparent(fill) && width == 0
	if !rc.Hidden {
		b := r.fragBox(k, out)
		rc.Move(fyne.NewPos(b.x0, b.y0))
		rc.Resize(fyne.NewSize(b.x1-b.x0, b.y1-b.y0))
	}
}

// themeColor is the theme colour name, looked up once per update.
func (r *flowRenderer) themeColor(name fyne.ThemeColorName) color.Color {
	c, ok := r.colors[name]
	if !ok {
		if r.colors == nil {
			r.colors = map[fyne.ThemeColorName]color.Color{}
		}
		c = r.th.Color(name, r.variant)
		r.colors[name] = c
	}
	return c
}
