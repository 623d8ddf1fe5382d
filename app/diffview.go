package app

import (
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
)

// cellKind is what one column of the aligned word diff holds.
type cellKind int

// The kinds of cell.
const (
	// cellEqual is a word both sentences have, above and below.
	cellEqual cellKind = iota
	// cellDelete holds words only the selected sentence has, above.
	cellDelete
	// cellInsert holds words only the counterpart has, below.
	cellInsert
	// cellReplace holds words of the selected sentence above where the
	// counterpart has other words below.
	cellReplace
)

// diffCell is one column of the aligned word diff: the selected sentence's
// words above, the counterpart's below ("" for none).
type diffCell struct {
	kind        cellKind
	top, bottom string
	// tight sets the cell against the one before, with no space: a
	// punctuation mark after its word.
	tight bool
}

// maxReplaceWords is the longest run of words (on either side) kept in one
// replace cell; longer runs are set out word against word, so that a cell
// always fits a line.
const maxReplaceWords = 4

// alignDiff sets a link's word diff out in columns as seen from the
// selected sentence r: common words one a column, words only r has above
// and words only the counterpart has below; a short deletion next to a
// short insertion shares a column, as one wording replaced by another.
func alignDiff(l compare.Link, r compare.Ref) []diffCell {
	spans := make([]compare.DiffSpan, len(l.Diff))
	copy(spans, l.Diff)
	if l.A != r {
		// Seen from B, A's deletions are B's additions and vice versa.
		for i := range spans {
			switch spans[i].Op {
			case compare.OpInsert:
				spans[i].Op = compare.OpDelete
			case compare.OpDelete:
				spans[i].Op = compare.OpInsert
			}
		}
	}
	var cells []diffCell
	spaced := true // the text so far ends in a space
	add := func(c diffCell) {
		c.tight = !spaced && len(cells) > 0 && closing(c.top+c.bottom)
		spaced = false
		cells = append(cells, c)
	}
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		words := strings.Fields(s.Text)
		if len(words) == 0 {
			continue
		}
		if startsSpaced(s.Text) {
			spaced = true
		}
		if s.Op == compare.OpEqual {
			for _, w := range words {
				add(diffCell{kind: cellEqual, top: w, bottom: w})
				spaced = true
			}
			spaced = endsSpaced(s.Text)
			continue
		}
		if i+1 < len(spans) && spans[i+1].Op != compare.OpEqual && spans[i+1].Op != s.Op {
			top, bottom := words, strings.Fields(spans[i+1].Text)
			if s.Op == compare.OpInsert {
				top, bottom = bottom, top
			}
			if len(top) > 0 && len(bottom) > 0 {
				for _, c := range replaceCells(top, bottom) {
					add(c)
					spaced = true
				}
				spaced = endsSpaced(spans[i+1].Text) || endsSpaced(s.Text)
				i++
				continue
			}
		}
		for _, w := range words {
			if s.Op == compare.OpDelete {
				add(diffCell{kind: cellDelete, top: w})
			} else {
				add(diffCell{kind: cellInsert, bottom: w})
			}
			spaced = true
		}
		spaced = endsSpaced(s.Text)
	}
	return cells
}

// replaceCells sets out one wording (top) replaced by another (bottom):
// in one column when both are short, else word against word, so that the
// two lines stay side by side, the longer one's last words alone.
func replaceCells(top, bottom []string) []diffCell {
	if len(top) <= maxReplaceWords && len(bottom) <= maxReplaceWords {
		return []diffCell{{kind: cellReplace, top: strings.Join(top, " "), bottom: strings.Join(bottom, " ")}}
	}
	var cells []diffCell
	for k := 0; k < max(len(top), len(bottom)); k++ {
		switch {
		case k >= len(top):
			cells = append(cells, diffCell{kind: cellInsert, bottom: bottom[k]})
		case k >= len(bottom):
			cells = append(cells, diffCell{kind: cellDelete, top: top[k]})
		default:
			cells = append(cells, diffCell{kind: cellReplace, top: top[k], bottom: bottom[k]})
		}
	}
	return cells
}

// closing reports whether s starts with a mark that closes up to the word
// before it: a comma, a full stop, a closing bracket or quote.
func closing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(",.;:!?)]}’”'\"%…", r)
}

// startsSpaced and endsSpaced report whether s starts or ends with white
// space.
func startsSpaced(s string) bool { return s != "" && strings.TrimLeft(s, " \t\n") != s }

func endsSpaced(s string) bool { return s != "" && strings.TrimRight(s, " \t\n") != s }

// diffPlain is the aligned diff as plain text, as the colours and lines do
// not copy: the selected sentence's own words in [-brackets] and the
// counterpart's in [+brackets], in reading order.
func diffPlain(cells []diffCell) string {
	var b strings.Builder
	for _, c := range cells {
		if !c.tight && b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch c.kind {
		case cellEqual:
			b.WriteString(c.top)
		case cellDelete:
			b.WriteString("[-" + c.top + "]")
		case cellInsert:
			b.WriteString("[+" + c.bottom + "]")
		case cellReplace:
			b.WriteString("[-" + c.top + "] [+" + c.bottom + "]")
		}
	}
	return b.String()
}

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
	cells []diffCell
	// in is the rich text the segment is shown in, whose width is the
	// diff's.
	in *widget.RichText
}

// Inline is part of widget.RichTextSegment: the diff is a block.
func (s *diffSegment) Inline() bool { return false }

// Textual is part of widget.RichTextSegment: the diff's plain text.
func (s *diffSegment) Textual() string { return diffPlain(s.cells) }

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
	cells []diffCell
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
func newDiffView(cells []diffCell) *diffView {
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
func cellStyles(k cellKind) (top, bottom fyne.TextStyle) {
	switch k {
	case cellDelete:
		return deletedStyle, fyne.TextStyle{}
	case cellInsert:
		return fyne.TextStyle{}, insertedStyle
	case cellReplace:
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
		ts, bs := cellStyles(c.kind)
		w := max(fyne.MeasureText(c.top, size, ts).Width, fyne.MeasureText(c.bottom, size, bs).Width)
		r.minW = max(r.minW, w)
		if c.tight && x > 0 {
			x -= gap
		}
		if x > 0 && x+w > width {
			x, y = 0, y+2*line+rowGap
		}
		topC, bottomC := fg, fg
		if c.kind == cellDelete || c.kind == cellReplace {
			topC = del
		}
		if c.kind == cellInsert || c.kind == cellReplace {
			bottomC = ins
		}
		put(c.top, ts, topC, x, y)
		put(c.bottom, bs, bottomC, x, y+line)
		x += w + gap
	}
	r.height = 0
	if len(r.v.cells) > 0 {
		r.height = y + 2*line + rowGap
	}
	canvas.Refresh(r.v)
}
