// Package analysis is Parallax's text analysis: the steps between reading
// an article and aligning it, each in a package of its own with a small
// surface, in the manner of bleve's analysis tree:
//
//   - sentence splits text into sentences (Punkt with news rules);
//   - token splits a sentence into words (Unicode word boundaries) and
//     normalises them;
//   - stem reduces words to their Snowball stems, knows each language's
//     stop words, and remembers the stems it has computed;
//   - number recognises the numbers of running text.
//
// One offset convention holds everywhere, from the file read to the word
// highlighted: an offset is a byte offset into the document's text (the
// extracted, normalised corpus.Document.Text), and a range is half-open,
// [Start, End). A Span is such a range. Paragraph and sentence spans index
// the document's text directly; a function given a part of it (a sentence
// to tokenise) reports offsets into that part, so the part's Start plus
// the offset indexes the document's text.
//
// The tree is a leaf: it imports nothing from Parallax but internal
// helpers, and never touches files or the network.
package analysis

// Span is a half-open byte range [Start, End) into a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
