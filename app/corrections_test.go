package app

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/corpus"
)

// correctedController is a controller on docs keeping its corrections in
// dir, with its first comparison shown.
func correctedController(t *testing.T, docs []*corpus.Document, dir string) (*Controller, chan struct{}) {
	t.Helper()
	c := headlessController(t, docs)
	c.corr.dir = dir
	changed := make(chan struct{}, 16)
	c.OnChanged = func() { changed <- struct{}{} }
	c.Recompute()
	wait(t, changed)
	return c, changed
}

// menuAction is the action of the main menu's item called label.
func menuAction(t *testing.T, c *Controller, label string) func() {
	t.Helper()
	for _, m := range c.menu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it.Action
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// TestCorrectionsSurviveRestart corrects the sample by hand through the
// detail panel (an unlink, a boilerplate mark) and by picking (a link made
// by clicking one sentence then another), checks they are shown and
// exported as corrected, then opens the same articles from other paths in
// a new controller on the same data folder (a restart): the corrections
// are back. Undo and Redo (the Edit menu) take the latest back and make it
// again, and survive a restart too.
func TestCorrectionsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	c, _ := correctedController(t, sample(t), dir)
	v := c.view
	engineLinks := len(c.res.Links)
	l := c.res.Links[0]
	v.reveal(l.A)
	findLink(t, v.detail, "Unlink "+v.refName(l.B)).OnTapped()
	v = c.view
	for _, x := range v.counterparts(l.A) {
		if x.Other(l.A) == l.B {
			t.Fatalf("%v–%v still linked after unlinking", l.A, l.B)
		}
	}
	if !v.corrected(l.A) || !v.corrected(l.B) {
		t.Error("unlinked sentences not marked corrected")
	}
	// Mark a linked sentence of another pair boilerplate.
	var bp compare.Ref
	for _, x := range c.res.Links {
		if x.A != l.A && x.B != l.A && x.A != l.B && x.B != l.B {
			bp = x.B
			break
		}
	}
	v.reveal(bp)
	findLink(t, v.detail, "Mark as boilerplate").OnTapped()
	v = c.view
	if !v.boilerplate(bp.Doc, bp.Sentence) || len(v.counterparts(bp)) != 0 {
		t.Errorf("%v not boilerplate, or still linked, after marking", bp)
	}
	// Link two unique sentences by picking: Link with…, then a click on
	// the other.
	var from, to compare.Ref
	found := false
	for d := 0; d+1 < len(v.model.Docs) && !found; d++ {
		for i := range v.model.Docs[d].Sentences {
			r := compare.Ref{Doc: d, Sentence: i}
			if len(v.counterparts(r)) == 0 && !v.boilerplate(d, i) {
				from, to, found = r, compare.Ref{Doc: d + 1, Sentence: 0}, true
				break
			}
		}
	}
	v.reveal(from)
	findLink(t, v.detail, "Link with…").OnTapped()
	if !strings.Contains(c.status.Text, "Click the sentence of another article") {
		t.Errorf("status while picking: %q", c.status.Text)
	}
	p := v.places[to.Doc][to.Sentence]
	p.flow.OnTapped(p.span)
	v = c.view
	linked := func(v *viewer, a, b compare.Ref) bool {
		for _, x := range v.counterparts(a) {
			if x.Other(a) == b && x.Corrected {
				return true
			}
		}
		return false
	}
	if !linked(v, from, to) {
		t.Fatalf("%v–%v not linked by hand after picking", from, to)
	}
	if !strings.Contains(c.status.Text, "Linked") {
		t.Errorf("status after linking: %q", c.status.Text)
	}
	var js bytes.Buffer
	if err := c.ExportReport(&js, "json"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"corrected": true`) {
		t.Error("the JSON export does not flag the corrections")
	}
	state := func(c *Controller) string {
		var b strings.Builder
		for _, x := range c.res.Links {
			b.WriteString(fmt.Sprint(x.A, x.B, x.Kind))
		}
		for _, ss := range c.res.Sentences {
			for _, s := range ss {
				b.WriteString(string(s.Status))
				if s.Boilerplate {
					b.WriteString("b")
				}
				if s.Corrected {
					b.WriteString("c")
				}
			}
		}
		return b.String()
	}
	want := state(c)
	if len(c.corr.engine.Links) != engineLinks {
		t.Error("the corrections changed the engine's result")
	}

	// A restart: the same articles from elsewhere, a new controller on the
	// same data folder.
	moved := sample(t)
	for _, d := range moved {
		d.Path = "elsewhere/" + d.Path
	}
	c2, _ := correctedController(t, moved, dir)
	if got := state(c2); got != want {
		t.Error("the corrections did not survive the restart")
	}
	if !c2.view.corrected(from) || !linked(c2.view, from, to) {
		t.Error("after the restart the hand link is not shown corrected")
	}
	menuAction(t, c2, "Undo Correction")()
	if linked(c2.view, from, to) {
		t.Error("Undo left the hand link")
	}
	if !strings.HasPrefix(c2.status.Text, "Undone: Linked") {
		t.Errorf("status after undo: %q", c2.status.Text)
	}
	menuAction(t, c2, "Redo Correction")()
	if !linked(c2.view, from, to) {
		t.Error("Redo did not make the hand link again")
	}
	menuAction(t, c2, "Undo Correction")()
	c3, _ := correctedController(t, sample(t), dir)
	if linked(c3.view, from, to) || !c3.view.boilerplate(bp.Doc, bp.Sentence) {
		t.Error("after undo and a restart: the link is back, or the boilerplate mark is gone")
	}
}
