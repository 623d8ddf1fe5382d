// Package report writes a comparison of articles for people and for
// programs: a readable terminal report, the JSON contract of `parallax
// compare --format json`, a self-contained HTML report with the columns and
// the framing analysis, a CSV of the links and a Markdown summary. Every
// report records its inputs, the sensitivity and Parallax's version.
package report

import (
	"fmt"
	"io"
	"strings"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
	"parallax/internal/parallel"
)

// Comparison is what a report is written from.
type Comparison struct {
	Docs   []*corpus.Document
	Result *compare.Result
	Errors []*corpus.FileError
	// Sensitivity is the sensitivity the comparison ran at.
	Sensitivity float64
	// Version is Parallax's version, "" when unknown.
	Version string
	// Framing is the framing analysis of Result; Analysis computes it when
	// it is nil.
	Framing *framing.Analysis
}

// Analysis returns the comparison's framing analysis, computing it (once)
// when the comparison was built without one.
func (c *Comparison) Analysis() *framing.Analysis {
	if c.Framing == nil {
		c.Framing = framing.Analyze(c.Docs, c.Result)
	}
	return c.Framing
}

// version is the comparison's version for a report, "unknown" when unset.
func (c *Comparison) version() string {
	if c.Version == "" {
		return "unknown"
	}
	return c.Version
}

// jsonMeta records what a report was made from.
type jsonMeta struct {
	Version     string   `json:"version"`
	Sensitivity float64  `json:"sensitivity"`
	Inputs      []string `json:"inputs"`
}

// meta is the comparison's record of its inputs, sensitivity and version.
func (c *Comparison) meta() jsonMeta {
	m := jsonMeta{Version: c.version(), Sensitivity: c.Sensitivity, Inputs: []string{}}
	for _, d := range c.Docs {
		m.Inputs = append(m.Inputs, d.Path)
	}
	for _, e := range c.Errors {
		m.Inputs = append(m.Inputs, e.Path)
	}
	return m
}

// jsonDoc is one document in the JSON report.
type jsonDoc struct {
	Path      string         `json:"path"`
	Title     string         `json:"title"`
	Outlet    string         `json:"outlet"`
	Date      string         `json:"date,omitempty"`
	Language  string         `json:"language"`
	Text      string         `json:"text"`
	Sentences []jsonSentence `json:"sentences"`
}

// jsonSentence is one sentence in the JSON report.
type jsonSentence struct {
	Index       int          `json:"index"`
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Text        string       `json:"text"`
	Status      compare.Kind `json:"status"`
	Coverage    int          `json:"coverage"`
	Paragraph   int          `json:"paragraph"`
	Boilerplate bool         `json:"boilerplate,omitempty"`
	Headline    bool         `json:"headline,omitempty"`
	// Corrected marks a sentence the analyst corrected by hand.
	Corrected bool `json:"corrected,omitempty"`
}

// jsonError is one unreadable input.
type jsonError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// jsonLink is one link in the JSON report, with the figures that
// disagree across it.
type jsonLink struct {
	compare.Link
	Conflicts []framing.FigureConflict `json:"conflicts,omitempty"`
}

// jsonHead and jsonTail are the members of the JSON document before its
// documents and after its links, which are encoded apart (see WriteJSON).
type (
	jsonHead struct {
		Parallax jsonMeta `json:"parallax"`
	}
	jsonTail struct {
		Errors  []jsonError       `json:"errors"`
		Totals  Totals            `json:"totals"`
		Summary []compare.Counts  `json:"summary"`
		Framing *framing.Analysis `json:"framing"`
	}
)

// WriteJSON writes the comparison as JSON: what it was made from (version,
// sensitivity, inputs); the totals (as Count gives them); documents with their sentences, byte offsets,
// statuses and coverage; links with kind, score, word diff, evidence and
// conflicting figures; the inputs that could not be read; and the framing
// analysis. The parts are encoded on every processor: the documents, which
// the framing analysis does not change, while it runs; then the two halves
// of the links and the rest.
func WriteJSON(w io.Writer, c Comparison) error {
	docs := make(chan compacted, 1)
	go func(c Comparison) { docs <- compactJSON(jsonDocs(c)) }(c) // a copy, made before Analysis sets c.Framing
	fa := c.Analysis()
	links := make([]jsonLink, 0, len(c.Result.Links))
	for li, l := range c.Result.Links {
		jl := jsonLink{Link: l}
		for _, x := range fa.ConflictsOn(li) {
			jl.Conflicts = append(jl.Conflicts, framing.FigureConflict{A: x.FigureA, B: x.FigureB})
		}
		links = append(links, jl)
	}
	var first, second, tail compacted
	half := len(links) / 2
	parallel.Both(true, func() {
		first = compactJSON(links[:half])
	}, func() {
		second = compactJSON(links[half:])
		tail = compactJSON(jsonTail{Errors: jsonErrors(c.Errors), Totals: Count(c.Result),
			Summary: c.Result.Summary(), Framing: fa})
	})
	head, body := compactJSON(jsonHead{Parallax: c.meta()}), <-docs
	for _, part := range []compacted{head, body, first, second, tail} {
		if part.err != nil {
			return part.err
		}
	}
	return writeIndented(w, spliceMembers(head.b, tail.b,
		member{"documents", [][]byte{body.b}}, member{"links", joinArrays(first.b, second.b)})...)
}

// jsonDocs gives the documents of the JSON report, with their sentences.
func jsonDocs(c Comparison) []jsonDoc {
	var out []jsonDoc
	for d, doc := range c.Docs {
		jd := jsonDoc{Path: doc.Path, Title: doc.Title, Outlet: doc.Outlet, Date: doc.Date,
			Language: doc.Language, Text: doc.Text, Sentences: []jsonSentence{}}
		for i, s := range doc.Sentences {
			sr := c.Result.Sentences[d][i]
			jd.Sentences = append(jd.Sentences, jsonSentence{Index: i, Start: s.Start, End: s.End,
				Text: doc.Text[s.Start:s.End], Status: sr.Status, Coverage: sr.Coverage,
				Paragraph: s.Paragraph, Boilerplate: sr.Boilerplate, Headline: s.Headline, Corrected: sr.Corrected})
		}
		out = append(out, jd)
	}
	return out
}

// jsonErrors lists unreadable inputs for a JSON report: never null.
func jsonErrors(errs []*corpus.FileError) []jsonError {
	out := []jsonError{}
	for _, e := range errs {
		out = append(out, jsonError{Path: e.Path, Error: e.Err.Error()})
	}
	return out
}

// writeSkipped lists the inputs that could not be read, one a line.
func writeSkipped(b *strings.Builder, errs []*corpus.FileError) {
	for _, e := range errs {
		fmt.Fprintf(b, "  skipped %s\n", e.Error())
	}
}

// marks are the one-letter status marks of the text report.
var marks = map[compare.Kind]string{compare.Shared: "S", compare.Paraphrased: "P", compare.Unique: "U"}

// WriteText writes a readable report: a summary per document, then every
// sentence with its status, coverage and counterparts.
func WriteText(w io.Writer, c Comparison) error {
	var b strings.Builder
	n := len(c.Docs)
	counts := c.Result.Summary()
	fmt.Fprintf(&b, "Parallax: %s\n", Count(c.Result))
	fmt.Fprintf(&b, "Parallax %s, sensitivity %.2f\n", c.version(), c.Sensitivity)
	writeSkipped(&b, c.Errors)
	b.WriteString("\nS shared  P paraphrased  U unique  · boilerplate;  k/N: carried by k of N documents\n")
	for d, doc := range c.Docs {
		ct := counts[d]
		fmt.Fprintf(&b, "\n[%d] %s", d+1, doc.Outlet)
		if doc.Title != "" {
			fmt.Fprintf(&b, " — %s", doc.Title)
		}
		fmt.Fprintf(&b, "\n    %s", corpus.DisplayPath(doc.Path))
		if doc.Date != "" {
			fmt.Fprintf(&b, ", %s", doc.Date)
		}
		fmt.Fprintf(&b, "\n    %s (%.0f%% unique)\n", CountsText(ct), 100*ct.UniqueShare())
		for i, s := range doc.Sentences {
			sr := c.Result.Sentences[d][i]
			mark := marks[sr.Status]
			if sr.Boilerplate {
				mark = "·"
			}
			fmt.Fprintf(&b, "  %s %3d  %d/%d  %s%s\n", mark, i+1, sr.Coverage, n, doc.Text[s.Start:s.End], correctedNote(sr.Corrected))
			for _, li := range sr.Links {
				l := c.Result.Links[li]
				other := l.B
				if other.Doc == d && other.Sentence == i {
					other = l.A
				}
				fmt.Fprintf(&b, "              ↔ [%d] %d  %s %.2f  (%s)%s\n", other.Doc+1, other.Sentence+1, l.Kind, l.Score, strings.Join(l.Evidence, ", "), correctedNote(l.Corrected))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// correctedNote is what the text report adds to a line of a sentence or
// link the analyst corrected by hand: "  [corrected]"; "" otherwise.
func correctedNote(corrected bool) string {
	if corrected {
		return "  [corrected]"
	}
	return ""
}

// Corrections counts the sentences and the links the analyst corrected by
// hand.
func (c *Comparison) Corrections() (sentences, links int) {
	for _, ss := range c.Result.Sentences {
		for _, s := range ss {
			if s.Corrected {
				sentences++
			}
		}
	}
	for _, l := range c.Result.Links {
		if l.Corrected {
			links++
		}
	}
	return sentences, links
}

// plural writes a count with its noun, in the plural where it needs one:
// "1 link", "2 links", "3 stories".
func plural(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
