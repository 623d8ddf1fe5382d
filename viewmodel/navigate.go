package viewmodel

import (
	"strings"

	"parallax/compare"
)

// OfKind returns the sentences of status k (boilerplate aside), column by
// column in reading order: what the toolbar's arrows of k step through.
func (v *View) OfKind(k compare.Kind) []compare.Ref {
	var out []compare.Ref
	for d, doc := range v.Docs {
		for i := range doc.Sentences {
			if !v.Boilerplate(d, i) && Status(v.Res, d, i) == k {
				out = append(out, compare.Ref{Doc: d, Sentence: i})
			}
		}
	}
	return out
}

// Cycle is the position (from 1) dir steps (1 or -1) from pos among n,
// wrapping around; pos 0 is before the first.
func Cycle(pos, dir, n int) int {
	pos += dir
	if pos < 1 {
		pos = n
	}
	if pos > n {
		pos = 1
	}
	return pos
}

// Move is the sentence dir (1 or -1) places from r in its column,
// boilerplate skipped; false at the column's end.
func (v *View) Move(r compare.Ref, dir int) (compare.Ref, bool) {
	for i := r.Sentence + dir; i >= 0 && i < len(v.Docs[r.Doc].Sentences); i += dir {
		if !v.Boilerplate(r.Doc, i) {
			return compare.Ref{Doc: r.Doc, Sentence: i}, true
		}
	}
	return compare.Ref{}, false
}

// Toward is r's strongest counterpart in the nearest column to the right
// (dir 1) or left (dir -1) that carries it; false when none does.
func (v *View) Toward(r compare.Ref, dir int) (compare.Ref, bool) {
	best, found := compare.Ref{}, false
	for _, l := range v.Counterparts(r) { // strongest first
		o := l.Other(r)
		if (o.Doc-r.Doc)*dir <= 0 {
			continue
		}
		if !found || (o.Doc-best.Doc)*dir < 0 {
			best, found = o, true
		}
	}
	return best, found
}

// Query is a search as it is matched: trimmed and lower-cased.
func Query(q string) string { return strings.ToLower(strings.TrimSpace(q)) }

// Matches are the sentences whose text holds q (case aside), column by
// column in reading order; none when q is empty.
func (v *View) Matches(q string) []compare.Ref {
	q = Query(q)
	if q == "" {
		return nil
	}
	var hits []compare.Ref
	for d, doc := range v.Docs {
		for i := range doc.Sentences {
			if strings.Contains(strings.ToLower(doc.SentenceText(i)), q) {
				hits = append(hits, compare.Ref{Doc: d, Sentence: i})
			}
		}
	}
	return hits
}

// NextMatch is the index in hits (in reading order, not empty) of the
// match dir (1 or -1) from from, wrapping around: forwards the first hit
// after from, backwards the last before it; with no from, the first or
// the last.
func NextMatch(hits []compare.Ref, from *compare.Ref, dir int) int {
	k := 0
	if dir < 0 {
		k = len(hits) - 1
	}
	if from == nil {
		return k
	}
	if dir > 0 {
		for k < len(hits) && !After(hits[k], *from) {
			k++
		}
		if k == len(hits) {
			k = 0
		}
		return k
	}
	for k >= 0 && !After(*from, hits[k]) {
		k--
	}
	if k < 0 {
		k = len(hits) - 1
	}
	return k
}

// After reports whether a comes after b in reading order: column by
// column, top to bottom.
func After(a, b compare.Ref) bool {
	return a.Doc > b.Doc || (a.Doc == b.Doc && a.Sentence > b.Sentence)
}
