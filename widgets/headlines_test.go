package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

func TestHeadLines(t *testing.T) {
	line := func(h float32) *canvas.Rectangle {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(50, h))
		return r
	}
	tests := []struct {
		name    string
		end     *canvas.Rectangle
		lines   []float32
		min     fyne.Size
		wantPos []fyne.Position // of the lines, then of end
		wantW   []float32       // of the lines
	}{
		{"no button", nil, []float32{20, 20, 20}, fyne.NewSize(50, 60),
			[]fyne.Position{{X: 0, Y: 0}, {X: 0, Y: 20}, {X: 0, Y: 40}}, []float32{120, 120, 120}},
		{"taller button", line(36), []float32{20, 20, 20}, fyne.NewSize(100, 76),
			[]fyne.Position{{X: 0, Y: 8}, {X: 0, Y: 36}, {X: 0, Y: 56}, {X: 70, Y: 0}}, []float32{70, 120, 120}},
		{"shorter button", line(10), []float32{20, 20}, fyne.NewSize(100, 40),
			[]fyne.Position{{X: 0, Y: 0}, {X: 0, Y: 20}, {X: 70, Y: 0}}, []float32{70, 120}},
		{"button alone", line(36), nil, fyne.NewSize(50, 36),
			[]fyne.Position{{X: 70, Y: 0}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []fyne.CanvasObject
			for _, h := range tt.lines {
				lines = append(lines, line(h))
			}
			var end fyne.CanvasObject
			if tt.end != nil {
				end = tt.end
			}
			c := NewHeadLines(end, lines...)
			if got := c.MinSize(); got != tt.min {
				t.Errorf("MinSize = %v, want %v", got, tt.min)
			}
			c.Resize(fyne.NewSize(120, c.MinSize().Height))
			for i, o := range c.Objects {
				if o.Position() != tt.wantPos[i] {
					t.Errorf("object %d at %v, want %v", i, o.Position(), tt.wantPos[i])
				}
				if i < len(tt.wantW) && o.Size().Width != tt.wantW[i] {
					t.Errorf("line %d width %v, want %v", i, o.Size().Width, tt.wantW[i])
				}
			}
		})
	}
}
