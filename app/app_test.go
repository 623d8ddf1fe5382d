package app

import (
	"errors"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
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
				Index: len(doc.Sentences), Start: b.Len(), End: b.Len() + len(s), Paragraph: p,
			})
			b.WriteString(s)
		}
		doc.Paragraphs = append(doc.Paragraphs, corpus.Span{Start: start, End: b.Len()})
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
				{Status: compare.Paraphrased, Coverage: 2}, {Status: compare.Unique, Coverage: 1}},
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

// backgrounds returns, per sentence text, the colours of the rectangles
// stacked behind the sentence's text (one per occurrence).
func backgrounds(w fyne.Window) map[string][]color.Color {
	out := map[string][]color.Color{}
	walk(w.Content(), func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return
		}
		bg, ok1 := c.Objects[0].(*canvas.Rectangle)
		rt, ok2 := c.Objects[1].(*widget.RichText)
		if ok1 && ok2 {
			out[rt.String()] = append(out[rt.String()], bg.FillColor)
		}
	})
	return out
}

func TestNewWindow(t *testing.T) {
	a := test.NewTempApp(t)
	docs, res := fixture()
	w := NewWindow(a, docs, res, nil)
	defer w.Close()

	if w.Title() != "Parallax" {
		t.Errorf("title = %q, want Parallax", w.Title())
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
	if st["Subscribe to our newsletter."] != dimStyle {
		t.Error("boilerplate sentence is not dimmed")
	}
	if s, ok := st["Crowds cheered loudly."]; !ok || s != bodyStyle {
		t.Error("ordinary sentence is missing or not in the body style")
	}

	bgs := backgrounds(w)
	for text, want := range map[string]color.Color{
		"The mayor opened the bridge on Monday.": sharedFill,
		"It cost 40 million dollars.":            paraphrasedFill,
		"The price tag was 40 million dollars.":  paraphrasedFill,
		"Crowds cheered loudly.":                 uniqueFill,
		"Traffic is expected to ease.":           uniqueFill,
	} {
		got := bgs[text]
		if len(got) == 0 {
			t.Errorf("no sentence cell for %q", text)
		}
		for _, c := range got {
			if c != want {
				t.Errorf("background of %q = %v, want %v", text, c, want)
			}
		}
	}
	if n := len(bgs["The mayor opened the bridge on Monday."]); n != 2 {
		t.Errorf("shared sentence shown %d times, want 2 (once per article)", n)
	}

	summary := "2 articles, 7 sentences: 2 shared, 2 paraphrased, 3 unique"
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
