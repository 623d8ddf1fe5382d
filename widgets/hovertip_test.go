package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestHoverTip checks that a tip shows below its content while the pointer
// rests on it, on the window's tip layer, and hides when it leaves.
func TestHoverTip(t *testing.T) {
	test.NewTempApp(t)
	const text = "Reuters\nMexico’s top court limits migrant detention to 36 hours\nnotes/a.txt"
	tip := NewHoverTip(widget.NewLabel("Reuters"), text)
	w := test.NewWindow(nil)
	defer w.Close()
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(400, 300))
	w.SetContent(WithTips(w.Canvas(), container.NewVBox(tip, space)))
	w.Resize(fyne.NewSize(420, 400))

	d := fyne.CurrentApp().Driver()
	p := d.AbsolutePositionForObject(tip)
	test.MoveMouse(w.Canvas(), p.AddXY(10, 5))
	layer := tipLayers[w.Canvas()]
	if tip.shown == nil || !layer.panel.Visible() {
		t.Fatal("no tip on hover")
	}
	if y := d.AbsolutePositionForObject(layer.panel).Y; y < p.Y+tip.Size().Height-1 {
		t.Errorf("the tip at %v covers its content (%v high at %v)", y, tip.Size().Height, p.Y)
	}
	if got := layer.label.Text; got != text || tip.Tip() != text {
		t.Errorf("tip %q (Tip %q), want %q", got, tip.Tip(), text)
	}
	test.MoveMouse(w.Canvas(), p.AddXY(10, 250))
	if layer.panel.Visible() || tip.shown != nil {
		t.Error("the tip stays after the pointer left")
	}
}

// TestHoverTipWithoutLayer checks that a tip in a window without a tip
// layer, or with no text, shows nothing.
func TestHoverTipWithoutLayer(t *testing.T) {
	test.NewTempApp(t)
	for _, withLayer := range []bool{false, true} {
		text := "a tip"
		if withLayer {
			text = ""
		}
		tip := NewHoverTip(widget.NewLabel("Reuters"), text)
		w := test.NewWindow(nil)
		if withLayer {
			w.SetContent(WithTips(w.Canvas(), tip))
		} else {
			w.SetContent(tip)
		}
		w.Resize(fyne.NewSize(200, 100))
		test.MoveMouse(w.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(tip).AddXY(10, 5))
		if tip.shown != nil {
			t.Errorf("layer %v, tip %q: a tip shows", withLayer, text)
		}
		w.Close()
	}
}
