package app

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/viewmodel"
)

// TestDiffColoursContrast checks every colour of the word diff against the
// detail panel's background in both themes: WCAG AA asks 4.5:1 of text.
func TestDiffColoursContrast(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := theme.DefaultTheme()
		bg := th.Color(theme.ColorNameBackground, v)
		ins, del := diffColors(bg)
		for name, c := range map[string]color.Color{"inserted": ins, "deleted": del,
			"common": th.Color(theme.ColorNameForeground, v)} {
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("variant %d: %s words %v on %v have contrast %.2f, want ≥ 4.5", v, name, c, bg, r)
			}
		}
	}
	if r := contrast(color.White, color.Black); r < 20.9 || r > 21.1 {
		t.Errorf("contrast(white, black) = %.2f, want 21", r)
	}
}

// TestDiffViewDraws checks the view's two lines: common words level in the
// same column, deleted words struck through above, inserted underlined
// below, and rows wrapped to the width.
func TestDiffViewDraws(t *testing.T) {
	test.NewTempApp(t)
	cells := []viewmodel.Cell{{Kind: viewmodel.CellEqual, Top: "Migrants", Bottom: "Migrants"},
		{Kind: viewmodel.CellReplace, Top: "record numbers,", Bottom: "December,"},
		{Kind: viewmodel.CellDelete, Top: "today"}, {Kind: viewmodel.CellInsert, Bottom: "officials"}}
	v := newDiffView(cells)
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 200))
	texts := map[string]*canvas.Text{}
	for _, o := range test.TempWidgetRenderer(t, v).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts[tx.Text+map[bool]string{true: "/up", false: "/down"}[tx.Position().Y < 5]] = tx
		}
	}
	up, down := texts["Migrants/up"], texts["Migrants/down"]
	if up == nil || down == nil || up.Position().X != down.Position().X || down.Position().Y <= up.Position().Y {
		t.Fatalf("common word not in one column on two lines: %v", texts)
	}
	if d := texts["record numbers,/up"]; d == nil || !d.TextStyle.Strikethrough {
		t.Error("deleted words are not struck through on the upper line")
	}
	if i := texts["December,/down"]; i == nil || !i.TextStyle.Underline || texts["record numbers,/up"].Position().X != i.Position().X {
		t.Error("inserted words are not underlined below the words they replace")
	}
	if i := texts["officials/down"]; i == nil || !i.TextStyle.Underline {
		t.Error("an insertion is not underlined on the lower line")
	}
	one := v.MinSize().Height
	v.Resize(fyne.NewSize(90, one))
	if v.MinSize().Height <= one {
		t.Errorf("narrow, the view is %v high, as wide %v: it does not wrap", v.MinSize().Height, one)
	}
}

// TestRelatedWordsHidden checks that related words that are not synonyms
// in context are hidden until the analyst asks for them.
func TestRelatedWordsHidden(t *testing.T) {
	a := "Mexico's court ruled on Monday, the minister said."
	b := "The Mexican court ruled on Monday, the minister stated."
	l := compare.Link{A: compare.Ref{Doc: 0}, B: compare.Ref{Doc: 1}, Diff: compare.WordDiff(a, b),
		Evidence: []string{"court", "ruled", "mexico's~mexican", "monday~day"}}
	docs, res := fixture()
	res.Links[1].Evidence, res.Links[1].Diff = l.Evidence, l.Diff
	res.Sentences[0][2].Links, res.Sentences[1][1].Links = []int{1}, []int{1}
	c := headlessController(t, docs)
	c.show([]int{0, 1}, res)
	c.view.selectRef(&res.Links[1].A)
	if d := c.view.detail.String(); strings.Contains(d, "monday~day") || !strings.Contains(d, "show 1 related word") ||
		!strings.Contains(d, "same meaning here: mexico's~mexican") {
		t.Errorf("related words shown unasked:\n%s", d)
	}
	toggleRelated(t, c)
	if d := c.view.detail.String(); !strings.Contains(d, "monday~day") || !strings.Contains(d, "hide related words") {
		t.Errorf("related words not shown when asked:\n%s", d)
	}
	// The choice holds for the next comparison.
	c.show([]int{0, 1}, res)
	c.view.selectRef(&res.Links[1].A)
	if !strings.Contains(c.view.detail.String(), "monday~day") {
		t.Error("the related words are hidden again after a new comparison")
	}
}

// toggleRelated taps the detail panel's related-words link.
func toggleRelated(t *testing.T, c *Controller) {
	t.Helper()
	for _, s := range c.view.detail.Segments {
		if h, ok := s.(*widget.HyperlinkSegment); ok && strings.Contains(h.Text, "related word") {
			h.OnTapped()
			return
		}
	}
	t.Fatal("no related-words link in the detail panel")
}
