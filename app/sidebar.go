package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sidebarOffset is the sidebar's share of the window's width when shown.
const sidebarOffset = 0.2

// collapsible holds the sidebar beside the main area in a split, or the
// main area alone while the sidebar is collapsed.
type collapsible struct {
	box     *fyne.Container // what the window shows: the split or main
	split   *container.Split
	main    fyne.CanvasObject
	shown   bool
	button  *widget.Button // the toolbar's toggle
	offset  float64        // the split's offset when last shown
	onShown func(bool)
}

// newCollapsible puts sidebar beside main, shown.
func newCollapsible(sidebar, main fyne.CanvasObject) *collapsible {
	s := &collapsible{split: container.NewHSplit(sidebar, main), main: main, shown: true, offset: sidebarOffset}
	s.split.Offset = sidebarOffset
	s.box = container.NewStack(s.split)
	s.button = widget.NewButtonWithIcon("", theme.MenuIcon(), func() { s.setShown(!s.shown) })
	s.button.Importance = widget.LowImportance
	return s
}

// setShown shows or collapses the sidebar.
func (s *collapsible) setShown(on bool) {
	if on == s.shown {
		return
	}
	s.shown = on
	if on {
		s.split.Trailing = s.main
		s.split.Offset = s.offset
		s.box.Objects = []fyne.CanvasObject{s.split}
		s.split.Refresh()
	} else {
		s.offset = s.split.Offset
		s.box.Objects = []fyne.CanvasObject{s.main}
	}
	s.box.Refresh()
	if s.onShown != nil {
		s.onShown(on)
	}
}

// ToggleSidebar shows the sidebar when it is collapsed and collapses it
// when it is shown (the toolbar's ☰ button, Ctrl+B).
func (c *Controller) ToggleSidebar() {
	if c.side != nil {
		c.side.setShown(!c.side.shown)
	}
}

// sensitivityBox is the sidebar's first part, above the fold at any
// window size: the sensitivity slider with its value and regime, and the
// filter.
func (c *Controller) sensitivityBox(slider *widget.Slider, filter *widget.Select) fyne.CanvasObject {
	return container.NewVBox(c.sensLabel, slider,
		widget.NewLabel("Strict (independent outlets) … lenient (rewrites)"), filter)
}

// sidebarShortcut shows or collapses the sidebar (Ctrl+B, Cmd+B on macOS).
var sidebarShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
