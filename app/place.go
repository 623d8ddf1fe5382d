package app

import (
	"fmt"
	"strings"

	"parallax/compare"
	"parallax/corpus"
)

// anchor is where a column was read: the first sentence at or below the
// top of its view, and how far below the top it stood.
type anchor struct {
	sentence int
	below    float32
}

// analystPlace is the analyst's place in the columns, kept across a new
// comparison (another sensitivity, an article included or excluded): the
// selected sentence and each column's anchor, by document, as the columns
// may change.
type analystPlace struct {
	selected *corpus.Document
	sentence int
	anchors  map[*corpus.Document]anchor
}

// place records the analyst's place in v; nil v records none.
func (v *viewer) place() analystPlace {
	p := analystPlace{anchors: map[*corpus.Document]anchor{}}
	if v == nil {
		return p
	}
	if v.selected != nil {
		p.selected, p.sentence = v.model.Docs[v.selected.Doc], v.selected.Sentence
	}
	for d, doc := range v.model.Docs {
		if a, ok := v.anchor(d); ok {
			p.anchors[doc] = a
		}
	}
	return p
}

// anchor is column d's anchor, false when it is scrolled to the top (where
// a new comparison leaves it anyway) or not laid out.
func (v *viewer) anchor(d int) (anchor, bool) {
	top := v.scrolls[d].Offset.Y
	if top <= 0 {
		return anchor{}, false
	}
	for i := range v.model.Docs[d].Sentences {
		if y, ok := v.sentenceY(compare.Ref{Doc: d, Sentence: i}); ok && y >= top {
			return anchor{i, y - top}, true
		}
	}
	return anchor{}, false
}

// restorePlace selects p's sentence again and brings each column back to
// its anchor once it is laid out (the columns of a new viewer are not
// yet). A column the user scrolls meanwhile keeps where the user put it.
func (v *viewer) restorePlace(p analystPlace) {
	for d, doc := range v.model.Docs {
		if doc == p.selected && p.sentence < len(doc.Sentences) {
			v.selectRef(&compare.Ref{Doc: d, Sentence: p.sentence})
		}
	}
	v.pending = map[int]anchor{}
	for d, doc := range v.model.Docs {
		if a, ok := p.anchors[doc]; ok && a.sentence < len(doc.Sentences) {
			v.pending[d] = a
		}
	}
}

// applyPending scrolls column d back to its anchor, if it has one waiting;
// it runs after every layout of the column, as the text's height settles
// over the first layouts.
func (v *viewer) applyPending(d int) {
	a, ok := v.pending[d]
	if !ok {
		return
	}
	if y, ok := v.sentenceY(compare.Ref{Doc: d, Sentence: a.sentence}); ok {
		v.scrollColumn(d, y-a.below)
	}
}

// linkKey names a link by its documents, not their places in a
// comparison, so that links can be matched across comparisons of other
// articles.
type linkKey struct {
	a, b   *corpus.Document
	sa, sb int
}

// linkKeys are the keys of res's links, res comparing docs.
func linkKeys(docs []*corpus.Document, res *compare.Result) map[linkKey]bool {
	keys := map[linkKey]bool{}
	if res == nil {
		return keys
	}
	for _, l := range res.Links {
		if l.A.Doc < len(docs) && l.B.Doc < len(docs) {
			keys[linkKey{docs[l.A.Doc], docs[l.B.Doc], l.A.Sentence, l.B.Sentence}] = true
		}
	}
	return keys
}

// movedText says how the links changed from one comparison to the next:
// "+15 links, −2"; "" when nothing was compared before or nothing moved.
func movedText(before, after map[linkKey]bool) string {
	added, removed := 0, 0
	for k := range after {
		if !before[k] {
			added++
		}
	}
	for k := range before {
		if !after[k] {
			removed++
		}
	}
	if added == 0 && removed == 0 {
		return "no link moved"
	}
	return fmt.Sprintf("+%s, −%d", plural(added, "link", "links"), removed)
}

// rememberedText announces a remembered sensitivity that is not the
// default, as it applies to articles just opened; "" at the default.
func rememberedText(s float64) string {
	if s == compare.DefaultSensitivity {
		return ""
	}
	return fmt.Sprintf("at your remembered %s (default %.2f)", sensitivityText(s), compare.DefaultSensitivity)
}

// joinNotes joins the non-empty notes for the status line with " · ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " · ")
}
