package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/corpus"
	"parallax/stories"
)

// storyListHeight is the height of the sidebar's list of stories.
const storyListHeight = 260

// maxRows is how many article rows the sidebar lists; a bigger story or
// folder is summed up below them.
const maxRows = 100

// needsStories reports whether n open articles are too many to compare at
// once, so that they are grouped into stories for the analyst to choose
// from.
func needsStories(n int) bool { return n > maxColumns }

// storyText is a story's line in the sidebar list.
func storyText(s stories.Story) string {
	if s.Size() == 1 {
		return "1 article · " + s.Label
	}
	return fmt.Sprintf("%d articles · %s", s.Size(), s.Label)
}

// buildStories makes the sidebar's stories section: a heading, a list of
// the stories, largest first (choosing one compares its articles), and
// the corrections by hand: merging the chosen story into another and
// moving one of its articles to another story. It is hidden while the
// open articles are few enough to compare at once.
func (c *Controller) buildStories() fyne.CanvasObject {
	c.storyHead = widget.NewRichText(&widget.TextSegment{Text: "Stories", Style: outletStyle})
	c.storyList = widget.NewList(
		func() int { return len(c.stories) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.TextStyle.Bold = true
			head.Truncation = fyne.TextTruncateEllipsis
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			title.TextStyle.Italic = true // not low importance: grey on the selection's blue is unreadable
			return container.NewVBox(head, title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(c.stories) {
				return
			}
			s := c.stories[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(storyText(s))
			box.Objects[1].(*widget.Label).SetText(s.Title)
		},
	)
	c.storyList.OnSelected = func(id widget.ListItemID) { c.SelectStory(id) }
	space := canvas.NewRectangle(nil)
	space.SetMinSize(fyne.NewSize(0, storyListHeight))
	merge := widget.NewButtonWithIcon("Merge into…", theme.ContentAddIcon(), c.mergeDialog)
	move := widget.NewButtonWithIcon("Move an article…", theme.NavigateNextIcon(), c.moveDialog)
	for _, b := range []*widget.Button{merge, move} {
		b.Importance = widget.LowImportance
	}
	c.storyBox = container.NewVBox(c.storyHead, container.NewStack(space, c.storyList),
		container.NewGridWithColumns(2, merge, move), widget.NewSeparator())
	c.storyBox.Hide()
	return c.storyBox
}

// setStories shows the stories of the open articles (none hides the
// section) and chooses the largest.
func (c *Controller) setStories(st []stories.Story) {
	if len(st) == 0 {
		c.stories, c.story = nil, -1
		c.storyList.UnselectAll()
		c.storyList.Refresh()
		c.storyBox.Hide()
		return
	}
	c.storyBox.Show()
	c.replaceStories(st, 0)
	c.storyList.ScrollToTop()
}

// replaceStories shows st in place of the stories listed and chooses
// story chosen, comparing it afresh.
func (c *Controller) replaceStories(st []stories.Story, chosen int) {
	c.stories = st
	c.story = -1
	grouped := 0
	for _, s := range st {
		if s.Size() > 1 {
			grouped++
		}
	}
	c.storyHead.Segments[0].(*widget.TextSegment).Text = fmt.Sprintf("Stories: %d of two or more articles, %d alone", grouped, len(st)-grouped)
	c.storyHead.Refresh()
	c.storyList.UnselectAll()
	c.storyList.Refresh()
	c.storyList.Select(chosen)
}

// SelectStory compares the articles of story i (for a story of more
// than maxColumns, its most representative and distinct) and lists them
// in the sidebar.
func (c *Controller) SelectStory(i int) {
	if i < 0 || i >= len(c.stories) || i == c.story {
		return
	}
	c.story = i
	for k := range c.incl {
		c.incl[k] = false
	}
	s := c.stories[i]
	compared := s.Compared
	if len(compared) == 0 || len(compared) > maxColumns {
		compared = s.Members[:min(len(s.Members), maxColumns)] // a story made by hand
	}
	for _, m := range compared {
		if m < len(c.incl) {
			c.incl[m] = true
		}
	}
	if len(s.Members) > len(compared) {
		c.addNote(fmt.Sprintf("the %d most representative and distinct of %d compared (tick others to swap)", len(compared), len(s.Members)))
	}
	c.Recompute()
}

// MergeStories merges story from into story into and compares the
// merged story.
func (c *Controller) MergeStories(into, from int) error {
	st, err := stories.Merge(c.stories, into, from)
	if err != nil {
		return err
	}
	if from < into {
		into--
	}
	c.addNote(fmt.Sprintf("Merged into one story of %d articles", st[into].Size()))
	c.replaceStories(st, into)
	return nil
}

// MoveArticle moves article (an index into the open articles) to story to,
// or to a story of its own when to is len(c.stories), and compares the
// story it left (or, when that story was left empty, the one it joined).
func (c *Controller) MoveArticle(article, to int) error {
	from := stories.StoryOf(c.stories, article)
	st, err := stories.Move(c.stories, article, to)
	if err != nil {
		return err
	}
	chosen := c.story
	if chosen < 0 {
		chosen = from
	}
	if len(st) < len(c.stories) { // the story it left is gone
		chosen = to
		if from < to {
			chosen--
		}
	}
	chosen = max(min(chosen, len(st)-1), 0)
	c.addNote(fmt.Sprintf("Moved %s to %s", docName(c.docs[article]), storyName(st, stories.StoryOf(st, article))))
	c.replaceStories(st, chosen)
	return nil
}

// addNote adds a part to what the status line says after the next
// comparison.
func (c *Controller) addNote(s string) {
	if c.note != "" {
		s = c.note + " · " + s
	}
	c.note = s
}

// docName names an article in a message: its title, or its file.
func docName(d *corpus.Document) string {
	if d.Title != "" {
		return "“" + d.Title + "”"
	}
	return corpus.DisplayPath(d.Path)
}

// storyName names story i of st in a message.
func storyName(st []stories.Story, i int) string {
	if i < 0 || i >= len(st) {
		return "no story"
	}
	if st[i].Size() == 1 {
		return "a story of its own"
	}
	return fmt.Sprintf("the story of %d articles (%s)", st[i].Size(), st[i].Label)
}

// storyChoices are the lines of a menu of the stories other than skip,
// and the story index of each.
func (c *Controller) storyChoices(skip int) ([]string, []int) {
	var names []string
	var ids []int
	for k, s := range c.stories {
		if k != skip {
			names = append(names, fmt.Sprintf("%d. %s", k+1, storyText(s)))
			ids = append(ids, k)
		}
	}
	return names, ids
}

// mergeDialog asks which story the chosen story merges into.
func (c *Controller) mergeDialog() {
	from := c.story
	if from < 0 || len(c.stories) < 2 {
		c.status.SetText("Choose a story in the list first; it merges into another.")
		return
	}
	names, ids := c.storyChoices(from)
	target := widget.NewSelect(names, nil)
	target.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem("Story", widget.NewLabel(storyText(c.stories[from]))),
		widget.NewFormItem("Merge into", target),
	}
	d := dialog.NewForm("Merge Stories", "Merge", "Cancel", items, func(ok bool) {
		if ok && target.SelectedIndex() >= 0 {
			if err := c.MergeStories(ids[target.SelectedIndex()], from); err != nil {
				dialog.ShowError(err, c.win)
			}
		}
	}, c.win)
	d.Resize(fyne.NewSize(620, 220))
	d.Show()
}

// moveDialog asks which article of the chosen story moves, and where to.
func (c *Controller) moveDialog() {
	from := c.story
	if from < 0 {
		c.status.SetText("Choose a story in the list first; one of its articles moves.")
		return
	}
	members := c.stories[from].Members
	var titles []string
	for _, m := range members {
		titles = append(titles, clipText(outletName(c.docs[m])+" · "+docName(c.docs[m]), 80))
	}
	article := widget.NewSelect(titles, nil)
	article.SetSelectedIndex(0)
	names, ids := c.storyChoices(from)
	names = append(names, "A story of its own")
	ids = append(ids, len(c.stories))
	target := widget.NewSelect(names, nil)
	target.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem("Article", article),
		widget.NewFormItem("Move to", target),
	}
	d := dialog.NewForm("Move an Article", "Move", "Cancel", items, func(ok bool) {
		if ok && article.SelectedIndex() >= 0 && target.SelectedIndex() >= 0 {
			if err := c.MoveArticle(members[article.SelectedIndex()], ids[target.SelectedIndex()]); err != nil {
				dialog.ShowError(err, c.win)
			}
		}
	}, c.win)
	d.Resize(fyne.NewSize(620, 240))
	d.Show()
}

// clipText shortens s to at most n runes, marking the cut.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// scope returns the indexes of the articles the sidebar lists: the chosen
// story's, else all.
func (c *Controller) scope() []int {
	if c.story >= 0 && c.story < len(c.stories) {
		return c.stories[c.story].Members
	}
	out := make([]int, len(c.docs))
	for i := range out {
		out[i] = i
	}
	return out
}

// dropFromStories takes closed article i out of the stories and renumbers
// the articles after it; a story left empty goes.
func (c *Controller) dropFromStories(i int) {
	if len(c.stories) == 0 {
		return
	}
	chosen := c.story
	if chosen >= 0 && chosen < len(c.stories) && c.stories[chosen].Size() == 1 && c.stories[chosen].Members[0] == i {
		chosen = -1 // its story goes with it
	} else if chosen >= 0 {
		for k := 0; k < c.story; k++ {
			if c.stories[k].Size() == 1 && c.stories[k].Members[0] == i {
				chosen-- // a story before the chosen one goes
			}
		}
	}
	c.stories, c.story = stories.Drop(c.stories, i), chosen
	c.storyList.Refresh()
	if chosen >= 0 {
		c.storyList.Select(chosen) // SelectStory does nothing: already chosen
	} else {
		c.storyList.UnselectAll()
	}
}
