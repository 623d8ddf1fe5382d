// Package corpus reads news articles from files and folders (.txt, .md,
// .html, .pdf, .docx), decodes and normalises their text, extracts metadata
// (title, outlet, date, language) and splits the text into paragraphs and
// sentences (with package analysis/sentence) whose byte offsets point into
// the extracted text, by the convention of package analysis.
//
// The package never writes to the files it reads and never touches the
// network.
package corpus

import "parallax/analysis"

// Sentence is one sentence of a Document.
type Sentence struct {
	// Index is the sentence's position in Document.Sentences.
	Index int
	// Span holds the byte offsets into Document.Text (the convention of
	// package analysis); Text[Start:End] is the sentence.
	analysis.Span
	// Paragraph is the index into Document.Paragraphs that holds the sentence.
	Paragraph int
	// Boilerplate marks publisher promos, bylines, disclaimers, update
	// stamps and repeated headlines: text that is not the outlet's reporting.
	Boilerplate bool
	// Headline marks the article's title line when it is part of the text.
	Headline bool
}

// Document is one article, read and segmented.
type Document struct {
	// Path is the file the document was read from (or a name for in-memory
	// input).
	Path string
	// Title is the article's headline: the HTML title, the first heading, or
	// a first line that reads as a headline. Empty when none is found.
	Title string
	// Outlet is the publisher: the HTML site name, a name taken from obvious
	// boilerplate ("head to The Hill"), else derived from the file name.
	Outlet string
	// Date is the publication date in YYYY-MM-DD form where the source has
	// one, else empty.
	Date string
	// Language is the ISO 639-1 code of the article's language ("en", "es",
	// "fr", ...), detected from its text.
	Language string
	// Text is the extracted plain text, NFC-normalised, with paragraphs
	// separated by blank lines.
	Text string
	// Paragraphs are the byte ranges of the paragraphs in Text.
	Paragraphs []analysis.Span
	// Sentences are the sentences of Text in order.
	Sentences []Sentence
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}
