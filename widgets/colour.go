package widgets

import (
	"image/color"
	"math"
)

// The widgets' colour arithmetic, in one place: whether a colour draws
// anything, one colour over another, and a colour's opacity set, scaled or
// raised toward opaque by a named factor.

// Transparent reports whether c draws nothing (nil included).
func Transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}

// over composes top over bottom, both possibly translucent (nil for
// nothing): the source-over operator on straight alpha.
func over(top, bottom color.Color) color.Color {
	if Transparent(bottom) {
		return top
	}
	if Transparent(top) {
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
	if Transparent(c) {
		return c
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A += uint8(float64(0xFF-n.A) * share)
	return n
}

// WithAlpha is c with opacity a.
func WithAlpha(c color.Color, a uint8) color.Color {
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

// SameColour reports whether a and b draw the same (all transparent
// colours, and nil, are the same).
func SameColour(a, b color.Color) bool {
	if Transparent(a) || Transparent(b) {
		return Transparent(a) && Transparent(b)
	}
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}
