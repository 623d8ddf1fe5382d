package app

import (
	"errors"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/analysis"
	"parallax/compare"
	"parallax/corpus"
	"parallax/widgets"
)

// makeDoc builds a Document from paragraphs given as lists of sentences.
func makeDoc(path, outlet, title, date string, paras ...[]string) *corpus.Document {
	doc := &corpus.Document{Path: path, Outlet: outlet, Title: title, Date: date, Language: "en"}
	var b strings.Builder
	for p, sentences := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		for i, s := range sentences {
			if i > 0 {
				b.WriteString(" ")
			}
			doc.Sentences = append(doc.Sentences, corpus.Sentence{
				Index: len(doc.Sentences), Span: analysis.Span{Start: b.Len(), End: b.Len() + len(s)}, Paragraph: p,
			})
			b.WriteString(s)
		}
		doc.Paragraphs = append(doc.Paragraphs, analysis.Span{Start: start, End: b.Len()})
	}
	doc.Text = b.String()
	return doc
}

// fixture is two small articles: one shared sentence, one paraphrased
// pair, a unique sentence each and a boilerplate line in the first.
func fixture() ([]*corpus.Document, *compare.Result) {
	a := makeDoc("a.txt", "Outlet A", "Bridge opens", "2024-01-02",
		[]string{"The mayor opened the bridge on Monday.", "Crowds cheered loudly."},
		[]string{"It cost 40 million dollars.", "Subscribe to our newsletter."})
	a.Sentences[3].Boilerplate = true
	b := makeDoc("b.txt", "Outlet B", "New bridge", "",
		[]string{"The mayor opened the bridge on Monday."},
		[]string{"The price tag was 40 million dollars.", "Traffic is expected to ease."})
	res := &compare.Result{
		Sentences: [][]compare.SentenceResult{
			{{Status: compare.Shared, Coverage: 2}, {Status: compare.Unique, Coverage: 1},
				{Status: compare.Paraphrased, Coverage: 2}, {Status: compare.Unique, Coverage: 1, Boilerplate: true}},
			{{Status: compare.Shared, Coverage: 2}, {Status: compare.Paraphrased, Coverage: 2},
				{Status: compare.Unique, Coverage: 1}},
		},
		Links: []compare.Link{
			{A: compare.Ref{Doc: 0, Sentence: 0}, B: compare.Ref{Doc: 1, Sentence: 0}, Kind: compare.Shared, Score: 1},
			{A: compare.Ref{Doc: 0, Sentence: 2}, B: compare.Ref{Doc: 1, Sentence: 1}, Kind: compare.Paraphrased, Score: 0.6},
		},
	}
	return []*corpus.Document{a, b}, res
}

// walk calls f on o and everything inside it, through containers, splits
// and scrolls.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, f)
		}
	case *container.Split:
		walk(v.Leading, f)
		walk(v.Trailing, f)
	case *container.Scroll:
		walk(v.Content, f)
	case *widgets.HoverTip:
		walk(v.Content(), f)
	case *container.AppTabs:
		for _, it := range v.Items {
			walk(it.Content, f)
		}
	}
}

// labels returns the labels in the window by text.
func labels(w fyne.Window) map[string]*widget.Label {
	out := map[string]*widget.Label{}
	walk(w.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out[l.Text] = l
		}
	})
	return out
}

// styles returns the style of each one-segment rich text in the window,
// by text.
func styles(w fyne.Window) map[string]widget.RichTextStyle {
	out := map[string]widget.RichTextStyle{}
	walk(w.Content(), func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok && len(rt.Segments) == 1 {
			if seg, ok := rt.Segments[0].(*widget.TextSegment); ok {
				out[seg.Text] = seg.Style
			}
		}
	})
	return out
}

// spans returns, per sentence text, the spans that draw it (one per
// occurrence) in the window's FlowTexts.
func spans(w fyne.Window) map[string][]widgets.Span {
	out := map[string][]widgets.Span{}
	walk(w.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widgets.FlowText); ok {
			for _, sp := range f.Spans {
				out[sp.Text] = append(out[sp.Text], sp)
			}
		}
	})
	return out
}

func TestNewWindow(t *testing.T) {
	a := test.NewTempApp(t)
	docs, res := fixture()
	w := NewWindow(a, docs, res, nil)
	defer w.Close()

	if want := "Parallax — Outlet A, Outlet B"; w.Title() != want {
		t.Errorf("title = %q, want %q", w.Title(), want)
	}

	st := styles(w)
	for _, want := range []string{"Outlet A", "Bridge opens", "2024-01-02", "Outlet B", "New bridge"} {
		if _, ok := st[want]; !ok {
			t.Errorf("no header text %q", want)
		}
	}
	if !st["Outlet A"].TextStyle.Bold {
		t.Error("outlet is not bold")
	}
	sp := spans(w)
	if b := sp["Subscribe to our newsletter."]; len(b) != 1 || b[0].TextColorName != theme.ColorNamePlaceHolder {
		t.Error("boilerplate sentence is not dimmed")
	}
	if o := sp["Crowds cheered loudly."]; len(o) != 1 || o[0].TextColorName != "" || o[0].Bold {
		t.Error("ordinary sentence is missing or not in the body style")
	}
	for text, want := range map[string]color.Color{
		"The mayor opened the bridge on Monday.": sharedFill,
		"It cost 40 million dollars.":            paraphrasedFill,
		"The price tag was 40 million dollars.":  paraphrasedFill,
		"Crowds cheered loudly.":                 uniqueFill,
		"Traffic is expected to ease.":           uniqueFill,
	} {
		got := sp[text]
		if len(got) == 0 {
			t.Errorf("no span for %q", text)
		}
		for _, c := range got {
			if !sameTint(c.Fill, want) {
				t.Errorf("background of %q = %v, want %v", text, c.Fill, want)
			}
		}
	}
	if n := len(sp["The mayor opened the bridge on Monday."]); n != 2 {
		t.Errorf("shared sentence shown %d times, want 2 (once per article)", n)
	}

	summary := "2 articles · 7 sentences = 6 + 1 boilerplate · 2 shared, 2 paraphrased, 2 unique · 2 links (1 shared, 1 paraphrased)"
	if labels(w)[summary] == nil {
		t.Errorf("no status line %q", summary)
	}

	// The window lays out and renders headlessly.
	if img := w.Canvas().Capture(); img.Bounds().Empty() {
		t.Error("window renders to an empty image")
	}
}

func TestStatusErrors(t *testing.T) {
	a := test.NewTempApp(t)
	var errs []*corpus.FileError
	for _, name := range []string{"a.pdf", "b.docx", "c.xyz", "d.txt", "e.txt"} {
		errs = append(errs, &corpus.FileError{Path: name, Err: errors.New("broken")})
	}
	w := NewWindow(a, nil, nil, errs)
	defer w.Close()

	want := "5 files could not be read: a.pdf: broken; b.docx: broken; c.xyz: broken; and 2 more"
	l := labels(w)[want]
	if l == nil {
		t.Fatalf("no error line %q in %v", want, labels(w))
	}
	if l.Importance != widget.DangerImportance {
		t.Error("error line is not highlighted")
	}
	if one := errorText(errs[:1]); one != "1 file could not be read: a.pdf: broken" {
		t.Errorf("errorText(1 error) = %q", one)
	}
}

func TestStatusOfOutOfRange(t *testing.T) {
	docs, res := fixture()
	if k := statusOf(nil, 0, 0); k != compare.Unique {
		t.Errorf("statusOf(nil result) = %q, want unique", k)
	}
	if k := statusOf(res, 0, len(docs[0].Sentences)); k != compare.Unique {
		t.Errorf("statusOf(past the end) = %q, want unique", k)
	}
	if k := statusOf(res, 5, 0); k != compare.Unique {
		t.Errorf("statusOf(unknown document) = %q, want unique", k)
	}
}

// spanIn returns the FlowText and span index that draw an occurrence of text.
func spanIn(t *testing.T, w fyne.Window, text string, occurrence int) (*widgets.FlowText, int) {
	t.Helper()
	n := 0
	var found *widgets.FlowText
	idx := -1
	walk(w.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widgets.FlowText); ok && found == nil {
			for i, sp := range f.Spans {
				if sp.Text == text {
					if n == occurrence {
						found, idx = f, i
					}
					n++
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no span %q (occurrence %d)", text, occurrence)
	}
	return found, idx
}

// detailText is the detail panel's plain text: the first rich text in the
// window that speaks of a sentence (the framing summary comes after it).
func detailText(w fyne.Window) string {
	var out string
	walk(w.Content(), func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok && out == "" && strings.Contains(rt.String(), "sentence") {
			out = rt.String()
		}
	})
	return out
}

func TestSelectSentence(t *testing.T) {
	a := test.NewTempApp(t)
	docs, res := fixture()
	res.Links[1].Evidence = []string{"40", "million", "dollars"}
	res.Links[1].Diff = compare.WordDiff(docs[0].SentenceText(2), docs[1].SentenceText(1))
	res.Sentences[0][2].Links = []int{1}
	res.Sentences[1][1].Links = []int{1}
	w := NewWindow(a, docs, res, nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))

	f, i := spanIn(t, w, "It cost 40 million dollars.", 0)
	f.OnTapped(i)
	if f.Spans[i].Emphasis != widgets.EmphasisSelected {
		t.Errorf("tapped sentence has emphasis %d, want selected", f.Spans[i].Emphasis)
	}
	g, j := spanIn(t, w, "The price tag was 40 million dollars.", 0)
	if g.Spans[j].Emphasis != widgets.EmphasisCounterpart {
		t.Errorf("counterpart has emphasis %d, want counterpart", g.Spans[j].Emphasis)
	}
	d := detailText(w)
	for _, want := range []string{"Outlet A, sentence 3", "Outlet B, sentence 2", "paraphrased", "0.60", "40, million, dollars", "price tag"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail panel %q lacks %q", d, want)
		}
	}
	// Escape clears the selection.
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.Spans[i].Emphasis != widgets.EmphasisNone || g.Spans[j].Emphasis != widgets.EmphasisNone {
		t.Error("Escape left emphasis behind")
	}
	if strings.Contains(detailText(w), "Outlet B") {
		t.Error("Escape did not clear the detail panel")
	}
	// A unique sentence says so.
	u, k := spanIn(t, w, "Crowds cheered loudly.", 0)
	u.OnTapped(k)
	if d := detailText(w); !strings.Contains(d, "unique to Outlet A") {
		t.Errorf("detail for a unique sentence = %q", d)
	}
	// Tapping it again clears.
	u.OnTapped(k)
	if u.Spans[k].Emphasis != widgets.EmphasisNone {
		t.Error("second tap did not clear the selection")
	}
}
