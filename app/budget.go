package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
)

// budget bounds what the viewer compares without asking first (the
// command line's default budget): beyond it the analyst chooses.
var budget = compare.DefaultBudget

// budgetChoice is the dialog shown when the articles to compare are over
// the budget, with its buttons (tests tap them).
type budgetChoice struct {
	dialog     dialog.Dialog
	fewer, all *widget.Button
}

// overBudget checks whether the articles idx are over the budget and,
// when they are and have not been allowed, asks the analyst what to do
// instead of starting a comparison that would freeze the window for
// minutes: compare the first ones that fit, or all of them anyway (until
// then the articles are shown uncompared). It returns the status line to
// show, "" when the articles are within the budget.
func (c *Controller) overBudget(idx []int, docs []*corpus.Document) string {
	err := budget.Check(docs)
	var be *compare.BudgetError
	if !errors.As(err, &be) || c.allowed == fmt.Sprint(idx) {
		return ""
	}
	fit := budget.Fit(docs)
	msg := widget.NewLabel(fmt.Sprintf("These articles hold %d sentences: comparing more than %d at once can take minutes and much memory.\n"+
		"Compare the first %d articles (%d sentences), or all of them anyway (Cancel stops it)?",
		be.Sentences, budget.Sentences, len(fit), sentences(fit)))
	msg.Wrapping = fyne.TextWrapWord
	ch := &budgetChoice{}
	ch.fewer = widget.NewButton(fmt.Sprintf("Compare the first %d", len(fit)), func() {
		ch.dialog.Hide()
		for _, i := range idx[len(fit):] {
			c.incl[i] = false
		}
		c.refreshSidebar()
		c.Recompute()
	})
	ch.fewer.Importance = widget.HighImportance
	ch.all = widget.NewButton("Compare all", func() {
		ch.dialog.Hide()
		c.allowed = fmt.Sprint(idx)
		c.Recompute()
	})
	ch.dialog = dialog.NewCustom("Many sentences to compare", "Not now",
		container.NewVBox(msg, container.NewHBox(ch.fewer, ch.all)), c.win)
	ch.dialog.Resize(fyne.NewSize(560, 220))
	c.budgetAsk = ch
	ch.dialog.Show()
	return fmt.Sprintf("%d sentences are over the %d compared at once: choose fewer articles or Compare all.", be.Sentences, budget.Sentences)
}

// sentences counts the sentences of docs.
func sentences(docs []*corpus.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	return n
}
