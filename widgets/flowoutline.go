package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// outlineBox is the box of one line of an outlined span.
type outlineBox struct{ x0, x1, y0, y1 float32 }

// outlineEdges returns the edges (x1, y1, x2, y2) of the outline of boxes
// stacked top to bottom, each one's bottom the next one's top: one shape
// around a sentence over several lines, not one box per line.
func outlineEdges(boxes []outlineBox) [][4]float32 {
	var e [][4]float32
	for i, b := range boxes {
		e = append(e, [4]float32{b.x0, b.y0, b.x0, b.y1}, [4]float32{b.x1, b.y0, b.x1, b.y1})
		if i == 0 {
			e = append(e, [4]float32{b.x0, b.y0, b.x1, b.y0})
		}
		if i == len(boxes)-1 {
			e = append(e, [4]float32{b.x0, b.y1, b.x1, b.y1})
			continue
		}
		// Where this line meets the next, the outline runs only where
		// one of them is and the other is not.
		n := boxes[i+1]
		lo, hi := max(b.x0, n.x0), min(b.x1, n.x1)
		if lo >= hi {
			e = append(e, [4]float32{b.x0, b.y1, b.x1, b.y1}, [4]float32{n.x0, n.y0, n.x1, n.y0})
			continue
		}
		if l := min(b.x0, n.x0); l < lo {
			e = append(e, [4]float32{l, b.y1, lo, b.y1})
		}
		if r := max(b.x1, n.x1); hi < r {
			e = append(e, [4]float32{hi, b.y1, r, b.y1})
		}
	}
	return e
}

// fragBox is fragment k's box as drawn: its text with the fill's margin,
// out further for an outline, reaching down to the next line's box when
// the span goes on there, so that a span's boxes touch.
func (r *flowRenderer) fragBox(k int, out float32) outlineBox {
	fr := &r.frags[k]
	b := outlineBox{x0: r.padX + fr.x0 - r.bgPadX - out, x1: r.padX + fr.x1 + r.bgPadX + out,
		y0: r.lineTop(int(fr.line)) - out, y1: r.lineTop(int(fr.line)) + r.textHeight + out}
	if k+1 < len(r.frags) && r.frags[k+1].span == fr.span && out > 0 {
		b.y1 = r.lineTop(int(fr.line)+1) - out
	}
	return b
}

// drawOutlines draws one outline around each outlined span, over its
// fragments' fills, and puts the lines after the rectangles and texts.
func (r *flowRenderer) drawOutlines() {
	used := 0
	line := func(x1, y1, x2, y2 float32, c color.Color, w float32) {
		if used == len(r.outlines) {
			r.outlines = append(r.outlines, canvas.NewLine(c))
		}
		l := r.outlines[used]
		used++
		l.StrokeColor, l.StrokeWidth = c, w
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	}
	for s := 0; s+1 < len(r.spanFrags); s++ {
		if s >= len(r.f.Spans) || r.f.Spans[s].Emphasis == EmphasisNone || r.spanFrags[s] == r.spanFrags[s+1] {
			continue
		}
		width := float32(1)
		if r.f.Spans[s].Emphasis >= EmphasisSelected {
			width = 2
		}
		var boxes []outlineBox
		for k := r.spanFrags[s]; k < r.spanFrags[s+1]; k++ {
			boxes = append(boxes, r.fragBox(k, 1))
		}
		for _, e := range outlineEdges(boxes) {
			line(e[0], e[1], e[2], e[3], r.fg, width)
		}
	}
	n := 2 * len(r.frags)
	r.objects = r.objects[:n]
	for _, l := range r.outlines[:used] {
		r.objects = append(r.objects, l)
	}
}
