package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/viewmodel"
	"parallax/widgets"
)

// boilerplateMark is the fill to give boilerplate sentences on an overview
// strip: a translucent grey that shows as a light grey on the light theme's
// track and a dark grey on the dark theme's, apart from the sentence
// colours and from unmarked (unique) sentences.
var boilerplateMark color.Color = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x70}

// linkStrength is how sure the engine is of a link (viewmodel.Strength).
func linkStrength(l compare.Link) float64 { return viewmodel.Strength(l) }

// The tint's opacity at the weakest and the strongest links (the fills'
// own is 0x80): from weakestShade up, the opacity rises linearly with the
// strength.
const (
	palestAlpha  = 0x1C
	fullAlpha    = 0x98
	weakestShade = 0.4
)

// shade is fill drawn for a link of strength s: the paler the weaker.
func shade(fill color.Color, s float64) color.Color {
	if widgets.Transparent(fill) {
		return fill
	}
	f := min(1, max(0, (s-weakestShade)/(1-weakestShade)))
	return widgets.WithAlpha(fill, uint8(palestAlpha+f*(fullAlpha-palestAlpha)))
}

// viewerHooks are the callbacks a viewer makes to its controller; any may
// be nil.
type viewerHooks struct {
	// hover gets the sentence under the pointer, nil when it leaves.
	hover func(r *compare.Ref)
	// scroll is called after any column scrolled.
	scroll func()
	// act makes a correction the detail panel offers; while it is nil
	// the panel offers none.
	act func(a viewmodel.Action)
	// pick, when set, takes the next tapped sentence instead of the
	// selection; it reports whether it took it.
	pick func(r compare.Ref) bool
}

// strongest is sentence r's strongest link; ok is false when it has none.
func (v *viewer) strongest(r compare.Ref) (compare.Link, bool) {
	ls := v.counterparts(r)
	if len(ls) == 0 {
		return compare.Link{}, false
	}
	return ls[0], true
}

// boilerplate reports whether sentence i of document d counts as
// boilerplate: as the result says (a hand mark included), else as its
// reader said.
func (v *viewer) boilerplate(d, i int) bool { return v.model.Boilerplate(d, i) }

// corrected reports whether the analyst corrected sentence r by hand.
func (v *viewer) corrected(r compare.Ref) bool { return v.model.Corrected(r) }

// correctedMark starts the text of a sentence corrected by hand.
const correctedMark = viewmodel.CorrectedMark

// decorate finishes sentence i of document d's look: its tint shaded by
// its strongest link's strength, and a mark when it was corrected by hand.
func (v *viewer) decorate(sp *widgets.Span, d, i int) {
	r := compare.Ref{Doc: d, Sentence: i}
	if l, ok := v.strongest(r); ok {
		sp.Fill = shade(sp.Fill, linkStrength(l))
	}
	if v.corrected(r) {
		sp.Text = correctedMark + sp.Text
	}
}

// uniqueMark is the overview strip's mark of a unique sentence: Okabe-Ito
// reddish purple, apart from the shared blue and the paraphrased orange,
// so that what only one article reports shows on the strip too.
var uniqueMark color.Color = color.NRGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0x60}

// stripFill is a sentence's fill on an overview strip.
func stripFill(boilerplate bool, k compare.Kind) color.Color {
	switch {
	case boilerplate:
		return boilerplateMark
	case k == compare.Unique:
		return uniqueMark
	}
	return fillFor(k)
}

// hovered passes the sentence under the pointer (span of the paragraph
// that starts at sentence first of document d; -1 for none) to the hover
// hook.
func (v *viewer) hovered(d, first, span int) {
	if v.hooks.hover == nil {
		return
	}
	if span < 0 {
		v.hooks.hover(nil)
		return
	}
	v.hooks.hover(&compare.Ref{Doc: d, Sentence: first + span})
}

// scrolled tells the scroll hook that a column moved.
func (v *viewer) scrolled() {
	if v.hooks.scroll != nil {
		v.hooks.scroll()
	}
}

// picked offers r to the pick hook; true when it took it.
func (v *viewer) picked(r compare.Ref) bool {
	return v.hooks.pick != nil && v.hooks.pick(r)
}

// refName names a sentence briefly: "Reuters s4".
func (v *viewer) refName(r compare.Ref) string { return v.model.RefName(r) }

// strengthLegend explains the shading and the marks, for the sidebar's
// legend: a weak, a medium and a strong paraphrase tint side by side.
func strengthLegend() fyne.CanvasObject {
	note := widget.NewRichText(&widget.TextSegment{Style: dimStyle,
		Text: "Hover for a link's score. " + correctedMark + "marks a correction by hand; pink on the strips: what only one article reports."})
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		container.NewHBox(swatch(shade(paraphrasedFill, 0.45)), swatch(shade(paraphrasedFill, 0.65)),
			swatch(shade(paraphrasedFill, 0.95)), widget.NewLabel("weak … strong link")),
		note,
	)
}
