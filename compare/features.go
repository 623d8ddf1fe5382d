package compare

import (
	"cmp"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax/analysis/token"
)

// vocab numbers the content stems of one comparison.
type vocab struct {
	ids      map[string]int32
	gramIDs  map[uint64]int32
	tz       *token.Tokenizer // the comparison's tokeniser, with its stem cache
	stems    []string
	surface  []string  // per id: the first word seen with the stem (see vectorsOf)
	concepts []string  // WordNet concepts per id, 2 bytes each (English only; see finish and relatedConcepts)
	origins  []string  // per id, the origin mask of each of its concepts, a byte each (see wordnetStems.origins)
	relIDs   [][]int32 // related stems of each id, sorted (see finish)
	english  []bool    // whether the stem came from English text
	number   []bool
	lower    []bool // whether the stem was written in lower case at least once (else a name)
}

func newVocab() *vocab {
	return &vocab{ids: map[string]int32{}, gramIDs: map[uint64]int32{}, tz: token.New()}
}

// gramID returns the id of a character n-gram, adding it when new.
func (v *vocab) gramID(g uint64) int32 {
	id, ok := v.gramIDs[g]
	if !ok {
		id = int32(len(v.gramIDs))
		v.gramIDs[g] = id
	}
	return id
}

// gramSize is the length of the character n-grams compared.
const gramSize = 4

// addGrams appends the ids of the character n-grams of word, padded with
// boundary marks, to ids. An n-gram is known by a 64-bit FNV-1a hash of its
// runes.
func (v *vocab) addGrams(ids []int32, word string) []int32 {
	var buf [64]rune
	rs := append(buf[:0], '_')
	for _, r := range word {
		rs = append(rs, r)
	}
	rs = append(rs, '_')
	hash := func(rs []rune) uint64 {
		h := uint64(14695981039346656037)
		for _, r := range rs {
			h = (h ^ uint64(r)) * 1099511628211
		}
		return h
	}
	if len(rs) <= gramSize {
		return append(ids, v.gramID(hash(rs)))
	}
	for k := 0; k+gramSize <= len(rs); k++ {
		ids = append(ids, v.gramID(hash(rs[k:k+gramSize])))
	}
	return ids
}

// id returns the id of a stem, adding it when new (with no surface form
// yet: see featuresOf).
func (v *vocab) id(stem string, english, number bool) int32 {
	if id, ok := v.ids[stem]; ok {
		return id
	}
	id := int32(len(v.stems))
	v.ids[stem] = id
	v.stems = append(v.stems, stem)
	v.surface = append(v.surface, "")
	v.english = append(v.english, english)
	v.number = append(v.number, number)
	v.lower = append(v.lower, false)
	return id
}

// sentFeat is what the aligner knows of one sentence.
type sentFeat struct {
	ids     []int32 // distinct content stems, sorted
	grams   []int32 // distinct character 4-grams of the content words, sorted
	surface []string
	common  []bool    // per stem: written in lower case, a common word rather than part of a name
	pos     []uint8   // per stem: the parts of speech its first word may stand for there (see contextPOS); nil: any
	clauses [][]int32 // content stems of each clause, sorted (nil: one clause)
	words   int       // number of word tokens, stop words included
	skip    bool
}

// features tokenises text and returns its content-stem ids, sorted and
// distinct, with one surface form for each.
func (v *vocab) features(text, lang string) sentFeat {
	return v.featuresOf(text, lang, v.tz.Tokenize(text, lang))
}

// featuresOf numbers the content stems of a tokenised sentence. Each stem
// keeps the surface form of its first word; a sentence of any number of
// distinct words costs n log n.
func (v *vocab) featuresOf(text, lang string, toks []token.Token) sentFeat {
	english := lang == "" || lang == "en"
	f := sentFeat{words: len(toks)}
	type pair struct {
		id  int32
		pos int // token index: the first one of each stem is kept
	}
	var ps []pair
	for k, t := range toks {
		if t.Stop || (len(t.Norm) < 2 && !t.Number) {
			continue
		}
		id := v.id(t.Stem, english, t.Number)
		if v.surface[id] == "" {
			v.surface[id] = t.Norm
		}
		if !v.lower[id] && isCommonWord(text[t.Start:t.End]) {
			v.lower[id] = true
		}
		ps = append(ps, pair{id, k})
	}
	f.clauses = clausesOf(text, toks, func(yield func(int32, int) bool) {
		for _, p := range ps {
			if !yield(p.id, p.pos) {
				return
			}
		}
	})
	slices.SortFunc(ps, func(x, y pair) int { return cmp.Or(cmp.Compare(x.id, y.id), cmp.Compare(x.pos, y.pos)) })
	ps = slices.CompactFunc(ps, func(x, y pair) bool { return x.id == y.id })
	f.ids = make([]int32, len(ps))
	f.surface = make([]string, len(ps))
	f.common = make([]bool, len(ps))
	if english {
		f.pos = make([]uint8, len(ps))
	}
	for k, p := range ps {
		t := toks[p.pos]
		f.ids[k], f.surface[k], f.common[k] = p.id, t.Norm, isCommonWord(text[t.Start:t.End])
		if english {
			f.pos[k] = contextPOS(toks, p.pos, f.common[k])
		}
		f.grams = v.addGrams(f.grams, t.Norm)
	}
	f.grams = sortedUnique(f.grams)
	return f
}

// minClause is the fewest content stems a clause has; shorter pieces join
// the clause before them.
const minClause = 3

// clauseOpeners are the words that open a clause after a comma: ", while",
// ", and", ", but", relative clauses.
var clauseOpeners = map[string]bool{
	"while": true, "and": true, "but": true, "whereas": true, "which": true, "who": true,
	"whom": true, "whose": true, "where": true, "although": true, "though": true, "after": true,
	"saying": true, "adding": true, "as": true, "because": true,
}

// clausesOf splits a sentence into clauses at semicolons, colons, dashes,
// quotation marks and commas before a clause opener, and returns each
// clause's content stems (content yields each content stem with its token
// index, in text order), sorted and distinct; nil when there is only one.
func clausesOf(text string, toks []token.Token, content iter.Seq2[int32, int]) [][]int32 {
	if len(toks) < 2*minClause {
		return nil
	}
	clauseOf := make([]int, len(toks))
	n := 0
	for k := 1; k < len(toks); k++ {
		gap := text[toks[k-1].End:toks[k].Start]
		if strings.ContainsAny(gap, ";:—–\"“”") || strings.Contains(gap, " - ") ||
			(strings.Contains(gap, ",") && clauseOpeners[toks[k].Norm]) {
			n++
		}
		clauseOf[k] = n
	}
	if n == 0 {
		return nil
	}
	cl := make([][]int32, n+1)
	for id, k := range content {
		cl[clauseOf[k]] = append(cl[clauseOf[k]], id)
	}
	// Join short pieces to the clause before them (the first to the next).
	var out [][]int32
	for _, c := range cl {
		if len(out) > 0 && (len(c) < minClause || len(out[len(out)-1]) < minClause) {
			out[len(out)-1] = append(out[len(out)-1], c...)
			continue
		}
		out = append(out, c)
	}
	if len(out) < 2 {
		return nil
	}
	for k := range out {
		out[k] = sortedUnique(out[k])
	}
	return out
}

// clauseFit is how well one sentence matches one clause of the other: the
// best weighted Dice coefficient of either sentence with a clause of the
// other (exact stems only), and the share of that clause's weight the
// sentence holds. Both are 0 when neither sentence has clauses.
func clauseFit(a, b *sentFeat, w []float64) (dice, cover float64) {
	fit := func(whole []int32, clauses [][]int32) {
		mw := 0.0
		for _, id := range whole {
			mw += w[id]
		}
		for _, c := range clauses {
			shared, mc := 0.0, 0.0
			i := 0
			for _, id := range c {
				mc += w[id]
				for i < len(whole) && whole[i] < id {
					i++
				}
				if i < len(whole) && whole[i] == id {
					shared += w[id]
				}
			}
			if mc == 0 || mw == 0 {
				continue
			}
			if d := 2 * shared / (mw + mc); d > dice {
				dice, cover = d, shared/mc
			}
		}
	}
	fit(a.ids, b.clauses)
	fit(b.ids, a.clauses)
	return dice, cover
}

// scratch is working memory for overlap; one per goroutine.
type scratch struct {
	mark         []int32   // a stem's place among b's unmatched stems, plus one
	restA, restB []int     // unmatched stems
	bestA, bestB []float64 // best similarity per stem (wordVectors.align)
	vecA, vecB   []int     // stems with a vector and no exact match

	// Buffers of candidates, reused from one pair of documents to the next.
	cands []candidate
	cells []uint64
	cache []cachedMatch
	ret   retriever
	spare *scratch // a second worker's, for a lone pair of documents (see candidates)
}

// scratches keeps workers' buffers from one comparison to the next: a
// viewer compares again whenever an article is included or excluded, and
// each pair's cache and candidates would otherwise be allocated and
// zeroed anew.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// getScratch returns a worker's buffers (see scratches).
func getScratch() *scratch { return scratches.Get().(*scratch) }

// putScratch gives sc, and its spare, back for the next comparison.
func putScratch(sc *scratch) {
	if sc.spare != nil {
		putScratch(sc.spare)
		sc.spare = nil
	}
	scratches.Put(sc)
}

// evidence is one shared word, or a related pair "a~b", with its weight.
type evidence struct {
	text   string
	weight float64
}

// match is the overlap of two sentences.
type match struct {
	weight  float64 // idf mass of the matched stems (synonyms discounted)
	exact   int     // exactly shared content stems
	synonym int     // related stem pairs
	numA    bool    // a has numbers
	numB    bool
	numBoth bool    // a number is shared
	common  int     // exactly shared stems written in lower case in both sentences
	maxW    float64 // weight of the rarest shared stem
}

// overlap measures what sentences a and b share, given stem weights.
// When ev is not nil it receives the evidence: shared words, then related
// word pairs written "a~b".
func (v *vocab) overlap(sc *scratch, a, b *sentFeat, w []float64, synWeight float64, ev *[]evidence) match {
	var m match
	restA, restB := sc.restA[:0], sc.restB[:0]
	defer func() { sc.restA, sc.restB = restA, restB }()
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j >= len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]):
			restA = append(restA, i)
			i++
		case i >= len(a.ids) || b.ids[j] < a.ids[i]:
			restB = append(restB, j)
			j++
		default:
			id := a.ids[i]
			m.weight += w[id]
			m.maxW = math.Max(m.maxW, w[id])
			m.exact++
			if a.common[i] && b.common[j] {
				m.common++
			}
			if v.number[id] {
				m.numBoth = true
			}
			if ev != nil {
				*ev = append(*ev, evidence{a.surface[i], w[id]})
			}
			i++
			j++
		}
	}
	for _, x := range restA {
		if v.number[a.ids[x]] {
			m.numA = true
		}
	}
	for _, y := range restB {
		if v.number[b.ids[y]] {
			m.numB = true
		}
	}
	if synWeight == 0 || m.exact == 0 {
		// Related words only ever add to an exact match.
		return m
	}
	// Mark the unmatched stems of b with their place in restB, then look
	// for each unmatched stem of a among its related stems.
	if len(sc.mark) < len(v.stems) {
		sc.mark = make([]int32, len(v.stems))
	}
	for yk, y := range restB {
		sc.mark[b.ids[y]] = int32(yk + 1)
	}
	var usedSmall [64]bool
	var used []bool
	if len(restB) <= len(usedSmall) {
		used = usedSmall[:len(restB)]
	} else {
		used = make([]bool, len(restB))
	}
	for _, x := range restA {
		ida := a.ids[x]
		if int(ida) >= len(v.relIDs) {
			continue
		}
		bestK, bestW := -1, 0.0
		for _, idb := range v.relIDs[ida] {
			yk := int(sc.mark[idb]) - 1
			if yk < 0 || used[yk] || !v.plausible(a, x, b, restB[yk]) {
				continue
			}
			if ww := math.Min(w[ida], w[idb]); ww > bestW {
				bestK, bestW = yk, ww
			}
		}
		if bestK >= 0 {
			used[bestK] = true
			m.weight += synWeight * bestW
			m.synonym++
			if v.number[ida] {
				m.numBoth = true // a near number: the same quantity
			}
			if ev != nil {
				*ev = append(*ev, evidence{a.surface[x] + "~" + b.surface[restB[bestK]], synWeight * bestW})
			}
		}
	}
	for _, y := range restB {
		sc.mark[b.ids[y]] = 0
	}
	return m
}

// plausible reports whether the related stems a.ids[x] and b.ids[y] may
// be taken for each other where they stand: when WordNet relates them,
// one of the concepts they share must come, for each word, from a sense
// of a part of speech the word may have there (see contextPOS): "the
// talks" (a noun) are related to "spoke" through the verb concept that
// the noun "talk" reaches by derivation, but "briefed" (a verb) is not
// related to "short", which shares only the adjective concept "brief".
// Relations by ending or nearness of numbers share no concept and always
// hold.
func (v *vocab) plausible(a *sentFeat, x int, b *sentFeat, y int) bool {
	if a.pos == nil || b.pos == nil {
		return true
	}
	pa, pb := a.pos[x], b.pos[y]
	if pa == posAny && pb == posAny {
		return true
	}
	ida, idb := a.ids[x], b.ids[y]
	cx, cy := v.concepts[ida], v.concepts[idb]
	shared := false
	for i, j := 0, 0; 2*i < len(cx) && 2*j < len(cy); {
		ci, cj := u16(cx, i), u16(cy, j)
		switch {
		case ci == cj:
			if v.origins[ida][i]&pa != 0 && v.origins[idb][j]&pb != 0 {
				return true
			}
			shared = true
			i++
			j++
		case ci < cj:
			i++
		default:
			j++
		}
	}
	return !shared
}

// finish computes, once every stem is known, each stem's related stems
// within the vocabulary: those that share a WordNet concept with it, those
// derived from it by a plausible ending (see relatePrefixes) and, for
// numbers, the near ones (see relateNearNumbers).
func (v *vocab) finish() {
	n := len(v.stems)
	v.concepts = make([]string, n)
	v.origins = make([]string, n)
	forChunks(n, func(lo, hi int) {
		for id := lo; id < hi; id++ {
			if v.english[id] && !v.number[id] {
				v.concepts[id], v.origins[id] = relatedConcepts(v.stems[id])
			}
		}
	})
	rel := make([][]int32, n)
	byConcept := map[uint32][]int32{}
	for id, cs := range v.concepts {
		for k := range len(cs) / 2 {
			c := u16(cs, k)
			byConcept[c] = append(byConcept[c], int32(id))
		}
	}
	for _, ids := range byConcept {
		for _, x := range ids {
			for _, y := range ids {
				if x != y {
					rel[x] = append(rel[x], y)
				}
			}
		}
	}
	v.relatePrefixes(rel)
	v.relateNearNumbers(rel)
	for id := range rel {
		rel[id] = sortedUnique(rel[id])
	}
	v.relIDs = rel
}

// nearNumber is how far apart, relative to the larger, two numbers may be
// and still tell of one quantity: news rounds ("more than 22,000" for
// 22,464; "1,500 acres" for 1,483).
const nearNumber = 0.03

// relateNearNumbers relates number stems within nearNumber of each other,
// from 100 up, years aside (2008 and 2009 are different years).
func (v *vocab) relateNearNumbers(rel [][]int32) {
	type num struct {
		val float64
		id  int32
	}
	var nums []num
	for id, st := range v.stems {
		if !v.number[id] {
			continue
		}
		f, err := strconv.ParseFloat(st, 64)
		if err != nil || f < 100 || (f >= 1800 && f <= 2100 && f == math.Trunc(f)) {
			continue
		}
		nums = append(nums, num{f, int32(id)})
	}
	slices.SortFunc(nums, func(a, b num) int { return cmp.Compare(a.val, b.val) })
	for k, a := range nums {
		for n, b := range nums[k+1:] {
			if n == maxRelated || b.val-a.val > nearNumber*b.val {
				break
			}
			rel[a.id] = append(rel[a.id], b.id)
			rel[b.id] = append(rel[b.id], a.id)
		}
	}
}

// maxRelated is how many following stems (in sorted order) one stem is
// related to by prefix, and one number to by nearness, at most: words
// such as "word1" ... "word99999" would otherwise relate every stem to
// every other. Real text never comes near it.
const maxRelated = 64

// relatePrefixes relates a stem to the longer stems it begins when the
// rest is an ending that keeps the referent, and the stemmer left the two
// apart: a name's demonym ("ethiopia", "ethiopian"; "iraq", "iraqi";
// "afghan", "afghanistan"), both never written in lower case, and the
// "-ern" of a compass point ("north", "northern"). Any other shared
// beginning is a coincidence of spelling more often than of meaning:
// "party" and "particularly", "cabin" and "cabinet", "count" and
// "countries", "internal" and "internet".
func (v *vocab) relatePrefixes(rel [][]int32) {
	order := make([]int32, 0, len(v.stems))
	for id := range v.stems {
		if !v.number[id] {
			order = append(order, int32(id))
		}
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(v.stems[x], v.stems[y]) })
	for k, x := range order {
		sx := v.stems[x]
		if len(sx) < minPrefix {
			continue
		}
		for n, y := range order[k+1:] {
			if n == maxRelated || !strings.HasPrefix(v.stems[y], sx) {
				break
			}
			rest := v.stems[y][len(sx):]
			name := !v.lower[x] && !v.lower[y]
			if (name && slices.Contains(demonymEndings, rest)) || (rest == "ern" && v.lower[x] && slices.Contains(compassPoints, sx)) {
				rel[x] = append(rel[x], y)
				rel[y] = append(rel[y], x)
			}
		}
	}
}

// minPrefix is the shortest stem related to the longer stems it begins
// ("cuba", "cuban").
const minPrefix = 4

// demonymEndings are the endings that make a people or its language of a
// place's name, as the stemmer leaves them.
var demonymEndings = []string{"n", "an", "ian", "ean", "ese", "i", "istan"}

// compassPoints are the stems that take "-ern".
var compassPoints = []string{"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}

// gramDice is the weighted Dice coefficient of two sorted n-gram lists.
// The weights are summed in the order of the merged lists.
func gramDice(a, b []int32, w []float64) float64 {
	var shared, total float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		switch {
		case x < y:
			total += w[x]
			i++
		case y < x:
			total += w[y]
			j++
		default:
			shared += 2 * w[x]
			total += 2 * w[x]
			i++
			j++
		}
	}
	for _, x := range a[i:] {
		total += w[x]
	}
	for _, y := range b[j:] {
		total += w[y]
	}
	if total == 0 {
		return 0
	}
	return shared / total
}

// gramWeights returns inverse sentence frequencies of the n-grams.
func gramWeights(v *vocab, feats [][]sentFeat) []float64 {
	df := make([]int, len(v.gramIDs))
	n := 0
	for _, fs := range feats {
		for _, f := range fs {
			if f.skip {
				continue
			}
			n++
			for _, id := range f.grams {
				df[id]++
			}
		}
	}
	w := make([]float64, len(df))
	for id, d := range df {
		w[id] = math.Log(float64(n+1) / float64(max(d, 1)))
	}
	return w
}

// mass is the total weight of a sentence's content stems.
func mass(f *sentFeat, w []float64) float64 {
	s := 0.0
	for _, id := range f.ids {
		s += w[id]
	}
	return s
}

// idfWeights returns inverse sentence frequencies over the given sentences:
// a stem found in few of them weighs more than one found in many.
//
// Measured and not kept (2026-12-04): scaling each English stem's weight
// by its rarity in general English, log(rank+2)/log(50,002) with rank its
// row in the frequency-ordered GloVe table (internal/wordvec), so that a
// shared "new" weighs less than a shared "zucchini" found as seldom in
// the compared set. Refitted (TestFit, two folds by article pair), the
// held-out folds rose on real outlets (ecb_pairs_dev F1 0.667/0.586 ->
// 0.729/0.667; news_synth_dev 0.666/0.682 -> 0.676/0.677; ecb_dev
// precision 0.861/0.849 -> 0.856/0.870), and parallax eval to news_synth
// 0.681, ecb_pairs 0.733, ecb_dev P 0.864 R 0.446. But the five sample
// articles went from 59 links to 88, many of them on topic words alone
// ("López Obrador has become an increasingly important partner for the
// Biden administration..." ~ "The Biden administration wants Mexico to
// increase deportations."), and TestSampleLinks failed (two outlets under
// half unique). Variants did no better: the factor's square root (85
// links) or square; full weight for the 45,000 rarer words (72 links,
// held-out gains halved); 0.75 for words outside the table (92 links);
// the factor on the word-vector weights only (no gain, 61 links).
func idfWeights(v *vocab, feats [][]sentFeat, pow float64) []float64 {
	df := make([]int, len(v.stems))
	n := 0
	for _, fs := range feats {
		for _, f := range fs {
			if f.skip {
				continue
			}
			n++
			for _, id := range f.ids {
				df[id]++
			}
		}
	}
	w := make([]float64, len(v.stems))
	for id := range w {
		d := df[id]
		if d == 0 {
			d = 1
		}
		w[id] = math.Log(float64(n+1) / float64(d))
		if w[id] < 0.05 {
			w[id] = 0.05
		}
		w[id] = math.Pow(w[id], pow)
	}
	return w
}

// sortedUnique sorts and de-duplicates ids in place.
func sortedUnique(ids []int32) []int32 {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// isCommonWord reports whether a word is written in lower case (or is a
// number): a common word, not a name or part of a title.
func isCommonWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsUpper(r)
}
