// Package compare is Parallax's comparison engine, the alignment step: it
// tokenises and stems sentences (with package analysis/token), weighs
// their words by how rare they are in the compared set, aligns the
// sentences of N documents with each other and classifies every link as
// shared (near-verbatim) or paraphrased, and every sentence as shared,
// paraphrased or unique. It also computes word-level diffs for each
// link. Compare does all of it at one sensitivity; Analyze measures the
// documents once for every sensitivity, and Analysis.Result decides them
// at any one in a small part of the time (the viewer's dial). The engine
// is pure Go and deterministic: the same input gives the same output.
package compare

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"

	"parallax/analysis/token"
	"parallax/corpus"
	"parallax/internal/parallel"
)

// params are the engine's tuned constants.
type params struct {
	synWeight      float64 // weight of a related-word match relative to an exact one
	contWeight     float64 // weight of containment (share of the shorter sentence) in the score
	idfPow         float64 // exponent applied to idf weights
	numPenalty     float64 // factor for sentences whose numbers conflict
	position       float64 // 1 to give the model the sentences' relative positions, 0 not to
	minShared      int     // content stems a link needs to share exactly, at least
	minContent     int     // content stems each linked sentence needs, at least
	sensSpan       float64 // logits the threshold moves from sensitivity 0.5 to 0 or 1
	regimeRef      float64 // share of confidently matched sentences of a typical rewrite (see background)
	confidentLogit float64 // first-pass log-odds from which a mutually best match is confident
	sharedDiff     float64 // diff equal share from which a link is near-verbatim
	topK           int     // counterparts kept per sentence and direction (0: every pair sharing a stem)
	postingCap     int     // sentences one stem is followed to from one sentence, at most (0: all)
}

var defaultParams = params{
	synWeight:      0.6,
	contWeight:     0.5,
	idfPow:         2,
	numPenalty:     0.85,
	position:       0,
	minShared:      2,
	minContent:     3,
	sensSpan:       3,
	regimeRef:      0.2,
	confidentLogit: 1,
	sharedDiff:     0.7,
	topK:           4,
	postingCap:     128,
}

// Compare aligns the sentences of docs with each other. It returns an error
// only when ctx is cancelled.
func Compare(ctx context.Context, docs []*corpus.Document, opts Options) (*Result, error) {
	return compareWith(ctx, docs, opts, defaultParams)
}

// prepared holds what the aligner knows of a set of documents.
type prepared struct {
	v      *vocab
	w      []float64         // weight per stem id
	gw     []float64         // weight per n-gram id
	feats  [][]sentFeat      // per document, per sentence
	masses [][]float64       // per document, per sentence: total stem weight
	index  []*postings       // per document: its sentences by stem
	vec    *wordVectors      // word and sentence vectors
	toks   [][][]token.Token // per document, per sentence: its tokens
}

// prepare tokenises every sentence and weighs the stems over the set. It
// checks ctx between documents and returns ctx.Err() when cancelled.
func prepare(ctx context.Context, docs []*corpus.Document, p params) (*prepared, error) {
	pr := &prepared{v: newVocab(), feats: make([][]sentFeat, len(docs)), masses: make([][]float64, len(docs))}
	// Tokenise and stem the documents in parallel, then number the stems
	// in document order, so that ids do not depend on scheduling.
	toks := make([][][]token.Token, len(docs))
	// A tokeniser (stem cache) per worker.
	tzs := make([]*token.Tokenizer, parallel.Workers(len(docs)))
	defer func() {
		for _, tz := range tzs {
			if tz != nil {
				token.Keep(tz)
			}
		}
	}()
	if err := parallel.For(ctx, len(docs), func(w, d int) {
		doc := docs[d]
		if tzs[w] == nil {
			tzs[w] = token.Kept()
		}
		toks[d] = make([][]token.Token, len(doc.Sentences))
		for i, s := range doc.Sentences {
			if i%256 == 255 && ctx.Err() != nil {
				return
			}
			toks[d][i] = tzs[w].Tokenize(doc.Text[s.Start:s.End], doc.Language)
		}
	}); err != nil {
		return nil, err
	}
	for d, doc := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pr.feats[d] = make([]sentFeat, len(doc.Sentences))
		for i, s := range doc.Sentences {
			f := pr.v.featuresOf(doc.Text[s.Start:s.End], doc.Language, toks[d][i])
			f.skip = s.Boilerplate || len(f.ids) == 0
			pr.feats[d][i] = f
		}
	}
	pr.toks = toks
	pr.v.finish()
	pr.w = idfWeights(pr.v, pr.feats, p.idfPow)
	pr.gw = gramWeights(pr.v, pr.feats)
	pr.vec = vectorsOf(pr.v, pr.feats, pr.w)
	pr.index = make([]*postings, len(docs))
	if err := parallel.For(ctx, len(docs), func(_, d int) {
		pr.masses[d] = make([]float64, len(pr.feats[d]))
		for i := range pr.feats[d] {
			pr.masses[d][i] = mass(&pr.feats[d][i], pr.w)
		}
		pr.index[d] = newPostings(pr.feats[d])
	}); err != nil {
		return nil, err
	}
	return pr, nil
}

// live counts the sentences of document d that take part in alignment.
func (pr *prepared) live(d int) int {
	n := 0
	for _, f := range pr.feats[d] {
		if !f.skip {
			n++
		}
	}
	return n
}

func compareWith(ctx context.Context, docs []*corpus.Document, opts Options, p params) (*Result, error) {
	an, err := analyze(ctx, docs, opts.Sensitivity, opts.Closest, p)
	if err != nil {
		return nil, err
	}
	return an.result(ctx, opts)
}

// pairScore scores two sentences from their overlap: a blend of the
// weighted Dice coefficient and the containment of the smaller sentence.
func pairScore(m match, ma, mb float64, p params) float64 {
	if ma == 0 || mb == 0 || m.weight == 0 {
		return 0
	}
	dice := 2 * m.weight / (ma + mb)
	cont := m.weight / math.Min(ma, mb)
	if cont > 1 {
		cont = 1
	}
	s := (dice + p.contWeight*cont) / (1 + p.contWeight)
	if m.numA && m.numB && !m.numBoth {
		s *= p.numPenalty
	}
	return s
}

// candidate is a pair of sentences, one of each document, that share
// content, with what the aligner knows of the pair.
type candidate struct {
	i, j  int
	short int // content stems of the shorter sentence
	m     match
	score float64
	x     [numFeatures]float64
}

// The features of a candidate, by their place in its feature vector.
const (
	fScore         = iota // pairScore: blend of weighted Dice and containment
	fDice                 // weighted Dice coefficient of the content stems
	fCont                 // containment: shared weight over the smaller sentence's
	fRowRatio             // score over the best score of its row
	fColRatio             // score over the best score of its column
	fRowBest              // 1 when the best of its row
	fColBest              // 1 when the best of its column
	fNeighbour            // best score of the diagonal neighbours
	fExact                // log(1 + exactly shared stems)
	fSynonym              // log(1 + related stem pairs)
	fNumBoth              // 1 when a number is shared
	fNumConflict          // 1 when both have numbers and share none
	fGrams                // weighted Dice of character 4-grams
	fRowMargin            // margin over the row's best other score
	fColMargin            // margin over the column's best other score
	fCommon               // log(1 + shared stems written in lower case)
	fWeight               // log(1 + shared weight)
	fShort                // log(1 + content stems of the shorter sentence)
	fMaxW                 // weight of the rarest shared stem
	fPosition             // distance of relative positions (when params.position)
	fClauseDice           // best weighted Dice of one sentence with a clause of the other
	fClauseCover          // share of that clause's weight the other sentence holds
	fVecAlign             // idf-weighted greedy alignment of word vectors
	fSentCos              // cosine of the sentence vectors
	fSentRowMargin        // margin of fSentCos over its row's best other candidate
	fSentColMargin        // margin of fSentCos over its column's best other candidate
	fRegime               // the pair of documents' mean best lexical score per sentence (see regimeOf)
	fRegimeScore          // fRegime times fScore
	fRegimeAlign          // fRegime times fVecAlign
	fRegimeCos            // fRegime times fSentCos
	numFeatures           // the length of a candidate's feature vector
)

// cell is a pair of sentences, one of each document.
type cell struct{ i, j int32 }

// pairSearch is what the aligner knows of one pair of documents while it
// describes the candidates: each sentence's best and second-best score
// with the other document, and the first-pass log-odds of the cells it
// has looked at.
type pairSearch struct {
	pr                         *prepared
	p                          params
	sc                         *scratch
	fa, fb                     []sentFeat
	ma, mb                     []float64
	rowMax, row2, colMax, col2 []float64
	cache                      []cachedMatch // see matchAt
	context                    []cellOdds    // cells too short to link, whose odds count in the maxima
	a, b                       int           // the documents
	regime                     float64       // see regimeOf
	// The best and second-best sentence-vector cosine of each row and
	// column over the candidates (nil until the candidates are known).
	vRow, vRow2, vCol, vCol2 []float64
	shift                    uint
}

// matchAt measures sentences i of a and j of b; ok is false when they are
// out of range, take no part or share no content stem exactly. The search
// asks for the same pairs several times (both directions, then the
// neighbours of each candidate): a small direct-mapped cache answers most.
func (ps *pairSearch) matchAt(i, j int) (m match, s float64, ok bool) {
	if i < 0 || j < 0 || i >= len(ps.fa) || j >= len(ps.fb) || ps.fa[i].skip || ps.fb[j].skip {
		return m, 0, false
	}
	slot := ps.slot(i, j)
	if slot.k == (cell{int32(i), int32(j)}) {
		return slot.m, slot.s, slot.m.exact > 0
	}
	m = ps.pr.v.overlap(ps.sc, &ps.fa[i], &ps.fb[j], ps.pr.w, ps.p.synWeight, nil)
	if m.exact > 0 {
		s = pairScore(m, ps.ma[i], ps.mb[j], ps.p)
	}
	*slot = cachedMatch{k: cell{int32(i), int32(j)}, m: m, s: s}
	return m, s, m.exact > 0
}

// slot is the cache slot of the pair (i, j).
func (ps *pairSearch) slot(i, j int) *cachedMatch {
	return &ps.cache[(uint64(i)*0x9E3779B97F4A7C15^uint64(j)*0xC2B2AE3D27D4EB4F)>>ps.shift]
}

// cachedMatch is a slot of pairSearch's cache: a pair, its overlap and
// score (no pair when k.i is -1).
type cachedMatch struct {
	k     cell
	m     match
	s     float64
	z1    float64 // first-pass log-odds, when hasZ1
	hasZ1 bool
}

// newCache returns the worker's cache, emptied, with room for about 16
// pairs per sentence of a pair of documents of na and nb sentences (at
// least 2^8 and at most 2^16 slots), and the shift that maps a hash onto
// it.
func (sc *scratch) newCache(na, nb int) ([]cachedMatch, uint) {
	bits := uint(8)
	for bits < 16 && 1<<bits < 16*(na+nb) {
		bits++
	}
	if cap(sc.cache) < 1<<bits {
		sc.cache = make([]cachedMatch, 1<<bits)
	}
	c := sc.cache[:1<<bits]
	for k := range c {
		c[k].k = cell{-1, -1}
	}
	return c, 64 - bits
}

// scoreAt is the score of sentences i of a and j of b, 0 when they are no
// candidate (see matchAt).
func (ps *pairSearch) scoreAt(i, j int) float64 {
	_, s, _ := ps.matchAt(i, j)
	return s
}

// describe measures the pair (i, j) and fills in its features; it reports
// false when the sentences share no content stem exactly (no candidate).
func (ps *pairSearch) describe(i, j int, c *candidate) bool {
	fa, fb, ma, mb := ps.fa, ps.fb, ps.ma, ps.mb
	m, s, ok := ps.matchAt(i, j)
	if !ok {
		return false
	}
	*c = candidate{i: i, j: j, m: m, score: s, short: min(len(fa[i].ids), len(fb[j].ids))}
	dice := 2 * m.weight / (ma[i] + mb[j])
	cont := math.Min(1, m.weight/math.Min(ma[i], mb[j]))
	nbr := math.Max(ps.scoreAt(i-1, j-1), ps.scoreAt(i+1, j+1))
	conflict := 0.0
	if m.numA && m.numB && !m.numBoth {
		conflict = 1
	}
	rowMax, colMax := ps.rowMax[i], ps.colMax[j]
	clauseDice, clauseCover := clauseFit(&fa[i], &fb[j], ps.pr.w)
	c.x = [numFeatures]float64{
		fScore:       s,
		fDice:        dice,
		fCont:        cont,
		fRowRatio:    s / rowMax,
		fColRatio:    s / colMax,
		fRowBest:     b2f(s >= rowMax),
		fColBest:     b2f(s >= colMax),
		fNeighbour:   nbr,
		fExact:       math.Log1p(float64(m.exact)),
		fSynonym:     math.Log1p(float64(m.synonym)),
		fNumBoth:     b2f(m.numBoth),
		fNumConflict: conflict,
		fGrams:       gramDice(fa[i].grams, fb[j].grams, ps.pr.gw),
		fRowMargin:   margin(s, rowMax, ps.row2[i]),
		fColMargin:   margin(s, colMax, ps.col2[j]),
		fCommon:      math.Log1p(float64(m.common)),
		fWeight:      math.Log1p(m.weight),
		fShort:       math.Log1p(float64(min(len(fa[i].ids), len(fb[j].ids)))),
		fMaxW:        m.maxW,
		fPosition:    ps.p.position * math.Abs(float64(i)/float64(len(fa))-float64(j)/float64(len(fb))),
		fClauseDice:  clauseDice,
		fClauseCover: clauseCover,
		fSentCos:     ps.pr.vec.sentCos(ps.a, i, ps.b, j),
	}
	if max(c.x[fRowRatio], c.x[fColRatio]) >= vecGate {
		c.x[fVecAlign] = ps.pr.vec.align(ps.a, i, ps.b, j, &fa[i], &fb[j], ps.pr.w, ps.sc)
	}
	c.x[fRegime] = ps.regime
	c.x[fRegimeScore] = ps.regime * s
	c.x[fRegimeAlign] = ps.regime * c.x[fVecAlign]
	c.x[fRegimeCos] = ps.regime * c.x[fSentCos]
	if ps.vRow != nil {
		ps.sentMargins(c)
	}
	return true
}

// vecGate is the share of the best lexical score of its row or column a
// candidate needs for its words to be aligned by vector (fVecAlign, 0
// otherwise): the alignment costs a vector product per pair of words, and
// the far weaker candidates of a row seldom link.
const vecGate = 0.5

// marginRank is how many of its lexically best candidates a row or column
// compares sentence vectors over, for the margins.
const marginRank = 4

// kthScores returns, for each of n rows (or columns, when col), the
// marginRank-th best score of its cells: the candidates cs and the packed
// cells too short to link (-1 when it has fewer).
func kthScores(cs []candidate, short []uint64, n int, col bool, score func(i, j int) float64) []float64 {
	// The scores are gathered by row in one buffer: a count per row, then
	// each row's scores at its offset.
	rowOf := func(i, j int) int {
		if col {
			return j
		}
		return i
	}
	off := make([]int32, n+1)
	var shortScores []float64
	for k := range cs {
		off[rowOf(cs[k].i, cs[k].j)+1]++
	}
	for _, packed := range short {
		i, j := int(packed>>32), int(uint32(packed))
		s := score(i, j)
		shortScores = append(shortScores, s)
		if s > 0 {
			off[rowOf(i, j)+1]++
		}
	}
	for r := range n {
		off[r+1] += off[r]
	}
	all := make([]float64, off[n])
	next := slices.Clone(off[:n])
	add := func(r int, s float64) {
		all[next[r]] = s
		next[r]++
	}
	for k := range cs {
		add(rowOf(cs[k].i, cs[k].j), cs[k].score)
	}
	for k, packed := range short {
		if s := shortScores[k]; s > 0 {
			add(rowOf(int(packed>>32), int(uint32(packed))), s)
		}
	}
	kth := make([]float64, n)
	for r := range kth {
		kth[r] = -1
		if ss := all[off[r]:off[r+1]]; len(ss) >= marginRank {
			slices.Sort(ss)
			kth[r] = ss[len(ss)-marginRank]
		}
	}
	return kth
}

// sentMargins fills in a described candidate's sentence-vector margins.
func (ps *pairSearch) sentMargins(c *candidate) {
	x := c.x[fSentCos]
	c.x[fSentRowMargin] = x - otherBest(x, ps.vRow[c.i], ps.vRow2[c.i])
	c.x[fSentColMargin] = x - otherBest(x, ps.vCol[c.j], ps.vCol2[c.j])
}

// otherBest is the best of a row's values other than x, given its best and
// second best.
func otherBest(x, best, second float64) float64 {
	if x >= best {
		return second
	}
	return best
}

// firstLogit is the first-pass log-odds of the pair (i, j), looked at on
// demand (and remembered in the cache) for cells outside the candidates;
// ok is false when the pair is no candidate at all.
func (ps *pairSearch) firstLogit(i, j int) (z float64, ok bool) {
	if i < 0 || j < 0 || i >= len(ps.fa) || j >= len(ps.fb) {
		return 0, false
	}
	k := cell{int32(i), int32(j)}
	if slot := ps.slot(i, j); slot.k == k && (slot.hasZ1 || slot.m.exact == 0) {
		return slot.z1, slot.m.exact > 0
	}
	var c candidate
	if !ps.describe(i, j, &c) {
		return 0, false
	}
	z = dot(linkWeights[:], c.x[:], linkBias)
	*ps.slot(i, j) = cachedMatch{k: k, m: c.m, s: c.score, z1: z, hasZ1: true}
	return z, true
}

// candidates finds the candidate links between documents a and b (see
// retrieve.go) and describes each with its features. With p.topK 0 every
// pair sharing a content stem is a candidate, as the fit needs. Cells
// whose sentences are too short ever to link are left out (unless p.topK
// is 0) but still count in the model's row and column maxima.
func candidates(ctx context.Context, pr *prepared, a, b int, p params, sc *scratch) (*pairSearch, []candidate, error) {
	fa, fb := pr.feats[a], pr.feats[b]
	na, nb := len(fa), len(fb)
	ps := &pairSearch{pr: pr, p: p, sc: sc, fa: fa, fb: fb, ma: pr.masses[a], mb: pr.masses[b], a: a, b: b,
		rowMax: make([]float64, na), row2: make([]float64, na),
		colMax: make([]float64, nb), col2: make([]float64, nb)}
	ps.cache, ps.shift = sc.newCache(na, nb)
	if na == 0 || nb == 0 {
		return ps, nil, nil
	}
	// Cells are packed into one number each, row then column, so that they
	// sort quickly.
	cells := sc.cells[:0]
	defer func() { sc.cells = cells[:0] }()
	pack := func(i, j int) uint64 { return uint64(i)<<32 | uint64(j) }
	qa, qb := sideOf{fa, ps.ma, pr.index[a]}, sideOf{fb, ps.mb, pr.index[b]}
	// The second search, and the second half of the candidates, go to the
	// spare scratch when there is one; the cells and candidates are
	// gathered in order, and every score is exact whichever cache holds it.
	ps2, sc2 := ps, sc
	if sc.spare != nil {
		sc2 = sc.spare
		cp := *ps
		cp.sc = sc2
		cp.cache, cp.shift = sc2.newCache(na, nb)
		ps2 = &cp
	}
	var cells2 []uint64
	found2 := func(j, i int) { cells = append(cells, pack(i, j)) }
	if sc2 != sc {
		cells2 = sc2.cells[:0]
		found2 = func(j, i int) { cells2 = append(cells2, pack(i, j)) }
	}
	var err1, err2 error
	parallel.Both(sc2 != sc, func() {
		err1 = sc.ret.counterparts(ctx, qa, qb, pr.v.relIDs, pr.w, p, ps.scoreAt,
			func(i, j int) { cells = append(cells, pack(i, j)) }, ps.rowMax, ps.row2)
	}, func() {
		err2 = sc2.ret.counterparts(ctx, qb, qa, pr.v.relIDs, pr.w, p, func(j, i int) float64 { return ps2.scoreAt(i, j) },
			found2, ps.colMax, ps.col2)
	})
	if err := cmp.Or(err1, err2); err != nil {
		return nil, nil, err
	}
	cells = append(cells, cells2...)
	if sc2 != sc {
		sc2.cells = cells2[:0]
	}
	ps.regime = regimeOf(fa, fb, ps.rowMax, ps.colMax)
	if p.topK > 0 {
		// Aligned content comes in runs: a weak pair between two strong
		// ones can link on its neighbours' strength.
		for _, c := range cells {
			i, j := int(c>>32), int(uint32(c))
			if i > 0 && j > 0 {
				cells = append(cells, pack(i-1, j-1))
			}
			if i+1 < na && j+1 < nb {
				cells = append(cells, pack(i+1, j+1))
			}
		}
	}
	slices.Sort(cells)
	cells = slices.Compact(cells)
	if cap(sc.cands) < len(cells) {
		sc.cands = make([]candidate, 0, len(cells))
	}
	cs := sc.cands[:0]
	defer func() { sc.cands = cs[:0] }()
	var short []uint64 // cells too short to link
	if sc2 == sc {
		short = cells[:0] // kept in place
		if cs, short, err1 = ps.describeCells(ctx, cells, cs, short); err1 != nil {
			return nil, nil, err1
		}
	} else {
		// ps2 as ps is now (its regime known), with its own cache.
		cache, shift := ps2.cache, ps2.shift
		*ps2 = *ps
		ps2.sc, ps2.cache, ps2.shift = sc2, cache, shift
		half := len(cells) / 2
		var short2 []uint64
		var cands2 []candidate
		parallel.Both(true, func() {
			cs, short, err1 = ps.describeCells(ctx, cells[:half], cs, nil)
		}, func() {
			cands2, short2, err2 = ps2.describeCells(ctx, cells[half:], sc2.cands[:0], nil)
		})
		if err := cmp.Or(err1, err2); err != nil {
			return nil, nil, err
		}
		cs = append(cs, cands2...)
		short = append(short, short2...)
		sc2.cands = cands2[:0]
	}
	// The sentence-vector margins are over the lexically best candidates
	// of each row and column (its marginRank best, and at least vecGate of
	// its best score), the same whether the search is bounded or not.
	ps.vRow, ps.vRow2 = make([]float64, na), make([]float64, na)
	ps.vCol, ps.vCol2 = make([]float64, nb), make([]float64, nb)
	rowKth := kthScores(cs, short, na, false, ps.scoreAt)
	colKth := kthScores(cs, short, nb, true, ps.scoreAt)
	for k := range cs {
		c := &cs[k]
		if tooShort(c.short, p) {
			continue // a context cell when the search is bounded
		}
		x := c.x[fSentCos]
		if c.score >= rowKth[c.i] && c.x[fRowRatio] >= vecGate {
			ps.vRow[c.i], ps.vRow2[c.i] = top2(ps.vRow[c.i], ps.vRow2[c.i], x)
		}
		if c.score >= colKth[c.j] && c.x[fColRatio] >= vecGate {
			ps.vCol[c.j], ps.vCol2[c.j] = top2(ps.vCol[c.j], ps.vCol2[c.j], x)
		}
	}
	for k := range cs {
		ps.sentMargins(&cs[k])
	}
	for _, packed := range short {
		// Never a link, but its odds weigh in its row and column.
		i, j := int(packed>>32), int(uint32(packed))
		if z, ok := ps.firstLogit(i, j); ok {
			ps.context = append(ps.context, cellOdds{cell{int32(i), int32(j)}, z})
		}
	}
	return ps, cs, nil
}

// describeCells describes the packed cells in order, appending the
// candidates to cs and, when the search is bounded, the cells too short to
// link to short (which may share cells' memory, behind the cell read).
func (ps *pairSearch) describeCells(ctx context.Context, cells []uint64, cs []candidate, short []uint64) ([]candidate, []uint64, error) {
	for n, packed := range cells {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		i, j := int(packed>>32), int(uint32(packed))
		if ps.p.topK > 0 && tooShort(min(len(ps.fa[i].ids), len(ps.fb[j].ids)), ps.p) {
			short = append(short, packed)
			continue
		}
		var c candidate
		if ps.describe(i, j, &c) {
			cs = append(cs, c)
		}
	}
	return cs, short, nil
}

// regimeOf is the mean, over the live sentences of both documents, of
// each sentence's best lexical score with the other document: high for a
// rewrite, where most sentences have a close counterpart, low for
// independent reports of one event. The link model weighs it, alone and
// with the main scores, so that one fit serves both kinds of comparison.
func regimeOf(fa, fb []sentFeat, rowMax, colMax []float64) float64 {
	sum, n := 0.0, 0
	for i := range fa {
		if !fa[i].skip {
			sum += rowMax[i]
			n++
		}
	}
	for j := range fb {
		if !fb[j].skip {
			sum += colMax[j]
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// margin is how far s stands above the best other score of its row or
// column, relative to s: 1 when it has no rival, 0 or less when another
// candidate scores as high.
func margin(s, best, second float64) float64 {
	if s <= 0 {
		return 0
	}
	other := best
	if s >= best {
		other = second
	}
	return (s - other) / s
}

// top2 folds x into a running best and second best.
func top2(best, second, x float64) (float64, float64) {
	switch {
	case x > best:
		return x, best
	case x > second:
		return best, x
	}
	return best, second
}

// b2f is 1 for true and 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// The second-pass (stacked) features of a candidate, by their place.
const (
	sZ1         = iota // first-pass log-odds
	sDiag              // best first-pass probability of a diagonal neighbour
	sRowRatio          // probability over the best of its row
	sColRatio          // probability over the best of its column
	sSide              // best first-pass probability of a neighbour in its row or column
	sRun               // probability times sDiag
	sBackground        // how far the pair of documents is from a rewrite (see background)
	numStack           // the length of the second-pass feature vector
)

// stackFeatures describes candidates by their first-pass log-odds z1 and
// those of their neighbours, and by the pair's background bg: aligned
// content comes in runs (the next sentence of one article matches the
// next of the other) and in splits (one sentence of a summary covers two
// adjacent ones of the source). cands are sorted by sentences, na and nb
// bound them. The maxima of each row and column are taken over cands and
// the context cells. The odds of neighbours outside cands come from more
// (nil: none; ok false: no candidate). Only the candidates keep selects
// (nil: all) are described, each given to emit with its place in cands.
// A candidate whose second-pass log-odds stay under floor even with the
// strongest neighbours keeps that bound as its features (see
// neighbourBound), and its remaining neighbours are not looked at: most
// of a pair's eligible candidates are decided by their own odds and their
// row's and column's, and each neighbour outside cands costs a
// description (-Inf: describe every kept candidate).
func stackFeatures(cands []cell, z1 []float64, na, nb int, context []cellOdds,
	more func(i, j int) (float64, bool), keep func(k int) bool, bg, floor float64, emit func(k int, x [numStack]float64)) {
	rowMax, colMax := make([]float64, na), make([]float64, nb)
	fold := func(i, j int, z float64) {
		p := sigmoid(z)
		rowMax[i] = math.Max(rowMax[i], p)
		colMax[j] = math.Max(colMax[j], p)
	}
	for k, c := range cands {
		fold(int(c.i), int(c.j), z1[k])
	}
	for _, c := range context {
		fold(int(c.i), int(c.j), c.z)
	}
	prob := func(i, j int) float64 {
		want := cell{int32(i), int32(j)}
		k := sort.Search(len(cands), func(k int) bool {
			c := cands[k]
			return c.i > want.i || (c.i == want.i && c.j >= want.j)
		})
		if k < len(cands) && cands[k] == want {
			return sigmoid(z1[k])
		}
		if more != nil {
			if z, ok := more(i, j); ok {
				return sigmoid(z)
			}
		}
		return 0
	}
	for k, c := range cands {
		if keep != nil && !keep(k) {
			continue
		}
		i, j := int(c.i), int(c.j)
		p := sigmoid(z1[k])
		x := [numStack]float64{sZ1: z1[k], sRowRatio: p / rowMax[i], sColRatio: p / colMax[j], sBackground: bg}
		// The neighbours in its row and column weigh most: they are
		// looked at first, the diagonal ones only when still needed.
		if hi, ok := neighbourBound(x, p, true, floor); !ok {
			emit(k, hi)
			continue
		}
		x[sSide] = math.Max(math.Max(prob(i-1, j), prob(i+1, j)),
			math.Max(prob(i, j-1), prob(i, j+1)))
		if hi, ok := neighbourBound(x, p, false, floor); !ok {
			emit(k, hi)
			continue
		}
		diag := math.Max(prob(i-1, j-1), prob(i+1, j+1))
		x[sDiag], x[sRun] = diag, p*diag
		emit(k, x)
	}
}

// neighbourBound gives the stacked features x of a candidate of
// first-pass probability p the neighbour features not yet known (sSide
// when side is set, and always sDiag and sRun, which is p times sDiag)
// at whichever end of their range makes its second-pass log-odds
// largest. It returns those features and whether their log-odds reach
// floor: when they do not, no neighbour can lift the candidate to it.
func neighbourBound(x [numStack]float64, p float64, side bool, floor float64) ([numStack]float64, bool) {
	if side && stackWeights[sSide] > 0 {
		x[sSide] = 1
	}
	if stackWeights[sDiag]+p*stackWeights[sRun] > 0 {
		x[sDiag], x[sRun] = 1, p
	}
	return x, dot(stackWeights[:], x[:], stackBias) >= floor
}

// cellOdds is a cell with its first-pass log-odds.
type cellOdds struct {
	cell
	z float64
}

// stackBound bounds the second-pass log-odds of a candidate of first-pass
// log-odds z in a pair of background bg: every stacked feature but the
// first and the last lies in [0, 1], and sRun is at most the candidate's
// own probability.
func stackBound(z, bg float64) float64 {
	top := [numStack]float64{sZ1: z, sDiag: 1, sRowRatio: 1, sColRatio: 1, sSide: 1, sRun: sigmoid(z), sBackground: bg}
	b := stackBias + stackWeights[sZ1]*z + stackWeights[sBackground]*bg
	for k := sZ1 + 1; k < sBackground; k++ {
		b += max(stackWeights[k]*top[k], 0)
	}
	return b
}

// background measures how far a pair of documents is from a rewrite: the
// log of how many times fewer of its sentences are confidently matched
// (first-pass log-odds from p.confidentLogit, mutually best, substantive)
// than in a typical rewrite (p.regimeRef of them), 0 when as many or more.
// na and nb are the documents' live sentences. Articles that are not
// rewrites of each other need stronger evidence for each link: the link
// model weighs the background (sBackground), fitted on rewrites and on
// independent outlets together.
func background(cands []candidate, z1 []float64, na, nb int, p params) float64 {
	n := min(na, nb)
	if n == 0 {
		return 0
	}
	confident := 0
	for k := range cands {
		c := &cands[k]
		if z1[k] >= p.confidentLogit && c.x[fRowBest] == 1 && c.x[fColBest] == 1 && c.substantive(p, false) {
			confident++
		}
	}
	r := math.Max(float64(confident)/float64(n), 0.01)
	return math.Max(0, math.Log(p.regimeRef/r))
}

// logit is the inverse of sigmoid.
func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// sigmoid maps a logit to a probability.
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// round3 rounds to three decimals, so that output is stable and readable.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// dot is bias + w·x.
func dot(w, x []float64, bias float64) float64 {
	z := bias
	for k := range w {
		z += w[k] * x[k]
	}
	return z
}
