package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"parallax/compare"
)

// TestBudgetDialog opens articles over the sentence budget (lowered for
// the test): nothing is compared, a dialog offers the choice, and each
// button does what it says; the window stays responsive throughout.
func TestBudgetDialog(t *testing.T) {
	docs := sample(t)
	defer func(b compare.Budget) { budget = b }(budget)
	total := sentences(docs)
	budget = compare.Budget{Sentences: total - 1} // the last article does not fit
	c, changed := newTestController(t, docs)
	if c.budgetAsk == nil || !strings.Contains(c.status.Text, "over the") {
		t.Fatalf("no budget dialog; status %q", c.status.Text)
	}
	if len(c.res.Links) != 0 {
		t.Errorf("%d links: the articles were compared before the choice", len(c.res.Links))
	}
	fit := len(compare.Budget{Sentences: total - 1}.Fit(docs))
	if fit != len(docs)-1 || !strings.Contains(c.budgetAsk.fewer.Text, "first 4") {
		t.Errorf("fit %d, button %q", fit, c.budgetAsk.fewer.Text)
	}

	test.Tap(c.budgetAsk.fewer)
	wait(t, changed)
	if len(c.shown) != fit || len(c.res.Links) == 0 {
		t.Errorf("after Compare the first: %d articles shown, %d links", len(c.shown), len(c.res.Links))
	}

	// Including the last one again asks again; Compare all compares all.
	c.budgetAsk = nil
	c.SetIncluded(len(docs)-1, true)
	wait(t, changed)
	if c.budgetAsk == nil {
		t.Fatal("no dialog when the set went over the budget again")
	}
	test.Tap(c.budgetAsk.all)
	wait(t, changed)
	if len(c.shown) != len(docs) || len(c.res.Links) == 0 {
		t.Errorf("after Compare all: %d articles shown, %d links", len(c.shown), len(c.res.Links))
	}
	// The same set is not asked about again (a new sensitivity).
	c.budgetAsk = nil
	c.SetSensitivity(0.9)
	wait(t, changed)
	if c.budgetAsk != nil {
		t.Error("asked again about a set already allowed")
	}
}
