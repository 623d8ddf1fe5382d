package viewmodel

import (
	"fmt"
	"strings"

	"parallax/compare"
)

// DetailOptions say what a Detail holds besides the links.
type DetailOptions struct {
	// ShowRelated lists the related words of a link's evidence that may
	// not be synonyms in context.
	ShowRelated bool
	// Corrections adds the hand corrections: whether the sentence was
	// corrected, its closest candidate when it is unique, and the
	// corrections one can make (with two or more articles only).
	Corrections bool
}

// Detail is a selected sentence against its counterparts: what the
// detail panel shows and Copy Comparison copies.
type Detail struct {
	// Ref is the selected sentence; Heading names it ("Reuters, sentence
	// 4"), CarriedBy says its category and how many articles carry it,
	// Text is the sentence.
	Ref                      compare.Ref
	Heading, CarriedBy, Text string
	// Corrections tells whether the corrections below are shown at all.
	Corrections bool
	// Corrected is set when the analyst corrected the sentence by hand.
	Corrected bool
	// Closest is the closest candidate below the threshold of a unique
	// sentence, nil for none.
	Closest *ClosestLine
	// Actions are the corrections one can make.
	Actions []Action
	// Alone, when the sentence has no counterpart, says why (unique or
	// boilerplate).
	Alone string
	// Counterparts are its links, strongest first.
	Counterparts []Counterpart
}

// ClosestLine is a unique sentence's closest candidate below the
// threshold, with the action that accepts it as a link.
type ClosestLine struct {
	Name   string // "Reuters s4"
	Score  float64
	Text   string // the candidate sentence
	Accept Action
}

// Action is a correction offered in the detail panel: an edit, or (Start
// set) starting a link to a sentence still to be picked.
type Action struct {
	Label string
	Edit  compare.Edit
	// Start starts a link from the sentence to one the analyst picks.
	Start bool
}

// Counterpart is one link of the selected sentence, seen from it.
type Counterpart struct {
	// Ref is the counterpart, Link the link to it.
	Ref  compare.Ref
	Link compare.Link
	// Heading names it with the link's category and score.
	Heading string
	// Evidence is the evidence line; Related is how many related words
	// (perhaps not synonyms here) the link has, RelatedShown whether the
	// line lists them.
	Evidence     string
	Related      int
	RelatedShown bool
	// Figures are the figures that disagree across the link, as text.
	Figures []string
	// Cells are the link's word diff, aligned as seen from the selected
	// sentence.
	Cells []Cell
}

// CorrectedNote is the detail's line for a sentence corrected by hand,
// after CorrectedMark.
const CorrectedNote = "Corrected by hand (Edit ▸ Undo takes it back)."

// CorrectedMark starts the text of a sentence corrected by hand.
const CorrectedMark = "✏ "

// Detail is sentence r against its counterparts.
func (v *View) Detail(r compare.Ref, o DetailOptions) Detail {
	doc := v.Docs[r.Doc]
	d := Detail{Ref: r, Heading: fmt.Sprintf("%s, sentence %d", OutletName(doc), r.Sentence+1),
		CarriedBy: v.CarriedBy(r), Text: doc.SentenceText(r.Sentence)}
	links := v.Counterparts(r)
	if o.Corrections && len(v.Docs) >= 2 {
		d.Corrections = true
		d.Corrected = v.Corrected(r)
		boiler := v.Boilerplate(r.Doc, r.Sentence)
		if cl, ok := v.Closest(r); ok && len(links) == 0 && !boiler {
			d.Closest = &ClosestLine{Name: v.RefName(cl.Ref), Score: cl.Score, Text: v.Docs[cl.Ref.Doc].SentenceText(cl.Ref.Sentence),
				Accept: Action{Label: "Accept as a link", Edit: compare.Edit{Op: compare.EditLink, A: r, B: cl.Ref}}}
		}
		d.Actions = append(d.Actions, Action{Label: "Link with…", Start: true, Edit: compare.Edit{A: r}})
		for _, l := range links {
			other := l.Other(r)
			d.Actions = append(d.Actions, Action{Label: "Unlink " + v.RefName(other), Edit: compare.Edit{Op: compare.EditUnlink, A: r, B: other}})
		}
		if boiler {
			d.Actions = append(d.Actions, Action{Label: "Not boilerplate", Edit: compare.Edit{Op: compare.EditReporting, A: r}})
		} else {
			d.Actions = append(d.Actions, Action{Label: "Mark as boilerplate", Edit: compare.Edit{Op: compare.EditBoilerplate, A: r}})
		}
	}
	if len(links) == 0 {
		d.Alone = "No other article carries this sentence: it is unique to " + OutletName(doc) + "."
		if v.Boilerplate(r.Doc, r.Sentence) {
			d.Alone = "Boilerplate: publisher text, not reporting; never linked."
		}
	}
	for _, l := range links {
		other := l.Other(r)
		c := Counterpart{Ref: other, Link: l, RelatedShown: o.ShowRelated,
			Heading: fmt.Sprintf("%s, sentence %d — %s, score %.2f. ", OutletName(v.Docs[other.Doc]), other.Sentence+1, l.Kind, l.Score),
			Figures: v.Figures[[2]compare.Ref{l.A, l.B}], Cells: AlignDiff(l, r)}
		c.Evidence, c.Related = evidenceLine(l, o.ShowRelated)
		d.Counterparts = append(d.Counterparts, c)
	}
	return d
}

// evidenceLine writes a link's evidence: the shared words, the synonyms
// in context, and the other related words when shown; related is how many
// of those there are.
func evidenceLine(l compare.Link, showRelated bool) (text string, related int) {
	if l.Corrected && len(l.Evidence) == 0 {
		return "Linked by hand.", 0
	}
	e := SortEvidence(l)
	text = "Shared: " + strings.Join(e.Shared, ", ")
	if len(e.Shared) == 0 {
		text = "Shared: no word as such"
	}
	if len(e.InContext) > 0 {
		text += " · same meaning here: " + strings.Join(e.InContext, ", ")
	}
	if showRelated && len(e.Related) > 0 {
		text += " · related words, perhaps not synonyms here: " + strings.Join(e.Related, ", ")
	}
	return text, len(e.Related)
}

// Toggle is the label of the switch that shows or hides the related
// words; "" when the link has none.
func (c Counterpart) Toggle() string {
	switch {
	case c.Related == 0:
		return ""
	case c.RelatedShown:
		return "hide related words"
	}
	return "show " + Plural(c.Related, "related word", "related words")
}

// DiffHintPlain is the plain-text key to the word diffs.
const DiffHintPlain = "Below, each counterpart: [+words only in the counterpart], [-words only in the selected sentence]."

// ActionGap is what stands after an action's label in the panel; the
// plain text keeps the gap, not the label.
const ActionGap = "   "

// PlainText is the detail as plain text, one paragraph a line, with the
// words only in a counterpart in [+brackets] and those only in the
// selected sentence in [-brackets], as the colours do not copy. The
// actions' labels are left out, their gaps kept.
func (d Detail) PlainText() string {
	var b strings.Builder
	b.WriteString(d.Heading + " (" + d.CarriedBy + "): " + d.Text + "\n")
	if d.Corrections {
		if d.Corrected {
			b.WriteString(CorrectedMark + CorrectedNote + "\n")
		}
		if c := d.Closest; c != nil {
			b.WriteString(c.Label() + c.Rest() + ActionGap + "\n")
		}
		b.WriteString(strings.Repeat(ActionGap, len(d.Actions)) + "\n")
	}
	if len(d.Counterparts) > 0 {
		b.WriteString(DiffHintPlain + "\n")
	} else {
		b.WriteString(d.Alone + "\n")
	}
	for _, c := range d.Counterparts {
		b.WriteString(c.Heading + c.Evidence)
		if c.Related > 0 {
			b.WriteString(" · ")
		}
		b.WriteString("\n")
		for _, f := range c.Figures {
			b.WriteString(FigureWarning + f + "\n")
		}
		b.WriteString(DiffPlain(c.Cells) + "\n")
	}
	return b.String()
}

// FigureWarning starts the line of a conflict of figures across a link.
const FigureWarning = "⚠ Figures conflict: "

// Label is the closest candidate's name and score: "Closest: Reuters s4,
// 0.43".
func (c ClosestLine) Label() string { return fmt.Sprintf("Closest: %s, %.2f", c.Name, c.Score) }

// Rest is what follows the label: the candidate sentence.
func (c ClosestLine) Rest() string { return " (below the threshold): " + c.Text + "  " }
