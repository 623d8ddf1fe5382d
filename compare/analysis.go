package compare

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
	"sort"
	"sync"

	"parallax/corpus"
	"parallax/internal/parallel"
)

// Analysis is a comparison measured but not yet decided: every candidate
// pair of sentences of the documents with its link odds, which the
// sensitivity does not change. Result decides the links at one
// sensitivity in a small part of the comparison's time (no sentence is
// measured again, and each link's word diff is made once), so that a
// viewer's sensitivity dial answers at once. Result at any sensitivity
// gives what Compare gives at that sensitivity. An Analysis is safe for
// concurrent use.
type Analysis struct {
	docs []*corpus.Document
	pr   *prepared
	p    params
	// pairs holds each pair of documents' odds, in pair order.
	pairs []pairOdds

	mu   sync.Mutex
	made map[[2]Ref]madeLink // each link's diff, kind and evidence, once made
}

// madeLink is what a link's two sentences give it whatever its odds.
type madeLink struct {
	diff     []DiffSpan
	kind     Kind
	evidence []string
}

// pairOdds is one pair of documents measured: the candidates' sentences,
// their first-pass log-odds, whether they are substantive, and, for those
// that can link at the most lenient sensitivity measured for, their
// second-pass log-odds.
type pairOdds struct {
	a, b    int // the documents
	na, nb  int // their sentences
	bg      float64
	cells   []cell // the candidates, sorted by sentences
	z1      []float64
	z       []float64 // second-pass log-odds (meaningful where the lenient gate lets the candidate link)
	subst   []uint8   // see substBits
	context []cellOdds
}

// Analyze measures docs for every sensitivity (see Analysis). It returns
// an error only when ctx is cancelled.
func Analyze(ctx context.Context, docs []*corpus.Document) (*Analysis, error) {
	return analyze(ctx, docs, 1, true, defaultParams)
}

// Result decides the links of the analysis at opts.Sensitivity: the
// result Compare gives with the same options. The links' diffs and
// evidence are shared between the results of one Analysis and must not
// be changed. It returns an error only when ctx is cancelled.
func (an *Analysis) Result(ctx context.Context, opts Options) (*Result, error) {
	return an.result(ctx, opts)
}

// analyze measures docs so that they can be decided at every sensitivity
// up to lenient, with the near misses (Result.Closest) when closest is
// set. Each candidate whose odds cannot reach the lenient threshold
// even with the strongest neighbours keeps that bound, unless closest
// asks for the exact odds of all (see stackFeatures).
func analyze(ctx context.Context, docs []*corpus.Document, lenient float64, closest bool, p params) (*Analysis, error) {
	pr, err := prepare(ctx, docs, p)
	if err != nil {
		return nil, err
	}
	// Measure every pair of documents, spread over the processors; the
	// results are kept in pair order, so that the output does not depend
	// on scheduling.
	var jobs [][2]int
	for a := 0; a < len(docs); a++ {
		for b := a + 1; b < len(docs); b++ {
			jobs = append(jobs, [2]int{a, b})
		}
	}
	an := &Analysis{docs: docs, pr: pr, p: p, pairs: make([]pairOdds, len(jobs)), made: map[[2]Ref]madeLink{}}
	errs := make([]error, len(jobs))
	scratches := make([]*scratch, parallel.Workers(len(jobs)))
	for w := range scratches {
		scratches[w] = getScratch()
	}
	defer func() {
		for _, sc := range scratches {
			putScratch(sc)
		}
	}()
	if len(jobs) == 1 && parallel.Workers(2) == 2 {
		// One pair: its two searches and its candidates are shared out
		// between two processors.
		scratches[0].spare = getScratch()
	}
	// The largest pairs start first, so that no processor is left with
	// one long pair at the end.
	order := make([]int, len(jobs))
	for k := range order {
		order[k] = k
	}
	size := func(k int) int { return len(pr.feats[jobs[k][0]]) * len(pr.feats[jobs[k][1]]) }
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(size(y), size(x)) })
	if err := parallel.For(ctx, len(jobs), func(w, n int) {
		k := order[n]
		an.pairs[k], errs[k] = pr.measurePair(ctx, jobs[k][0], jobs[k][1], lenient, closest, p, scratches[w])
	}); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// What deciding needs no more.
	pr.vec, pr.index, pr.gw, pr.masses = nil, nil, nil, nil
	return an, nil
}

// measurePair finds and describes the candidates of documents a and b
// and gives each its link odds: the second-pass log-odds of those the
// gate at sensitivity lenient lets link, bounded as stackFeatures does
// unless closest asks for every one exactly.
func (pr *prepared) measurePair(ctx context.Context, a, b int, lenient float64, closest bool, p params, sc *scratch) (pairOdds, error) {
	ps, cands, err := candidates(ctx, pr, a, b, p, sc)
	if err != nil {
		return pairOdds{}, err
	}
	po := pairOdds{a: a, b: b, na: len(ps.fa), nb: len(ps.fb), context: ps.context,
		cells: make([]cell, len(cands)), z1: make([]float64, len(cands)),
		z: make([]float64, len(cands)), subst: make([]uint8, len(cands))}
	for k := range cands {
		c := &cands[k]
		po.cells[k] = cell{int32(c.i), int32(c.j)}
		po.z1[k] = dot(linkWeights[:], c.x[:], linkBias)
		po.subst[k] = c.substBits(p)
	}
	po.bg = background(cands, po.z1, pr.live(a), pr.live(b), p)
	g := newLinkGate(lenient, po.bg, p)
	floor := g.thr
	if closest {
		floor = math.Inf(-1)
	}
	can := func(k int) bool { return po.can(k, &g) }
	stackFeatures(po.cells, po.z1, po.na, po.nb, po.context, ps.firstLogit, can, po.bg, floor, func(k int, x [numStack]float64) {
		po.z[k] = dot(stackWeights[:], x[:], stackBias)
	})
	return po, nil
}

// can reports whether candidate k may link under gate g (see
// linkGate.eligible).
func (po *pairOdds) can(k int, g *linkGate) bool { return g.eligible(po.subst[k], po.z1[k]) }

// decide links the pair's candidates at the sensitivity of opts, and
// finds its near misses when opts.Closest asks for them.
func (po *pairOdds) decide(opts Options, p params) ([]Link, []nearMiss) {
	g := newLinkGate(opts.Sensitivity, po.bg, p)
	var links []Link
	for k, c := range po.cells {
		if !po.can(k, &g) || !g.links(po.z[k]) {
			continue
		}
		pr := round3(sigmoid(po.z[k]))
		links = append(links, Link{A: Ref{po.a, int(c.i)}, B: Ref{po.b, int(c.j)}, Score: pr, Probability: pr})
	}
	var near []nearMiss
	if opts.Closest {
		near = po.nearMisses(&g)
	}
	return links, near
}

// result decides every pair at the sensitivity of opts, and completes
// each link with its kind, word diff and evidence.
func (an *Analysis) result(ctx context.Context, opts Options) (*Result, error) {
	docs := an.docs
	res := &Result{Sentences: make([][]SentenceResult, len(docs)), tokens: an.pr.toks}
	for d, doc := range docs {
		res.Sentences[d] = make([]SentenceResult, len(doc.Sentences))
	}
	out := make([][]Link, len(an.pairs))
	near := make([][]nearMiss, len(an.pairs))
	scratches := make([]*scratch, parallel.Workers(len(an.pairs)))
	defer func() {
		for _, sc := range scratches {
			if sc != nil {
				putScratch(sc)
			}
		}
	}()
	if err := parallel.For(ctx, len(an.pairs), func(w, k int) {
		if scratches[w] == nil {
			scratches[w] = getScratch()
		}
		out[k], near[k] = an.pairs[k].decide(opts, an.p)
		for n := range out[k] {
			if n%64 == 0 && ctx.Err() != nil {
				return
			}
			an.complete(&out[k][n], scratches[w])
		}
	}); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, links := range out {
		res.Links = append(res.Links, links...)
	}
	classify(res)
	res.Closest = closestOf(near)
	for d, doc := range docs {
		for i, s := range doc.Sentences {
			res.Sentences[d][i].Boilerplate = s.Boilerplate
		}
	}
	return res, nil
}

// complete gives link l its word diff, kind and evidence: made once for
// each pair of sentences, and kept.
func (an *Analysis) complete(l *Link, sc *scratch) {
	key := [2]Ref{l.A, l.B}
	an.mu.Lock()
	m, ok := an.made[key]
	an.mu.Unlock()
	if !ok {
		docs, pr := an.docs, an.pr
		m.diff = WordDiff(docs[l.A.Doc].SentenceText(l.A.Sentence), docs[l.B.Doc].SentenceText(l.B.Sentence))
		m.kind = linkKind(m.diff, an.p)
		var ev []evidence
		pr.v.overlap(sc, &pr.feats[l.A.Doc][l.A.Sentence], &pr.feats[l.B.Doc][l.B.Sentence], pr.w, an.p.synWeight, &ev)
		// Most informative first; ties keep the sentence's order.
		sort.SliceStable(ev, func(x, y int) bool { return ev[x].weight > ev[y].weight })
		for _, e := range ev {
			m.evidence = append(m.evidence, e.text)
		}
		an.mu.Lock()
		an.made[key] = m
		an.mu.Unlock()
	}
	l.Diff, l.Kind, l.Evidence = m.diff, m.kind, m.evidence
}
