package compare

// Kind is the category of a link or a sentence.
type Kind string

// The categories. A link is Shared or Paraphrased; a sentence is Shared or
// Paraphrased by its strongest link, else Unique. Unrelated is only given by
// Score for a pair of sentences that carries no common claim.
const (
	Shared      Kind = "shared"
	Paraphrased Kind = "paraphrased"
	Unique      Kind = "unique"
	Unrelated   Kind = "unrelated"
)

// Ref names one sentence of one compared document.
type Ref struct {
	Doc      int `json:"doc"`
	Sentence int `json:"sentence"`
}

// Op is the operation of one word-level diff span.
type Op string

// The diff operations, from the first sentence of a link (A) to the second (B).
const (
	OpEqual  Op = "equal"
	OpInsert Op = "insert"
	OpDelete Op = "delete"
)

// DiffSpan is one run of a word-level diff: text that is equal in both
// sentences, inserted in B or deleted from A.
type DiffSpan struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Link joins two sentences of different documents that carry the same
// content. A.Doc < B.Doc.
type Link struct {
	A    Ref  `json:"a"`
	B    Ref  `json:"b"`
	Kind Kind `json:"kind"`
	// Score is the link's strength, from the threshold of the
	// sensitivity to 1; links of one sentence are ordered by it.
	Score float64 `json:"score"`
	// Probability is the calibrated probability that the two sentences
	// carry the same claim, from the link model fitted on rewrites and on
	// articles by independent outlets; the sensitivity does not change it.
	Probability float64    `json:"probability"`
	Diff        []DiffSpan `json:"diff"`
	// Evidence lists the shared content stems (and synonym pairs written
	// "a~b") that made the match, most informative first.
	Evidence []string `json:"evidence,omitempty"`
	// Corrected marks a link the analyst made by hand (see
	// ApplyCorrections).
	Corrected bool `json:"corrected,omitempty"`
}

// SentenceResult is the comparison's verdict on one sentence.
type SentenceResult struct {
	// Status is Shared or Paraphrased by the sentence's strongest link, else
	// Unique.
	Status Kind `json:"status"`
	// Coverage is how many of the compared documents carry the sentence,
	// itself included (1 for a unique sentence).
	Coverage int `json:"coverage"`
	// Boilerplate marks sentences the document's reader recognised as
	// boilerplate; they are never linked and never count as unique
	// reporting.
	Boilerplate bool `json:"boilerplate,omitempty"`
	// Links are indexes into Result.Links of the links that touch the
	// sentence, strongest first.
	Links []int `json:"-"`
	// Corrected marks a sentence whose links or boilerplate mark the
	// analyst changed by hand.
	Corrected bool `json:"corrected,omitempty"`
}

// Result is the outcome of comparing N documents.
type Result struct {
	// Sentences holds, per document, one SentenceResult per sentence.
	Sentences [][]SentenceResult
	// Links are all links, ordered by (A.Doc, A.Sentence, B.Doc, B.Sentence).
	Links []Link
	// Closest holds, per sentence, its strongest candidate counterpart
	// that was not linked (absent when it had none).
	Closest map[Ref]Closest `json:"-"`
	// tokens are, per document and sentence, the tokens the comparison
	// read (see Tokens).
	tokens [][][]Token
}

// Tokens returns the tokens of sentence i of document d as the comparison
// read them, what Tokenize gives for the sentence's text in the
// document's language, or nil when the result does not hold them (it was
// not made by Compare). The slice is shared: do not modify it.
func (r *Result) Tokens(d, i int) []Token {
	if d < 0 || d >= len(r.tokens) || i < 0 || i >= len(r.tokens[d]) {
		return nil
	}
	return r.tokens[d][i]
}

// Counts summarises one document's sentences by status. Boilerplate is
// counted apart and in no other category.
type Counts struct {
	Doc         int `json:"doc"`
	Sentences   int `json:"sentences"`
	Shared      int `json:"shared"`
	Paraphrased int `json:"paraphrased"`
	Unique      int `json:"unique"`
	Boilerplate int `json:"boilerplate"`
}

// UniqueShare is the share of the document's reporting (its sentences less
// boilerplate) that no other document carries.
func (c Counts) UniqueShare() float64 {
	if n := c.Sentences - c.Boilerplate; n > 0 {
		return float64(c.Unique) / float64(n)
	}
	return 0
}

// Summary counts every document's sentences by status.
func (r *Result) Summary() []Counts {
	out := make([]Counts, len(r.Sentences))
	for d, ss := range r.Sentences {
		c := Counts{Doc: d, Sentences: len(ss)}
		for _, s := range ss {
			switch {
			case s.Boilerplate:
				c.Boilerplate++
			case countsAs(s.Status) == Shared:
				c.Shared++
			case countsAs(s.Status) == Paraphrased:
				c.Paraphrased++
			default:
				c.Unique++
			}
		}
		out[d] = c
	}
	return out
}

// Other returns the end of l that is not r.
func (l Link) Other(r Ref) Ref {
	if l.A == r {
		return l.B
	}
	return l.A
}
