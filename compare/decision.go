package compare

import (
	"cmp"
	"slices"
)

// The decision: every rule by which the engine links sentences and
// classifies them is in this file; the rest of the package measures
// (features, the link model's odds, word diffs). A sentence comes out
// with one of three outcomes:
//
//   - Shared: its strongest link is near-verbatim (the word diff keeps
//     at least params.sharedDiff of both sentences' words);
//   - Paraphrased: its strongest link carries the same claim in other
//     words;
//   - Unique: no other document carries it (no link).
//
// The rules, in the order the engine applies them to each pair of
// documents:
//
//  1. Gates before scoring. A boilerplate sentence, or one without a
//     content stem, takes no part (sentFeat.skip, set by prepare). Two
//     sentences are a candidate only when they share a content stem
//     exactly (pairSearch.matchAt). A candidate whose shorter sentence is
//     tooShort never links; it only weighs in the model's row and column
//     maxima.
//  2. The threshold. The sensitivity, clamped to [0, 1], gives the
//     log-odds a link needs (sensThreshold): the fitted threshold at
//     DefaultSensitivity. Between articles that are not rewrites of each
//     other (the pair's background above strictBackground), and below
//     StrictSensitivity, a link also needs a shared common word
//     (isStrict).
//  3. The link. A candidate links when it is substantive and its
//     second-pass log-odds reach the threshold (linkGate); only those
//     that can reach it (stackBound) are looked at in their neighbourhood.
//     The strongest of the others are each sentence's Closest.
//  4. The link's kind: Shared or Paraphrased by its word diff (linkKind),
//     for the engine's links and the analyst's alike.
//  5. The sentence's status: the kind of its strongest link, else Unique
//     (classify); a status that is neither Shared nor Paraphrased counts
//     as Unique (countsAs).
//
// Only rules 2 and 3 depend on the sensitivity, and they need of each
// candidate only its odds and whether it is substantive: an Analysis
// keeps those (analysis.go) and decides at any sensitivity without
// measuring again.
//
// Score applies rules 3 and 4 to a lone pair (loneKind), with Unrelated
// below the threshold.

// linkGate is the decision of rules 2 and 3 for one pair of documents.
type linkGate struct {
	p      params
	bg     float64 // the pair's background (see background)
	thr    float64 // second-pass log-odds a link needs
	strict bool    // whether a link needs a shared common word
}

// newLinkGate is the gate of a pair of documents of background bg at
// sensitivity sens (clamped to [0, 1]).
func newLinkGate(sens, bg float64, p params) linkGate {
	sens = min(1, max(0, sens))
	return linkGate{p: p, bg: bg, thr: sensThreshold(sens, p), strict: isStrict(bg, sens)}
}

// eligible reports whether a candidate of substantive bits subst (see
// substBits) and first-pass log-odds z1 may link: it is substantive and
// its second-pass log-odds can reach the threshold.
func (g *linkGate) eligible(subst uint8, z1 float64) bool {
	need := substPlain
	if g.strict {
		need = substStrict
	}
	return subst&need != 0 && stackBound(z1, g.bg) >= g.thr
}

// links reports whether an eligible candidate of second-pass log-odds z
// is a link.
func (g *linkGate) links(z float64) bool { return z >= g.thr }

// sensThreshold is the log-odds a link needs at sensitivity sens: the
// fitted threshold at DefaultSensitivity, p.sensSpan logits lower at 1
// than at 0.
func sensThreshold(sens float64, p params) float64 {
	return logit(linkThreshold) + p.sensSpan*(DefaultSensitivity-sens)
}

// isStrict reports whether links between a pair of documents of
// background bg need a shared common word (see candidate.substantive).
func isStrict(bg, sens float64) bool { return bg > strictBackground || sens < StrictSensitivity }

// strictBackground is the background above which a pair of documents is
// taken as independent reports rather than rewrites (see isStrict): about
// half as many confidently matched sentences as in a typical rewrite. A
// variable so that TestFit can try others (STRICTBG).
var strictBackground = 0.7

// tooShort reports whether a sentence, or the shorter of two, of n content
// stems is too short ever to link (under params.minContent).
func tooShort(n int, p params) bool { return n < p.minContent }

// substantive reports whether a candidate shares real content: at least
// minShared content stems, one of them exactly, between sentences that
// each carry at least minContent content stems, so that a headline
// fragment such as "The president of Mexico" never links on the story's
// topic words alone. Between articles that are not rewrites of each other
// (strict), one shared word must be a common word rather than a name: one
// official named in two unrelated sentences is no link. A rewrite that
// keeps only the names of a sentence ("Sultan Al Jaber", "Masdar") still
// tells of the same thing, and the model decides.
func (c *candidate) substantive(p params, strict bool) bool {
	m := &c.m
	if m.exact < 1 || m.exact+m.synonym < p.minShared || tooShort(c.short, p) {
		return false
	}
	return !strict || m.common >= 1
}

// The bits of substBits: whether a candidate is substantive when its
// pair of documents is not strict, and when it is.
const (
	substPlain uint8 = 1 << iota
	substStrict
)

// substBits is whether candidate c is substantive, strict or not, as the
// bits substPlain and substStrict: what a linkGate needs of it at any
// sensitivity.
func (c *candidate) substBits(p params) uint8 {
	var b uint8
	if c.substantive(p, false) {
		b |= substPlain
	}
	if c.substantive(p, true) {
		b |= substStrict
	}
	return b
}

// linkKind is the kind of a link of word diff diff: Shared when the diff
// keeps at least params.sharedDiff of the words of both sentences, else
// Paraphrased.
func linkKind(diff []DiffSpan, p params) Kind {
	if diffEqualShare(diff) >= p.sharedDiff {
		return Shared
	}
	return Paraphrased
}

// loneKind is Score's verdict on a lone pair of sentences a and b, of
// candidate c and probability prob (rounded to three decimals): Unrelated
// below the link model's threshold at the default sensitivity or when
// they share fewer than params.minShared content stems, else the kind of
// their link.
func loneKind(c *candidate, prob float64, a, b string, p params) Kind {
	if prob < round3(linkThreshold) || c.m.exact+c.m.synonym < p.minShared {
		return Unrelated
	}
	return linkKind(WordDiff(a, b), p)
}

// classify sets every sentence's status, coverage and links from the
// links: its status is the kind of its strongest link, else Unique.
func classify(res *Result) {
	slices.SortStableFunc(res.Links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(a.A.Doc, b.A.Doc), cmp.Compare(a.A.Sentence, b.A.Sentence),
			cmp.Compare(a.B.Doc, b.B.Doc), cmp.Compare(a.B.Sentence, b.B.Sentence))
	})
	nd := len(res.Sentences)
	for d := range res.Sentences {
		for i := range res.Sentences[d] {
			res.Sentences[d][i] = SentenceResult{Status: Unique, Coverage: 1}
		}
	}
	seen := make([][]map[int]bool, nd)
	for d := range seen {
		seen[d] = make([]map[int]bool, len(res.Sentences[d]))
	}
	touch := func(r Ref, other, li int) {
		sr := &res.Sentences[r.Doc][r.Sentence]
		sr.Links = append(sr.Links, li)
		if seen[r.Doc][r.Sentence] == nil {
			seen[r.Doc][r.Sentence] = map[int]bool{}
		}
		if !seen[r.Doc][r.Sentence][other] {
			seen[r.Doc][r.Sentence][other] = true
			sr.Coverage++
		}
	}
	for li, l := range res.Links {
		touch(l.A, l.B.Doc, li)
		touch(l.B, l.A.Doc, li)
	}
	for d := range res.Sentences {
		for i := range res.Sentences[d] {
			sr := &res.Sentences[d][i]
			slices.SortStableFunc(sr.Links, func(x, y int) int { return cmp.Compare(res.Links[y].Score, res.Links[x].Score) })
			if len(sr.Links) > 0 {
				sr.Status = res.Links[sr.Links[0]].Kind
			}
		}
	}
}

// countsAs is the outcome a sentence of status k counts as: Shared or
// Paraphrased, else (an empty status too) Unique.
func countsAs(k Kind) Kind {
	if k == Shared || k == Paraphrased {
		return k
	}
	return Unique
}
