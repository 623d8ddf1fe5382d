package stories

import (
	"context"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/analysis/token"
	"parallax/corpus"
	"parallax/internal/parallel"
)

// weighting holds the constants of term weighting and linking.
type weighting struct {
	nameBoost float64 // weight factor of names (capitalised words, acronyms, two-word names)
	// leadBoost is the weight factor of the terms of an article's lead
	// (its headline and first sentence, see leadSentences): news puts
	// what happened first, and its details, which other reports of the
	// event need not share, after. 1.5 lifted the pairwise F1 of grouping
	// ecb_dev from 0.917 to 0.965 and of the news_synth corpus from 0.896
	// to 0.899 (1.25 to 1.75 did about as well on both; 2 cost the
	// latter 0.02).
	leadBoost float64
	// minDocs is the smallest number of articles the inverse document
	// frequencies are taken over: a small folder counts as part of a
	// larger set of articles on other things. Rarity measured in a few
	// articles says little (in five articles on one event, the event's
	// names are in all five), so without this floor the articles of a
	// small folder would look unrelated.
	minDocs float64
	minEdge float64 // similarity below which a pair of articles is not kept at all
	minPost int     // postings always searched, whatever MaxDocShare says
}

var defaultWeighting = weighting{
	nameBoost: 1.5,
	leadBoost: 1.5,
	minDocs:   100,
	minEdge:   0.05,
	minPost:   50,
}

// rawTerm is one content term of an article before weighting.
type rawTerm struct {
	key     string // the stem, or "stem1 stem2" for a two-word name
	surface string // how the article writes it
	tf      int32  // occurrences
	name    bool   // mostly written capitalised inside sentences
	sure    bool   // whether the article shows the case of the word: it occurs inside a sentence
	lead    bool   // it occurs in the article's lead: its first leadSentences sentences
	verb    bool   // written at least once as a past tense or participle ("charged")
}

// leadSentences is how many sentences of reporting, the headline
// included, make an article's lead: where it says what happened.
const leadSentences = 2

// extractAll finds the content terms of every document, in parallel.
func extractAll(ctx context.Context, docs []*corpus.Document, prog *progress) ([][]rawTerm, error) {
	raw := make([][]rawTerm, len(docs))
	tzs := make([]*token.Tokenizer, parallel.Workers(len(docs)))
	err := parallel.For(ctx, len(docs), func(w, i int) {
		if tzs[w] == nil {
			tzs[w] = token.New()
		}
		raw[i] = extract(docs[i], tzs[w])
		prog.add(1)
	})
	return raw, err
}

// termAcc accumulates one term's occurrences in an article.
type termAcc struct {
	tf, capital, lower int32
	surface            string // first capitalised occurrence inside a sentence
	norm               string // the lower-cased word
	lead, verb         bool   // see rawTerm
}

// word is one content word of an article.
type word struct {
	stem, norm, surface string
	start, end          int  // byte offsets in the article's text
	initial             bool // first of its sentence, or in the headline: its case says nothing
	capital             bool // has an upper-case letter
	follows             bool // comes right after the previous word of its sentence, as in a name
}

// extract returns the content terms of doc's reporting (boilerplate is
// skipped) in order of first occurrence: every content stem, and every
// two-word name ("López Obrador": two adjacent capitalised words, each
// inside a sentence or a name elsewhere in the article).
func extract(doc *corpus.Document, tz *token.Tokenizer) []rawTerm {
	acc := map[string]*termAcc{}
	var order []string
	get := func(key, norm string) *termAcc {
		a := acc[key]
		if a == nil {
			a = &termAcc{norm: norm}
			acc[key] = a
			order = append(order, key)
		}
		return a
	}
	var words []word
	reporting := 0 // sentences of reporting so far
	for _, s := range doc.Sentences {
		if s.Boilerplate {
			continue
		}
		reporting++
		text := doc.Text[s.Start:s.End]
		prevEnd := -1 // end of the previous token when it is a content word
		toks := tz.Tokenize(text, doc.Language)
		for k, t := range toks {
			if t.Stop || len(t.Norm) < 2 || isContraction(tz, t.Norm, doc.Language) {
				prevEnd = -1
				continue
			}
			surface := text[t.Start:t.End]
			if strings.Contains(surface, ".") && strings.HasPrefix(text[t.End:], ".") {
				surface += "." // the last full stop of "U.S."
			}
			w := word{
				stem: t.Stem, norm: trimPossessive(t.Norm), surface: trimPossessive(surface),
				start: s.Start + t.Start, end: s.Start + t.End,
				initial: k == 0 || s.Headline,
				capital: !t.Number && hasUpper(text[t.Start:t.End]),
				follows: prevEnd >= 0 && nameGap(text[prevEnd:t.Start], text[toks[k-1].Start:prevEnd]),
			}
			prevEnd = t.End
			if w.norm != t.Norm {
				prevEnd = -1 // a possessive ends a name: not "Microsoft's Dustin"
			}
			words = append(words, w)
			a := get(w.stem, w.norm)
			a.tf++
			a.lead = a.lead || reporting <= leadSentences
			a.verb = a.verb || verbForm(w.norm, w.stem)
			switch {
			case w.initial || t.Number:
			case w.capital:
				a.capital++
				if a.surface == "" {
					a.surface = w.surface
				}
			default:
				a.lower++
			}
		}
	}
	isName := func(w *word) bool {
		a := acc[w.stem]
		return w.capital && (!w.initial || a.capital > a.lower)
	}
	for k := 1; k < len(words); k++ {
		p, w := &words[k-1], &words[k]
		if !w.follows || !isName(p) || !isName(w) {
			continue
		}
		b := get(p.stem+" "+w.stem, "")
		b.tf++
		b.capital++
		if b.surface == "" {
			b.surface = trimPossessive(doc.Text[p.start:w.end])
		}
	}
	out := make([]rawTerm, 0, len(order))
	for _, key := range order {
		a := acc[key]
		t := rawTerm{key: key, surface: a.norm, tf: a.tf, name: a.capital > a.lower, sure: a.capital+a.lower > 0, lead: a.lead, verb: a.verb}
		if t.name {
			t.surface = a.surface
		}
		out = append(out, t)
	}
	return out
}

// verbForm reports whether a word looks like an English past tense or
// participle of its stem ("charged" of "charg"): a sign that the word says
// what happened, not what something is. Words in -ing are left out: as
// often nouns ("crossings", "building") as verbs.
func verbForm(norm, stem string) bool {
	return len(stem) >= 4 && stem != norm && strings.HasSuffix(norm, "ed")
}

// nameGap reports whether gap, the text between two words, can join them
// into a name: white space, a hyphen with no space around it
// ("Sea-Micro", a variant of "SeaMicro" and "Sea Micro"), or the full
// stop of a short abbreviation such as prev "St" ("St. Louis").
func nameGap(gap, prev string) bool {
	g := strings.TrimSpace(gap)
	return g == "" || gap == "-" || gap == "\u2010" || (g == "." && utf8.RuneCountInString(prev) <= 3 && gap[0] == '.')
}

// isContraction reports whether a word is a contraction of a stop word
// ("I'm", "don't", "it's"): the part before its apostrophe is one.
func isContraction(tz *token.Tokenizer, norm, lang string) bool {
	k := strings.IndexByte(norm, '\'')
	if k <= 0 {
		return false
	}
	toks := tz.Tokenize(norm[:k], lang)
	return len(toks) == 1 && toks[0].Stop
}

// hasUpper reports whether s has an upper-case letter ("Biden", "iPad").
func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// trimPossessive drops an English possessive ending ("Obrador’s").
func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// vector is a sparse term vector.
type vector struct {
	ids     []int32   // term ids
	w       []float64 // weights, parallel to ids
	surface []string  // how the article writes each term
	sure    []bool    // whether the article shows the term's case (see rawTerm)
	tf      []int32   // occurrences of each term in the article
	event   []bool    // whether the term is in the article's lead and looks like what happened (see rawTerm)
}

// vectors are the term vectors of a set of articles.
type vectors struct {
	// docs are the articles' vectors, ids increasing, normalised to unit
	// length over all the article's terms.
	docs []vector
	// own are, per article, its most distinctive terms, shared or not,
	// most distinctive first: the label of an article on its own.
	own   []vector
	df    []int32  // per term id: articles that contain it
	terms []string // per term id: its key
}

// ownTerms is the length of vectors.own.
const ownTerms = 8

// weighted is one weighted term of an article.
type weighted struct {
	id    int32
	w     float64
	tf    int32
	sur   string
	sure  bool
	event bool
}

// vectorOf makes a vector of terms, each weight divided by norm.
func vectorOf(ts []weighted, norm float64) vector {
	n := len(ts)
	v := vector{ids: make([]int32, n), w: make([]float64, n), surface: make([]string, n), sure: make([]bool, n), tf: make([]int32, n), event: make([]bool, n)}
	for i, t := range ts {
		v.ids[i], v.w[i], v.surface[i], v.sure[i], v.tf[i], v.event[i] = t.id, t.w/norm, t.sur, t.sure, t.tf, t.event
	}
	return v
}

// buildVectors weighs every article's terms by tf-idf over the set,
// names boosted, and keeps the top k terms that the article shares with
// at least one other. Vectors are normalised by the length of the full
// tf-idf vector, so that an article with much content of its own stays
// less similar to others than one that is all shared. It checks ctx
// between articles and returns ctx.Err() when cancelled.
func buildVectors(ctx context.Context, raw [][]rawTerm, k int, prog *progress) (*vectors, error) {
	mergeVariants(raw)
	vs := &vectors{docs: make([]vector, len(raw)), own: make([]vector, len(raw))}
	ids := map[string]int32{}
	docIDs := make([][]int32, len(raw))
	for d, terms := range raw {
		if d%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		docIDs[d] = make([]int32, len(terms))
		for i, t := range terms {
			id, ok := ids[t.key]
			if !ok {
				id = int32(len(vs.terms))
				ids[t.key] = id
				vs.terms = append(vs.terms, t.key)
				vs.df = append(vs.df, 0)
			}
			vs.df[id]++
			docIDs[d][i] = id
		}
	}
	n := float64(len(raw))
	var all, shared []weighted
	for d, terms := range raw {
		if d%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		all, shared = all[:0], shared[:0]
		norm := 0.0
		for i, t := range terms {
			id := docIDs[d][i]
			w := (1 + math.Log(float64(t.tf))) * math.Log(1+max(n, defaultWeighting.minDocs)/float64(vs.df[id]))
			if t.name {
				w *= defaultWeighting.nameBoost
			}
			if t.lead {
				w *= defaultWeighting.leadBoost
			}
			norm += w * w
			all = append(all, weighted{id, w, t.tf, t.surface, t.sure, eventTerm(t)})
		}
		norm = math.Sqrt(norm)
		slices.SortFunc(all, func(a, b weighted) int {
			if a.w != b.w {
				if a.w > b.w {
					return -1
				}
				return 1
			}
			return int(a.id - b.id)
		})
		vs.own[d] = vectorOf(all[:min(ownTerms, len(all))], norm)
		for _, t := range all {
			if len(shared) == k {
				break
			}
			if vs.df[t.id] >= 2 {
				shared = append(shared, t)
			}
		}
		slices.SortFunc(shared, func(a, b weighted) int { return int(a.id - b.id) })
		vs.docs[d] = vectorOf(shared, norm)
		prog.add(1)
	}
	return vs, nil
}

// dot is the dot product of two sparse vectors.
func dot(a, b *vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			s += a.w[i] * b.w[j]
			i++
			j++
		}
	}
	return s
}

// edge is a pair of similar articles.
type edge struct {
	a, b int32 // a < b
	sim  float64
}

// Bounds of the neighbour search, which keep grouping near-linear in the
// number of articles even when every article resembles thousands of
// others (a folder of one big story): without them the candidates, the
// similarities computed and the pairs kept all grow with the square of
// the folder.
const (
	// maxPostings is the longest posting list searched: a term in more
	// articles than that finds no neighbours (it still counts in the
	// similarity), whatever MaxDocShare says.
	maxPostings = 1000
	// scanBudget is how many postings one article's search reads at most,
	// its rarest terms first. In folders of up to a few thousand articles
	// no article reaches it (at most Terms × the posting limit).
	scanBudget = 20000
	// maxCandidates is how many candidates, the most similar over the
	// rarer terms, get their full similarity computed per article.
	maxCandidates = 250
	// pairBudget is about how many pairs of neighbours are kept in all:
	// each article keeps its pairBudget/n most similar, at least
	// minNeighbours and at most maxCandidates (a pair is kept when either
	// side keeps it). Average linkage counts the pairs not kept as 0, so
	// an article must keep about as many as its story has members: 40
	// split the stories of 100 articles of a generated folder of 2,000
	// (pairwise F1 0.741 against 0.898 for 100 or more).
	pairBudget = 2_500_000
	// minNeighbours is the fewest neighbours an article keeps, in the
	// largest folders (100,000 articles).
	minNeighbours = 40
)

// neighboursKept is how many neighbours each of n articles keeps.
func neighboursKept(n int) int {
	return min(max(pairBudget/max(n, 1), minNeighbours), maxCandidates)
}

// neighbours finds the pairs of articles whose similarity reaches minEdge.
// Candidates come from an inverted index of the terms in at most
// maxShare of the articles (and at least minPost, at most maxPostings),
// so that the common words of news never make every article a candidate
// of every other: the similarity over those rarer terms is summed along
// the index, rarest terms first and for at most scanBudget postings, and
// the full similarity is computed for the maxCandidates pairs where that
// part is largest, when it reaches half of minEdge. Each article keeps its
// neighboursKept(n) most similar pairs.
func neighbours(ctx context.Context, vs *vectors, maxShare float64, prog *progress) ([]edge, error) {
	n := len(vs.docs)
	limit := min(max(int(maxShare*float64(n)), defaultWeighting.minPost), maxPostings)
	keep := neighboursKept(n)
	type posting struct {
		doc int32
		w   float64
	}
	post := make([][]posting, len(vs.terms))
	for d := range vs.docs {
		if d%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v := &vs.docs[d]
		for k, id := range v.ids {
			if int(vs.df[id]) <= limit {
				post[id] = append(post[id], posting{int32(d), v.w[k]})
			}
		}
	}
	found := make([][]edge, n) // per article a: its kept pairs, b ascending (a may be > b)
	type scratch struct {
		acc     []float64 // per article b: similarity summed so far
		touched []int32   // articles with acc > 0
		order   []int     // the article's indexed terms, rarest first
		cands   []edge
	}
	scr := make([]scratch, parallel.Workers(n))
	err := parallel.For(ctx, n, func(w, a int) {
		sc := &scr[w]
		if sc.acc == nil {
			sc.acc = make([]float64, n)
		}
		va := &vs.docs[a]
		sc.touched, sc.order, sc.cands = sc.touched[:0], sc.order[:0], sc.cands[:0]
		for k, id := range va.ids {
			if len(post[id]) > 0 {
				sc.order = append(sc.order, k)
			}
		}
		slices.SortFunc(sc.order, func(x, y int) int {
			if c := len(post[va.ids[x]]) - len(post[va.ids[y]]); c != 0 {
				return c
			}
			return x - y
		})
		scanned := 0
		for _, k := range sc.order {
			ps := post[va.ids[k]]
			if scanned > 0 && scanned+len(ps) > scanBudget {
				break
			}
			scanned += len(ps)
			for _, p := range ps {
				if int(p.doc) == a {
					continue
				}
				if sc.acc[p.doc] == 0 {
					sc.touched = append(sc.touched, p.doc)
				}
				sc.acc[p.doc] += va.w[k] * p.w
			}
		}
		for _, b := range sc.touched {
			if sc.acc[b] >= defaultWeighting.minEdge/2 {
				sc.cands = append(sc.cands, edge{int32(a), b, sc.acc[b]})
			}
			sc.acc[b] = 0
		}
		if len(sc.cands) > maxCandidates {
			topEdges(sc.cands, maxCandidates)
			sc.cands = sc.cands[:maxCandidates]
		}
		var out []edge
		for _, c := range sc.cands {
			if s := dot(va, &vs.docs[c.b]); s >= defaultWeighting.minEdge {
				out = append(out, edge{int32(a), c.b, s})
			}
		}
		if len(out) > keep {
			topEdges(out, keep)
			out = out[:keep]
		}
		slices.SortFunc(out, func(x, y edge) int { return int(x.b - y.b) })
		found[a] = slices.Clip(out)
		prog.add(1)
	})
	if err != nil {
		return nil, err
	}
	// Each pair once, as (a, b) with a < b: from a's list, or from b's
	// when a did not keep it.
	var edges []edge
	keeps := func(a, b int32) bool {
		_, ok := slices.BinarySearchFunc(found[a], b, func(e edge, t int32) int { return int(e.b - t) })
		return ok
	}
	for a, es := range found {
		if a%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, e := range es {
			switch {
			case e.b > e.a:
				edges = append(edges, e)
			case !keeps(e.b, e.a):
				edges = append(edges, edge{e.b, e.a, e.sim})
			}
		}
	}
	slices.SortFunc(edges, func(x, y edge) int {
		if x.a != y.a {
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	return edges, nil
}

// topEdges moves the k edges of largest similarity (ties: smallest b) to
// the front of es, in no particular order, in linear expected time.
func topEdges(es []edge, k int) {
	better := func(x, y edge) bool { return x.sim > y.sim || (x.sim == y.sim && x.b < y.b) }
	lo, hi := 0, len(es)-1
	for lo < hi {
		// Median of three as the pivot, deterministic.
		mid := lo + (hi-lo)/2
		if better(es[mid], es[lo]) {
			es[mid], es[lo] = es[lo], es[mid]
		}
		if better(es[hi], es[lo]) {
			es[hi], es[lo] = es[lo], es[hi]
		}
		if better(es[mid], es[hi]) {
			es[mid], es[hi] = es[hi], es[mid]
		}
		pivot := es[hi]
		i := lo
		for j := lo; j < hi; j++ {
			if better(es[j], pivot) {
				es[i], es[j] = es[j], es[i]
				i++
			}
		}
		es[i], es[hi] = es[hi], es[i]
		switch {
		case i == k || i == k-1:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i - 1
		}
	}
}
