package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The geometry of a DocRow.
const (
	// docRowInnerPadding replaces the theme's inner padding inside a row,
	// so that its five short lines stay compact.
	docRowInnerPadding = 2
	// shareBarHeight is the thickness of the stacked share bar.
	shareBarHeight = 6
	// docRowBarGap is the space above the share bar.
	docRowBarGap = 3
)

// The styles of a row's lines: the outlet bold, the title plain (dimmed
// and italic when it stands in for a missing title), the date line and
// the share line small and dimmed.
var (
	outletStyle   = widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}
	untitledStyle = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
	captionStyle  = widget.RichTextStyle{SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNamePlaceHolder}
)

// DocRowContent is what a DocRow shows.
type DocRowContent struct {
	// Outlet is the first line, bold.
	Outlet string
	// Title is the second line.
	Title string
	// Untitled dims the title and sets it in italics, for a stand-in
	// (a file name, "untitled") of a missing title.
	Untitled bool
	// Meta is the third line, small and dimmed: the date and the number of
	// sentences.
	Meta string
	// Shares is the share line until SetShares, e.g. "not compared".
	Shares string
	// SharedFill and ParaphrasedFill colour the share bar's shared and
	// paraphrased parts.
	SharedFill, ParaphrasedFill color.Color
}

// DocRow shows one document in the sidebar: a checkbox to include it in the
// comparison, its outlet (bold), its title (one line, truncated with an
// ellipsis), its date and sentence count in small dimmed text, and a thin
// stacked bar of its shared, paraphrased and unique shares (in the colours
// of the columns, unique in a neutral grey) above the same shares in words,
// such as "34% shared · 20% paraphrased · 46% unique". Until SetShares is
// called the bar is an empty grey track above the content's Shares text.
//
// A row is about five short lines (some 110 px) high and fits a sidebar
// about 240 px wide; longer texts are truncated.
type DocRow struct {
	widget.BaseWidget

	onToggle func(included bool)

	check  *widget.Check
	outlet *widget.RichText
	title  *widget.RichText
	meta   *widget.RichText
	bar    *ShareBar
	shares *widget.RichText
	// shareTexts are the texts of the share line, longest first; the
	// longest that fits the row's width is shown.
	shareTexts []string
}

// NewDocRow returns the row showing content, its box ticked when
// included. onToggle, which may be nil, is called when the user ticks or
// clears the box (not on SetIncluded).
func NewDocRow(content DocRowContent, included bool, onToggle func(included bool)) *DocRow {
	r := &DocRow{onToggle: onToggle}
	r.check = widget.NewCheck("", nil)
	r.check.Checked = included
	r.check.OnChanged = r.toggled

	r.outlet = OneLine(content.Outlet, outletStyle)
	titleStyle := widget.RichTextStyle{}
	if content.Untitled {
		titleStyle = untitledStyle
	}
	r.title = OneLine(content.Title, titleStyle)
	r.meta = OneLine(content.Meta, captionStyle)
	r.bar = NewShareBar(content.SharedFill, content.ParaphrasedFill)
	r.shares = OneLine(content.Shares, captionStyle)
	r.shareTexts = []string{content.Shares}
	r.ExtendBaseWidget(r)
	return r
}

// toggled relays a change of the checkbox to onToggle.
func (r *DocRow) toggled(included bool) {
	if r.onToggle != nil {
		r.onToggle(included)
	}
}

// Included reports whether the row's box is ticked.
func (r *DocRow) Included() bool { return r.check.Checked }

// SetIncluded ticks or clears the row's box without calling onToggle.
func (r *DocRow) SetIncluded(included bool) {
	r.check.OnChanged = nil
	r.check.SetChecked(included)
	r.check.OnChanged = r.toggled
}

// SetShares shows the document's shared, paraphrased and unique shares
// (relative sizes; they need not add up to 1) in the bar, an empty track
// when they add up to nothing, and the longest of texts (longest first)
// that fits the row's width on the share line.
func (r *DocRow) SetShares(shared, para, unique float64, texts ...string) {
	r.bar.SetShares(shared, para, unique)
	r.setShareTexts(texts...)
}

// Lines are the row's lines as shown: the outlet, the title, the date and
// sentence count, and the share line.
func (r *DocRow) Lines() [4]string {
	return [4]string{r.outlet.String(), r.title.String(), r.meta.String(), r.shares.String()}
}

// setShareTexts replaces the texts of the share line, longest first.
func (r *DocRow) setShareTexts(texts ...string) {
	r.shareTexts = texts
	r.fitShares(r.Size().Width)
}

// fitShares shows the longest share text that fits width (the shortest
// when none does, or before the row has a size).
func (r *DocRow) fitShares(width float32) {
	th := r.shares.Theme()
	room := width - 2*th.Size(theme.SizeNameInnerPadding)
	text := r.shareTexts[0]
	if width > 0 {
		text = r.shareTexts[len(r.shareTexts)-1]
		for _, t := range r.shareTexts {
			if fyne.MeasureText(t, th.Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Width <= room {
				text = t
				break
			}
		}
	}
	seg := r.shares.Segments[0].(*widget.TextSegment)
	if seg.Text != text {
		seg.Text = text
		r.shares.Refresh()
	}
}

// CreateRenderer is part of fyne.Widget.
func (r *DocRow) CreateRenderer() fyne.WidgetRenderer {
	content := container.New(&docRowLayout{r}, r.check, r.outlet, r.title, r.meta, r.bar, r.shares)
	return widget.NewSimpleRenderer(container.NewThemeOverride(content, compactTheme{base: r.baseTheme}))
}

// baseTheme is the theme the row's parts would have without its compact
// override: the row's own theme. While Fyne lays the row's parts out, the
// current theme is the compact theme itself; the app's theme stands in for
// it then.
func (r *DocRow) baseTheme() fyne.Theme {
	th := r.Theme()
	if _, self := th.(compactTheme); self {
		return fyne.CurrentApp().Settings().Theme()
	}
	return th
}

// OneLine returns a single line of text in one style, truncated with an
// ellipsis when it does not fit.
func OneLine(text string, style widget.RichTextStyle) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: text, Style: style})
	t.Truncation = fyne.TextTruncateEllipsis
	return t
}

// docRowLayout places a row's parts: the checkbox beside the outlet line;
// outlet, title and date lines stacked right of it; the share bar and the
// share line below them across the row's whole width, so that the share
// line fits a narrow sidebar.
type docRowLayout struct{ r *DocRow }

// Layout is part of fyne.Layout.
func (l *docRowLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	r := l.r
	g := l.geometry()
	w := max(size.Width-g.textX, 0)
	r.check.Move(fyne.NewPos(0, g.checkY))
	r.check.Resize(r.check.MinSize())
	for i, t := range []*widget.RichText{r.outlet, r.title, r.meta} {
		t.Move(fyne.NewPos(g.textX, g.lineY[i]))
		t.Resize(fyne.NewSize(w, g.lineY[i+1]-g.lineY[i]))
	}
	r.bar.Move(fyne.NewPos(docRowInnerPadding, g.barY))
	r.bar.Resize(fyne.NewSize(max(size.Width-2*docRowInnerPadding, 0), shareBarHeight))
	r.fitShares(size.Width)
	r.shares.Move(fyne.NewPos(0, g.sharesY))
	r.shares.Resize(fyne.NewSize(size.Width, g.height-g.sharesY))
}

// MinSize is part of fyne.Layout.
func (l *docRowLayout) MinSize(_ []fyne.CanvasObject) fyne.Size {
	r := l.r
	g := l.geometry()
	w := max(r.outlet.MinSize().Width, r.title.MinSize().Width, r.meta.MinSize().Width)
	return fyne.NewSize(max(g.textX+w, r.shares.MinSize().Width), g.height)
}

// docRowGeometry is where a row's parts go, top to bottom.
type docRowGeometry struct {
	checkY float32
	textX  float32
	// lineY are the tops of the outlet, title and date lines and the
	// bottom of the date line.
	lineY         [4]float32
	barY, sharesY float32
	height        float32
}

// geometry places the checkbox and the outlet line centred on each other,
// the title and date lines below the outlet line, then the bar and the
// share line.
func (l *docRowLayout) geometry() docRowGeometry {
	r := l.r
	cm := r.check.MinSize()
	oh := r.outlet.MinSize().Height
	first := max(cm.Height, oh)
	g := docRowGeometry{checkY: (first - cm.Height) / 2, textX: cm.Width}
	g.lineY[0] = (first - oh) / 2
	for i, t := range []*widget.RichText{r.outlet, r.title, r.meta} {
		g.lineY[i+1] = g.lineY[i] + t.MinSize().Height
	}
	g.barY = max(g.lineY[3], first) + docRowBarGap
	g.sharesY = g.barY + shareBarHeight
	g.height = g.sharesY + r.shares.MinSize().Height
	return g
}

// compactTheme is a row's theme: its base theme with a small inner padding.
type compactTheme struct {
	// base returns the theme the row would have without the override; it
	// must not return a compactTheme.
	base func() fyne.Theme
}

// Color is part of fyne.Theme.
func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

// Font is part of fyne.Theme.
func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon is part of fyne.Theme.
func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size is part of fyne.Theme: the base theme's sizes but the inner padding.
func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return docRowInnerPadding
	}
	return t.base().Size(n)
}

// ShareBar is a thin horizontal bar of a document's shared, paraphrased
// and unique shares, left to right: shared and paraphrased in the fills it
// is given, unique in the theme's placeholder grey; an empty grey track
// before it has shares.
type ShareBar struct {
	widget.BaseWidget

	fills [2]color.Color // of shared and paraphrased
	// shares are the shared, paraphrased and unique shares; set tells
	// whether there are any to show.
	shares [3]float64
	set    bool
}

// NewShareBar returns an empty share bar that will draw the shared and
// paraphrased shares in sharedFill and paraphrasedFill.
func NewShareBar(sharedFill, paraphrasedFill color.Color) *ShareBar {
	b := &ShareBar{fills: [2]color.Color{sharedFill, paraphrasedFill}}
	b.ExtendBaseWidget(b)
	return b
}

// SetShares shows the shares (relative sizes; they need not add up to 1),
// or the empty track when they add up to nothing.
func (b *ShareBar) SetShares(shared, para, unique float64) {
	b.shares = [3]float64{max(shared, 0), max(para, 0), max(unique, 0)}
	b.set = b.shares[0]+b.shares[1]+b.shares[2] > 0
	b.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (b *ShareBar) CreateRenderer() fyne.WidgetRenderer {
	r := &shareBarRenderer{bar: b, track: canvas.NewRectangle(color.Transparent)}
	for i := range r.segs {
		r.segs[i] = canvas.NewRectangle(color.Transparent)
	}
	r.applyTheme()
	return r
}

// shareBarRenderer draws a ShareBar: the grey track when it is empty, else
// one rectangle per share.
type shareBarRenderer struct {
	bar   *ShareBar
	track *canvas.Rectangle
	segs  [3]*canvas.Rectangle
}

// Destroy is part of fyne.WidgetRenderer.
func (r *shareBarRenderer) Destroy() {}

// Objects is part of fyne.WidgetRenderer.
func (r *shareBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.segs[0], r.segs[1], r.segs[2]}
}

// MinSize is part of fyne.WidgetRenderer.
func (r *shareBarRenderer) MinSize() fyne.Size { return fyne.NewSize(shareBarHeight, shareBarHeight) }

// Layout is part of fyne.WidgetRenderer: the segments' edges are rounded to
// whole pixels from the running total, so that they neither overlap nor
// leave gaps.
func (r *shareBarRenderer) Layout(size fyne.Size) {
	r.track.Move(fyne.NewPos(0, 0))
	r.track.Resize(size)
	total := r.bar.shares[0] + r.bar.shares[1] + r.bar.shares[2]
	acc, x := 0.0, float32(0)
	for i, seg := range r.segs {
		if !r.bar.set {
			seg.Hide()
			continue
		}
		acc += r.bar.shares[i]
		end := float32(roundHalfUp(float64(size.Width) * acc / total))
		seg.Move(fyne.NewPos(x, 0))
		seg.Resize(fyne.NewSize(end-x, size.Height))
		seg.Show()
		x = end
	}
	if r.bar.set {
		r.track.Hide()
	} else {
		r.track.Show()
	}
}

// roundHalfUp rounds x to the nearest whole number, halves up.
func roundHalfUp(x float64) float64 { return float64(int64(x + 0.5)) }

// Refresh is part of fyne.WidgetRenderer.
func (r *shareBarRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.bar.Size())
	canvas.Refresh(r.bar)
}

// applyTheme sets the colours: the bar's fills for shared and paraphrased,
// the theme's placeholder grey at the fills' opacity for unique, and the
// input border grey for the empty track.
func (r *shareBarRenderer) applyTheme() {
	th := r.bar.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	r.segs[0].FillColor = r.bar.fills[0]
	r.segs[1].FillColor = r.bar.fills[1]
	r.segs[2].FillColor = scaleAlpha(th.Color(theme.ColorNamePlaceHolder, v), 0x80)
}
