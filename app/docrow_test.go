package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"parallax/compare"
	"parallax/corpus"
)

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

func TestDocRowText(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name                string
		doc                 *corpus.Document
		outlet, title, meta string
		untitled            bool
	}{
		{"full", rowDoc("/x/a.txt", "Outlet A", "Bridge opens", "2024-01-02", 12),
			"Outlet A", "Bridge opens", "2024-01-02 · 12 sentences", false},
		{"no date, one sentence", rowDoc("/x/b.txt", "Outlet B", "New bridge", "", 1),
			"Outlet B", "New bridge", "1 sentence", false},
		{"no title: file name", rowDoc("/x/c.md", "Outlet C", "", "2024-03-04", 0),
			"Outlet C", "c.md", "2024-03-04 · 0 sentences", true},
		{"no title, no outlet", rowDoc("/x/d.html", "", "", "", 2),
			"d.html", "untitled", "2 sentences", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := docRowContent(tt.doc)
			if c.Untitled != tt.untitled {
				t.Errorf("untitled %v, want %v", c.Untitled, tt.untitled)
			}
			want := [4]string{tt.outlet, tt.title, tt.meta, notComparedText}
			if got := NewDocRow(tt.doc, true, nil).row.Lines(); got != want {
				t.Errorf("lines %q, want %q", got, want)
			}
		})
	}
}

// TestDocRowSetFraming checks the share line of a framing, and of none.
func TestDocRowSetFraming(t *testing.T) {
	test.NewTempApp(t)
	row := NewDocRow(rowDoc("a.txt", "Outlet A", "Bridge opens", "2024-01-02", 52), true, nil)
	tests := []struct {
		name string
		f    compare.Framing
		text string
	}{
		{"34/20/46", framingOf(17, 10, 23, 2), "34% shared · 20% paraphrased · 46% unique"},
		{"all unique", framingOf(0, 0, 5, 0), "0% shared · 0% paraphrased · 100% unique"},
		{"thirds", framingOf(1, 1, 1, 0), "34% shared · 33% paraphrased · 33% unique"},
		{"no shared", framingOf(0, 3, 1, 0), "0% shared · 75% paraphrased · 25% unique"},
		{"only boilerplate", framingOf(0, 0, 0, 4), noReportingText},
	}
	for _, tt := range tests {
		row.SetFraming(tt.f)
		if got := row.row.Lines()[3]; got != tt.text {
			t.Errorf("%s: share line %q, want %q", tt.name, got, tt.text)
		}
	}
	row.ClearFraming()
	if got := row.row.Lines()[3]; got != notComparedText {
		t.Errorf("after ClearFraming: %q, want %q", got, notComparedText)
	}
	if got, want := sharesTexts(17, 10, 23), []string{"34% shared · 20% paraphrased · 46% unique",
		"34% shared · 20% para. · 46% unique", "34 · 20 · 46%"}; !slices.Equal(got, want) {
		t.Errorf("share texts %q, want %q", got, want)
	}
}
