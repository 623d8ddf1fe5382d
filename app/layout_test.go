package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parallax/widgets"
)

// TestSidebarCollapsesAndSliderShows checks that the sensitivity slider
// is above the fold at the default window size, and that the sidebar
// collapses and comes back.
func TestSidebarCollapsesAndSliderShows(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	c.win.Resize(windowSize)
	var slider *widget.Slider
	walk(c.win.Content(), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Slider); ok {
			slider = s
		}
	})
	if slider == nil {
		t.Fatal("no slider")
	}
	d := fyne.CurrentApp().Driver()
	if y := d.AbsolutePositionForObject(slider).Y + slider.Size().Height; y > windowSize.Height-100 || slider.Size().Height == 0 {
		t.Errorf("the slider ends at %v in a window %v high: below the fold", y, windowSize.Height)
	}
	colsX := d.AbsolutePositionForObject(c.columnsBox).X
	c.ToggleSidebar()
	if c.side.shown || slider.Visible() && d.AbsolutePositionForObject(c.columnsBox).X >= colsX {
		t.Errorf("collapsed, the columns start at %v (%v with the sidebar)", d.AbsolutePositionForObject(c.columnsBox).X, colsX)
	}
	if !menuItem(t, c.win.MainMenu(), "View", "Sidebar").Checked == c.side.shown {
		t.Error("the View menu's Sidebar item does not follow")
	}
	c.ToggleSidebar()
	if !c.side.shown || d.AbsolutePositionForObject(c.columnsBox).X != colsX {
		t.Errorf("shown again, the columns start at %v, want %v", d.AbsolutePositionForObject(c.columnsBox).X, colsX)
	}
}

// TestHeaderTip checks that a column header has a tip with the full
// outlet and title (widgets' TestHoverTip checks that it shows on hover).
func TestHeaderTip(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	var tip *widgets.HoverTip
	walk(c.win.Content(), func(o fyne.CanvasObject) {
		if h, ok := o.(*widgets.HoverTip); ok && tip == nil {
			tip = h
		}
	})
	if tip == nil {
		t.Fatal("no header tip")
	}
	doc := c.view.model.Docs[0]
	for _, want := range []string{outletName(doc), doc.Title} {
		if !strings.Contains(tip.Tip(), want) {
			t.Errorf("tip %q lacks %q", tip.Tip(), want)
		}
	}
}

// TestColumnsScrollSideways checks that the columns scroll sideways, so
// that narrow columns keep their widest words whole (FlowText's minimum
// width) instead of breaking them.
func TestColumnsScrollSideways(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	if sc, ok := c.columnsBox.Objects[0].(*container.Scroll); !ok || sc.Direction != container.ScrollHorizontalOnly {
		t.Fatal("the columns are not in a sideways scroll")
	}
}
