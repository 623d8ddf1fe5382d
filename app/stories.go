package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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

// buildStories makes the sidebar's stories section: a heading and a list
// of the stories, largest first; choosing one compares its articles. It is
// hidden while the open articles are few enough to compare at once.
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
			title.Importance = widget.LowImportance
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
	c.storyBox = container.NewVBox(c.storyHead, container.NewStack(space, c.storyList), widget.NewSeparator())
	c.storyBox.Hide()
	return c.storyBox
}

// setStories shows the stories of the open articles (none hides the
// section) and chooses the largest.
func (c *Controller) setStories(st []stories.Story) {
	c.stories = st
	c.story = -1
	c.storyList.UnselectAll()
	c.storyList.Refresh()
	if len(st) == 0 {
		c.storyBox.Hide()
		return
	}
	grouped := 0
	for _, s := range st {
		if s.Size() > 1 {
			grouped++
		}
	}
	c.storyHead.Segments[0].(*widget.TextSegment).Text = fmt.Sprintf("Stories: %d of two or more articles, %d alone", grouped, len(st)-grouped)
	c.storyHead.Refresh()
	c.storyBox.Show()
	c.storyList.Select(0)
	c.storyList.ScrollToTop()
}

// SelectStory compares the articles of story i (the first maxColumns of
// them) and lists them in the sidebar.
func (c *Controller) SelectStory(i int) {
	if i < 0 || i >= len(c.stories) || i == c.story {
		return
	}
	c.story = i
	for k := range c.incl {
		c.incl[k] = false
	}
	members := c.stories[i].Members
	for k, m := range members {
		if m < len(c.incl) {
			c.incl[m] = k < maxColumns
		}
	}
	if len(members) > maxColumns {
		c.status.SetText(fmt.Sprintf("This story has %d articles: the first %d are compared; tick others in the list to swap them in.", len(members), maxColumns))
	}
	c.Recompute()
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
	kept := c.stories[:0:0]
	chosen := -1
	for k, s := range c.stories {
		var members []int
		for _, m := range s.Members {
			switch {
			case m < i:
				members = append(members, m)
			case m > i:
				members = append(members, m-1)
			}
		}
		if len(members) == 0 {
			continue
		}
		s.Members = members
		if k == c.story {
			chosen = len(kept)
		}
		kept = append(kept, s)
	}
	c.stories, c.story = kept, chosen
	c.storyList.Refresh()
	if chosen >= 0 {
		c.storyList.Select(chosen) // SelectStory does nothing: already chosen
	} else {
		c.storyList.UnselectAll()
	}
}
