package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/report"
)

// TestFramingViewOnSample: the framing tab shows, per outlet, its lead,
// what it left out, its sources and its distinctive names, numbers and
// terms, the word choices, the charts and the quote ledger; a long list
// opens in full on "show all".
func TestFramingViewOnSample(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	c.tabs.SelectIndex(framingTab)
	text := c.framing.String()
	for _, want := range []string{"Left out here (", "Only here (", "Quotes: ", "Mayorkas", "Names without quoting: ",
		"Distinctive names: ", "Distinctive numbers: ", "Distinctive terms: ", "Word choices", "Conflicting figures", "Common core", "Prominence"} {
		if !strings.Contains(text, want) {
			t.Errorf("framing view lacks %q", want)
		}
	}
	if len(c.framingTop.Objects) == 0 || len(c.framingTables.Objects) == 0 {
		t.Fatal("no charts or tables in the framing view")
	}
	// The leads grid above shows every outlet's lead.
	leads := 0
	walk(c.framingTop, func(o fyne.CanvasObject) {
		rt, ok := o.(*widget.RichText)
		if !ok {
			return
		}
		for _, seg := range rt.Segments {
			if p, ok := seg.(*widget.ParagraphSegment); ok && strings.Contains(p.Texts[1].(*widget.TextSegment).Text, "(paraphrased, 3 of 5)") {
				leads++
			}
		}
	})
	if leads != 4 {
		t.Errorf("%d leads with a sentence three articles carry, want 4", leads)
	}
	// The ledger lists the Mayorkas quote as a link that reveals it.
	var found *widget.Hyperlink
	walk(c.framingTables, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && strings.Contains(h.Text, "regional challenge") {
			found = h
		}
	})
	if found == nil {
		t.Fatal("the quote ledger lacks the Mayorkas quote")
	}
	found.OnTapped()
	// It selects the first outlet's sentence that carries the quote: the
	// quote itself or a sentence linked to it.
	quoteOrLinked := func(r compare.Ref) bool {
		has := func(r compare.Ref) bool {
			return strings.Contains(c.view.model.Docs[r.Doc].SentenceText(r.Sentence), "regional challenge")
		}
		if has(r) {
			return true
		}
		for _, li := range c.view.model.Res.Sentences[r.Doc][r.Sentence].Links {
			if l := c.view.model.Res.Links[li]; has(l.A) || has(l.B) {
				return true
			}
		}
		return false
	}
	if r := c.view.selected; r == nil || !quoteOrLinked(*r) {
		t.Errorf("the ledger's link selected %v", c.view.selected)
	}
	// "show all" opens a long list.
	var more *widget.HyperlinkSegment
	for _, s := range c.framing.Segments {
		if l, ok := s.(*widget.ListSegment); ok {
			for _, it := range l.Items {
				if h, ok := it.(*widget.HyperlinkSegment); ok && strings.HasPrefix(h.Text, "show all") && more == nil {
					more = h
				}
			}
		}
	}
	if more == nil {
		t.Fatal("no long list is collapsed")
	}
	items := func() int {
		n := 0
		for _, s := range c.framing.Segments {
			if l, ok := s.(*widget.ListSegment); ok {
				n += len(l.Items)
			}
		}
		return n
	}
	before := items()
	more.OnTapped()
	if items() <= before || len(c.framingAll) != 1 {
		t.Errorf("show all did not open the list: %d items, then %d", before, items())
	}
}

func TestStepConflict(t *testing.T) {
	a := corpus.FromText("a.txt", "Border agents encountered 5,000 migrants near El Paso on Tuesday morning.\n\nThe governor of Texas announced new razor wire along the river banks.")
	b := corpus.FromText("b.txt", "Border agents encountered 3,000 migrants near El Paso on Tuesday morning.\n\nThe governor of Texas announced new razor wire along the river banks.")
	c, _ := newTestController(t, []*corpus.Document{a, b})
	if !c.StepConflict(1) {
		t.Fatal("no conflict found")
	}
	if r := c.view.selected; r == nil || r.Sentence != 0 || !strings.Contains(c.status.Text, "5,000 migrants") {
		t.Errorf("selected %v, status %q", c.view.selected, c.status.Text)
	}
	if d := c.view.detailPlainText(); !strings.Contains(d, "⚠ Figures conflict: 5,000 migrants in a, 3,000 migrants in b") {
		t.Errorf("the detail panel does not show the conflict:\n%s", d)
	}
	// The conflicting sentences carry their marker in the columns.
	if sp := c.view.span(0, 0); !sp.Bold || !sp.Italic {
		t.Errorf("no conflict marker: %+v", sp)
	}
	if sp := c.view.span(0, 1); sp.Italic {
		t.Error("a sentence without conflict is marked")
	}
	c.StepConflict(-1)
	if c.conflictPos != 1 {
		t.Errorf("stepping back from the only conflict went to %d", c.conflictPos)
	}
}

func TestExportToFile(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	dir := t.TempDir()
	path := filepath.Join(dir, "r.html")
	asked := 0
	no := func(string, func(bool)) { t.Error("asked before writing a new file") }
	var got error
	c.ExportTo(path, no, func(err error) { got = err })
	if got != nil {
		t.Fatal(got)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "Quote ledger") {
		t.Fatalf("exported %.80q", b)
	}
	// An existing file is replaced only when the user agrees.
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ExportTo(path, func(_ string, answer func(bool)) { asked++; answer(false) }, func(err error) { got = err })
	if b, _ := os.ReadFile(path); string(b) != "keep me" || asked != 1 || got != ErrNotReplaced {
		t.Errorf("a refused replace wrote %q (asked %d, outcome %v)", b, asked, got)
	}
	c.ExportTo(path, func(_ string, answer func(bool)) { asked++; answer(true) }, func(err error) { got = err })
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "<!DOCTYPE html>") || got != nil {
		t.Errorf("an agreed replace gave %.40q, %v", b, got)
	}
	// Every format, by the extension.
	for _, ext := range []string{".md", ".csv", ".json", ".txt"} {
		p := filepath.Join(dir, "r"+ext)
		c.ExportTo(p, no, func(err error) { got = err })
		if _, err := os.Stat(p); err != nil || got != nil {
			t.Errorf("%s: %v %v", ext, err, got)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
	if report.FormatOf(path) != "html" {
		t.Error("FormatOf")
	}
}

func TestExportNeverOverArticlesNorAmongThem(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	other := filepath.Join(dir, "b.txt")
	for _, p := range []string{article, other} {
		if err := os.WriteFile(p, []byte("The council approved the new budget of 4 million euros on Monday. Residents protested outside the hall."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs := []*corpus.Document{corpus.FromText(article, "The council approved the new budget of 4 million euros on Monday. Residents protested outside the hall."),
		corpus.FromText(other, "On Monday the council approved a budget of 4 million euros. The mayor was absent.")}
	c, _ := newTestController(t, docs)
	var got error
	c.ExportTo(article, func(_ string, answer func(bool)) { answer(true) }, func(err error) { got = err })
	if got == nil {
		t.Error("exporting over an article succeeded")
	}
	if b, _ := os.ReadFile(article); !strings.HasPrefix(string(b), "The council") {
		t.Error("the article changed")
	}
	// The dialog starts outside the articles' folder, even when the last
	// export went there.
	c.app.Preferences().SetString(prefExportDir, dir)
	if start := c.exportStartDir(); c.insideArticles(start) || start == dir {
		t.Errorf("export starts in %s, among the articles", start)
	}
	c.exportDialog() // opens without a panic
}
