package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/analysis"
	"parallax/analysis/sentence"
)

// docMeta is what a reader learned about an article besides its
// paragraphs. Empty fields are filled in from the text or the file name.
type docMeta struct {
	// title is the source's title (HTML title, first Markdown heading,
	// DOCX title).
	title string
	// prependTitle puts title in front of the text as its first paragraph
	// when the text does not start with it (HTML pages whose body lacks the
	// headline).
	prependTitle bool
	// headingPara is the index of the paragraph that is the source's own
	// title heading, or -1.
	headingPara int
	outlet      string
	date        string
	// dateFallback is used when neither date nor the text gives a date
	// (a PDF's creation date).
	dateFallback string
	// lang is a language hint from the source (HTML lang attribute), used
	// when detection is unreliable.
	lang string
}

// FromText builds a Document from already extracted plain text (paragraphs
// separated by blank lines or single line breaks): NFC, paragraphs,
// sentences, boilerplate, title, outlet, language. Blocks of hard-wrapped
// lines are reflowed into one paragraph.
func FromText(path, text string) *Document {
	text = normalizeText(text)
	return buildDocument(path, splitParagraphs(text), docMeta{headingPara: -1})
}

// buildDocument joins paragraphs into Text ("\n\n" between them), splits
// sentences and fills in the metadata.
func buildDocument(path string, paras []string, m docMeta) *Document {
	clean := make([]string, 0, len(paras))
	headingPara := -1
	for i, p := range paras {
		p = collapseSpace(normalizeText(p))
		if p == "" {
			continue
		}
		if i == m.headingPara {
			headingPara = len(clean)
		}
		clean = append(clean, p)
	}
	m.title = collapseSpace(normalizeText(m.title))

	// The title paragraph: the source's heading, a paragraph equal to the
	// source's title, or a first line that reads as a headline.
	titlePara := headingPara
	if titlePara < 0 && m.title != "" {
		for i := 0; i < len(clean) && i < 3; i++ {
			if sameLine(clean[i], m.title) {
				titlePara = i
				break
			}
		}
		if titlePara < 0 && m.prependTitle && len(clean) > 0 {
			clean = append([]string{m.title}, clean...)
			titlePara = 0
		}
	}

	doc := &Document{Path: path}
	var b strings.Builder
	size := 0
	for _, p := range clean {
		size += len(p) + 2
	}
	b.Grow(size)
	for i, p := range clean {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		doc.Paragraphs = append(doc.Paragraphs, analysis.Span{Start: start, End: b.Len()})
	}
	doc.Text = b.String()
	doc.Sentences = splitDocSentences(doc.Text, doc.Paragraphs)

	if titlePara < 0 {
		// The first line that is not a stamp or a byline, if it reads as a
		// headline and something follows it.
		for i := 0; i < len(clean)-1 && i < 3; i++ {
			if isBoilerplateText(clean[i]) {
				continue
			}
			if looksLikeHeadline(clean[i]) {
				titlePara = i
			}
			break
		}
	}
	switch {
	case titlePara >= 0:
		doc.Title = clean[titlePara]
	case m.title != "":
		doc.Title = m.title
	}
	if titlePara >= 0 {
		for i := range doc.Sentences {
			s := &doc.Sentences[i]
			if s.Paragraph == titlePara {
				s.Headline = true
			}
		}
	}

	markBoilerplate(doc, titlePara)

	doc.Outlet = m.outlet
	if doc.Outlet == "" {
		doc.Outlet = outletFromText(doc)
	}
	if doc.Outlet == "" {
		doc.Outlet = outletFromPath(path)
	}
	doc.Date = m.date
	if doc.Date == "" {
		doc.Date = dateFromText(doc)
	}
	if doc.Date == "" {
		doc.Date = m.dateFallback
	}
	doc.Language = detectLanguage(doc, m.lang)
	return doc
}

// splitDocSentences splits each paragraph into sentences with
// sentence.Split and turns the spans into Sentences with offsets into
// text. Spans are clamped to their paragraph and kept in order, so
// text[s.Start:s.End] is always a valid, non-empty, trimmed sentence.
func splitDocSentences(text string, paras []analysis.Span) []Sentence {
	out := make([]Sentence, 0, len(paras)*3)
	for pi, p := range paras {
		pt := text[p.Start:p.End]
		spans := sentence.Split(pt)
		prev := 0
		added := false
		for _, sp := range spans {
			a, e := sp.Start, sp.End
			if a < prev {
				a = prev
			}
			if e > len(pt) {
				e = len(pt)
			}
			// Keep offsets on rune boundaries and trimmed.
			for a < e && !utf8.RuneStart(pt[a]) {
				a++
			}
			for e < len(pt) && e > a && !utf8.RuneStart(pt[e]) {
				e++
			}
			for a < e && pt[a] == ' ' {
				a++
			}
			for e > a && pt[e-1] == ' ' {
				e--
			}
			if a >= e {
				continue
			}
			out = append(out, Sentence{Index: len(out), Span: analysis.Span{Start: p.Start + a, End: p.Start + e}, Paragraph: pi})
			prev = e
			added = true
		}
		if !added {
			out = append(out, Sentence{Index: len(out), Span: p, Paragraph: pi})
		}
	}
	return out
}

// splitParagraphs splits normalised plain text into paragraphs. Blank lines
// separate blocks; inside a block each line is a paragraph, unless the
// block is hard-wrapped prose, whose lines are joined with spaces.
func splitParagraphs(text string) []string {
	lines := strings.Split(text, "\n")
	var paras []string
	var block []string
	flush := func() {
		if len(block) > 0 {
			paras = append(paras, reflowBlock(block)...)
			block = block[:0]
		}
	}
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return paras
}

// reflowBlock turns one blank-line separated block of lines into
// paragraphs. Lines of a hard-wrapped block (lines 40 to 120 characters
// wide, most of them not ending a sentence) are joined; a line clearly
// shorter than the block's width ends its paragraph. Other blocks keep one
// paragraph per line.
func reflowBlock(block []string) []string {
	if len(block) == 1 {
		return []string{strings.TrimSpace(block[0])}
	}
	width := 0
	open := 0 // lines (except the last) that do not end a sentence
	for i, l := range block {
		n := utf8.RuneCountInString(l)
		if n > width {
			width = n
		}
		if i < len(block)-1 && !endsSentence(l) {
			open++
		}
	}
	wrapped := width >= 40 && width <= 120 && open*2 >= len(block)-1
	if !wrapped {
		out := make([]string, 0, len(block))
		for _, l := range block {
			out = append(out, strings.TrimSpace(l))
		}
		return out
	}
	var out []string
	var cur strings.Builder
	for i, l := range block {
		t := strings.TrimSpace(l)
		if cur.Len() > 0 && startsListItem(t) {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(t)
		short := utf8.RuneCountInString(l)*10 < width*7
		if i == len(block)-1 || (short && endsSentence(l)) || (short && i == 0) {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// endsSentence reports whether a line ends with sentence-final punctuation
// (possibly followed by closing quotes or brackets).
func endsSentence(l string) bool {
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]", r)
	})
	if l == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?:…", r)
}

// startsListItem reports whether a line starts with a bullet or a number
// marker.
func startsListItem(l string) bool {
	if l == "" {
		return false
	}
	switch l[0] {
	case '-', '*', '+':
		return len(l) > 1 && l[1] == ' '
	}
	if strings.HasPrefix(l, "•") || strings.HasPrefix(l, "–") || strings.HasPrefix(l, "—") {
		return true
	}
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}

// looksLikeHeadline reports whether a paragraph reads as a headline: two to
// 25 words, at most 200 characters, not ending with a full stop, comma,
// colon or semicolon, and not a byline or a date stamp.
func looksLikeHeadline(p string) bool {
	n := utf8.RuneCountInString(p)
	if n < 8 || n > 200 {
		return false
	}
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 25 {
		return false
	}
	trimmed := strings.TrimRightFunc(p, func(r rune) bool {
		return strings.ContainsRune("\"'”’»)]", r)
	})
	r, _ := utf8.DecodeLastRuneInString(trimmed)
	if strings.ContainsRune(".,;:…", r) && !strings.HasSuffix(trimmed, "...") {
		return false
	}
	if strings.HasSuffix(trimmed, "...") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘«¿¡", first) {
		return false
	}
	if isByline(p) || isDateStamp(p) {
		return false
	}
	return true
}

// sameLine compares two lines for equality ignoring case, spacing and
// typographic quote differences.
func sameLine(a, b string) bool {
	// Folding changes the length by spacing and case only: lines of very
	// different lengths differ (and a huge paragraph is not folded).
	if la, lb := len(a), len(b); la > 2*lb+16 || lb > 2*la+16 {
		return false
	}
	return foldLine(a) == foldLine(b)
}

// foldLine lower-cases s, unifies quotes and dashes and collapses spaces.
func foldLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‛', '′':
			return '\''
		case '“', '”', '„', '″':
			return '"'
		case '–', '—', '‐', '‑':
			return '-'
		}
		return unicode.ToLower(r)
	}, s)
	return collapseSpace(s)
}
