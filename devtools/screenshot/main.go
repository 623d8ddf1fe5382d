// Command screenshot renders Parallax's main window on the bundled sample
// articles to a PNG through Fyne's software renderer (the headless test
// driver): no display, no OpenGL and no cgo are needed. The README's
// picture is made with it ("make screenshot").
//
// Usage, from the module root:
//
//	go run -tags ci ./devtools/screenshot [-o docs/screenshot.png] [-w 1400] [-h 900]
//	    [-theme dark|light] [-select auto|none|DOC:SENTENCE]
//
// With -select auto (the default) a sentence near the top of an article
// that other articles carry is selected before the capture, so that the picture
// shows its counterparts outlined and the detail panel filled; DOC:SENTENCE
// (both from 1) selects that sentence instead, and none selects nothing.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	ui "parallax/app"
	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
	"parallax/widgets"
)

func main() {
	out := flag.String("o", "docs/screenshot.png", "the PNG file to write")
	width := flag.Int("w", 1400, "window width")
	height := flag.Int("h", 900, "window height")
	variant := flag.String("theme", "dark", "theme variant: dark or light")
	sel := flag.String("select", "auto", "sentence to select first: auto, none, or DOC:SENTENCE (from 1)")
	tab := flag.String("tab", "Detail", "the tab to show below the columns: Detail or \"Framing summary\"")
	flag.Parse()
	if err := run(*out, *width, *height, *variant, *sel, *tab); err != nil {
		fmt.Fprintf(os.Stderr, "screenshot: %v\n", err)
		os.Exit(1)
	}
}

func run(out string, width, height int, variant, sel, tab string) error {
	if variant != "dark" && variant != "light" {
		return fmt.Errorf("unknown theme %q (want dark or light)", variant)
	}
	if width < 200 || height < 200 {
		return fmt.Errorf("window size %dx%d is too small", width, height)
	}
	docs, errs, err := assets.LoadSample()
	if err != nil {
		return err
	}
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		return err
	}

	a := test.NewApp()
	defer a.Quit()
	ui.ApplyTheme(a, variant)
	w := ui.NewWindow(a, docs, res, errs)
	w.Resize(fyne.NewSize(float32(width), float32(height)))

	if sel != "none" {
		d, i, err := pick(sel, docs, res)
		if err != nil {
			return err
		}
		if err := tap(w.Canvas(), docs[d].SentenceText(i)); err != nil {
			return fmt.Errorf("selecting sentence %d:%d: %w", d+1, i+1, err)
		}
	}

	if err := showTab(w.Canvas().Content(), tab); err != nil {
		return err
	}

	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("screenshot: wrote %s (%dx%d, %s theme)\n", out, width, height, variant)
	return nil
}

// pick returns the document and sentence (from 0) to select: the one that
// sel names, or with "auto" the sentence, among the first ones of each
// article (so that it is in view), that the most other articles carry.
func pick(sel string, docs []*corpus.Document, res *compare.Result) (int, int, error) {
	if sel != "auto" {
		ds, is, ok := strings.Cut(sel, ":")
		d, err1 := strconv.Atoi(ds)
		i, err2 := strconv.Atoi(is)
		if !ok || err1 != nil || err2 != nil || d < 1 || d > len(docs) || i < 1 || i > len(docs[d-1].Sentences) {
			return 0, 0, fmt.Errorf("bad -select %q: want auto, none or DOC:SENTENCE within the %d sample articles", sel, len(docs))
		}
		return d - 1, i - 1, nil
	}
	const inView = 8 // sentences from the top of an article
	bestDoc, best, bestDocs := -1, -1, 0
	for d := range docs {
		for i, s := range docs[d].Sentences {
			if i >= inView {
				break
			}
			if s.Headline || s.Boilerplate {
				continue
			}
			others := map[int]bool{}
			for _, li := range res.Sentences[d][i].Links {
				l := res.Links[li]
				others[l.A.Doc] = true
				others[l.B.Doc] = true
			}
			if n := len(others) - 1; n > bestDocs {
				bestDoc, best, bestDocs = d, i, n
			}
		}
	}
	if best < 0 {
		return 0, 0, errors.New("no linked sentence near the top of any article; use -select")
	}
	return bestDoc, best, nil
}

// showTab selects the tab called name in the window's tabs.
func showTab(root fyne.CanvasObject, name string) error {
	var tabs *container.AppTabs
	walk(root, func(o fyne.CanvasObject) {
		if t, ok := o.(*container.AppTabs); ok && tabs == nil {
			tabs = t
		}
	})
	if tabs == nil {
		return errors.New("the window has no tabs")
	}
	for _, it := range tabs.Items {
		if it.Text == name {
			tabs.Select(it)
			return nil
		}
	}
	return fmt.Errorf("no tab %q", name)
}

// walk calls f on o and everything drawn inside it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, ch := range o.Objects {
			walk(ch, f)
		}
	case fyne.Widget:
		for _, ch := range test.WidgetRenderer(o).Objects() {
			walk(ch, f)
		}
	}
}

// tap taps, as a user would, the first sentence drawn on c whose text is
// text.
func tap(c fyne.Canvas, text string) error {
	var found *widgets.FlowText
	span := -1
	walk(c.Content(), func(o fyne.CanvasObject) {
		if f, ok := o.(*widgets.FlowText); ok && found == nil {
			for k, s := range f.Spans {
				if s.Text == text {
					found, span = f, k
					return
				}
			}
		}
	})
	if found == nil {
		return errors.New("sentence not found in the window")
	}
	pos, ok := found.SpanPosition(span)
	if !ok {
		return errors.New("sentence not laid out")
	}
	test.TapAt(found, pos.AddXY(2, 2))
	if found.Spans[span].Emphasis != widgets.EmphasisSelected {
		return errors.New("the tap did not select the sentence")
	}
	return nil
}
