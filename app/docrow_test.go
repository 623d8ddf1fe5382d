package app

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
)

// rowApp starts a headless app with the default theme in the given
// variant, its render cache fresh (see widgets' freshRenderCache: a
// capture of an empty canvas restarts the cache's clocks, so that a long
// test run does not destroy the new rows' renderers before they paint).
func rowApp(t testing.TB, v fyne.ThemeVariant) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
	test.NewCanvas().Capture()
	return a
}

// docRowWidth is the sidebar width the rows are designed for.
const docRowWidth = 240

// rowDoc is a document with n empty sentences and the given metadata.
func rowDoc(path, outlet, title, date string, n int) *corpus.Document {
	return &corpus.Document{Path: path, Outlet: outlet, Title: title, Date: date, Sentences: make([]corpus.Sentence, n)}
}

// framingOf is a framing with the given counts of reporting sentences.
func framingOf(shared, para, unique, boilerplate int) compare.Framing {
	f := compare.Framing{Counts: compare.Counts{
		Sentences: shared + para + unique + boilerplate,
		Shared:    shared, Paraphrased: para, Unique: unique, Boilerplate: boilerplate,
	}}
	if n := float64(shared + para + unique); n > 0 {
		f.SharedShare, f.ParaphrasedShare, f.UniqueShare = float64(shared)/n, float64(para)/n, float64(unique)/n
	}
	return f
}

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
func barRenderer(t *testing.T, b *shareBar) *shareBarRenderer {
	t.Helper()
	r, ok := test.WidgetRenderer(b).(*shareBarRenderer)
	if !ok {
		t.Fatal("share bar has no shareBarRenderer")
	}
	return r
}

func TestDocRowToggle(t *testing.T) {
	rowApp(t, theme.VariantLight)
	var calls []bool
	row := NewDocRow(rowDoc("a.txt", "Outlet A", "Bridge opens", "2024-01-02", 12), false, func(in bool) {
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
	quiet := NewDocRow(rowDoc("b.txt", "", "", "", 1), true, nil)
	shown(t, quiet)
	test.Tap(quiet.check)
	if quiet.Included() {
		t.Error("tap did not clear the box")
	}
}

func TestDocRowSetIncluded(t *testing.T) {
	rowApp(t, theme.VariantLight)
	calls := 0
	row := NewDocRow(rowDoc("a.txt", "Outlet A", "Bridge opens", "", 3), true, func(bool) { calls++ })
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
	rowApp(t, theme.VariantLight)
	tests := []struct {
		name                string
		doc                 *corpus.Document
		outlet, title, meta string
	}{
		{"full", rowDoc("/x/a.txt", "Outlet A", "Bridge opens", "2024-01-02", 12),
			"Outlet A", "Bridge opens", "2024-01-02 · 12 sentences"},
		{"no date, one sentence", rowDoc("/x/b.txt", "Outlet B", "New bridge", "", 1),
			"Outlet B", "New bridge", "1 sentence"},
		{"no title: file name", rowDoc("/x/c.md", "Outlet C", "", "2024-03-04", 0),
			"Outlet C", "c.md", "2024-03-04 · 0 sentences"},
		{"no title, no outlet", rowDoc("/x/d.html", "", "", "", 2),
			"d.html", "untitled", "2 sentences"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := NewDocRow(tt.doc, true, nil)
			for _, c := range []struct {
				part      string
				got, want string
			}{
				{"outlet", row.outlet.String(), tt.outlet},
				{"title", row.title.String(), tt.title},
				{"meta", row.meta.String(), tt.meta},
				{"shares", row.shares.String(), notComparedText},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.part, c.got, c.want)
				}
			}
		})
	}
}

func TestDocRowSetFraming(t *testing.T) {
	rowApp(t, theme.VariantLight)
	row := NewDocRow(rowDoc("a.txt", "Outlet A", "Bridge opens", "2024-01-02", 52), true, nil)
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
		f      compare.Framing
		widths [3]float32 // at a bar width of 200
		text   string
	}{
		{"34/20/46", framingOf(17, 10, 23, 2), [3]float32{68, 40, 92}, "34% shared · 20% paraphrased · 46% unique"},
		{"all unique", framingOf(0, 0, 5, 0), [3]float32{0, 0, 200}, "0% shared · 0% paraphrased · 100% unique"},
		{"thirds", framingOf(1, 1, 1, 0), [3]float32{67, 66, 67}, "34% shared · 33% paraphrased · 33% unique"},
		{"no shared", framingOf(0, 3, 1, 0), [3]float32{0, 150, 50}, "0% shared · 75% paraphrased · 25% unique"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row.SetFraming(tt.f)
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
			checkTiles(t, br, bw, [3]float64{tt.f.SharedShare, tt.f.ParaphrasedShare, tt.f.UniqueShare})
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

	// A document of boilerplate alone has no shares.
	row.SetFraming(framingOf(0, 0, 0, 4))
	if got := row.shares.String(); got != noReportingText {
		t.Errorf("only boilerplate: text %q, want %q", got, noReportingText)
	}
	if !br.track.Visible() || br.segs[0].Visible() {
		t.Error("only boilerplate: want the empty track")
	}

	row.SetFraming(framingOf(1, 2, 3, 0))
	row.ClearFraming()
	if got := row.shares.String(); got != notComparedText || !br.track.Visible() || br.segs[2].Visible() {
		t.Errorf("after ClearFraming: text %q, track shown %v; want %q and the empty track", got, br.track.Visible(), notComparedText)
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
	rowApp(t, theme.VariantLight)
	row := NewDocRow(rowDoc("a.txt", "Outlet A", "Bridge opens", "2024-01-02", 52), true, nil)
	row.SetFraming(framingOf(17, 10, 23, 2))
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
	// A new framing is fitted to the current width at once.
	w.Resize(fyne.NewSize(200, row.MinSize().Height))
	row.SetFraming(framingOf(1, 0, 3, 0))
	if got, want := row.shares.String(), "25% shared · 0% para. · 75% unique"; got != want {
		t.Errorf("new framing at width 200: %q, want %q", got, want)
	}
}

func TestDocRowCompact(t *testing.T) {
	rowApp(t, theme.VariantLight)
	row := NewDocRow(rowDoc("a.txt", "The Very Long Name of an Outlet That Goes On",
		"A headline that is much too long to fit on one line of a narrow sidebar", "2024-01-02", 120), true, nil)
	row.SetFraming(framingOf(17, 10, 23, 0))
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
			rowApp(t, v.variant)
			rows := []*DocRow{
				NewDocRow(rowDoc("a.txt", "Reuters", "Mexico’s top court limits migrant detention to 36 hours", "2024-01-02", 41), true, nil),
				NewDocRow(rowDoc("b.html", "The Associated Press of Somewhere Far Away", "Caravan of 3,000 migrants sets off from Tapachula toward the US border", "", 27), true, nil),
				NewDocRow(rowDoc("notes/c.md", "", "", "2024-01-03", 9), false, nil),
			}
			rows[0].SetFraming(framingOf(14, 8, 19, 2))
			rows[1].SetFraming(framingOf(10, 3, 14, 0))
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

// writePNG saves img at path.
func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
