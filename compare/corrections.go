package compare

import (
	"slices"

	"parallax/corpus"
)

// EditOp is the kind of a hand correction of a comparison.
type EditOp string

// The corrections an analyst can make.
const (
	// EditLink links two sentences of different documents.
	EditLink EditOp = "link"
	// EditUnlink removes the link between two sentences.
	EditUnlink EditOp = "unlink"
	// EditBoilerplate marks a sentence boilerplate (and drops its links).
	EditBoilerplate EditOp = "boilerplate"
	// EditReporting takes a sentence's boilerplate mark away.
	EditReporting EditOp = "reporting"
)

// Edit is one hand correction in terms of the compared documents: A (and
// B, for a link or an unlink) name sentences of the compared set.
type Edit struct {
	Op   EditOp
	A, B Ref
}

// ApplyEdits returns res corrected by edits, applied in order to a copy:
// links made or removed, sentences marked boilerplate or not, every
// sentence classified again (shared, paraphrased or unique by its
// strongest link). The links made and the sentences touched are marked
// Corrected. Edits that name no sentence of docs are skipped. With no
// edits, res itself is returned.
func ApplyEdits(docs []*corpus.Document, res *Result, edits []Edit) *Result {
	if len(edits) == 0 || res == nil {
		return res
	}
	out := &Result{Sentences: make([][]SentenceResult, len(res.Sentences)), Links: slices.Clone(res.Links), Closest: res.Closest, tokens: res.tokens}
	for d, ss := range res.Sentences {
		out.Sentences[d] = make([]SentenceResult, len(ss))
		for i, s := range ss {
			out.Sentences[d][i] = SentenceResult{Boilerplate: s.Boilerplate, Corrected: s.Corrected}
		}
	}
	valid := func(r Ref) bool {
		return r.Doc >= 0 && r.Doc < len(out.Sentences) && r.Doc < len(docs) &&
			r.Sentence >= 0 && r.Sentence < len(out.Sentences[r.Doc]) && r.Sentence < len(docs[r.Doc].Sentences)
	}
	drop := func(keep func(l *Link) bool) {
		out.Links = slices.DeleteFunc(out.Links, func(l Link) bool { return !keep(&l) })
	}
	for _, e := range edits {
		if !valid(e.A) {
			continue
		}
		sa := &out.Sentences[e.A.Doc][e.A.Sentence]
		switch e.Op {
		case EditLink, EditUnlink:
			if !valid(e.B) || e.A.Doc == e.B.Doc {
				continue
			}
			a, b := e.A, e.B
			if a.Doc > b.Doc {
				a, b = b, a
			}
			drop(func(l *Link) bool { return l.A != a || l.B != b })
			sb := &out.Sentences[b.Doc][b.Sentence]
			if e.Op == EditLink {
				out.Links = append(out.Links, handLink(docs, res, a, b))
				out.Sentences[a.Doc][a.Sentence].Boilerplate, sb.Boilerplate = false, false
			}
			out.Sentences[a.Doc][a.Sentence].Corrected, sb.Corrected = true, true
		case EditBoilerplate:
			sa.Boilerplate, sa.Corrected = true, true
			drop(func(l *Link) bool { return l.A != e.A && l.B != e.A })
		case EditReporting:
			sa.Boilerplate, sa.Corrected = false, true
		}
	}
	out.Reclassify()
	return out
}

// handLink is the link an analyst made between a and b (a.Doc < b.Doc):
// its word diff and kind as the engine would give them, and the engine's
// score of the pair when it was a's or b's closest candidate (else 0).
func handLink(docs []*corpus.Document, res *Result, a, b Ref) Link {
	l := Link{A: a, B: b, Corrected: true,
		Diff: WordDiff(docs[a.Doc].SentenceText(a.Sentence), docs[b.Doc].SentenceText(b.Sentence))}
	l.Kind = linkKind(l.Diff, defaultParams)
	if c, ok := res.Closest[a]; ok && c.Ref == b {
		l.Score = c.Score
	} else if c, ok := res.Closest[b]; ok && c.Ref == a {
		l.Score = c.Score
	}
	return l
}

// Reclassify sets every sentence's status, coverage and links again from
// the result's links, keeping its boilerplate and corrected marks.
func (r *Result) Reclassify() {
	type marks struct{ boilerplate, corrected bool }
	keep := make([][]marks, len(r.Sentences))
	for d, ss := range r.Sentences {
		keep[d] = make([]marks, len(ss))
		for i, s := range ss {
			keep[d][i] = marks{s.Boilerplate, s.Corrected}
		}
	}
	classify(r)
	for d, ss := range keep {
		for i, m := range ss {
			r.Sentences[d][i].Boilerplate, r.Sentences[d][i].Corrected = m.boilerplate, m.corrected
		}
	}
}
