package widgets

import (
	"image/color"
	"math"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docRowWidth is the sidebar width the rows are designed for.
const docRowWidth = 240

// rowContent is what a row shows before its shares.
func rowContent(outlet, title, meta string) DocRowContent {
	return DocRowContent{Outlet: outlet, Title: title, Meta: meta, Shares: "not compared",
		SharedFill: sharedFill, ParaphrasedFill: paraphrasedFill}
}

// sharesOf are the shares of the given counts of sentences, with the
// share line's texts from the longest to the shortest, as the sidebar
// writes them.
type sharesOf struct {
	shares [3]float64
	texts  []string
}

// setOn shows the shares on row.
func (s sharesOf) setOn(row *DocRow) {
	row.SetShares(s.shares[0], s.shares[1], s.shares[2], s.texts...)
}

// shares17 are the shares of 17 shared, 10 paraphrased and 23 unique
// sentences.
var shares17 = sharesOf{[3]float64{17.0 / 50, 10.0 / 50, 23.0 / 50}, []string{
	"34% shared · 20% paraphrased · 46% unique", "34% shared · 20% para. · 46% unique", "34 · 20 · 46%"}}

// shown renders row in a test window at the sidebar width and returns the
// window.
func shown(t *testing.T, row fyne.CanvasObject) fyne.Window {
	t.Helper()
	w := test.NewWindow(row)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(docRowWidth, row.MinSize().Height))
	return w
}

// barRenderer returns the bar's renderer.
func barRenderer(t *testing.T, b *ShareBar) *shareBarRenderer {
	t.Helper()
	r, ok := test.WidgetRenderer(b).(*shareBarRenderer)
	if !ok {
		t.Fatal("share bar has no shareBarRenderer")
	}
	return r
}

func TestDocRowToggle(t *testing.T) {
	flowApp(t, theme.VariantLight)
	var calls []bool
	row := NewDocRow(rowContent("Outlet A", "Bridge opens", "2024-01-02 · 12 sentences"), false, func(in bool) {
		calls = append(calls, in)
	})
	shown(t, row)
	test.Tap(row.check)
	test.Tap(row.check)
	test.Tap(row.check)
	if want := []bool{true, false, true}; !slices.Equal(calls, want) {
		t.Errorf("onToggle calls %v, want %v", calls, want)
	}
	if !row.Included() {
		t.Error("box not ticked after three taps")
	}

	// A nil onToggle is allowed.
	quiet := NewDocRow(rowContent("b.txt", "untitled", "1 sentence"), true, nil)
	shown(t, quiet)
	test.Tap(quiet.check)
	if quiet.Included() {
		t.Error("tap did not clear the box")
	}
}

func TestDocRowSetIncluded(t *testing.T) {
	flowApp(t, theme.VariantLight)
	calls := 0
	row := NewDocRow(rowContent("Outlet A", "Bridge opens", "3 sentences"), true, func(bool) { calls++ })
	if !row.Included() || !row.check.Checked {
		t.Fatal("row built included shows an empty box")
	}
	shown(t, row)
	for _, in := range []bool{false, false, true, false} {
		row.SetIncluded(in)
		if row.Included() != in {
			t.Errorf("after SetIncluded(%v): Included() = %v", in, row.Included())
		}
	}
	if calls != 0 {
		t.Errorf("SetIncluded called onToggle %d times", calls)
	}
	// The user's taps still reach onToggle afterwards.
	test.Tap(row.check)
	if calls != 1 || !row.Included() {
		t.Errorf("tap after SetIncluded: %d calls, included %v; want 1, true", calls, row.Included())
	}
}

func TestDocRowText(t *testing.T) {
	flowApp(t, theme.VariantLight)
	for _, untitled := range []bool{false, true} {
		c := rowContent("Outlet A", "Bridge opens", "2024-01-02 · 12 sentences")
		c.Untitled = untitled
		row := NewDocRow(c, true, nil)
		if got, want := row.Lines(), [4]string{c.Outlet, c.Title, c.Meta, c.Shares}; got != want {
			t.Errorf("untitled %v: lines %q, want %q", untitled, got, want)
		}
		style := row.title.Segments[0].(*widget.TextSegment).Style
		if untitled != (style.TextStyle.Italic && style.ColorName == theme.ColorNamePlaceHolder) {
			t.Errorf("untitled %v: title style %+v", untitled, style)
		}
	}
}

func TestDocRowSetShares(t *testing.T) {
	flowApp(t, theme.VariantLight)
	row := NewDocRow(rowContent("Outlet A", "Bridge opens", "2024-01-02 · 52 sentences"), true, nil)
	shown(t, row)
	br := barRenderer(t, row.bar)

	// Before any framing: the grey track alone.
	if !br.track.Visible() {
		t.Error("empty bar: track hidden")
	}
	for i, s := range br.segs {
		if s.Visible() {
			t.Errorf("empty bar: segment %d shown", i)
		}
	}

	tests := []struct {
		name   string
		shares [3]float64
		widths [3]float32 // at a bar width of 200
		text   string
	}{
		{"34/20/46", shares17.shares, [3]float32{68, 40, 92}, shares17.texts[0]},
		{"all unique", [3]float64{0, 0, 1}, [3]float32{0, 0, 200}, "0% shared · 0% paraphrased · 100% unique"},
		{"thirds", [3]float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, [3]float32{67, 66, 67}, "34% shared · 33% paraphrased · 33% unique"},
		{"no shared", [3]float64{0, 0.75, 0.25}, [3]float32{0, 150, 50}, "0% shared · 75% paraphrased · 25% unique"},
		{"not normalised", [3]float64{0, 3, 1}, [3]float32{0, 150, 50}, "3 · 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sharesOf{tt.shares, []string{tt.text}}.setOn(row)
			if got := row.shares.String(); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			if br.track.Visible() {
				t.Error("track shown under the shares")
			}

			// At the row's own size the bar spans the row, less the inner
			// padding, and the segments tile it in proportion.
			bw := row.bar.Size().Width
			if want := float32(docRowWidth - 2*docRowInnerPadding); bw != want {
				t.Errorf("bar %v wide in a %v row, want %v", bw, docRowWidth, want)
			}
			total := tt.shares[0] + tt.shares[1] + tt.shares[2]
			checkTiles(t, br, bw, [3]float64{tt.shares[0] / total, tt.shares[1] / total, tt.shares[2] / total})
			defer row.bar.Resize(row.bar.Size())

			// At a given size, exact widths.
			row.bar.Resize(fyne.NewSize(200, shareBarHeight))
			for i, s := range br.segs {
				if got := s.Size().Width; got != tt.widths[i] {
					t.Errorf("at width 200: segment %d is %v wide, want %v", i, got, tt.widths[i])
				}
				if got := s.Size().Height; got != shareBarHeight {
					t.Errorf("segment %d is %v high, want %v", i, got, shareBarHeight)
				}
			}
		})
	}

	// Colours: the column fills, and a translucent grey for unique.
	if br.segs[0].FillColor != sharedFill || br.segs[1].FillColor != paraphrasedFill {
		t.Errorf("segment fills %v, %v; want the column fills", br.segs[0].FillColor, br.segs[1].FillColor)
	}
	if g := color.NRGBAModel.Convert(br.segs[2].FillColor).(color.NRGBA); g.R != g.G || g.G != g.B || g.A == 0 {
		t.Errorf("unique fill %v is not a visible grey", g)
	}

	// Shares that add up to nothing show the empty track.
	row.SetShares(1, 2, 3, "1 · 2 · 3")
	row.SetShares(0, 0, 0, "no sentences to compare")
	if got := row.shares.String(); got != "no sentences to compare" {
		t.Errorf("no shares: text %q", got)
	}
	if !br.track.Visible() || br.segs[0].Visible() || br.segs[2].Visible() {
		t.Error("no shares: want the empty track")
	}
}

// checkTiles checks that the segments tile a bar of width w left to right,
// each within a pixel of its share.
func checkTiles(t *testing.T, br *shareBarRenderer, w float32, shares [3]float64) {
	t.Helper()
	x := float32(0)
	for i, s := range br.segs {
		if !s.Visible() {
			t.Errorf("segment %d hidden", i)
		}
		if s.Position().X != x {
			t.Errorf("segment %d starts at %v, want %v", i, s.Position().X, x)
		}
		if want := float64(w) * shares[i]; math.Abs(float64(s.Size().Width)-want) > 1 {
			t.Errorf("segment %d is %v wide, want about %.1f of %v", i, s.Size().Width, want, w)
		}
		x += s.Size().Width
	}
	if x != w {
		t.Errorf("segments end at %v, bar is %v wide", x, w)
	}
}

func TestDocRowNarrow(t *testing.T) {
	flowApp(t, theme.VariantLight)
	row := NewDocRow(rowContent("Outlet A", "Bridge opens", "2024-01-02 · 52 sentences"), true, nil)
	shares17.setOn(row)
	w := shown(t, row)
	tests := []struct {
		width float32
		text  string
	}{
		{docRowWidth, "34% shared · 20% paraphrased · 46% unique"},
		{200, "34% shared · 20% para. · 46% unique"},
		{120, "34 · 20 · 46%"},
		{60, "34 · 20 · 46%"}, // truncated on screen
		{400, "34% shared · 20% paraphrased · 46% unique"},
	}
	for _, tt := range tests {
		w.Resize(fyne.NewSize(tt.width, row.MinSize().Height))
		if got := row.shares.String(); got != tt.text {
			t.Errorf("at width %v: share line %q, want %q", tt.width, got, tt.text)
		}
		if bw := row.bar.Size().Width; bw != max(row.Size().Width-2*docRowInnerPadding, 0) {
			t.Errorf("at width %v: bar %v wide in a row of %v", tt.width, bw, row.Size().Width)
		}
	}
	// New shares are fitted to the current width at once.
	w.Resize(fyne.NewSize(200, row.MinSize().Height))
	row.SetShares(1, 0, 3, "25% shared · 0% paraphrased · 75% unique", "25% shared · 0% para. · 75% unique", "25 · 0 · 75%")
	if got, want := row.shares.String(), "25% shared · 0% para. · 75% unique"; got != want {
		t.Errorf("new shares at width 200: %q, want %q", got, want)
	}
}

func TestDocRowCompact(t *testing.T) {
	flowApp(t, theme.VariantLight)
	row := NewDocRow(rowContent("The Very Long Name of an Outlet That Goes On",
		"A headline that is much too long to fit on one line of a narrow sidebar", "2024-01-02 · 120 sentences"), true, nil)
	shares17.setOn(row)
	min := row.MinSize()
	if min.Width > docRowWidth {
		t.Errorf("row needs %v px, wider than the %v px sidebar", min.Width, docRowWidth)
	}
	plain := widget.NewLabel("x").MinSize().Height
	if min.Height > 3.5*plain {
		t.Errorf("row is %v high, more than 3.5 label lines (%v)", min.Height, 3.5*plain)
	}
	shown(t, row)
	for _, l := range []*widget.RichText{row.outlet, row.title, row.meta, row.shares} {
		if l.Size().Height != l.MinSize().Height || l.Position().X+l.Size().Width > docRowWidth {
			t.Errorf("line %q at %v size %v: not one line within the row", l.String(), l.Position(), l.Size())
		}
	}
}

func TestDocRowCapture(t *testing.T) {
	for _, v := range []struct {
		name    string
		variant fyne.ThemeVariant
		file    string
	}{{"light", theme.VariantLight, "docrow.png"}, {"dark", theme.VariantDark, "docrow-dark.png"}} {
		t.Run(v.name, func(t *testing.T) {
			flowApp(t, v.variant)
			rows := []*DocRow{
				NewDocRow(rowContent("Reuters", "Mexico’s top court limits migrant detention to 36 hours", "2024-01-02 · 43 sentences = 41 + 2 boilerplate"), true, nil),
				NewDocRow(rowContent("The Associated Press of Somewhere Far Away", "Caravan of 3,000 migrants sets off from Tapachula toward the US border", "27 sentences"), true, nil),
				NewDocRow(DocRowContent{Outlet: "c.md", Title: "untitled", Untitled: true, Meta: "2024-01-03 · 9 sentences", Shares: "not compared"}, false, nil),
			}
			rows[0].SetShares(14, 8, 19, "34% shared · 20% paraphrased · 46% unique")
			rows[1].SetShares(10, 3, 14, "37% shared · 11% paraphrased · 52% unique")
			box := container.NewVBox()
			for i, r := range rows {
				if i > 0 {
					box.Add(widget.NewSeparator())
				}
				box.Add(r)
			}
			w := test.NewWindow(box)
			defer w.Close()
			// The rows get the sidebar width inside the window's padding.
			w.Resize(fyne.NewSize(docRowWidth+2*theme.Padding(), box.MinSize().Height+2*theme.Padding()))
			if got := rows[0].Size().Width; got != docRowWidth {
				t.Fatalf("row %v wide, want %v", got, docRowWidth)
			}
			if got, want := rows[0].shares.String(), "34% shared · 20% paraphrased · 46% unique"; got != want {
				t.Errorf("share line %q, want %q", got, want)
			}
			img := w.Canvas().Capture()

			// The first row's bar shows its three colours left to right.
			b := rows[0].bar
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			br := barRenderer(t, b)
			y := int(at.Y + shareBarHeight/2)
			pixel := func(seg int) color.NRGBA {
				s := br.segs[seg]
				return color.NRGBAModel.Convert(img.At(int(at.X+s.Position().X+s.Size().Width/2), y)).(color.NRGBA)
			}
			if p := pixel(0); p.B <= p.R {
				t.Errorf("shared segment pixel %v is not blue", p)
			}
			if p := pixel(1); p.R <= p.B {
				t.Errorf("paraphrased segment pixel %v is not orange", p)
			}
			if p := pixel(2); p.R != p.G || p.G != p.B {
				t.Errorf("unique segment pixel %v is not grey", p)
			}
			if dir := os.Getenv("DOCROW_PNG_DIR"); dir != "" {
				writePNG(t, dir+"/"+v.file, img)
			}
		})
	}
}
