package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/viewmodel"
)

// The diff's text colours, chosen to pass WCAG AA (4.5:1) on the theme's
// background: for light backgrounds, then for dark ones.
var (
	insertLight = color.NRGBA{R: 0x11, G: 0x63, B: 0x29, A: 0xff} // green
	deleteLight = color.NRGBA{R: 0xa4, G: 0x0e, B: 0x26, A: 0xff} // red
	insertDark  = color.NRGBA{R: 0x56, G: 0xd3, B: 0x64, A: 0xff}
	deleteDark  = color.NRGBA{R: 0xff, G: 0x8b, B: 0x82, A: 0xff}
)

// diffColors are the colours of inserted and deleted words on background
// bg: the dark set when bg is dark. The background decides, not the theme
// variant, as the View menu can hold the theme to either.
func diffColors(bg color.Color) (insert, del color.Color) {
	if luminance(bg) < 0.18 {
		return insertDark, deleteDark
	}
	return insertLight, deleteLight
}

// luminance is the WCAG relative luminance of c (alpha ignored).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n.R) + 0.7152*ch(n.G) + 0.0722*ch(n.B)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// diffSegment is a rich-text segment that shows a link's word diff as a
// diffView: a block of its own in the detail panel.
type diffSegment struct {
	cells []viewmodel.Cell
	// in is the rich text the segment is shown in, whose width is the
	// diff's.
	in *widget.RichText
}

// Inline is part of widget.RichTextSegment: the diff is a block.
func (s *diffSegment) Inline() bool { return false }

// Textual is part of widget.RichTextSegment: the diff's plain text.
func (s *diffSegment) Textual() string { return viewmodel.DiffPlain(s.cells) }

// Visual is part of widget.RichTextSegment.
func (s *diffSegment) Visual() fyne.CanvasObject {
	v := newDiffView(s.cells)
	v.in = s.in
	return v
}

// Update is part of widget.RichTextSegment.
func (s *diffSegment) Update(o fyne.CanvasObject) {
	v := o.(*diffView)
	v.cells = s.cells
	v.Refresh()
}

// Select is part of widget.RichTextSegment; the diff is not selectable.
func (s *diffSegment) Select(_, _ fyne.Position) {}

// SelectedText is part of widget.RichTextSegment.
func (s *diffSegment) SelectedText() string { return "" }

// Unselect is part of widget.RichTextSegment.
func (s *diffSegment) Unselect() {}

// diffView draws an aligned word diff on pairs of lines, wrapped to its
// width: the selected sentence's words on the upper line and the
// counterpart's on the lower, common words in the same column. Words only
// above are struck through (and red), words only below underlined (and
// green, bold), so that the diff reads without colour.
type diffView struct {
	widget.BaseWidget
	cells []viewmodel.Cell
	// in, when set, is the rich text the view is a block of: the view
	// wraps to its width, which the rich text gives a block, so that its
	// height is right before the rich text lays it out.
	in *widget.RichText
}

// wrapWidth is the width the view wraps its cells to: that of the rich
// text it is in, less the rich text's padding, else its own.
func (v *diffView) wrapWidth() float32 {
	if v.in != nil && v.in.Size().Width > 0 {
		return v.in.Size().Width - 2*v.in.Theme().Size(theme.SizeNameInnerPadding)
	}
	return v.Size().Width
}

// newDiffView returns a diffView of cells.
func newDiffView(cells []viewmodel.Cell) *diffView {
	v := &diffView{cells: cells}
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer is part of fyne.Widget.
func (v *diffView) CreateRenderer() fyne.WidgetRenderer {
	r := &diffRenderer{v: v}
	r.Refresh()
	return r
}

// The styles of the diff's words: deleted (above), inserted (below).
var (
	deletedStyle  = fyne.TextStyle{Italic: true, Strikethrough: true}
	insertedStyle = fyne.TextStyle{Bold: true, Underline: true}
)

// diffRenderer lays a diffView's cells out in rows of two lines.
type diffRenderer struct {
	v       *diffView
	objects []fyne.CanvasObject
	height  float32
	minW    float32
	// laidWidth is the wrap width of the layout.
	laidWidth float32
}

// Destroy is part of fyne.WidgetRenderer.
func (r *diffRenderer) Destroy() {}

// Objects is part of fyne.WidgetRenderer.
func (r *diffRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Layout is part of fyne.WidgetRenderer; Refresh places the texts.
func (r *diffRenderer) Layout(fyne.Size) {}

// MinSize is the widest cell and the height of the rows at the view's
// wrap width, laying the cells out again when it changed.
func (r *diffRenderer) MinSize() fyne.Size {
	if r.v.wrapWidth() != r.laidWidth {
		r.Refresh()
	}
	return fyne.NewSize(r.minW, r.height)
}

// cellStyles are the text styles of a cell's upper and lower words.
func cellStyles(k viewmodel.CellKind) (top, bottom fyne.TextStyle) {
	switch k {
	case viewmodel.CellDelete:
		return deletedStyle, fyne.TextStyle{}
	case viewmodel.CellInsert:
		return fyne.TextStyle{}, insertedStyle
	case viewmodel.CellReplace:
		return deletedStyle, insertedStyle
	}
	return fyne.TextStyle{}, fyne.TextStyle{}
}

// Refresh is part of fyne.WidgetRenderer: it makes and places one text
// per word group, wrapping the cells to the view's width.
func (r *diffRenderer) Refresh() {
	th := r.v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	fg := th.Color(theme.ColorNameForeground, variant)
	ins, del := diffColors(th.Color(theme.ColorNameBackground, variant))
	line := fyne.MeasureText("M", size, fyne.TextStyle{}).Height
	gap := fyne.MeasureText(" ", size, fyne.TextStyle{}).Width * 1.5
	rowGap := th.Size(theme.SizeNamePadding)
	r.laidWidth = r.v.wrapWidth()
	width := r.laidWidth
	if width <= 0 {
		width = float32(math.Inf(1))
	}
	r.objects = r.objects[:0]
	x, y := float32(0), float32(0)
	r.minW = 0
	put := func(text string, style fyne.TextStyle, c color.Color, cx, cy float32) {
		if text == "" {
			return
		}
		t := canvas.NewText(text, c)
		t.TextSize, t.TextStyle = size, style
		t.Move(fyne.NewPos(cx, cy))
		t.Resize(fyne.NewSize(fyne.MeasureText(text, size, style).Width, line))
		r.objects = append(r.objects, t)
	}
	for _, c := range r.v.cells {
		ts, bs := cellStyles(c.Kind)
		w := max(fyne.MeasureText(c.Top, size, ts).Width, fyne.MeasureText(c.Bottom, size, bs).Width)
		r.minW = max(r.minW, w)
		if c.Tight && x > 0 {
			x -= gap
		}
		if x > 0 && x+w > width {
			x, y = 0, y+2*line+rowGap
		}
		topC, bottomC := fg, fg
		if c.Kind == viewmodel.CellDelete || c.Kind == viewmodel.CellReplace {
			topC = del
		}
		if c.Kind == viewmodel.CellInsert || c.Kind == viewmodel.CellReplace {
			bottomC = ins
		}
		put(c.Top, ts, topC, x, y)
		put(c.Bottom, bs, bottomC, x, y+line)
		x += w + gap
	}
	r.height = 0
	if len(r.v.cells) > 0 {
		r.height = y + 2*line + rowGap
	}
	canvas.Refresh(r.v)
}
