package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/viewmodel"
	"parallax/widgets"
)

// place is where a sentence is drawn: its paragraph's FlowText and its
// span there.
type place struct {
	flow *widgets.FlowText
	span int
}

// viewer is the state of the main window's article columns: which sentence
// is selected, and where every sentence is drawn.
type viewer struct {
	// model is the comparison as shown, apart from how: the view model
	// the detail panel, the navigation and the search read.
	model    *viewmodel.View
	places   [][]place                // per document, per sentence
	scrolls  []*container.Scroll      // one per column
	bodies   []*fyne.Container        // the scrolled content of each column
	strips   []*widgets.OverviewStrip // one per column, beside it
	columns  []fyne.CanvasObject      // each column with its strip
	detail   *widget.RichText         // the selected sentence against its counterparts
	selected *compare.Ref
	filter   compare.Kind // when set, sentences of other kinds are dimmed
	// sync, when true, scrolls the other columns with the one scrolled so
	// that aligned sentences stay level.
	sync    bool
	syncing bool // a synchronised scroll is under way
	// onTap, when set, is called after a sentence is tapped.
	onTap func()
	// headers are the column headers made so far, kept across viewers.
	headers map[headerKey]fyne.CanvasObject
	// onClose, when set, closes an article (its column's close button).
	onClose func(*corpus.Document)
	// hooks are the controller's callbacks for hover, scrolling, the
	// detail panel and picking a sentence (see strength.go, corrections.go
	// and connectors.go).
	hooks viewerHooks
	// pending holds, per column, the anchor it is brought back to after a
	// new comparison, until the user scrolls it (see restorePlace).
	pending map[int]anchor
	// showRelated shows the related words of a link's evidence that may
	// not be synonyms in context; onShowRelated is told when the analyst
	// toggles it.
	showRelated   bool
	onShowRelated func(bool)
	// found are the sentences that match the search, highlighted.
	found map[compare.Ref]bool
}

// headerKey names a column header: its document and which lines it has.
type headerKey struct {
	doc                 *corpus.Document
	withTitle, withDate bool
}

// newViewer builds the columns of docs, coloured by res; each column's
// close button calls onClose (when set) with its document.
// Headers come from headers when they are there, and are left there for
// the next viewer: a header depends only on its document and lines.
func newViewer(docs []*corpus.Document, res *compare.Result, headers map[headerKey]fyne.CanvasObject, onClose func(*corpus.Document)) *viewer {
	v := &viewer{model: viewmodel.New(docs, res, nil), places: make([][]place, len(docs)), headers: headers, onClose: onClose}
	v.detail = widget.NewRichText(&widget.TextSegment{Text: detailHint, Style: dimStyle})
	v.detail.Wrapping = fyne.TextWrapWord
	for d := range docs {
		v.buildColumn(d)
	}
	return v
}

// detailHint is the detail panel's text while nothing is selected.
const detailHint = "Click a sentence to see its counterparts in the other articles, with the words that differ and the evidence for each link."

// buildColumn makes document d's column: header, then one FlowText per
// paragraph.
func (v *viewer) buildColumn(d int) {
	doc := v.model.Docs[d]
	body := container.NewVBox()
	v.places[d] = make([]place, len(doc.Sentences))
	var flow *widgets.FlowText
	for i, s := range doc.Sentences {
		if flow == nil || s.Paragraph != doc.Sentences[i-1].Paragraph {
			first := i
			flow = widgets.NewFlowText(nil, nil)
			flow.OnTapped = func(span int) {
				if v.picked(compare.Ref{Doc: d, Sentence: first + span}) {
					return
				}
				v.toggle(compare.Ref{Doc: d, Sentence: first + span})
				if v.onTap != nil {
					v.onTap()
				}
			}
			flow.OnHovered = func(span int) { v.hovered(d, first, span) }
			body.Add(container.New(paragraphLayout, flow))
		}
		v.places[d][i] = place{flow: flow, span: len(flow.Spans)}
		flow.Spans = append(flow.Spans, v.span(d, i))
	}
	v.bodies = append(v.bodies, body)
	sc := container.NewVScroll(container.NewPadded(body))
	sc.OnScrolled = func(fyne.Position) {
		delete(v.pending, d)
		v.updateViewport(d)
		v.syncFrom(d)
		v.scrolled()
	}
	v.scrolls = append(v.scrolls, sc)
	strip := widgets.NewOverviewStrip(v.stripFills(d), sentenceWeights(doc), func(i int) {
		v.scrollTo(compare.Ref{Doc: d, Sentence: i})
		v.syncFrom(d)
		v.scrolled()
	})
	v.strips = append(v.strips, strip)
	text := container.New(&columnLayout{after: func() {
		v.applyPending(d)
		v.updateViewport(d)
		v.scrolled()
	}}, sc, strip)
	withTitle := slices.ContainsFunc(v.model.Docs, func(d *corpus.Document) bool { return d.Title != "" })
	withDate := slices.ContainsFunc(v.model.Docs, func(d *corpus.Document) bool { return d.Date != "" })
	key := headerKey{doc, withTitle, withDate}
	top := v.headers[key]
	if top == nil {
		var closeButton fyne.CanvasObject
		if v.onClose != nil {
			onClose := v.onClose
			b := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { onClose(doc) })
			b.Importance = widget.LowImportance
			closeButton = b
		}
		// The tip covers the button too: the button, on top, takes the
		// pointer's hover and taps from it.
		head := widgets.NewHoverTip(header(doc, withTitle, withDate, closeButton), headerTip(doc))
		top = container.NewVBox(container.NewPadded(head), widget.NewSeparator())
		v.headers[key] = top
	}
	v.columns = append(v.columns, container.NewBorder(top, nil, nil, nil, text))
}

// stripFills are the overview strip colours of document d's sentences.
func (v *viewer) stripFills(d int) []color.Color {
	fills := make([]color.Color, len(v.model.Docs[d].Sentences))
	for i := range v.model.Docs[d].Sentences {
		fills[i] = stripFill(v.boilerplate(d, i), statusOf(v.model.Res, d, i))
	}
	return fills
}

// sentenceWeights gives each sentence of doc its length in bytes, so that an
// overview strip is proportional to the article as it reads.
func sentenceWeights(doc *corpus.Document) []float32 {
	w := make([]float32, len(doc.Sentences))
	for i, s := range doc.Sentences {
		w[i] = float32(s.End - s.Start)
	}
	return w
}

// columnLayout puts an article's scroll on the left and its overview strip
// on the right, and calls after once they are laid out, so that the strip's
// viewport follows the column's size.
type columnLayout struct {
	after func()
}

// Layout is part of fyne.Layout; objects are the scroll and the strip.
func (l *columnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	sw := objects[1].MinSize().Width
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width-sw, size.Height))
	objects[1].Move(fyne.NewPos(size.Width-sw, 0))
	objects[1].Resize(fyne.NewSize(sw, size.Height))
	l.after()
}

// MinSize is part of fyne.Layout.
func (l *columnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(a.Width+b.Width, max(a.Height, b.Height))
}

// updateViewport frames, on document d's overview strip, the part of the
// article that its column shows. The strip measures sentences by their
// weights, not by pixels, so the column's top and bottom edges are mapped
// through the sentences they fall in.
func (v *viewer) updateViewport(d int) {
	sc := v.scrolls[d]
	h := sc.Size().Height
	if h <= 0 {
		return
	}
	top := v.weightAt(d, sc.Offset.Y)
	bottom := v.weightAt(d, sc.Offset.Y+h)
	v.strips[d].SetViewport(top, bottom)
}

// weightAt maps a height y in document d's scrolled content to a fraction
// of the article on its overview strip.
func (v *viewer) weightAt(d int, y float32) float32 {
	strip := v.strips[d]
	n := strip.Sentences()
	if n == 0 {
		return 0
	}
	total := strip.WeightBefore(n)
	contentEnd := v.scrolls[d].Content.MinSize().Height
	prevY, prevW := float32(0), 0.0 // the header maps to the strip's top
	for i := 0; i <= n; i++ {
		ty, tw := contentEnd, total
		if i < n {
			var ok bool
			if ty, ok = v.sentenceY(compare.Ref{Doc: d, Sentence: i}); !ok {
				continue
			}
			tw = strip.WeightBefore(i)
		}
		if y < ty {
			if ty <= prevY {
				return float32(tw / total)
			}
			f := float64((y - prevY) / (ty - prevY))
			return float32((prevW + f*(tw-prevW)) / total)
		}
		prevY, prevW = ty, tw
	}
	return 1
}

// sentenceY is the top of sentence r within its column's scrolled content.
func (v *viewer) sentenceY(r compare.Ref) (float32, bool) {
	p := v.places[r.Doc][r.Sentence]
	pos, ok := p.flow.SpanPosition(p.span)
	if !ok {
		return 0, false
	}
	return pos.Y + absY(p.flow, v.bodies[r.Doc]), true
}

// syncFrom levels the other columns with column d: the first linked
// sentence at or below the top of d's view is brought to the same height in
// every column that carries it.
func (v *viewer) syncFrom(d int) {
	if !v.sync || v.syncing {
		return
	}
	v.syncing = true
	defer func() { v.syncing = false }()
	top := v.scrolls[d].Offset.Y
	for i := range v.model.Docs[d].Sentences {
		r := compare.Ref{Doc: d, Sentence: i}
		y, ok := v.sentenceY(r)
		if !ok || y < top {
			continue
		}
		links := v.counterparts(r)
		if len(links) == 0 {
			continue
		}
		done := map[int]bool{d: true}
		for _, l := range links {
			o := l.Other(r)
			if done[o.Doc] {
				continue
			}
			done[o.Doc] = true
			if oy, ok := v.sentenceY(o); ok {
				v.scrollColumn(o.Doc, oy-(y-top))
			}
		}
		return
	}
}

// span is the look of sentence i of document d, before selection.
func (v *viewer) span(d, i int) widgets.Span {
	s := v.model.Docs[d].Sentences[i]
	k := statusOf(v.model.Res, d, i)
	sp := widgets.Span{Text: v.model.Docs[d].SentenceText(i), Fill: fillFor(k)}
	switch {
	case v.boilerplate(d, i):
		sp.TextColorName = theme.ColorNamePlaceHolder
		sp.Fill = nil
	case v.filter != "" && k != v.filter:
		// Filtered out: plain and dimmed, still readable in context.
		sp.TextColorName = theme.ColorNamePlaceHolder
		sp.Fill = nil
	case s.Headline:
		sp.Bold = true
	}
	if v.model.Conflicts[compare.Ref{Doc: d, Sentence: i}] && sp.Fill != nil {
		sp.Bold, sp.Italic = true, true
	}
	v.decorate(&sp, d, i)
	return sp
}

// restyleAll recomputes every sentence's look (after a filter change or
// a new decision), keeping the selection's emphasis; only the paragraphs
// whose looks changed are drawn again.
func (v *viewer) restyleAll() {
	touched := map[*widgets.FlowText]bool{}
	for d := range v.places {
		for i, p := range v.places[d] {
			old := p.flow.Spans[p.span]
			sp := v.span(d, i)
			sp.Emphasis, sp.Found = old.Emphasis, old.Found
			if sp != old {
				p.flow.Spans[p.span] = sp
				touched[p.flow] = true
			}
		}
	}
	for f := range touched {
		f.Refresh()
	}
}

// redecide shows model, a new decision on the same articles, in place:
// the columns keep their scroll and the selection its sentence; the
// sentences' looks, the strips, the outlines and the detail follow the
// new links.
func (v *viewer) redecide(model *viewmodel.View) {
	sel := v.selected
	if sel != nil {
		v.selectRef(nil) // the old counterparts' outlines, by the old links
	}
	v.model = model
	v.restyleAll()
	for d, strip := range v.strips {
		strip.SetFills(v.stripFills(d))
	}
	if sel != nil {
		v.selectRef(sel)
	}
}

// column is document d's column as shown: its scroll and overview strip.
func (v *viewer) column(d int) fyne.CanvasObject { return v.columns[d] }

// reveal selects r and scrolls its own column to it.
func (v *viewer) reveal(r compare.Ref) {
	v.selectRef(&r)
	v.scrollTo(r)
}

// moveSelection selects the sentence dir (1 or -1) places from the
// selected one in its column, boilerplate skipped, and scrolls to it; with
// nothing selected, the first sentence of the first column.
func (v *viewer) moveSelection(dir int) {
	if v.selected == nil {
		if len(v.model.Docs) > 0 && len(v.model.Docs[0].Sentences) > 0 {
			v.reveal(compare.Ref{})
		}
		return
	}
	if r, ok := v.model.Move(*v.selected, dir); ok {
		v.reveal(r)
	}
}

// jumpToCounterpart selects the selected sentence's strongest counterpart
// in the nearest column to the right (dir 1) or left (dir -1) that carries
// it, and scrolls to it.
func (v *viewer) jumpToCounterpart(dir int) {
	if v.selected == nil {
		return
	}
	if r, ok := v.model.Toward(*v.selected, dir); ok {
		v.reveal(r)
	}
}

// counterparts returns the links of a sentence, strongest first.
func (v *viewer) counterparts(r compare.Ref) []compare.Link { return v.model.Counterparts(r) }

// toggle selects r, or clears the selection when r is already selected.
func (v *viewer) toggle(r compare.Ref) {
	if v.selected != nil && *v.selected == r {
		v.selectRef(nil)
		return
	}
	v.selectRef(&r)
}

// selectRef selects a sentence (nil clears): it and its counterparts are
// outlined, the counterparts are scrolled into view, and the detail panel
// shows the links.
func (v *viewer) selectRef(r *compare.Ref) {
	touched := map[*widgets.FlowText]bool{}
	setEmphasis := func(ref compare.Ref, e widgets.Emphasis) {
		p := v.places[ref.Doc][ref.Sentence]
		p.flow.Spans[p.span].Emphasis = e
		touched[p.flow] = true
	}
	if v.selected != nil {
		setEmphasis(*v.selected, widgets.EmphasisNone)
		for _, l := range v.counterparts(*v.selected) {
			setEmphasis(l.Other(*v.selected), widgets.EmphasisNone)
		}
	}
	v.selected = r
	marks := make([][]int, len(v.model.Docs))
	if r != nil {
		links := v.counterparts(*r)
		for _, l := range links {
			o := l.Other(*r)
			setEmphasis(o, widgets.EmphasisCounterpart)
			marks[o.Doc] = append(marks[o.Doc], o.Sentence)
		}
		marks[r.Doc] = append(marks[r.Doc], r.Sentence)
		setEmphasis(*r, widgets.EmphasisSelected)
		shown := map[int]bool{r.Doc: true}
		for _, l := range links {
			o := l.Other(*r)
			if !shown[o.Doc] {
				shown[o.Doc] = true
				v.scrollTo(o)
			}
		}
	}
	for f := range touched {
		f.Refresh()
	}
	for d, strip := range v.strips {
		if len(marks[d]) > 0 || len(strip.Marked()) > 0 {
			strip.SetMarked(marks[d])
		}
	}
	v.showDetail()
	v.scrolled()
}

// scrollTo scrolls r's column so that r stands near the top third.
func (v *viewer) scrollTo(r compare.Ref) {
	delete(v.pending, r.Doc)
	p := v.places[r.Doc][r.Sentence]
	pos, ok := p.flow.SpanPosition(p.span)
	if !ok {
		return
	}
	y := pos.Y + absY(p.flow, v.bodies[r.Doc]) - v.scrolls[r.Doc].Size().Height/3
	v.scrollColumn(r.Doc, y)
}

// scrollColumn scrolls column d to offset y (clamped to the content) and
// moves its overview strip's frame along; Fyne reports only the user's
// scrolling through OnScrolled.
func (v *viewer) scrollColumn(d int, y float32) {
	sc := v.scrolls[d]
	y = min(y, sc.Content.MinSize().Height-sc.Size().Height)
	sc.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	v.updateViewport(d)
}

// absY is o's vertical position within root, through nested containers.
func absY(o fyne.CanvasObject, root *fyne.Container) float32 {
	var find func(c *fyne.Container, off float32) (float32, bool)
	find = func(c *fyne.Container, off float32) (float32, bool) {
		for _, ch := range c.Objects {
			if ch == o {
				return off + ch.Position().Y, true
			}
			if cc, ok := ch.(*fyne.Container); ok {
				if y, ok := find(cc, off+ch.Position().Y); ok {
					return y, true
				}
			}
		}
		return 0, false
	}
	y, _ := find(root, root.Position().Y)
	return y
}

// boldInline is bold text that the next segment continues on the same line.
var boldInline = widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}

// warnStyle is a warning line of the detail panel: a conflict of figures.
var warnStyle = widget.RichTextStyle{ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}

// dimInline is dimmed text that the next segment continues on the same line.
var dimInline = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}

// outletName is the name a document goes by in the interface.
func outletName(doc *corpus.Document) string { return viewmodel.OutletName(doc) }
