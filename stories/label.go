package stories

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"parallax/analysis/token"
	"parallax/corpus"
)

// space is what the stories of one Group call share: the documents and
// their term vectors, so that a story edited by hand (Merge, Move, Drop)
// is described again as Group describes one.
type space struct {
	docs []*corpus.Document
	vs   *vectors
	// vec maps a document's index to its vector's: the identity (nil)
	// until Drop takes documents out.
	vec  []int
	opts Options
}

// vector is the term vector of document i.
func (sp *space) vector(i int) *vector { return &sp.vs.docs[sp.vecIndex(i)] }

// vecIndex is the index of document i's vectors.
func (sp *space) vecIndex(i int) int {
	if sp.vec == nil {
		return i
	}
	return sp.vec[i]
}

// describe makes a Story of the documents in members (sorted): its
// representative, cohesion, title, label and the members compared. The
// sums of similarities over pairs of members come from the members'
// summed vector (c = Σv: Σ_{j≠i} v_i·v_j = v_i·c − v_i·v_i), in time
// linear in the story's size, not quadratic.
func describe(sp *space, members []int) Story {
	st := Story{Members: members, Representative: members[0], Compared: members, sp: sp}
	var rel []float64 // per member: its summed similarity to the others
	if len(members) > 1 {
		sum := map[int32]float64{}
		for _, i := range members {
			v := sp.vector(i)
			for k, id := range v.ids {
				sum[id] += v.w[k]
			}
		}
		best, total := -1.0, 0.0
		rel = make([]float64, len(members))
		for j, i := range members {
			v := sp.vector(i)
			s := 0.0
			for k, id := range v.ids {
				s += v.w[k] * (sum[id] - v.w[k])
			}
			rel[j] = s
			total += s
			if s > best+1e-12 {
				best, st.Representative = s, i
			}
		}
		n := float64(len(members))
		st.Cohesion = max(total, 0) / (n * (n - 1))
	}
	if len(members) > sp.opts.Compare {
		st.Compared = pick(sp, members, rel, sp.opts.Compare)
	}
	st.Title = titleOf(sp.docs[st.Representative])
	vi := make([]int, len(members))
	for k, m := range members {
		vi[k] = sp.vecIndex(m)
	}
	st.Terms = labelOf(sp.vs, vi, sp.opts.LabelTerms)
	st.Label = strings.Join(st.Terms, " · ")
	return st
}

// relevanceWeight is λ of pick's maximal marginal relevance: how much an
// article's closeness to its story counts against its closeness to the
// articles already chosen.
const relevanceWeight = 0.5

// pick chooses k of a story's members for the comparison by maximal
// marginal relevance: one at a time, the member most similar on average
// to the story's others (rel, summed over them) and least similar to the
// members chosen so far, so that the choice covers the story and holds no
// two copies of one report. It returns them sorted.
func pick(sp *space, members []int, rel []float64, k int) []int {
	n := float64(len(members) - 1)
	closest := make([]float64, len(members)) // per member: its largest similarity to one chosen
	chosen := make([]bool, len(members))
	out := make([]int, 0, k)
	for len(out) < k {
		best, score := -1, 0.0
		for j := range members {
			if chosen[j] {
				continue
			}
			s := relevanceWeight*rel[j]/n - (1-relevanceWeight)*closest[j]
			if best < 0 || s > score+1e-12 {
				best, score = j, s
			}
		}
		chosen[best] = true
		out = append(out, members[best])
		v := sp.vector(members[best])
		for j, m := range members {
			if !chosen[j] {
				closest[j] = max(closest[j], dot(v, sp.vector(m)))
			}
		}
	}
	slices.Sort(out)
	return out
}

// titleOf is a document's title or, when it has none, the beginning of
// its first sentence that is not boilerplate.
func titleOf(d *corpus.Document) string {
	if d.Title != "" {
		return d.Title
	}
	for i, s := range d.Sentences {
		if !s.Boilerplate {
			return clip(d.SentenceText(i), 80)
		}
	}
	return ""
}

// clip shortens s to at most n runes, at a word boundary when it can,
// marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if k := strings.LastIndexByte(cut, ' '); k > len(cut)/2 {
		cut = cut[:k]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// labelOf picks the story's most distinctive terms: those with the
// largest weight summed over the members, among the terms that at least
// two members share; for a story of one article, the article's own most
// distinctive terms. A two-word name takes the place of its words when
// it holds at least half of their occurrences ("López Obrador", not
// "Obrador"; but "Mexico", not "Mexico City").
func labelOf(vs *vectors, members []int, n int) []string {
	type agg struct {
		id       int32
		w        float64
		count    int   // members that have the term
		tf       int32 // occurrences in the members
		events   int   // members where the term says what happened (vector.event)
		surfaces map[string]int
	}
	lists := make([]*vector, len(members))
	for k, m := range members {
		lists[k] = &vs.docs[m]
	}
	need := 2
	if len(members) == 1 {
		lists[0], need = &vs.own[members[0]], 1
	}
	byID := map[int32]*agg{}
	for _, v := range lists {
		for k, id := range v.ids {
			a := byID[id]
			if a == nil {
				a = &agg{id: id, surfaces: map[string]int{}}
				byID[id] = a
			}
			a.w += v.w[k]
			a.count++
			a.tf += v.tf[k]
			if v.event[k] {
				a.events++
			}
			// Articles that show how the term is written (inside a
			// sentence) outvote those that only have it at the start of
			// sentences, in lower case here.
			votes := 1
			if v.sure[k] {
				votes = len(members) + 1
			}
			a.surfaces[v.surface[k]] += votes
		}
	}
	var cands []*agg
	for _, a := range byID {
		if a.count >= need {
			cands = append(cands, a)
		}
	}
	slices.SortFunc(cands, func(x, y *agg) int {
		if x.w != y.w {
			if x.w > y.w {
				return -1
			}
			return 1
		}
		return int(x.id - y.id)
	})
	// The best two-word name that holds each word.
	nameOf := map[string]*agg{}
	for _, a := range cands {
		if words := strings.Fields(vs.terms[a.id]); len(words) > 1 {
			for _, w := range words {
				if nameOf[w] == nil {
					nameOf[w] = a
				}
			}
		}
	}
	// A name is kept whole: it takes the place of a word when it holds
	// at least half of the occurrences of the word, or of another of its
	// words that would name the story too ("Lindsay Lohan" for "Lohan"
	// when "Lindsay" is mostly in it; not "SeaMicro CEO" for "SeaMicro").
	top := map[string]int32{} // the terms that would be picked first, with their occurrences
	for _, a := range cands[:min(len(cands), 2*n)] {
		top[vs.terms[a.id]] = a.tf
	}
	wholeName := func(a *agg) *agg {
		name := nameOf[vs.terms[a.id]]
		if name == nil {
			return a
		}
		for _, w := range strings.Fields(vs.terms[name.id]) {
			tf, ok := top[w]
			if w == vs.terms[a.id] {
				tf, ok = a.tf, true
			}
			if ok && 2*name.tf >= tf {
				return name
			}
		}
		return a
	}
	// What happened: the weightiest word that the members' leads use as
	// the event ("quake", "acquires", "charged"), not as a descriptor.
	var event *agg
	for _, a := range cands {
		if 3*a.events >= len(lists) && a.events > 0 && !calendarWord(commonest(a.surfaces)) {
			event = a
			break
		}
	}
	var out []string
	var picked []*agg
	named := map[string]bool{} // the words of the terms picked
	for _, a := range cands {
		if len(out) == n {
			break
		}
		if len(out) == n-1 && event != nil && !slices.Contains(picked, event) {
			if slices.ContainsFunc(strings.Fields(vs.terms[event.id]), func(w string) bool { return named[w] }) {
				event = nil // part of a name picked ("Endangered Species")
			} else {
				a = event // the last place goes to what happened
			}
		}
		a = wholeName(a)
		words := strings.Fields(vs.terms[a.id])
		if slices.ContainsFunc(words, func(w string) bool { return named[w] }) {
			continue // picked, or overlapping a name picked ("Louis River" after "St. Louis")
		}
		if calendarWord(commonest(a.surfaces)) {
			continue // "Wednesday" is when, not what: it names no story
		}
		for _, w := range words {
			named[w] = true
		}
		picked = append(picked, a)
		out = append(out, commonest(a.surfaces))
	}
	return out
}

// eventTerm reports whether an article's term says what happened: a word
// of its lead, not a name, that is an event word of news or written as a
// past tense or participle there.
func eventTerm(t rawTerm) bool {
	return t.lead && !t.name && !strings.Contains(t.key, " ") && (t.verb || eventStems()[t.key])
}

// eventWords are common words of news for what happened, the actions and
// events that stories are about (stemmed on first use).
const eventWords = `acquire acquisition buy buys bought purchase merger sell sale takeover deal
	earthquake quake tsunami eruption erupt flood floods storm hurricane tornado wildfire fire blaze
	explosion blast crash collision collapse derailment
	attack bombing bomb strike airstrike raid shooting shoot shot stabbing kill killing murder
	massacre riot protest clash war invasion coup siege hostage kidnapping
	arrest charge indictment trial verdict conviction convict acquittal sentence jail escape
	death dies die injury injure rescue evacuation
	election vote referendum win wins beat beats defeat victory lose loss draw
	resign resignation fire fires sack hire hires appoint appointment replace retire retirement
	suspension suspend ban recall strike lawsuit sue settlement bankruptcy layoffs
	launch release unveil announce approve overturn veto ruling pass
	rehab overdose scandal leak hack breach outbreak`

var (
	eventOnce sync.Once
	eventSet  map[string]bool
)

// eventStems is the set of the stems of eventWords.
func eventStems() map[string]bool {
	eventOnce.Do(func() {
		eventSet = map[string]bool{}
		for _, t := range token.Tokenize(eventWords, "en") {
			if !t.Stop {
				eventSet[t.Stem] = true
			}
		}
	})
	return eventSet
}

// commonest returns the most frequent string of counts, the smallest on a
// tie.
func commonest(counts map[string]int) string {
	best, bestN := "", 0
	for s, c := range counts {
		if c > bestN || (c == bestN && s < best) {
			best, bestN = s, c
		}
	}
	return best
}

// calendarWords are the names of days and months ("March" and "May" aside:
// they are words of their own too).
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
}

// calendarWord reports whether a term is the name of a day or a month,
// possessive or not ("Tuesday's").
func calendarWord(term string) bool {
	t := strings.ToLower(term)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "'s"), "’s")
	return calendarWords[t]
}
