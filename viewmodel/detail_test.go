package viewmodel

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// copyGolden is the Copy Comparison text of every sentence of the sample;
// app's test of Copy Comparison reads it too.
const copyGolden = "testdata/copy-comparison.golden"

// sampleView is the view of the bundled sample as the window compares it:
// at the default sensitivity, with the closest candidates and the figure
// conflicts.
func sampleView(t *testing.T) *View {
	t.Helper()
	docs, _, err := assets.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	return viewOf(t, docs)
}

// viewOf is the view of docs compared as the window compares them.
func viewOf(t *testing.T, docs []*corpus.Document) *View {
	t.Helper()
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.DefaultSensitivity, Closest: true})
	if err != nil {
		t.Fatal(err)
	}
	return New(docs, res, framing.LinkConflicts(docs, res))
}

// TestPlainTextGolden prints the detail of every sentence of the sample,
// the related words hidden and then shown, against the golden.
func TestPlainTextGolden(t *testing.T) {
	v := sampleView(t)
	var b strings.Builder
	for _, related := range []bool{false, true} {
		for d, doc := range v.Docs {
			for i := range doc.Sentences {
				r := compare.Ref{Doc: d, Sentence: i}
				fmt.Fprintf(&b, "=== document %d, sentence %d, related words shown: %v\n%s", d+1, i+1, related,
					v.Detail(r, DetailOptions{ShowRelated: related, Corrections: true}).PlainText())
			}
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(copyGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(copyGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the plain text differs from %s; run with -update to see how", copyGolden)
	}
}

// twoDocs are two short articles: a shared first sentence, a figure that
// disagrees, and a unique last sentence in b.
func twoDocs(t *testing.T) *View {
	t.Helper()
	a := corpus.FromText("a.txt", "Border agents encountered 5,000 migrants near El Paso on Tuesday morning.\n\nThe governor of Texas announced new razor wire along the river banks.")
	b := corpus.FromText("b.txt", "Border agents encountered 3,000 migrants near El Paso on Tuesday morning.\n\nThe governor of Texas announced new razor wire along the river banks.\n\nA reporter asked the mayor about the budget of the city library.")
	return viewOf(t, []*corpus.Document{a, b})
}

func TestDetail(t *testing.T) {
	v := twoDocs(t)
	for _, tc := range []struct {
		name        string
		r           compare.Ref
		opts        DetailOptions
		want, never []string
		actions     int
	}{
		{"conflicting figures", compare.Ref{Doc: 0, Sentence: 0}, DetailOptions{Corrections: true},
			[]string{"a, sentence 1 (", "carried by 2 of 2 articles", DiffHintPlain, "b, sentence 1 — ",
				FigureWarning + "5,000 migrants in a, 3,000 migrants in b", "[-5,000] [+3,000]"}, nil, 3},
		{"seen from b", compare.Ref{Doc: 1, Sentence: 0}, DetailOptions{},
			[]string{"b, sentence 1 (", "a, sentence 1 — ", "[-3,000] [+5,000]"}, []string{ActionGap}, 0},
		{"unique", compare.Ref{Doc: 1, Sentence: 2}, DetailOptions{Corrections: true},
			[]string{"carried by 1 of 2 articles", "No other article carries this sentence: it is unique to b."}, []string{DiffHintPlain}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := v.Detail(tc.r, tc.opts)
			text := d.PlainText()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.never {
				if strings.Contains(text, w) {
					t.Errorf("has %q:\n%s", w, text)
				}
			}
			if len(d.Actions) != tc.actions {
				t.Errorf("%d actions, want %d: %+v", len(d.Actions), tc.actions, d.Actions)
			}
		})
	}
}

func TestCounterpartToggle(t *testing.T) {
	for _, tc := range []struct {
		c    Counterpart
		want string
	}{
		{Counterpart{}, ""},
		{Counterpart{Related: 1}, "show 1 related word"},
		{Counterpart{Related: 3}, "show 3 related words"},
		{Counterpart{Related: 3, RelatedShown: true}, "hide related words"},
	} {
		if got := tc.c.Toggle(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
}
