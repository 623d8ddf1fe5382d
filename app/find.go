package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
)

// findWidth is the width of the toolbar's search field.
const findWidth = 170

// newFindEntry is the toolbar's search field: Enter finds the next
// sentence holding the text.
func (c *Controller) newFindEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("Find (Ctrl+F)")
	e.OnSubmitted = func(q string) { c.Find(q) }
	e.OnChanged = func(string) { c.findFrom = nil } // a new search starts over
	c.findEntry = e
	return e
}

// Find selects the next sentence, after the selection or the last match,
// column by column in reading order and wrapping around, whose text holds
// q (case aside), and says which match of how many it is. It reports
// whether it found one.
func (c *Controller) Find(q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if c.view == nil || q == "" {
		return false
	}
	var hits []compare.Ref
	for d, doc := range c.view.docs {
		for i := range doc.Sentences {
			if strings.Contains(strings.ToLower(doc.SentenceText(i)), q) {
				hits = append(hits, compare.Ref{Doc: d, Sentence: i})
			}
		}
	}
	if len(hits) == 0 {
		c.status.SetText(fmt.Sprintf("No sentence holds “%s”.", q))
		return false
	}
	from := c.findFrom
	if from == nil {
		from = c.view.selected
	}
	k := 0 // the first hit after from
	if from != nil {
		for k < len(hits) && !after(hits[k], *from) {
			k++
		}
		if k == len(hits) {
			k = 0
		}
	}
	r := hits[k]
	c.view.reveal(r)
	c.findFrom = &r
	c.status.SetText(fmt.Sprintf("“%s”: match %d of %d, in %s.", q, k+1, len(hits), outletName(c.view.docs[r.Doc])))
	return true
}

// after reports whether a comes after b in reading order: column by
// column, top to bottom.
func after(a, b compare.Ref) bool {
	return a.Doc > b.Doc || (a.Doc == b.Doc && a.Sentence > b.Sentence)
}

// focusFind puts the keyboard focus in the search field.
func (c *Controller) focusFind() {
	if c.findEntry != nil {
		c.win.Canvas().Focus(c.findEntry)
	}
}

// findBox lays the search field out at its width.
func findBox(e *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(findWidth, e.MinSize().Height), e)
}
