package app

import (
	"fmt"

	"parallax/compare"
	"parallax/corpus"
	"parallax/corrections"
	"parallax/viewmodel"
)

// correctionState is what the controller knows of the analyst's hand
// corrections.
type correctionState struct {
	// dir is the data folder the corrections are kept in; "" for the
	// app's own storage folder.
	dir   string
	store *corrections.Store // opened when first needed
	// engine is the engine's result of the comparison shown, before the
	// corrections.
	engine *compare.Result
	// pickFrom, while set, is the sentence to link with the next one
	// tapped in another column.
	pickFrom *compare.Ref
	// hoverSaved is the status line from before the pointer came onto a
	// sentence; hovering is set while it is there.
	hoverSaved string
	hovering   bool
}

// corrStore is the corrections store, opened from the data folder when
// first needed; nil (and a message in the status line) when its file
// cannot be read, so that it is never overwritten.
func (c *Controller) corrStore() *corrections.Store {
	if c.corr.store != nil {
		return c.corr.store
	}
	dir := c.corr.dir
	if dir == "" {
		dir = c.app.Storage().RootURI().Path()
	}
	s, err := corrections.Open(dir)
	if err != nil {
		if c.status != nil {
			c.status.SetText("Corrections are off: " + err.Error())
		}
		return nil
	}
	c.corr.store = s
	return s
}

// shownDocs are the documents of the comparison idx.
func (c *Controller) shownDocs(idx []int) []*corpus.Document {
	docs := make([]*corpus.Document, len(idx))
	for k, i := range idx {
		docs[k] = c.docs[i]
	}
	return docs
}

// corrected is the engine's result res of the articles idx with the
// analyst's corrections of them applied; res is remembered for when the
// corrections change.
func (c *Controller) corrected(idx []int, res *compare.Result) *compare.Result {
	c.corr.engine = res
	c.corr.pickFrom = nil
	if len(idx) < 2 || res == nil {
		return res
	}
	s := c.corrStore()
	if s == nil {
		return res
	}
	docs := c.shownDocs(idx)
	return compare.ApplyEdits(docs, res, s.Edits(docs))
}

// reshow shows the comparison again with the corrections as they now are,
// keeping the selection and every column's scroll.
func (c *Controller) reshow() {
	if c.corr.engine == nil || c.view == nil {
		return
	}
	sel := c.view.selected
	offs := make([]float32, len(c.view.scrolls))
	for d, sc := range c.view.scrolls {
		offs[d] = sc.Offset.Y
	}
	c.show(c.shown, c.corr.engine)
	if c.view == nil {
		return
	}
	if sel != nil {
		c.view.selectRef(sel)
	}
	for d, y := range offs {
		if d < len(c.view.scrolls) {
			c.view.scrollColumn(d, y)
		}
	}
	c.view.scrolled()
}

// Correct records the hand correction e of the comparison shown, keeps it
// in the data folder and shows the comparison corrected. It reports
// whether it was recorded.
func (c *Controller) Correct(e compare.Edit) bool {
	if c.view == nil || len(c.view.model.Docs) < 2 {
		return false
	}
	s := c.corrStore()
	if s == nil {
		return false
	}
	if err := s.Add(corrections.Make(c.view.model.Docs, e)); err != nil {
		c.status.SetText("Could not keep the correction: " + err.Error())
		return false
	}
	what := c.describeEdit(e)
	c.reshow()
	c.status.SetText(what + " (Ctrl+Z undoes)")
	return true
}

// describeEdit says what e does: "Linked Reuters s4 with AP s2 by hand".
func (c *Controller) describeEdit(e compare.Edit) string {
	v := c.view
	switch e.Op {
	case compare.EditLink:
		return fmt.Sprintf("Linked %s with %s by hand", v.refName(e.A), v.refName(e.B))
	case compare.EditUnlink:
		return fmt.Sprintf("Unlinked %s from %s by hand", v.refName(e.A), v.refName(e.B))
	case compare.EditBoilerplate:
		return fmt.Sprintf("Marked %s as boilerplate by hand", v.refName(e.A))
	}
	return fmt.Sprintf("Marked %s as reporting by hand", v.refName(e.A))
}

// Undo takes back the latest correction of the articles compared; it
// reports whether there was one.
func (c *Controller) Undo() bool { return c.undoRedo(true) }

// Redo makes again the latest correction Undo took back; it reports
// whether there was one.
func (c *Controller) Redo() bool { return c.undoRedo(false) }

func (c *Controller) undoRedo(undo bool) bool {
	if c.view == nil || len(c.view.model.Docs) < 2 {
		return false
	}
	s := c.corrStore()
	if s == nil {
		return false
	}
	step, verb := s.Redo, "Redone"
	if undo {
		step, verb = s.Undo, "Undone"
	}
	corr, ok, err := step(c.view.model.Docs)
	if err != nil {
		c.status.SetText("Could not keep the corrections: " + err.Error())
	}
	if !ok {
		c.status.SetText("Nothing to " + map[bool]string{true: "undo", false: "redo"}[undo] + ".")
		return false
	}
	var what string
	if e, ok := c.editOf(corr); ok {
		what = c.describeEdit(e)
	}
	c.reshow()
	c.status.SetText(verb + ": " + what)
	return true
}

// editOf is correction corr in terms of the articles shown.
func (c *Controller) editOf(corr corrections.Correction) (compare.Edit, bool) {
	return corrections.EditOf(c.view.model.Docs, corr)
}

// startLink waits for the next sentence tapped in another column and
// links it with r.
func (c *Controller) startLink(r compare.Ref) {
	c.corr.pickFrom = &r
	c.status.SetText(fmt.Sprintf("Click the sentence of another article to link with %s (Esc or a click in the same article cancels).", c.view.refName(r)))
}

// cancelPick leaves the linking started by startLink.
func (c *Controller) cancelPick() {
	if c.corr.pickFrom != nil {
		c.corr.pickFrom = nil
		c.status.SetText("Linking cancelled.")
	}
}

// pick takes the sentence tapped while linking.
func (c *Controller) pick(r compare.Ref) bool {
	from := c.corr.pickFrom
	if from == nil {
		return false
	}
	c.corr.pickFrom = nil
	if r.Doc == from.Doc {
		c.status.SetText("Linking cancelled: the two sentences must be in different articles.")
		return true
	}
	c.Correct(compare.Edit{Op: compare.EditLink, A: *from, B: r})
	return true
}

// hover shows, in the status line, the strength of the sentence under the
// pointer (nil: the pointer left), and puts the line back after.
func (c *Controller) hover(r *compare.Ref) {
	if r == nil {
		if c.corr.hovering {
			c.corr.hovering = false
			c.status.SetText(c.corr.hoverSaved)
		}
		return
	}
	if !c.corr.hovering {
		c.corr.hovering, c.corr.hoverSaved = true, c.status.Text
	}
	c.status.SetText(c.view.model.HoverText(*r))
}

// viewerHooks connects a new viewer to the controller.
func (c *Controller) viewerHooks() viewerHooks {
	c.corr.hovering = false
	return viewerHooks{hover: c.hover, pick: c.pick, act: c.act}
}

// act makes a correction the detail panel offers.
func (c *Controller) act(a viewmodel.Action) {
	if a.Start {
		c.startLink(a.Edit.A)
		return
	}
	c.Correct(a.Edit)
}
