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
// highlighted: offsets are byte offsets into the document's text (the
// extracted, normalised text of corpus.Document.Text), half-open
// [Start, End). A Span is such a range; sentences and tokens are reported
// by Spans or by Start and End fields that follow the same convention.
//
// The tree is a leaf: it imports nothing from Parallax but internal
// helpers, and never touches files or the network.
package analysis

// Span is a half-open byte range [Start, End) into a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
