package app

import (
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/viewmodel"
)

// The detail panel's key to the diff's colours.
const diffHint = "Below, each counterpart and its word diff: the selected sentence above, the counterpart below, common words in the same column; words only in the selected sentence are struck through (red), words only in the counterpart underlined (green)."

// detailModel is the selection's detail as the view model has it, with
// the corrections when the controller takes them.
func (v *viewer) detailModel(r compare.Ref) viewmodel.Detail {
	return v.model.Detail(r, viewmodel.DetailOptions{ShowRelated: v.showRelated, Corrections: v.hooks.act != nil})
}

// showDetail fills the detail panel for the selection: the rich-text
// printer of the view model's detail.
func (v *viewer) showDetail() {
	if v.selected == nil {
		v.detail.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: detailHint, Style: dimStyle}}
		v.detail.Refresh()
		return
	}
	d := v.detailModel(*v.selected)
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: d.Heading, Style: boldInline},
		&widget.TextSegment{Text: " (" + d.CarriedBy + "): ", Style: dimInline},
		&widget.TextSegment{Text: d.Text, Style: widget.RichTextStyle{Inline: false}},
	}
	if d.Corrections {
		segs = append(segs, v.correctionSegments(d)...)
	}
	if len(d.Counterparts) > 0 {
		segs = append(segs, &widget.TextSegment{Style: dimStyle, Text: diffHint})
	} else {
		segs = append(segs, &widget.TextSegment{Text: d.Alone, Style: dimStyle})
	}
	for _, c := range d.Counterparts {
		segs = append(segs, &widget.TextSegment{Text: c.Heading, Style: boldInline})
		segs = append(segs, v.evidenceSegments(c)...)
		for _, f := range c.Figures {
			segs = append(segs, &widget.TextSegment{Text: viewmodel.FigureWarning + f, Style: warnStyle})
		}
		segs = append(segs, &diffSegment{cells: c.Cells, in: v.detail})
	}
	v.detail.Segments = segs
	v.detail.Refresh()
}

// detailPlainText is the detail of the selection as plain text (see
// viewmodel.Detail.PlainText).
func (v *viewer) detailPlainText() string {
	if v.selected == nil {
		return detailHint + "\n"
	}
	return v.detailModel(*v.selected).PlainText()
}

// correctionSegments are the detail panel's lines of corrections: whether
// the sentence was corrected, its closest candidate when it is unique, and
// the corrections one can make, each a link to the act hook.
func (v *viewer) correctionSegments(d viewmodel.Detail) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if d.Corrected {
		segs = append(segs, &widget.TextSegment{Text: viewmodel.CorrectedMark + viewmodel.CorrectedNote, Style: warnStyle})
	}
	act := func(a viewmodel.Action) {
		segs = append(segs, &widget.HyperlinkSegment{Text: a.Label, OnTapped: func() { v.hooks.act(a) }},
			&widget.TextSegment{Text: viewmodel.ActionGap, Style: widget.RichTextStyle{Inline: true}})
	}
	if c := d.Closest; c != nil {
		segs = append(segs, &widget.TextSegment{Style: boldInline, Text: c.Label()},
			&widget.TextSegment{Style: dimInline, Text: c.Rest()})
		act(c.Accept)
		segs = append(segs, &widget.TextSegment{})
	}
	for _, a := range d.Actions {
		act(a)
	}
	return append(segs, &widget.TextSegment{})
}

// evidenceSegments write a counterpart's evidence line, with a link that
// shows or hides the related words when it has some.
func (v *viewer) evidenceSegments(c viewmodel.Counterpart) []widget.RichTextSegment {
	if c.Related == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Text: c.Evidence, Style: dimStyle}}
	}
	return []widget.RichTextSegment{
		&widget.TextSegment{Text: c.Evidence + " · ", Style: dimInline},
		&widget.HyperlinkSegment{Text: c.Toggle(), OnTapped: func() {
			v.showRelated = !v.showRelated
			if v.onShowRelated != nil {
				v.onShowRelated(v.showRelated)
			}
			v.showDetail()
		}},
		&widget.TextSegment{}, // ends the line
	}
}
