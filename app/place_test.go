package app

import (
	"strings"
	"testing"

	"parallax/compare"
)

// TestKeepPlace checks that the selection and each column's scroll
// survive a new sensitivity, a filter and an article excluded, and that
// the status line says what moved.
func TestKeepPlace(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	sel := compare.Ref{Doc: 2, Sentence: 20}
	c.view.reveal(sel)
	doc := c.view.model.Docs[sel.Doc]
	before, ok := c.view.anchor(sel.Doc)
	if !ok {
		t.Fatal("revealing a sentence far down did not scroll its column")
	}
	check := func(when string) {
		t.Helper()
		c.win.Content().Refresh()
		v := c.view
		if v.selected == nil || v.model.Docs[v.selected.Doc] != doc || v.selected.Sentence != sel.Sentence {
			t.Fatalf("%s: selection %v, want sentence %d of %s", when, v.selected, sel.Sentence+1, outletName(doc))
		}
		d := v.selected.Doc
		// Lay the new columns out as a window does, frame after frame.
		for range 3 {
			c.win.Resize(c.win.Canvas().Size().AddWidthHeight(1, 0))
		}
		a, ok := v.anchor(d)
		if !ok || a.sentence != before.sentence || abs32(a.below-before.below) > 2 {
			t.Errorf("%s: column at %+v (ok %v), want %+v", when, a, ok, before)
		}
	}
	c.SetSensitivity(0.8)
	wait(t, changed)
	check("new sensitivity")
	if s := c.status.Text; !strings.Contains(s, "sensitivity 0.80 · lenient: +") {
		t.Errorf("status %q does not say what moved", s)
	}
	if s := c.regimeLabel.Text; s != "sensitivity 0.80 · lenient" {
		t.Errorf("toolbar says %q", s)
	}
	c.SetFilter(compare.Unique)
	check("filter")
	c.SetIncluded(0, false)
	wait(t, changed)
	check("article excluded")
	if s := c.status.Text; !strings.Contains(s, "The Hill excluded: +") {
		t.Errorf("status %q does not say what moved", s)
	}
}

func abs32(x float32) float32 { return max(x, -x) }

func TestRegime(t *testing.T) {
	for s, want := range map[float64]string{0: "strict", 0.5: "strict", 0.6: "balanced", 0.75: "lenient", 1: "lenient"} {
		if got := regime(s); got != want {
			t.Errorf("regime(%.2f) = %q, want %q", s, got, want)
		}
	}
}

// TestRememberedSensitivity checks that a remembered sensitivity that is
// not the default is announced when articles are opened.
func TestRememberedSensitivity(t *testing.T) {
	if rememberedText(compare.DefaultSensitivity) != "" {
		t.Error("the default sensitivity is announced")
	}
	c := headlessController(t, nil)
	c.sens = 0.8
	changed := make(chan struct{}, 4)
	c.OnChanged = func() { changed <- struct{}{} }
	dir := t.TempDir()
	writeSamples(t, dir, 2)
	openAndWait(t, c, changed, []string{dir}, false)
	if s := c.status.Text; !strings.Contains(s, "at your remembered sensitivity 0.80 · lenient (default 0.60)") {
		t.Errorf("status %q does not announce the remembered sensitivity", s)
	}
}
