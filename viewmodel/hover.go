package viewmodel

import (
	"fmt"

	"parallax/compare"
)

// Strength is how sure the engine is of a link, from 0 to 1: its
// calibrated probability of being the same claim, the one place the viewer
// reads it. The sensitivity slider moves only the threshold, never this.
func Strength(l compare.Link) float64 { return l.Probability }

// Strength bands: from StrongLink a link is strong, from WeakLink medium,
// below it weak.
const (
	StrongLink = 0.7
	WeakLink   = 0.5
)

// StrengthBand names a strength: "strong", "medium" or "weak".
func StrengthBand(s float64) string {
	switch {
	case s >= StrongLink:
		return "strong"
	case s >= WeakLink:
		return "medium"
	}
	return "weak"
}

// HoverText describes sentence r for the status line while the pointer is
// on it: its strongest link's strength, or its closest candidate.
func (v *View) HoverText(r compare.Ref) string {
	where := fmt.Sprintf("%s, sentence %d: ", OutletName(v.Docs[r.Doc]), r.Sentence+1)
	if v.Boilerplate(r.Doc, r.Sentence) {
		return where + "boilerplate"
	}
	ls := v.Counterparts(r)
	if len(ls) == 0 {
		if c, ok := v.Closest(r); ok {
			return where + fmt.Sprintf("unique; closest below the threshold: %s, score %.2f", v.RefName(c.Ref), c.Score)
		}
		return where + "unique; no candidate counterpart"
	}
	s := Strength(ls[0])
	text := where + fmt.Sprintf("%s, score %.2f (%s), %s", ls[0].Kind, s, StrengthBand(s), Plural(len(ls), "link", "links"))
	if ls[0].Corrected {
		text += ", linked by hand"
	}
	return text
}
