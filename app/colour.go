package app

import (
	"image/color"
	"math"
)

// The viewer's colour arithmetic, in one place: whether a colour draws
// anything, one colour over another, and a colour's opacity set, scaled or
// raised toward opaque by a named factor.

// Factors of towardOpaque: the share of the way from a fill's opacity to
// opaque.
const (
	// selectedGain strengthens the fill of the selected sentence and its
	// counterparts in the columns.
	selectedGain = 1.0 / 3
	// stripGain strengthens the fills on the overview strips, which are
	// thin and drawn over the strip's track.
	stripGain = 1.0 / 2
)

// transparent reports whether c draws nothing (nil included).
func transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}

// over composes top over bottom, both possibly translucent (nil for
// nothing): the source-over operator on straight alpha.
func over(top, bottom color.Color) color.Color {
	if transparent(bottom) {
		return top
	}
	if transparent(top) {
		return bottom
	}
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	b := color.NRGBAModel.Convert(bottom).(color.NRGBA)
	ta, ba := float64(t.A)/255, float64(b.A)/255
	a := ta + ba*(1-ta)
	mix := func(tc, bc uint8) uint8 {
		return uint8(math.Round((float64(tc)*ta + float64(bc)*ba*(1-ta)) / a))
	}
	return color.NRGBA{R: mix(t.R, b.R), G: mix(t.G, b.G), B: mix(t.B, b.B), A: uint8(math.Round(a * 255))}
}

// towardOpaque raises c's opacity by share of the way to opaque; nil stays
// nil.
func towardOpaque(c color.Color, share float64) color.Color {
	if transparent(c) {
		return c
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A += uint8(float64(0xFF-n.A) * share)
	return n
}

// withAlpha is c with opacity a.
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// scaleAlpha is c with its opacity scaled by alpha/255.
func scaleAlpha(c color.Color, alpha uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint32(n.A) * uint32(alpha) / 0xFF)
	return n
}
