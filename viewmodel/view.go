// Package viewmodel is the main window's comparison as it is shown, apart
// from how it is drawn: the detail of a selected sentence with its
// counterparts (their oriented word diffs, evidence and figure conflicts,
// and how many articles carry it), the corrections one can make there,
// and the positions the navigation and the search step through. It holds
// no Fyne type: app draws it, and its plain-text printer (Copy Comparison)
// is tested here without a canvas.
package viewmodel

import (
	"fmt"
	"path/filepath"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
)

// View is a comparison of the articles Docs as the window shows it.
type View struct {
	// Docs are the compared articles, one column each, and Res their
	// comparison (nil for none).
	Docs []*corpus.Document
	Res  *compare.Result
	// Conflicts are the sentences at an end of a link whose figures
	// disagree. Figures holds, per link (its A and B ends), the figures
	// that disagree across it, as text ("5,000 in a, 3,000 in b").
	Conflicts map[compare.Ref]bool
	Figures   map[[2]compare.Ref][]string
}

// New is the view of res comparing docs, with the figure conflicts of its
// links.
func New(docs []*corpus.Document, res *compare.Result, conflicts []framing.Conflict) *View {
	v := &View{Docs: docs, Res: res, Conflicts: map[compare.Ref]bool{}, Figures: map[[2]compare.Ref][]string{}}
	for _, x := range conflicts {
		v.Conflicts[x.A], v.Conflicts[x.B] = true, true
		k := [2]compare.Ref{x.A, x.B}
		v.Figures[k] = append(v.Figures[k], fmt.Sprintf("%s in %s, %s in %s",
			x.FigureA.Text, OutletName(docs[x.A.Doc]), x.FigureB.Text, OutletName(docs[x.B.Doc])))
	}
	return v
}

// OutletName is the name a document goes by in the interface: its outlet,
// else its file's name.
func OutletName(doc *corpus.Document) string {
	if doc.Outlet != "" {
		return doc.Outlet
	}
	return corpus.DisplayPath(filepath.Base(doc.Path))
}

// Plural is n with the singular or plural noun: "1 link", "3 links".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Status is the category of sentence i of document d in res: unique when
// res does not say.
func Status(res *compare.Result, d, i int) compare.Kind {
	if res == nil || d >= len(res.Sentences) || i >= len(res.Sentences[d]) {
		return compare.Unique
	}
	if k := res.Sentences[d][i].Status; k != "" {
		return k
	}
	return compare.Unique
}

// result is sentence r's result, false when the comparison has none.
func (v *View) result(r compare.Ref) (compare.SentenceResult, bool) {
	if v.Res == nil || r.Doc >= len(v.Res.Sentences) || r.Sentence >= len(v.Res.Sentences[r.Doc]) {
		return compare.SentenceResult{}, false
	}
	return v.Res.Sentences[r.Doc][r.Sentence], true
}

// Boilerplate reports whether sentence i of document d counts as
// boilerplate: as the result says (a hand mark included), else as its
// reader said.
func (v *View) Boilerplate(d, i int) bool {
	doc := v.Docs[d].Sentences[i].Boilerplate
	if s, ok := v.result(compare.Ref{Doc: d, Sentence: i}); ok {
		return s.Boilerplate || doc && !s.Corrected
	}
	return doc
}

// Corrected reports whether the analyst corrected sentence r by hand.
func (v *View) Corrected(r compare.Ref) bool {
	s, ok := v.result(r)
	return ok && s.Corrected
}

// Counterparts are the links of sentence r, strongest first.
func (v *View) Counterparts(r compare.Ref) []compare.Link {
	s, ok := v.result(r)
	if !ok {
		return nil
	}
	var out []compare.Link
	for _, li := range s.Links {
		out = append(out, v.Res.Links[li])
	}
	return out
}

// Closest is sentence r's closest candidate below the threshold, when the
// engine found one.
func (v *View) Closest(r compare.Ref) (compare.Closest, bool) {
	if v.Res == nil {
		return compare.Closest{}, false
	}
	c, ok := v.Res.Closest[r]
	return c, ok
}

// RefName names a sentence briefly: "Reuters s4".
func (v *View) RefName(r compare.Ref) string {
	return fmt.Sprintf("%s s%d", OutletName(v.Docs[r.Doc]), r.Sentence+1)
}

// CarriedBy says how many of the compared articles carry sentence r, and
// its category: "paraphrased, carried by 3 of 5 articles".
func (v *View) CarriedBy(r compare.Ref) string {
	n := len(v.Docs)
	if v.Boilerplate(r.Doc, r.Sentence) {
		return "boilerplate"
	}
	k := 1
	if s, ok := v.result(r); ok {
		k = min(max(s.Coverage, 1), n)
	}
	return fmt.Sprintf("%s, carried by %d of %d articles", Status(v.Res, r.Doc, r.Sentence), k, n)
}
