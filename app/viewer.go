package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
)

// place is where a sentence is drawn: its paragraph's FlowText and its
// span there.
type place struct {
	flow *FlowText
	span int
}

// viewer is the state of the main window's article columns: which sentence
// is selected, and where every sentence is drawn.
type viewer struct {
	docs     []*corpus.Document
	res      *compare.Result
	places   [][]place           // per document, per sentence
	scrolls  []*container.Scroll // one per column
	bodies   []*fyne.Container   // the scrolled content of each column
	detail   *widget.RichText    // the selected sentence against its counterparts
	selected *compare.Ref
	filter   compare.Kind // when set, sentences of other kinds are dimmed
	// sync, when true, scrolls the other columns with the one scrolled so
	// that aligned sentences stay level.
	sync    bool
	syncing bool // a synchronised scroll is under way
}

// newViewer builds the columns of docs, coloured by res.
func newViewer(docs []*corpus.Document, res *compare.Result) *viewer {
	v := &viewer{docs: docs, res: res, places: make([][]place, len(docs))}
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
	doc := v.docs[d]
	body := container.NewVBox(header(doc), widget.NewSeparator())
	v.places[d] = make([]place, len(doc.Sentences))
	var flow *FlowText
	for i, s := range doc.Sentences {
		if flow == nil || s.Paragraph != doc.Sentences[i-1].Paragraph {
			first := i
			flow = NewFlowText(nil, nil)
			flow.OnTapped = func(span int) { v.toggle(compare.Ref{Doc: d, Sentence: first + span}) }
			body.Add(container.New(paragraphLayout, flow))
		}
		v.places[d][i] = place{flow: flow, span: len(flow.Spans)}
		flow.Spans = append(flow.Spans, v.span(d, i))
	}
	v.bodies = append(v.bodies, body)
	sc := container.NewVScroll(container.NewPadded(body))
	sc.OnScrolled = func(fyne.Position) { v.syncFrom(d) }
	v.scrolls = append(v.scrolls, sc)
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
	for i := range v.docs[d].Sentences {
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
			o := other(l, r)
			if done[o.Doc] {
				continue
			}
			done[o.Doc] = true
			if oy, ok := v.sentenceY(o); ok {
				v.scrolls[o.Doc].ScrollToOffset(fyne.NewPos(0, max(0, oy-(y-top))))
			}
		}
		return
	}
}

// span is the look of sentence i of document d, before selection.
func (v *viewer) span(d, i int) Span {
	s := v.docs[d].Sentences[i]
	k := statusOf(v.res, d, i)
	sp := Span{Text: v.docs[d].SentenceText(i), Fill: fillFor(k)}
	switch {
	case s.Boilerplate:
		sp.TextColorName = theme.ColorNamePlaceHolder
		sp.Fill = nil
	case v.filter != "" && k != v.filter:
		// Filtered out: plain and dimmed, still readable in context.
		sp.TextColorName = theme.ColorNamePlaceHolder
		sp.Fill = nil
	case s.Headline:
		sp.Bold = true
	}
	return sp
}

// restyleAll recomputes every sentence's look (after a filter change),
// keeping the selection's emphasis.
func (v *viewer) restyleAll() {
	touched := map[*FlowText]bool{}
	for d := range v.places {
		for i, p := range v.places[d] {
			e := p.flow.Spans[p.span].Emphasis
			p.flow.Spans[p.span] = v.span(d, i)
			p.flow.Spans[p.span].Emphasis = e
			touched[p.flow] = true
		}
	}
	for f := range touched {
		f.Refresh()
	}
}

// column is document d's column as shown: its scroll.
func (v *viewer) column(d int) fyne.CanvasObject { return v.scrolls[d] }

// ofKind returns the sentences of status k (boilerplate aside), column by
// column in reading order.
func (v *viewer) ofKind(k compare.Kind) []compare.Ref {
	var out []compare.Ref
	for d, doc := range v.docs {
		for i, s := range doc.Sentences {
			if !s.Boilerplate && statusOf(v.res, d, i) == k {
				out = append(out, compare.Ref{Doc: d, Sentence: i})
			}
		}
	}
	return out
}

// reveal selects r and scrolls its own column to it.
func (v *viewer) reveal(r compare.Ref) {
	v.selectRef(&r)
	v.scrollTo(r)
}

// counterparts returns the links of a sentence, strongest first.
func (v *viewer) counterparts(r compare.Ref) []compare.Link {
	if v.res == nil || r.Doc >= len(v.res.Sentences) || r.Sentence >= len(v.res.Sentences[r.Doc]) {
		return nil
	}
	var out []compare.Link
	for _, li := range v.res.Sentences[r.Doc][r.Sentence].Links {
		out = append(out, v.res.Links[li])
	}
	return out
}

// other returns the end of l that is not r.
func other(l compare.Link, r compare.Ref) compare.Ref {
	if l.A == r {
		return l.B
	}
	return l.A
}

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
	touched := map[*FlowText]bool{}
	setEmphasis := func(ref compare.Ref, e Emphasis) {
		p := v.places[ref.Doc][ref.Sentence]
		p.flow.Spans[p.span].Emphasis = e
		touched[p.flow] = true
	}
	if v.selected != nil {
		setEmphasis(*v.selected, EmphasisNone)
		for _, l := range v.counterparts(*v.selected) {
			setEmphasis(other(l, *v.selected), EmphasisNone)
		}
	}
	v.selected = r
	if r != nil {
		links := v.counterparts(*r)
		for _, l := range links {
			setEmphasis(other(l, *r), EmphasisCounterpart)
		}
		setEmphasis(*r, EmphasisSelected)
		shown := map[int]bool{r.Doc: true}
		for _, l := range links {
			o := other(l, *r)
			if !shown[o.Doc] {
				shown[o.Doc] = true
				v.scrollTo(o)
			}
		}
	}
	for f := range touched {
		f.Refresh()
	}
	v.showDetail()
}

// scrollTo scrolls r's column so that r stands near the top third.
func (v *viewer) scrollTo(r compare.Ref) {
	p := v.places[r.Doc][r.Sentence]
	pos, ok := p.flow.SpanPosition(p.span)
	if !ok {
		return
	}
	y := pos.Y + absY(p.flow, v.bodies[r.Doc]) - v.scrolls[r.Doc].Size().Height/3
	v.scrolls[r.Doc].ScrollToOffset(fyne.NewPos(0, max(0, y)))
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

// showDetail fills the detail panel for the selection.
func (v *viewer) showDetail() {
	if v.selected == nil {
		v.detail.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: detailHint, Style: dimStyle}}
		v.detail.Refresh()
		return
	}
	r := *v.selected
	doc := v.docs[r.Doc]
	links := v.counterparts(r)
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: fmt.Sprintf("%s, sentence %d: ", outletName(doc), r.Sentence+1), Style: boldInline},
		&widget.TextSegment{Text: doc.SentenceText(r.Sentence), Style: widget.RichTextStyle{Inline: false}},
	}
	if len(links) > 0 {
		segs = append(segs, &widget.TextSegment{Style: dimStyle,
			Text: "Below, each counterpart: green bold words are only in the counterpart, red italic words only in the selected sentence."})
	}
	if len(links) == 0 {
		what := "No other article carries this sentence: it is unique to " + outletName(doc) + "."
		if doc.Sentences[r.Sentence].Boilerplate {
			what = "Boilerplate: publisher text, not reporting; never linked."
		}
		segs = append(segs, &widget.TextSegment{Text: what, Style: dimStyle})
	}
	for _, l := range links {
		o := other(l, r)
		segs = append(segs,
			&widget.TextSegment{Text: fmt.Sprintf("%s, sentence %d — %s, score %.2f. ", outletName(v.docs[o.Doc]), o.Sentence+1, l.Kind, l.Score), Style: boldInline},
			&widget.TextSegment{Text: "Shared: " + strings.Join(l.Evidence, ", "), Style: dimStyle},
		)
		segs = append(segs, diffSegments(l, r)...)
	}
	v.detail.Segments = segs
	v.detail.Refresh()
}

// boldInline is bold text that the next segment continues on the same line.
var boldInline = widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}

// diffSegments writes a link's word diff as seen from the selected
// sentence r: words only the counterpart has are marked as added, words
// only r has as missing.
func diffSegments(l compare.Link, r compare.Ref) []widget.RichTextSegment {
	fromA := l.A == r
	var segs []widget.RichTextSegment
	for _, s := range l.Diff {
		st := widget.RichTextStyle{Inline: true}
		op := s.Op
		if !fromA {
			// Seen from B, A's deletions are B's additions and vice versa.
			switch op {
			case compare.OpInsert:
				op = compare.OpDelete
			case compare.OpDelete:
				op = compare.OpInsert
			}
		}
		switch op {
		case compare.OpInsert:
			st.ColorName = theme.ColorNameSuccess
			st.TextStyle.Bold = true
		case compare.OpDelete:
			st.ColorName = theme.ColorNameError
			st.TextStyle.Italic = true
		}
		segs = append(segs, &widget.TextSegment{Text: s.Text, Style: st})
	}
	if n := len(segs); n > 0 {
		last := segs[n-1].(*widget.TextSegment)
		last.Style.Inline = false
	}
	return segs
}

// outletName is the name a document goes by in the interface.
func outletName(doc *corpus.Document) string {
	if doc.Outlet != "" {
		return doc.Outlet
	}
	return filepath.Base(doc.Path)
}
