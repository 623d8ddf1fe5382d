package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
)

// maxOnlyHere is how many of an outlet's own sentences the framing
// summary lists; the rest are counted.
const maxOnlyHere = 40

// maxQuote is the longest sentence, in runes, the framing summary quotes in
// full; longer ones are cut at a word.
const maxQuote = 160

// framingHint is the framing summary's text while there is no comparison.
const framingHint = "Open two or more articles to see how each outlet frames the story."

// framingSegments writes the framing summary of a comparison: per outlet,
// the shares of its sentences that are shared, paraphrased and unique, how
// many of the articles carry each of its sentences, and the sentences only
// it carries, each a link that reveal shows in its column.
func framingSegments(docs []*corpus.Document, res *compare.Result, reveal func(compare.Ref)) []widget.RichTextSegment {
	if res == nil || len(docs) < 2 || len(res.Sentences) != len(docs) {
		return []widget.RichTextSegment{&widget.TextSegment{Text: framingHint, Style: dimStyle}}
	}
	n := len(docs)
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: dimStyle, Text: fmt.Sprintf(
		"How each of the %d articles tells the story: what it shares word for word, what it rewords, and what only it carries. Click a sentence to find it in its column.", n)}}
	for _, f := range res.Framings() {
		doc := docs[f.Doc]
		segs = append(segs,
			&widget.TextSegment{Text: outletName(doc), Style: boldInline},
			&widget.TextSegment{Text: titleSuffix(doc), Style: widget.RichTextStyle{}},
			&widget.TextSegment{Text: sharesLine(f)},
			&widget.TextSegment{Text: carriedLine(f, n), Style: dimStyle},
			&widget.TextSegment{Text: carriedInLine(f, docs), Style: dimStyle},
		)
		if len(f.OnlyHere) == 0 {
			segs = append(segs, &widget.TextSegment{Text: "Nothing only here: every sentence is carried by another article.", Style: dimStyle})
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: fmt.Sprintf("Only here (%d):", len(f.OnlyHere)), Style: boldInline},
			&widget.TextSegment{})
		var items []widget.RichTextSegment
		for k, i := range f.OnlyHere {
			if k == maxOnlyHere {
				items = append(items, &widget.TextSegment{Text: fmt.Sprintf("… and %d more", len(f.OnlyHere)-k), Style: dimStyle})
				break
			}
			ref := compare.Ref{Doc: f.Doc, Sentence: i}
			items = append(items, &widget.HyperlinkSegment{Text: quote(doc.SentenceText(i)), OnTapped: func() { reveal(ref) }})
		}
		segs = append(segs, &widget.ListSegment{Items: items})
	}
	return segs
}

// titleSuffix is " — title" when the document has a title, else "".
func titleSuffix(doc *corpus.Document) string {
	if doc.Title == "" {
		return ""
	}
	return " — " + doc.Title
}

// sharesLine is a framing's sentence count and shares.
func sharesLine(f compare.Framing) string {
	p := percents([]float64{f.SharedShare, f.ParaphrasedShare, f.UniqueShare})
	line := fmt.Sprintf("%d sentences: %d%% shared · %d%% paraphrased · %d%% unique", f.Sentences-f.Boilerplate, p[0], p[1], p[2])
	if f.Boilerplate > 0 {
		line += fmt.Sprintf(" (and %d of boilerplate)", f.Boilerplate)
	}
	return line
}

// carriedLine says how many of the outlet's sentences are carried by how
// many of the n articles: "Carried by 1 of 5: 16 · 2 of 5: 3".
func carriedLine(f compare.Framing, n int) string {
	var parts []string
	for k := 1; k < len(f.Histogram); k++ {
		if f.Histogram[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d of %d: %d", k, n, f.Histogram[k]))
		}
	}
	if len(parts) == 0 {
		return "No sentences of reporting."
	}
	return "Sentences carried by " + strings.Join(parts, " · ")
}

// carriedInLine says which other articles carry how much of the outlet's
// reporting, most first: "Its sentences are also in: B 47% · C 9%".
func carriedInLine(f compare.Framing, docs []*corpus.Document) string {
	reporting := f.Sentences - f.Boilerplate
	others := make([]int, 0, len(docs))
	for e, n := range f.CarriedIn {
		if n > 0 && e != f.Doc {
			others = append(others, e)
		}
	}
	if reporting == 0 || len(others) == 0 {
		return "No other article carries any of its sentences."
	}
	slices.SortStableFunc(others, func(x, y int) int { return f.CarriedIn[y] - f.CarriedIn[x] })
	parts := make([]string, len(others))
	for k, e := range others {
		parts[k] = fmt.Sprintf("%s %d%%", outletName(docs[e]), (100*f.CarriedIn[e]+reporting/2)/reporting)
	}
	return "Its sentences are also in: " + strings.Join(parts, " · ")
}

// quote shortens a sentence to at most maxQuote runes, at a word.
func quote(s string) string {
	r := []rune(s)
	if len(r) <= maxQuote {
		return s
	}
	cut := string(r[:maxQuote])
	if i := strings.LastIndexByte(cut, ' '); i > maxQuote/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
