package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/viewmodel"
	"parallax/widgets"
)

// findWidth is the width of the toolbar's search field.
const findWidth = 170

// findField is the toolbar's search field: Enter finds the next match,
// Shift+Enter the previous one.
type findField struct {
	widget.Entry
	shift bool // a Shift key is held
	// onFind is called on Enter, back when Shift is held.
	onFind func(back bool)
}

// KeyDown notes Shift; it is part of desktop.Keyable.
func (f *findField) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		f.shift = true
	}
	f.Entry.KeyDown(k)
}

// KeyUp notes Shift; it is part of desktop.Keyable.
func (f *findField) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		f.shift = false
	}
	f.Entry.KeyUp(k)
}

// TypedKey finds on Enter (back with Shift); it is part of
// fyne.Focusable.
func (f *findField) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && f.onFind != nil {
		f.onFind(f.shift)
		return
	}
	f.Entry.TypedKey(k)
}

// newFindEntry is the toolbar's search field: typing highlights every
// sentence holding the text, Enter selects the next one and Shift+Enter
// the previous one.
func (c *Controller) newFindEntry() *findField {
	e := &findField{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Find (Ctrl+F)")
	e.onFind = func(back bool) {
		if back {
			c.FindPrevious(e.Text)
		} else {
			c.Find(e.Text)
		}
	}
	e.OnChanged = func(q string) {
		c.findFrom = nil // a new search starts over
		c.highlightMatches(q)
	}
	c.findEntry = e
	return e
}

// highlightMatches marks every sentence holding q in the columns (none
// when q is empty) and says how many there are.
func (c *Controller) highlightMatches(q string) {
	if c.view == nil {
		return
	}
	q = viewmodel.Query(q)
	hits := c.view.model.Matches(q)
	c.view.setFound(hits)
	if q != "" {
		c.status.SetText(fmt.Sprintf("“%s”: %s; Enter for the next, Shift+Enter for the previous.", q, plural(len(hits), "match", "matches")))
	}
}

// Find selects the next sentence, after the selection or the last match,
// column by column in reading order and wrapping around, whose text holds
// q (case aside), and says which match of how many it is. Every match is
// highlighted. It reports whether it found one.
func (c *Controller) Find(q string) bool { return c.find(q, 1) }

// FindPrevious is Find backwards: the match before the selection or the
// last match (Shift+Enter).
func (c *Controller) FindPrevious(q string) bool { return c.find(q, -1) }

// find selects the match dir (1 or -1) from the last one.
func (c *Controller) find(q string, dir int) bool {
	q = viewmodel.Query(q)
	if c.view == nil || q == "" {
		return false
	}
	hits := c.view.model.Matches(q)
	c.view.setFound(hits)
	if len(hits) == 0 {
		c.status.SetText(fmt.Sprintf("No sentence holds “%s”.", q))
		return false
	}
	from := c.findFrom
	if from == nil {
		from = c.view.selected
	}
	k := viewmodel.NextMatch(hits, from, dir)
	r := hits[k]
	c.view.reveal(r)
	c.findFrom = &r
	c.status.SetText(fmt.Sprintf("“%s”: match %d of %d, in %s.", q, k+1, len(hits), outletName(c.view.model.Docs[r.Doc])))
	return true
}

// focusFind puts the keyboard focus in the search field.
func (c *Controller) focusFind() {
	if c.findEntry != nil {
		c.win.Canvas().Focus(c.findEntry)
	}
}

// findBox lays the search field out at its width.
func findBox(e *findField) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(findWidth, e.MinSize().Height), e)
}

// setFound marks the sentences refs as matches of a search, and no others.
func (v *viewer) setFound(refs []compare.Ref) {
	touched := map[*widgets.FlowText]bool{}
	mark := func(r compare.Ref, on bool) {
		p := v.places[r.Doc][r.Sentence]
		if p.flow.Spans[p.span].Found != on {
			p.flow.Spans[p.span].Found = on
			touched[p.flow] = true
		}
	}
	for r := range v.found {
		mark(r, false)
	}
	v.found = map[compare.Ref]bool{}
	for _, r := range refs {
		v.found[r] = true
		mark(r, true)
	}
	for f := range touched {
		f.Refresh()
	}
}
