package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
	"parallax/report"
)

// maxQuote is the longest sentence, in runes, the framing summary quotes in
// full; longer ones are cut at a word.
const maxQuote = 160

// framingHint is the framing summary's text while there is no comparison.
const framingHint = "Open two or more articles to see how each outlet frames the story."

// framingShown is how many entries of a long framing list are shown
// until "show all" is tapped.
const framingShown = 5

// framingLists remembers which of the framing summary's long lists are
// shown in full, by a key naming the list ("3/left", "quotes").
type framingLists map[string]bool

// framingSegments writes the framing summary of a comparison: per outlet,
// the shares of its sentences that are shared, paraphrased and unique, how
// many of the articles carry each of its sentences (its lead is in the
// leads grid above), what it leaves out of what the others carry, the sentences only it carries, whom
// it quotes and names, and its distinctive names, numbers and terms; then
// the claims every article carries, the biggest moves in prominence, the
// conflicting figures and the word choices. Every sentence is a link that
// reveal shows in its column; long lists show framingShown entries and a
// "show all" link that calls expand with the list's key.
func framingSegments(docs []*corpus.Document, res *compare.Result, fa *framing.Analysis, all framingLists,
	reveal func(compare.Ref), expand func(key string)) []widget.RichTextSegment {
	if res == nil || len(docs) < 2 || len(res.Sentences) != len(docs) {
		return []widget.RichTextSegment{&widget.TextSegment{Text: framingHint, Style: dimStyle}}
	}
	if fa == nil {
		fa = framing.Analyze(docs, res)
	}
	n := len(docs)
	link := func(r compare.Ref) widget.RichTextSegment {
		return &widget.HyperlinkSegment{Text: quote(docs[r.Doc].SentenceText(r.Sentence)), OnTapped: func() { reveal(r) }}
	}
	// list appends a list of items, collapsed to framingShown unless shown
	// in full, with a "show all" link.
	list := func(segs []widget.RichTextSegment, key string, items []widget.RichTextSegment) []widget.RichTextSegment {
		if len(items) > framingShown && !all[key] {
			rest := len(items) - framingShown
			items = append(items[:framingShown:framingShown], &widget.HyperlinkSegment{
				Text: fmt.Sprintf("show all (%d more)", rest), OnTapped: func() { expand(key) }})
		}
		return append(segs, &widget.ListSegment{Items: items})
	}
	// section appends items under their heading as a list, or only the
	// dimmed empty text when there are none.
	section := func(segs []widget.RichTextSegment, key, empty, heading string, items []widget.RichTextSegment) []widget.RichTextSegment {
		if len(items) == 0 {
			return append(segs, &widget.TextSegment{Text: empty, Style: dimStyle})
		}
		segs = append(segs, &widget.TextSegment{Text: heading, Style: boldInline}, &widget.TextSegment{})
		return list(segs, key, items)
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: dimStyle, Text: fmt.Sprintf(
		"How each of the %d articles tells the story: what it shares word for word, what it rewords, what it leads with, what it leaves out, whom it quotes, and what only it carries. Click a sentence to find it in its column.", n)},
		&widget.TextSegment{Text: "In all: " + report.Count(res).String()}}
	framings := res.Framings()
	for d, f := range framings {
		doc := docs[f.Doc]
		o := fa.Outlets[d]
		segs = append(segs,
			&widget.TextSegment{Text: fmt.Sprintf("%d. %s", d+1, outletName(doc)), Style: headingStyle},
			&widget.TextSegment{Text: strings.TrimPrefix(titleSuffix(doc), " — "), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: report.FramingText(f)},
			&widget.TextSegment{Text: carriedLine(f, n), Style: dimStyle},
			&widget.TextSegment{Text: carriedInLine(f, docs), Style: dimStyle},
		)
		{
			var items []widget.RichTextSegment
			for _, ci := range o.LeftOut {
				items = append(items, link(firstRef(fa.Claims[ci].Refs)))
			}
			segs = section(segs, fmt.Sprintf("%d/left", d), "Left out here: nothing that half of the others carry.", fmt.Sprintf("Left out here (%d, carried by at least half of the others):", len(o.LeftOut)), items)
		}
		{
			var items []widget.RichTextSegment
			for _, i := range f.OnlyHere {
				items = append(items, link(compare.Ref{Doc: f.Doc, Sentence: i}))
			}
			segs = section(segs, fmt.Sprintf("%d/only", d), "Nothing only here: every sentence is carried by another article.", fmt.Sprintf("Only here (%d):", len(f.OnlyHere)), items)
		}
		segs = append(segs,
			&widget.TextSegment{Text: "Quotes: " + sourcesLine(o.Quoted, true)},
			&widget.TextSegment{Text: "Names without quoting: " + sourcesLine(o.Mentioned, false), Style: dimStyle},
			&widget.TextSegment{Text: "Distinctive names: " + joinOr(o.DistinctiveNames)},
			&widget.TextSegment{Text: "Distinctive numbers: " + joinOr(o.DistinctiveNumbers)},
			&widget.TextSegment{Text: "Distinctive terms: " + joinOr(o.DistinctiveTerms)},
		)
	}
	segs = append(segs, &widget.TextSegment{Text: "Across the outlets", Style: headingStyle})
	{
		var items []widget.RichTextSegment
		for _, ci := range fa.CommonCore {
			items = append(items, link(firstRef(fa.Claims[ci].Refs)))
		}
		segs = section(segs, "core", "Common core: no claim is carried by every article.", fmt.Sprintf("Common core (%d claims every article carries):", len(fa.CommonCore)), items)
	}
	{
		var items []widget.RichTextSegment
		for _, m := range fa.Moves {
			cl := fa.Claims[m.Claim]
			items = append(items, link(*cl.Refs[m.Early]), &widget.TextSegment{Style: dimStyle, Text: fmt.Sprintf(
				"  leads in %s, %d%% further down in %s", outletName(docs[m.Early]), int(100*m.Shift+0.5), outletName(docs[m.Late]))})
		}
		segs = section(segs, "moves", "Prominence: no claim moves from one article's lead to far down another.", "Prominence (led with here, buried there):", pairs(items))
	}
	{
		var items []widget.RichTextSegment
		for _, x := range fa.Conflicts {
			items = append(items, &widget.TextSegment{Text: fmt.Sprintf("⚠ %s (%s) vs %s (%s): ", x.FigureA.Text, outletName(docs[x.A.Doc]), x.FigureB.Text, outletName(docs[x.B.Doc])), Style: warnInline},
				link(x.A))
		}
		segs = section(segs, "conflicts", "Conflicting figures: none on linked sentences.", fmt.Sprintf("Conflicting figures (%d; Alt+C steps through them):", len(fa.Conflicts)), pairs(items))
	}
	{
		var items []widget.RichTextSegment
		for _, pc := range fa.WordChoices {
			var ws []string
			for k, ch := range pc.Choices {
				if k == 8 {
					ws = append(ws, "…")
					break
				}
				ws = append(ws, fmt.Sprintf("“%s” / “%s”", ch.A, ch.B))
			}
			items = append(items, &widget.TextSegment{Text: fmt.Sprintf("%s / %s (%d): %s", outletName(docs[pc.A]), outletName(docs[pc.B]), pc.Total, strings.Join(ws, " · "))})
		}
		segs = section(segs, "choices", "Word choices: none in the links.", "Word choices (what one writes where the other writes otherwise):", items)
	}
	return segs
}

// headingStyle is an outlet's heading in the framing view: a sub-heading
// on a line of its own.
var headingStyle = widget.RichTextStyle{ColorName: widget.RichTextStyleSubHeading.ColorName,
	SizeName: widget.RichTextStyleSubHeading.SizeName, TextStyle: fyne.TextStyle{Bold: true}}

// pairs joins every two segments into one paragraph, for list items made
// of a link and its note.
func pairs(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for i := 0; i+1 < len(segs); i += 2 {
		out = append(out, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{segs[i], segs[i+1]}})
	}
	return out
}

// firstRef is a claim's sentence in the first article carrying it.
func firstRef(refs []*compare.Ref) compare.Ref {
	for _, r := range refs {
		if r != nil {
			return *r
		}
	}
	return compare.Ref{}
}

// sourcesLine lists sources, with how often each is quoted when counted:
// "Mayorkas (2), Blinken (1)"; "no one" when there are none.
func sourcesLine(ss []framing.Source, counted bool) string {
	if len(ss) == 0 {
		return "no one"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.Name
		if counted {
			parts[i] += fmt.Sprintf(" (%d)", s.Count)
		}
	}
	return strings.Join(parts, ", ")
}

// joinOr joins a list with commas, or says "none".
func joinOr(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

// titleSuffix is " — title" when the document has a title, else "".
func titleSuffix(doc *corpus.Document) string {
	if doc.Title == "" {
		return ""
	}
	return " — " + doc.Title
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
