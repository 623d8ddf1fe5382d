package framing

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/corpus"

	"parallax/internal/lazyre"
)

// Attribution patterns: how a quote's speaker was found.
const (
	AttrAfter     = "after"     // “…,” said Alicia Bárcena / “…,” Mayorkas said
	AttrBefore    = "before"    // Blinken said: “…”
	AttrSplit     = "split"     // “…,” he said, “…” (one quote split by its attribution)
	AttrContinued = "continued" // a quote following another of the same speaker
	AttrNone      = "none"      // no speaker found
)

// Quote is one direct quotation in an article, with its speaker.
type Quote struct {
	// Doc is the article's index; Sentence the sentence where the quote
	// starts, Sentences every sentence it touches.
	Doc       int   `json:"doc"`
	Sentence  int   `json:"sentence"`
	Sentences []int `json:"sentences"`
	// Text is the quoted words, without the quote marks; the pieces of a
	// split quote are joined with a space.
	Text string `json:"text"`
	// Start and End are byte offsets into the article's text from the first
	// opening mark to the last closing one.
	Start int `json:"start"`
	End   int `json:"end"`
	// Speaker is the speaker's name as the article gives it (or a
	// description such as "the president" when no name is given), "" when
	// unknown; SpeakerKey the entity key of a named speaker (see EntityKey).
	Speaker    string `json:"speaker,omitempty"`
	SpeakerKey string `json:"speakerKey,omitempty"`
	// Attribution is how the speaker was found: AttrAfter, AttrBefore,
	// AttrSplit, AttrContinued or AttrNone.
	Attribution string `json:"attribution"`
}

// minQuoteWords is the fewest words a quotation needs to enter the ledger;
// shorter ones ("very productive meeting") are phrases, not statements.
const minQuoteWords = 4

// speechVerbs are the verbs that attribute a quote.
const speechVerbs = `(?:said|says|say|stated|states|added|adds|told|tells|wrote|writes|reported|posted|noted|notes|` +
	`explained|declared|warned|warns|argued|insisted|announced|asked|replied|continued|tweeted|remarked|` +
	`recalled|acknowledged|admitted|emphasi[sz]ed|stressed|cautioned|predicted|promised|urged|commented|responded|according to)`

var (
	// afterVerbFirst is an attribution after a quote, verb first: ", said
	// Alicia Bárcena", ", read the joint statement".
	afterVerbFirst = lazyre.New(`^[,;:]?\s*(?:—\s*)?(?:` + speechVerbs + `|read)\s+([^.;!?“"]{1,120})`)
	// afterSubjectFirst is an attribution after a quote, speaker first: ",
	// he said", ", Mayorkas reported on X".
	afterSubjectFirst = lazyre.New(`^[,;:]?\s*(?:—\s*)?([^;!?“"]{1,100}?)\s+(?:has |had |also |later |then )?` + speechVerbs + `\b`)
	// beforeVerb finds the last attributing verb before a quote: "Blinken
	// said: ", "López Obrador stated, ", "he said the U.S. should stop ".
	beforeVerb = lazyre.New(`(?i)\b` + speechVerbs + `\b`)
	// pronounRe is a pronoun standing for the speaker.
	pronounRe = lazyre.New(`(?i)^(?:he|she|they|him|her)$|\b(?:he|she|they)\s*$`)
)

// quoteSpan is one pair of quote marks in a paragraph.
type quoteSpan struct {
	open, close int // byte offsets of the opening mark and just after the closing one
	text        string
}

// findQuoteSpans finds the quotations of a paragraph: curly “…” pairs and
// straight "…" pairs; a quote left open runs to the paragraph's end (the
// convention for a quote that goes on in the next paragraph).
func findQuoteSpans(p string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(p); {
		var closeMark string
		switch {
		case strings.HasPrefix(p[i:], "“"):
			closeMark = "”"
		case p[i] == '"':
			closeMark = `"`
		default:
			i++
			continue
		}
		start := i
		i += len(closeMark) // “ and ” are the same length, as are the straight ones
		if closeMark == `"` {
			i = start + 1
		}
		j := strings.Index(p[i:], closeMark)
		end := len(p)
		inner := p[i:]
		if j >= 0 {
			inner = p[i : i+j]
			end = i + j + len(closeMark)
		}
		out = append(out, quoteSpan{open: start, close: end, text: strings.TrimSpace(inner)})
		i = end
	}
	return out
}

// wordCount counts the words of s.
func wordCount(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }))
}

// docQuotes finds the quotations of document d and their speakers. people
// are the document's mentions, in text order, that can speak.
func docQuotes(d int, doc *corpus.Document, mentions []Mention) []Quote {
	var out []Quote
	var prev *Quote // the last quote, for continued and split quotes
	prevPara := -2
	for pi, para := range doc.Paragraphs {
		ptext := doc.Text[para.Start:para.End]
		spans := findQuoteSpans(ptext)
		for k, sp := range spans {
			if wordCount(sp.text) < minQuoteWords {
				continue
			}
			q := Quote{Doc: d, Text: sp.text, Start: para.Start + sp.open, End: para.Start + sp.close, Attribution: AttrNone}
			// The text after the quote, to the next quote or the paragraph's end.
			after := ptext[sp.close:]
			if k+1 < len(spans) {
				after = ptext[sp.close:spans[k+1].open]
			}
			// The text before it, from the previous quote or the paragraph's start.
			beforeStart := 0
			if k > 0 {
				beforeStart = spans[k-1].close
			}
			before := ptext[beforeStart:sp.open]
			// A split quote: “…,” he said, “…”.
			if prev != nil && prevPara == pi && k > 0 && strings.HasSuffix(strings.TrimSpace(spans[k-1].text), ",") &&
				len(before) <= 60 && (afterVerbFirst.MatchString(before) || afterSubjectFirst.MatchString(before)) &&
				prev.End == para.Start+spans[k-1].close {
				prev.Text = strings.TrimSuffix(prev.Text, ",") + " " + q.Text
				prev.End = q.End
				if prev.Attribution == AttrAfter {
					prev.Attribution = AttrSplit
				}
				continue
			}
			switch {
			case attributeAfter(&q, doc, mentions, after, para.Start+sp.close):
			case attributeBefore(&q, doc, mentions, before, para.Start+beforeStart):
			case prev != nil && (prevPara == pi || prevPara == pi-1) && prev.Speaker != "":
				q.Speaker, q.SpeakerKey, q.Attribution = prev.Speaker, prev.SpeakerKey, AttrContinued
			}
			q.Sentences = sentencesIn(doc, q.Start, q.End)
			if len(q.Sentences) > 0 {
				q.Sentence = q.Sentences[0]
			}
			out = append(out, q)
			prev = &out[len(out)-1]
			prevPara = pi
		}
	}
	// Split quotes grew after their sentences were taken; the comma that
	// hands over to the attribution is not the speaker's.
	for i := range out {
		out[i].Sentences = sentencesIn(doc, out[i].Start, out[i].End)
		out[i].Text = strings.TrimRight(out[i].Text, ", ")
	}
	return out
}

// sentencesIn lists the sentences of doc that overlap [start, end).
func sentencesIn(doc *corpus.Document, start, end int) []int {
	var out []int
	for i, s := range doc.Sentences {
		if s.End > start && s.Start < end {
			out = append(out, i)
		}
	}
	return out
}

// attributeAfter finds the speaker in the text after a quote (at offset off
// in the document); it reports whether one was found.
func attributeAfter(q *Quote, doc *corpus.Document, mentions []Mention, after string, off int) bool {
	if m := afterVerbFirst.FindStringSubmatchIndex(after); m != nil {
		if setSpeaker(q, doc, mentions, off+m[2], off+m[3], q.Start, false) {
			q.Attribution = AttrAfter
			return true
		}
	}
	if m := afterSubjectFirst.FindStringSubmatchIndex(after); m != nil {
		if setSpeaker(q, doc, mentions, off+m[2], off+m[3], q.Start, false) {
			q.Attribution = AttrAfter
			return true
		}
	}
	return false
}

// attributeBefore finds the speaker in the text before a quote (starting at
// offset off in the document): the subject of the last attributing verb.
func attributeBefore(q *Quote, doc *corpus.Document, mentions []Mention, before string, off int) bool {
	// Only the sentence the quote is in, from its start.
	cut := 0
	for _, i := range []string{". ", "? ", "! "} {
		if j := strings.LastIndex(before, i); j >= 0 && j+2 > cut {
			cut = j + 2
		}
	}
	locs := beforeVerb.FindAllStringIndex(before[cut:], -1)
	if len(locs) == 0 {
		return false
	}
	v := locs[len(locs)-1]
	verb := strings.ToLower(before[cut+v[0] : cut+v[1]])
	var ok bool
	if verb == "according to" {
		ok = setSpeaker(q, doc, mentions, off+cut+v[1], off+len(before), q.Start, false)
	} else {
		ok = setSpeaker(q, doc, mentions, off+cut, off+cut+v[0], q.Start, true)
	}
	if ok {
		q.Attribution = AttrBefore
	}
	return ok
}

// setSpeaker gives q the speaker named in doc.Text[start:end]: the mention
// of a person or an organisation there (the last when last, else the
// first), a pronoun resolved to the last person mentioned before the quote
// (at quoteStart), or a short description ("the president"). It reports
// whether a speaker was found.
func setSpeaker(q *Quote, doc *corpus.Document, mentions []Mention, start, end, quoteStart int, last bool) bool {
	phrase := strings.TrimSpace(doc.Text[start:end])
	var found *Mention
	for i := range mentions {
		m := &mentions[i]
		// A mention may run past the end, which the attribution's
		// pattern puts at a period: "said Rusli M. Saleh".
		if m.Start >= start && m.Start < end && m.Kind != Place {
			found = m
			if !last {
				break
			}
		}
	}
	if found != nil {
		q.Speaker, q.SpeakerKey = found.Text, found.Key
		return true
	}
	if pronounRe.MatchString(phrase) {
		for i := len(mentions) - 1; i >= 0; i-- {
			if mentions[i].End <= quoteStart && mentions[i].Kind == Person {
				q.Speaker, q.SpeakerKey = mentions[i].Text, mentions[i].Key
				return true
			}
		}
		return false
	}
	// A description: "the president", "senior administration officials".
	if last {
		if c := strings.LastIndexAny(phrase, ",;"); c >= 0 {
			phrase = strings.TrimSpace(phrase[c+1:])
		}
	} else if c := strings.IndexAny(phrase, ",;"); c >= 0 {
		phrase = phrase[:c]
	}
	w := strings.Fields(phrase)
	if len(w) == 0 || len(w) > 5 || strings.ContainsAny(phrase, ".:") {
		return false
	}
	for _, x := range w {
		if functionWords[strings.ToLower(x)] && !strings.EqualFold(x, "the") && !strings.EqualFold(x, "a") && !strings.EqualFold(x, "an") && !strings.EqualFold(x, "of") {
			return false
		}
	}
	q.Speaker = phrase
	return true
}

// Quote states in one outlet, for a quote group of the ledger.
const (
	QuoteVerbatim    = "verbatim"    // the outlet quotes the fullest version word for word
	QuoteTrimmed     = "trimmed"     // it quotes part of it
	QuoteParaphrased = "paraphrased" // it carries it in other words, or a looser quote
	QuoteAbsent      = "absent"      // it does not carry it
)

// QuoteGroup is one statement quoted in one or more outlets.
type QuoteGroup struct {
	// Text is the fullest version of the quote.
	Text string `json:"text"`
	// Speaker is the speaker the most outlets give (the longest name).
	Speaker string `json:"speaker,omitempty"`
	// Quotes are indexes into Analysis.Quotes of the group's quotations.
	Quotes []int `json:"quotes"`
	// States holds, per outlet, QuoteVerbatim, QuoteTrimmed,
	// QuoteParaphrased or QuoteAbsent.
	States []string `json:"states"`
	// Refs holds, per outlet, the sentence carrying the quote or its
	// paraphrase, or nil.
	Refs []*Ref `json:"refs"`
	// SpeakerConflict marks a quote given to different speakers in
	// different outlets.
	SpeakerConflict bool `json:"speakerConflict,omitempty"`
	// Speakers lists the different speakers when SpeakerConflict is set.
	Speakers []string `json:"speakers,omitempty"`
}

// quoteWords are the folded words of a quote, for comparing versions.
func quoteWords(s string) []string {
	return strings.FieldsFunc(Folded(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// containsRun reports whether the words of small appear, in order and
// contiguously, in big.
func containsRun(big, small []string) bool {
	if len(small) == 0 || len(small) > len(big) {
		return false
	}
	for i := 0; i+len(small) <= len(big); i++ {
		ok := true
		for j := range small {
			if big[i+j] != small[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// wordDice is the Dice overlap of two sets of content words (see
// diceWords).
func wordDice(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// diceWords is the set of the words of ws that wordDice counts: those of
// four letters or more.
func diceWords(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		if utf8.RuneCountInString(w) >= 4 {
			m[w] = true
		}
	}
	return m
}

// groupQuotes groups the quotes of all documents by content: the same
// words, a trimmed version (a contiguous part) or a loose version (half the
// content words shared). links let a quote's sentence carry it in an outlet
// that does not quote it (paraphrased).
func groupQuotes(quotes []Quote, n int, linked func(Ref) []Ref) []QuoteGroup {
	words := make([][]string, len(quotes))
	sets := make([]map[string]bool, len(quotes))
	for i, q := range quotes {
		words[i] = quoteWords(q.Text)
		sets[i] = diceWords(words[i])
	}
	uf := newUnionFind(len(quotes))
	for i := range quotes {
		for j := i + 1; j < len(quotes); j++ {
			if quotes[i].Doc == quotes[j].Doc {
				continue
			}
			if containsRun(words[i], words[j]) || containsRun(words[j], words[i]) || wordDice(sets[i], sets[j]) >= 0.5 {
				uf.union(i, j)
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := range quotes {
		r := uf.find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	var out []QuoteGroup
	for _, r := range roots {
		members := byRoot[r]
		full := members[0]
		for _, m := range members {
			if len(words[m]) > len(words[full]) {
				full = m
			}
		}
		g := QuoteGroup{Text: quotes[full].Text, Quotes: members, States: make([]string, n), Refs: make([]*Ref, n)}
		for d := range g.States {
			g.States[d] = QuoteAbsent
		}
		rank := map[string]int{QuoteAbsent: 0, QuoteParaphrased: 1, QuoteTrimmed: 2, QuoteVerbatim: 3}
		speakers := map[string]string{}
		var speakerOrder []string
		for _, m := range members {
			q := quotes[m]
			st := QuoteParaphrased
			switch {
			case slicesEqual(words[m], words[full]):
				st = QuoteVerbatim
			case containsRun(words[full], words[m]):
				st = QuoteTrimmed
			}
			if rank[st] > rank[g.States[q.Doc]] {
				g.States[q.Doc] = st
				g.Refs[q.Doc] = &Ref{Doc: q.Doc, Sentence: q.Sentence}
			}
			if q.SpeakerKey != "" {
				if old, ok := speakers[q.SpeakerKey]; !ok {
					speakers[q.SpeakerKey] = q.Speaker
					speakerOrder = append(speakerOrder, q.SpeakerKey)
				} else if len(q.Speaker) > len(old) {
					speakers[q.SpeakerKey] = q.Speaker
				}
			}
		}
		// Outlets that carry a quoting sentence through a link, without quoting it.
		for _, m := range members {
			for _, s := range quotes[m].Sentences {
				for _, o := range linked(Ref{Doc: quotes[m].Doc, Sentence: s}) {
					if g.States[o.Doc] == QuoteAbsent {
						g.States[o.Doc] = QuoteParaphrased
						g.Refs[o.Doc] = &Ref{Doc: o.Doc, Sentence: o.Sentence}
					}
				}
			}
		}
		for _, k := range speakerOrder {
			if len(speakers[k]) > len(g.Speaker) {
				g.Speaker = speakers[k]
			}
		}
		if g.Speaker == "" {
			for _, m := range members {
				if quotes[m].Speaker != "" {
					g.Speaker = quotes[m].Speaker
					break
				}
			}
		}
		if len(speakerOrder) > 1 {
			g.SpeakerConflict = true
			for _, k := range speakerOrder {
				g.Speakers = append(g.Speakers, speakers[k])
			}
			sort.Strings(g.Speakers)
		}
		out = append(out, g)
	}
	// Most widely carried first, then in order of first appearance.
	sort.SliceStable(out, func(i, j int) bool { return carried(out[i].States) > carried(out[j].States) })
	return out
}

// carried counts the outlets that carry a quote group in any form.
func carried(states []string) int {
	n := 0
	for _, s := range states {
		if s != QuoteAbsent {
			n++
		}
	}
	return n
}

// slicesEqual reports whether two word lists are equal.
func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind struct{ parent []int }

// newUnionFind makes n singleton sets.
func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

// find returns the representative of x's set: its smallest member.
func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union merges the sets of a and b, keeping the smaller representative.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u.parent[rb] = ra
	} else {
		u.parent[ra] = rb
	}
}
