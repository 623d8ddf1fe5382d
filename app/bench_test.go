package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
	"parallax/widgets"
)

// benchView builds a controller on docs with their comparison, in a
// headless window of a desktop size, without showing anything yet.
func benchView(b *testing.B, docs []*corpus.Document) (*Controller, []int, *compare.Result) {
	b.Helper()
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	c := headlessController(b, docs)
	return c, c.included(), res
}

// showAndCheck shows res and fails unless the last sentence of every
// column was laid out (so that the benchmark timed the real work).
func showAndCheck(b *testing.B, c *Controller, idx []int, res *compare.Result) {
	c.show(idx, res)
	for d, doc := range c.view.model.Docs {
		if _, ok := c.view.sentenceY(compare.Ref{Doc: d, Sentence: len(doc.Sentences) - 1}); !ok {
			b.Fatalf("column %d was not laid out", d)
		}
	}
}

// buildAndCheck is showAndCheck with the columns built anew, as for a
// change of articles (the same articles decided again keep theirs).
func buildAndCheck(b *testing.B, c *Controller, idx []int, res *compare.Result) {
	c.view = nil
	showAndCheck(b, c, idx, res)
}

// benchSelect times selecting a linked sentence (its counterparts
// outlined and scrolled to, the detail panel filled) and clearing it.
func benchSelect(b *testing.B, c *Controller) {
	if len(c.res.Links) == 0 {
		b.Fatal("no links to select")
	}
	refs := make([]compare.Ref, 0, len(c.res.Links))
	for _, l := range c.res.Links {
		refs = append(refs, l.A)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r := refs[i%len(refs)]
		c.view.selectRef(&r)
		c.view.selectRef(nil)
	}
}

// BenchmarkBuildSampleView times putting the comparison of the five
// sample articles on screen: columns, flowing paragraphs laid out, overview
// strips, sidebar and framing summary.
func BenchmarkBuildSampleView(b *testing.B) {
	docs, _, err := assets.LoadSample()
	if err != nil {
		b.Fatal(err)
	}
	c, idx, res := benchView(b, docs)
	for b.Loop() {
		buildAndCheck(b, c, idx, res)
	}
}

// BenchmarkBuildSampleViewCold is BenchmarkBuildSampleView with no word
// measured yet, as when the app first shows the sample.
func BenchmarkBuildSampleViewCold(b *testing.B) {
	docs, _, err := assets.LoadSample()
	if err != nil {
		b.Fatal(err)
	}
	c, idx, res := benchView(b, docs)
	for b.Loop() {
		b.StopTimer()
		widgets.ForgetWordWidths()
		b.StartTimer()
		buildAndCheck(b, c, idx, res)
	}
}

// BenchmarkSelectSampleSentence times selecting a sentence of the sample.
func BenchmarkSelectSampleSentence(b *testing.B) {
	docs, _, err := assets.LoadSample()
	if err != nil {
		b.Fatal(err)
	}
	c, idx, res := benchView(b, docs)
	showAndCheck(b, c, idx, res)
	benchSelect(b, c)
}

// longArticles makes n articles of about words words each from the sample's
// sentences, shuffled and thinned differently for each, four sentences to
// a paragraph, so that they share much of their text in other orders.
func longArticles(b *testing.B, n, words int) []*corpus.Document {
	b.Helper()
	sample, _, err := assets.LoadSample()
	if err != nil {
		b.Fatal(err)
	}
	var pool []string
	for _, d := range sample {
		for i, s := range d.Sentences {
			if !s.Headline && !s.Boilerplate {
				pool = append(pool, d.SentenceText(i))
			}
		}
	}
	docs := make([]*corpus.Document, n)
	for k := range docs {
		rng := rand.New(rand.NewPCG(uint64(k), 7))
		var sb strings.Builder
		fmt.Fprintf(&sb, "Long article %d\n\n", k+1)
		count, inPara := 0, 0
		for count < words {
			s := pool[rng.IntN(len(pool))]
			if rng.IntN(10) < 3 {
				continue // thinned: each article leaves out other sentences
			}
			sb.WriteString(s)
			count += len(strings.Fields(s))
			if inPara++; inPara == 4 {
				sb.WriteString("\n\n")
				inPara = 0
			} else {
				sb.WriteByte(' ')
			}
		}
		docs[k] = corpus.FromText(fmt.Sprintf("long-%d.txt", k+1), sb.String())
	}
	return docs
}

// BenchmarkEightLongColumns times the viewer on eight articles of 5,000
// words each: a comparison (recompute); what the viewer runs on a change
// of articles (analyze: the comparison measured for every sensitivity,
// then decided at one, with near misses) and on a move of the sensitivity
// dial (sensitivity: the kept analysis decided again and shown); building the view,
// selecting a sentence, and a synchronised scroll step, which must all
// stay interactive.
func BenchmarkEightLongColumns(b *testing.B) {
	docs := longArticles(b, 8, 5000)
	c, idx, res := benchView(b, docs)
	b.Run("recompute", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := compare.Compare(context.Background(), docs, compare.DefaultOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("analyze", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			an, err := compare.Analyze(context.Background(), docs)
			if err == nil {
				_, err = an.Result(context.Background(), compare.Options{Sensitivity: compare.DefaultSensitivity, Closest: true})
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sensitivity", func(b *testing.B) {
		// One step of the dial as the viewer takes it: the kept analysis
		// decided again, the figure conflicts found, the columns shown.
		an, err := compare.Analyze(context.Background(), docs)
		if err != nil {
			b.Fatal(err)
		}
		figs := framing.NewFigureIndex(docs)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			res, err := an.Result(context.Background(), compare.Options{Sensitivity: 0.4 + 0.2*float64(i%3), Closest: true})
			if err != nil {
				b.Fatal(err)
			}
			c.conflicts, c.conflictsFor = figs.LinkConflicts(res), res
			showAndCheck(b, c, idx, res)
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			buildAndCheck(b, c, idx, res)
		}
	})
	b.Run("select", func(b *testing.B) {
		benchSelect(b, c)
	})
	b.Run("syncscroll", func(b *testing.B) {
		c.view.sync = true
		sc := c.view.scrolls[0]
		down := &fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -120}}
		for b.Loop() {
			before := sc.Offset.Y
			sc.Scrolled(down) // as the mouse wheel: the seven others follow
			if sc.Offset.Y == before {
				sc.ScrollToOffset(fyne.Position{}) // the end: start again
			}
		}
	})
}
