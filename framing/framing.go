// Package framing analyses how the compared articles frame one story: what
// each outlet leaves out of the claims the others share, what it leads
// with, whom it quotes and how, which names, numbers and terms are its own,
// which figures disagree across linked sentences, and which words it
// chooses where another outlet uses others. It reads a comparison
// (compare.Result) and the documents, and is pure Go and deterministic.
package framing

import (
	"math"
	"sort"
	"strings"
	"sync"

	"parallax/compare"
	"parallax/corpus"
)

// Ref names one sentence of one compared document.
type Ref = compare.Ref

// Analysis is the framing analysis of one comparison.
type Analysis struct {
	// Outlets holds one entry per document, in document order.
	Outlets []Outlet `json:"outlets"`
	// Claims are the connected groups of linked sentences, most widely
	// carried first; with two or three documents (where one other document
	// is half of the others) every other sentence of reporting is a claim
	// of its own too.
	Claims []Claim `json:"claims"`
	// CommonCore are indexes into Claims of the claims every document
	// carries.
	CommonCore []int `json:"commonCore"`
	// Moves are the claims placed most differently: led with in one
	// article, buried in another.
	Moves []Move `json:"moves"`
	// Quotes are every direct quotation, by document then position.
	Quotes []Quote `json:"quotes"`
	// QuoteGroups are the quotes grouped across outlets by content.
	QuoteGroups []QuoteGroup `json:"quoteGroups"`
	// Entities are the people, organisations and places named, with how
	// each outlet treats them; most widely named first.
	Entities []Entity `json:"entities"`
	// Conflicts are the figures that disagree across linked sentences.
	Conflicts []Conflict `json:"conflicts"`
	// WordChoices are, per pair of outlets, the words one uses where the
	// other uses others in their linked sentences.
	WordChoices []PairChoices `json:"wordChoices"`
	// Carries[d][e] is the share (0..1) of document d's reporting that
	// document e carries; 0 on the diagonal.
	Carries [][]float64 `json:"carries"`
}

// Outlet is the framing of one document.
type Outlet struct {
	// Doc is the document's index.
	Doc int `json:"doc"`
	// Lead is its headline and first three sentences of reporting.
	Lead Lead `json:"lead"`
	// LeftOut are indexes into Analysis.Claims of the claims at least half
	// of the other documents carry and this one does not.
	LeftOut []int `json:"leftOut"`
	// OnlyHere are the sentences no other document carries.
	OnlyHere []int `json:"onlyHere"`
	// Quoted are the entity keys of the sources it quotes, with how often,
	// most quoted first; Mentioned the people it names but does not quote.
	Quoted    []Source `json:"quoted"`
	Mentioned []Source `json:"mentioned"`
	// DistinctiveNames, DistinctiveNumbers and DistinctiveTerms are what it
	// names, counts and says that the other articles rarely do.
	DistinctiveNames   []string `json:"distinctiveNames"`
	DistinctiveNumbers []string `json:"distinctiveNumbers"`
	DistinctiveTerms   []string `json:"distinctiveTerms"`
	// Shares are its shares of shared, paraphrased and unique sentences.
	SharedShare      float64 `json:"sharedShare"`
	ParaphrasedShare float64 `json:"paraphrasedShare"`
	UniqueShare      float64 `json:"uniqueShare"`
}

// Source is one person or organisation an outlet quotes or names.
type Source struct {
	Name  string `json:"name"`
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Lead is how an article opens.
type Lead struct {
	// Headline is the article's title, "" when it has none.
	Headline string `json:"headline"`
	// Sentences are its first three sentences of reporting (no
	// boilerplate, no headline line).
	Sentences []LeadSentence `json:"sentences"`
}

// LeadSentence is one sentence of a lead, with its category.
type LeadSentence struct {
	Sentence int          `json:"sentence"`
	Text     string       `json:"text"`
	Status   compare.Kind `json:"status"`
	Coverage int          `json:"coverage"`
}

// Zones of an article, for prominence.
const (
	ZoneLead = "lead" // the first three sentences of reporting
	ZoneBody = "body"
	ZoneEnd  = "end" // the last quarter
)

// Claim is one claim: sentences of one or more documents linked together.
type Claim struct {
	// Text is the claim as the earliest document carrying it writes it.
	Text string `json:"text"`
	// Refs holds, per document, the first sentence carrying the claim, or
	// nil.
	Refs []*Ref `json:"refs"`
	// Zones holds, per document, where the claim first appears (ZoneLead,
	// ZoneBody, ZoneEnd), or "" when the document does not carry it.
	Zones []string `json:"zones"`
	// Positions holds, per document, the claim's relative position among
	// the document's sentences of reporting (0 first, 1 last), or -1.
	Positions []float64 `json:"positions"`
	// Carriers is how many documents carry it.
	Carriers int `json:"carriers"`
}

// Move is a claim one article leads with and another places far later.
type Move struct {
	// Claim indexes Analysis.Claims.
	Claim int `json:"claim"`
	// Early is the document placing it first, Late the one placing it
	// last; Shift is the difference of their relative positions.
	Early int     `json:"early"`
	Late  int     `json:"late"`
	Shift float64 `json:"shift"`
}

// Entity is one person, organisation or place, across the outlets.
type Entity struct {
	Name string     `json:"name"`
	Key  string     `json:"key"`
	Kind EntityKind `json:"kind"`
	// States holds, per document, "quoted", "mentioned" or "absent".
	States []string `json:"states"`
	// Counts holds, per document, how often it is named.
	Counts []int `json:"counts"`
}

// Entity states in one outlet.
const (
	EntityQuoted    = "quoted"
	EntityMentioned = "mentioned"
	EntityAbsent    = "absent"
)

// Conflict is a figure that disagrees across one link.
type Conflict struct {
	// Link indexes compare.Result.Links; A and B are the link's ends.
	Link int `json:"link"`
	A    Ref `json:"a"`
	B    Ref `json:"b"`
	// FigureA is the figure in sentence A, FigureB the one in sentence B
	// that disagrees with it.
	FigureA Figure `json:"figureA"`
	FigureB Figure `json:"figureB"`
}

// Analyze runs the framing analysis of a comparison of docs.
func Analyze(docs []*corpus.Document, res *compare.Result) *Analysis {
	n := len(docs)
	a := &Analysis{Outlets: make([]Outlet, n), Claims: []Claim{}, CommonCore: []int{}, Moves: []Move{},
		Quotes: []Quote{}, QuoteGroups: []QuoteGroup{}, Entities: []Entity{}, Conflicts: []Conflict{},
		WordChoices: []PairChoices{}, Carries: make([][]float64, n)}
	if res == nil || len(res.Sentences) != n {
		return a
	}
	reporting := reportingIndex(docs, res)
	for d, f := range res.Framings() {
		o := &a.Outlets[d]
		*o = Outlet{Doc: d, Lead: lead(docs[d], res.Sentences[d]), LeftOut: []int{}, OnlyHere: f.OnlyHere,
			SharedShare: f.SharedShare, ParaphrasedShare: f.ParaphrasedShare, UniqueShare: f.UniqueShare}
		if o.OnlyHere == nil {
			o.OnlyHere = []int{}
		}
		a.Carries[d] = make([]float64, n)
		if m := f.Sentences - f.Boilerplate; m > 0 {
			for e, c := range f.CarriedIn {
				a.Carries[d][e] = float64(c) / float64(m)
			}
		}
	}
	// The figures and the word choices depend on nothing else the analysis
	// finds: they are made on other processors meanwhile.
	var wg sync.WaitGroup
	figs := make([][][]Figure, n)
	var choices []PairChoices
	wg.Go(func() {
		for d, doc := range docs {
			figs[d] = make([][]Figure, len(doc.Sentences))
			for i := range doc.Sentences {
				if !res.Sentences[d][i].Boilerplate {
					figs[d][i] = Figures(doc.SentenceText(i))
				}
			}
		}
	})
	wg.Go(func() { choices = wordChoices(docs, res) })
	a.claims(docs, res, reporting)
	mentions := a.names(docs, res)
	a.quotes(docs, res, mentions)
	a.entities(docs, mentions)
	wg.Wait()
	a.distinctive(docs, res, figs)
	a.conflicts(res, figs)
	a.WordChoices = choices
	return a
}

// reportingIndex gives, per document and sentence, its rank among the
// document's sentences of reporting (no boilerplate), or -1; the last
// entry of each row is the number of such sentences.
func reportingIndex(docs []*corpus.Document, res *compare.Result) [][]int {
	out := make([][]int, len(docs))
	for d := range docs {
		row := make([]int, len(res.Sentences[d])+1)
		k := 0
		for i, s := range res.Sentences[d] {
			if s.Boilerplate {
				row[i] = -1
				continue
			}
			row[i] = k
			k++
		}
		row[len(row)-1] = k
		out[d] = row
	}
	return out
}

// lead is a document's headline and first three sentences of reporting.
func lead(doc *corpus.Document, ss []compare.SentenceResult) Lead {
	l := Lead{Headline: doc.Title, Sentences: []LeadSentence{}}
	for i, s := range doc.Sentences {
		if len(l.Sentences) == 3 {
			break
		}
		if s.Boilerplate || ss[i].Boilerplate {
			continue
		}
		if s.Headline {
			if l.Headline == "" {
				l.Headline = doc.SentenceText(i)
			}
			continue
		}
		l.Sentences = append(l.Sentences, LeadSentence{Sentence: i, Text: doc.SentenceText(i), Status: ss[i].Status, Coverage: ss[i].Coverage})
	}
	return l
}

// claims groups linked sentences into claims and fills the common core,
// what each outlet left out, and the prominence moves.
func (a *Analysis) claims(docs []*corpus.Document, res *compare.Result, reporting [][]int) {
	n := len(docs)
	offset := make([]int, n+1)
	for d := range docs {
		offset[d+1] = offset[d] + len(res.Sentences[d])
	}
	uf := newUnionFind(offset[n])
	for _, l := range res.Links {
		uf.union(offset[l.A.Doc]+l.A.Sentence, offset[l.B.Doc]+l.B.Sentence)
	}
	// With two or three articles one other article is half of the others,
	// so a sentence only one article carries can be left out by the rest:
	// it is a claim too.
	need := int(math.Ceil(float64(n-1) / 2))
	byRoot := map[int]int{}
	for d := range docs {
		for i := range res.Sentences[d] {
			if len(res.Sentences[d][i].Links) == 0 && (need > 1 || res.Sentences[d][i].Boilerplate) {
				continue
			}
			r := uf.find(offset[d] + i)
			ci, ok := byRoot[r]
			if !ok {
				ci = len(a.Claims)
				byRoot[r] = ci
				c := Claim{Text: docs[d].SentenceText(i), Refs: make([]*Ref, n), Zones: make([]string, n), Positions: make([]float64, n)}
				for e := range c.Positions {
					c.Positions[e] = -1
				}
				a.Claims = append(a.Claims, c)
			}
			c := &a.Claims[ci]
			if c.Refs[d] != nil || reporting[d][i] < 0 {
				continue
			}
			c.Refs[d] = &Ref{Doc: d, Sentence: i}
			c.Carriers++
			rank, total := reporting[d][i], reporting[d][len(reporting[d])-1]
			c.Positions[d] = float64(rank) / math.Max(float64(total-1), 1)
			switch {
			case rank < 3:
				c.Zones[d] = ZoneLead
			case float64(rank) >= 0.75*float64(total):
				c.Zones[d] = ZoneEnd
			default:
				c.Zones[d] = ZoneBody
			}
		}
	}
	// Most widely carried first, then by where they first appear.
	sort.SliceStable(a.Claims, func(i, j int) bool { return a.Claims[i].Carriers > a.Claims[j].Carriers })
	for ci, c := range a.Claims {
		if c.Carriers == n {
			a.CommonCore = append(a.CommonCore, ci)
		}
		for d := range docs {
			if c.Refs[d] == nil && c.Carriers >= need {
				a.Outlets[d].LeftOut = append(a.Outlets[d].LeftOut, ci)
			}
		}
		early, late := -1, -1
		for d, p := range c.Positions {
			if p < 0 {
				continue
			}
			if early < 0 || p < c.Positions[early] {
				early = d
			}
			if late < 0 || p > c.Positions[late] {
				late = d
			}
		}
		if early >= 0 && late != early {
			shift := c.Positions[late] - c.Positions[early]
			if shift >= 0.4 && c.Zones[early] == ZoneLead {
				a.Moves = append(a.Moves, Move{Claim: ci, Early: early, Late: late, Shift: round3(shift)})
			}
		}
	}
	sort.SliceStable(a.Moves, func(i, j int) bool { return a.Moves[i].Shift > a.Moves[j].Shift })
	if len(a.Moves) > maxMoves {
		a.Moves = a.Moves[:maxMoves]
	}
}

// maxMoves is how many prominence moves the analysis keeps.
const maxMoves = 10

// round3 rounds x to three decimals.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// names finds the names of every document: people first (so that a lone
// surname is known), then everything. It returns the mentions per
// document, in text order, boilerplate left out.
func (a *Analysis) names(docs []*corpus.Document, res *compare.Result) [][]Mention {
	known := map[string]bool{}
	runs := make([][][]nameWord, len(docs))
	capital, running := nameWords(docs)
	places := map[string]bool{}
	for d, doc := range docs {
		runs[d] = splitTitleRuns(doc, nameRuns(doc.Text), capital, running[d])
		placeNames(doc.Text, runs[d], places)
	}
	for d, doc := range docs {
		for _, m := range namesIn(doc.Text, runs[d], nil, places) {
			if m.Kind == Person && strings.Contains(m.Text, " ") {
				known[m.Key] = true
			}
		}
	}
	out := make([][]Mention, len(docs))
	for d, doc := range docs {
		for _, m := range namesIn(doc.Text, runs[d], known, places) {
			if i := sentenceAt(doc, m.Start); i >= 0 && !res.Sentences[d][i].Boilerplate {
				out[d] = append(out[d], m)
			}
		}
	}
	return out
}

// sentenceAt is the index of the sentence of doc holding byte off, or -1.
func sentenceAt(doc *corpus.Document, off int) int {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].End > off })
	if i < len(doc.Sentences) && doc.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// quotes finds every document's quotations and groups them.
func (a *Analysis) quotes(docs []*corpus.Document, res *compare.Result, mentions [][]Mention) {
	for d, doc := range docs {
		for _, q := range docQuotes(d, doc, mentions[d]) {
			if res.Sentences[d][q.Sentence].Boilerplate {
				continue
			}
			a.Quotes = append(a.Quotes, q)
		}
	}
	linked := func(r Ref) []Ref {
		var out []Ref
		for _, li := range res.Sentences[r.Doc][r.Sentence].Links {
			out = append(out, res.Links[li].Other(r))
		}
		return out
	}
	a.QuoteGroups = groupQuotes(a.Quotes, len(docs), linked)
	for d := range docs {
		counts := map[string]*Source{}
		var order []string
		for _, q := range a.Quotes {
			if q.Doc != d || q.Speaker == "" {
				continue
			}
			k := q.SpeakerKey
			if k == "" {
				k = "~" + strings.ToLower(q.Speaker)
			}
			s, ok := counts[k]
			if !ok {
				s = &Source{Name: q.Speaker, Key: q.SpeakerKey}
				counts[k] = s
				order = append(order, k)
			}
			if len(q.Speaker) > len(s.Name) {
				s.Name = q.Speaker
			}
			s.Count++
		}
		a.Outlets[d].Quoted = []Source{}
		for _, k := range order {
			a.Outlets[d].Quoted = append(a.Outlets[d].Quoted, *counts[k])
		}
		sort.SliceStable(a.Outlets[d].Quoted, func(i, j int) bool { return a.Outlets[d].Quoted[i].Count > a.Outlets[d].Quoted[j].Count })
	}
}

// entities builds the matrix of names by outlet and each outlet's people
// mentioned but not quoted.
func (a *Analysis) entities(docs []*corpus.Document, mentions [][]Mention) {
	n := len(docs)
	index := map[string]int{}
	for d := range docs {
		for _, m := range mentions[d] {
			k := string(m.Kind) + ":" + m.Key
			i, ok := index[k]
			if !ok {
				i = len(a.Entities)
				index[k] = i
				a.Entities = append(a.Entities, Entity{Name: m.Text, Key: m.Key, Kind: m.Kind, States: make([]string, n), Counts: make([]int, n)})
			}
			e := &a.Entities[i]
			if len([]rune(m.Text)) > len([]rune(e.Name)) {
				e.Name = m.Text
			}
			e.Counts[d]++
		}
	}
	quoted := make([]map[string]bool, n)
	for d := range quoted {
		quoted[d] = map[string]bool{}
	}
	for _, q := range a.Quotes {
		if q.SpeakerKey != "" {
			quoted[q.Doc][q.SpeakerKey] = true
		}
	}
	for i := range a.Entities {
		e := &a.Entities[i]
		for d := range docs {
			switch {
			case quoted[d][e.Key] && e.Kind != Place:
				e.States[d] = EntityQuoted
			case e.Counts[d] > 0:
				e.States[d] = EntityMentioned
			default:
				e.States[d] = EntityAbsent
			}
		}
	}
	sort.SliceStable(a.Entities, func(i, j int) bool {
		ci, cj := nonzero(a.Entities[i].Counts), nonzero(a.Entities[j].Counts)
		if ci != cj {
			return ci > cj
		}
		return sum(a.Entities[i].Counts) > sum(a.Entities[j].Counts)
	})
	for d := range docs {
		a.Outlets[d].Mentioned = []Source{}
		for _, e := range a.Entities {
			if e.Kind == Person && e.States[d] == EntityMentioned {
				a.Outlets[d].Mentioned = append(a.Outlets[d].Mentioned, Source{Name: e.Name, Key: e.Key, Count: e.Counts[d]})
			}
		}
	}
}

// nonzero counts the non-zero entries of xs.
func nonzero(xs []int) int {
	n := 0
	for _, x := range xs {
		if x > 0 {
			n++
		}
	}
	return n
}

// sum adds up xs.
func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// conflicts checks the figures of every link's two sentences; figs holds
// the figures per document and sentence.
func (a *Analysis) conflicts(res *compare.Result, figs [][][]Figure) {
	for li, l := range res.Links {
		for _, c := range conflicts(figs[l.A.Doc][l.A.Sentence], figs[l.B.Doc][l.B.Sentence]) {
			a.Conflicts = append(a.Conflicts, Conflict{Link: li, A: l.A, B: l.B, FigureA: c.A, FigureB: c.B})
		}
	}
}

// LinkConflicts finds the figures that disagree across the links of res,
// as Analyze does, reading only the linked sentences: a cheap check for
// marking conflicts without the whole analysis.
func LinkConflicts(docs []*corpus.Document, res *compare.Result) []Conflict {
	return NewFigureIndex(docs).LinkConflicts(res)
}

// FigureIndex reads the figures of documents' sentences, each once, when
// first asked for: a viewer that decides one comparison at one
// sensitivity after another checks the links of each against the figures
// read for the last. It is safe for concurrent use.
type FigureIndex struct {
	docs []*corpus.Document
	mu   sync.Mutex
	figs [][][]Figure
	read [][]bool // figs read, for sentences with none too
}

// NewFigureIndex is an index of the figures of docs, none read yet.
func NewFigureIndex(docs []*corpus.Document) *FigureIndex {
	x := &FigureIndex{docs: docs, figs: make([][][]Figure, len(docs)), read: make([][]bool, len(docs))}
	for d, doc := range docs {
		x.figs[d] = make([][]Figure, len(doc.Sentences))
		x.read[d] = make([]bool, len(doc.Sentences))
	}
	return x
}

// LinkConflicts finds the figures that disagree across the links of res,
// a comparison of the index's documents, as the function LinkConflicts
// does; each sentence's figures are read once for all the comparisons
// asked.
func (x *FigureIndex) LinkConflicts(res *compare.Result) []Conflict {
	a := &Analysis{Conflicts: []Conflict{}}
	if res == nil || len(res.Sentences) != len(x.docs) {
		return a.Conflicts
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, l := range res.Links {
		for _, r := range []Ref{l.A, l.B} {
			if !x.read[r.Doc][r.Sentence] {
				x.figs[r.Doc][r.Sentence] = Figures(x.docs[r.Doc].SentenceText(r.Sentence))
				x.read[r.Doc][r.Sentence] = true
			}
		}
	}
	a.conflicts(res, x.figs)
	return a.Conflicts
}

// ConflictsOn lists the figure conflicts of link li.
func (a *Analysis) ConflictsOn(li int) []Conflict {
	var out []Conflict
	for _, c := range a.Conflicts {
		if c.Link == li {
			out = append(out, c)
		}
	}
	return out
}

// ConflictAt reports whether sentence r is an end of a link with
// conflicting figures.
func (a *Analysis) ConflictAt(r Ref) bool {
	for _, c := range a.Conflicts {
		if c.A == r || c.B == r {
			return true
		}
	}
	return false
}
