package framing

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"parallax/analysis/clock"
	"parallax/corpus"
	"parallax/internal/lazyre"
)

// EntityKind is what a name names.
type EntityKind string

// The kinds of names.
const (
	Person       EntityKind = "person"
	Organisation EntityKind = "organisation"
	Place        EntityKind = "place"
)

// Mention is one name found in a text.
type Mention struct {
	// Text is the name as written, without a possessive "’s".
	Text string
	// Start and End are byte offsets of Text in the text searched.
	Start, End int
	// Kind is what the name names.
	Kind EntityKind
	// Key identifies the entity across articles: a person's folded surname,
	// an organisation's or a place's folded name.
	Key string
}

// folders keeps the transformers that Folded strips accents with: each
// holds buffers of some kilobytes, too many to make for every name.
var folders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Folded lower-cases s and strips its accents: "López" is "lopez".
func Folded(s string) string {
	if plainPunctuation(s) {
		return strings.ToLower(s)
	}
	t := folders.Get().(transform.Transformer)
	out, _, err := transform.String(t, s) // String resets t first
	folders.Put(t)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// plainPunctuation reports whether s holds no other characters than ASCII
// and the dashes, quotes and other punctuation of U+2010 to U+205E (news
// writes "Mexico’s"): characters that decomposing, stripping accents and
// composing again leave as they are.
func plainPunctuation(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0x2010 || r > 0x205e {
			return false
		}
		i += w
	}
	return true
}

// nameTokenRe finds words that may be part of a name: capitalised words
// (with accents, hyphens and apostrophes), initials ("J."), all-caps
// acronyms ("U.S.", "CBP") and the particles that join names. nameTokens
// finds the same, faster; the tests compare the two.
var nameTokenRe = lazyre.New(`(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}'’-]*\.?|\b(?:of|de|del|la|van|von|bin|al|for)\b`)

// nameTokens returns what nameTokenRe.FindAllStringIndex(text, -1) does,
// by a scan of the text instead of the regular expression: at each
// character, in the expression's order of preference, two or more
// capitals each followed by a period, else a capital with the letters,
// marks, apostrophes and hyphens after it and a final period, else a
// connector standing as a word of its own.
func nameTokens(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			end, reps := i, 0
			for {
				r2, w2 := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsUpper(r2) || end+w2 >= len(text) || text[end+w2] != '.' {
					break
				}
				end += w2 + 1
				reps++
			}
			if reps < 2 {
				end = i + w
				for end < len(text) {
					r2, w2 := utf8.DecodeRuneInString(text[end:])
					if !unicode.In(r2, unicode.L, unicode.M) && r2 != '\'' && r2 != '’' && r2 != '-' {
						break
					}
					end += w2
				}
				if end < len(text) && text[end] == '.' {
					end++
				}
			}
			out = append(out, []int{i, end})
			i = end
			continue
		}
		if r >= 'a' && r <= 'z' && (i == 0 || !isWordByte(text[i-1])) {
			end := i
			for end < len(text) && isWordByte(text[end]) {
				end++
			}
			if connectors[text[i:end]] {
				out = append(out, []int{i, end})
				i = end
				continue
			}
		}
		i += w
	}
	return out
}

// connectors may join capitalised words inside one name ("Secretary of
// State", "Juan de la Fuente")
// but never start or end one.
var connectors = map[string]bool{"of": true, "de": true, "del": true, "la": true, "van": true, "von": true,
	"bin": true, "al": true, "for": true}

// titles are the words of roles and honorifics that come before a person's
// name and are not part of it.
var titles = wordSet(`president vice secretary minister prime foreign interior state homeland security
	mr. mrs. ms. dr. mr mrs ms dr sen. rep. gov. senator representative governor mayor chief general gen.
	ambassador spokesman spokeswoman spokesperson commissioner director deputy attorney justice judge
	pope king queen prince sheriff officer agent adviser advisor lawmaker former acting first lady
	actress actor singer pm
	executive chairman chairwoman leader head minister's sir professor prof. rev. reverend senior
	affairs relations defense defence health commerce economy finance treasury labor interior`)

// orgWords make a name an organisation's.
var orgWords = wordSet(`house congress senate department ministry patrol agency administration commission council
	party court bank fund nations union organization organisation committee office service institute
	university times post press news reuters guard army navy police protection customs border republicans
	democrats republican democratic government cabinet parliament assembly federation association
	foundation company corp. inc. group network forum alliance coalition summit cbs cnn nbc abc bbc
	magazine journal herald tribune insider gazette lado
	fox afp ap pentagon kremlin white`)

// genericOrgs are the organisation words that, alone, name no one
// organisation ("Police said"; but "Congress", "Reuters").
var genericOrgs = wordSet(`police army navy court government party agency office service council committee
	union company group ministry department university bank fund guard cabinet parliament administration
	commission institute foundation association network forum alliance coalition`)

// places are countries, regions and cities news about many events names;
// a name ending in "City" is a place too.
var places = wordSet(`mexico us u.s. usa united states america canada guatemala honduras salvador el nicaragua
	venezuela cuba haiti colombia ecuador peru brazil argentina chile panama costa rica panama darien
	ukraine israel gaza russia china india iran iraq syria afghanistan turkey egypt europe africa asia
	france germany britain england spain italy poland japan korea taiwan
	washington texas arizona california florida new york chicago tijuana juarez ciudad el paso san diego
	chiapas tapachula sonora chihuahua coahuila nuevo leon tamaulipas baja jalisco oaxaca
	latin central north south western hemisphere rio grande lampedusa london paris berlin moscow beijing`)

// notNames are capitalised words that start sentences or name months,
// days and the like, and never make a name alone.
var notNames = wordSet(`the a an in on at by for from to of and but or so yet as after before during while when
	since until with without about over under this that these those there here it its he she they we i you
	his her their our my your who what which where why how if then than not no yes more most many some
	all any each every both other such also only just even still however meanwhile last next early later
	january february march april may june july august september october november december monday tuesday
	wednesday thursday friday saturday sunday today yesterday tomorrow one two three four five six seven
	eight nine ten mexican american mexicans americans canadian latin-american spanish english
	according despite instead although though because shortly nearly among further lack immigration
	migration migrants migrant officials title am ` + strings.ToLower(strings.Join(clock.Zones(), " ")))

// wordSet builds a set of the white-space separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameWord is one token of a run of capitalised words.
type nameWord struct {
	text       string
	start, end int
}

// Names finds the names in a text: runs of capitalised words, with the
// titles before a person's name dropped ("Secretary of State Antony
// Blinken" gives the person Antony Blinken), each classed as a person, an
// organisation or a place. known maps the surnames (folded) of people
// already found elsewhere, so that a lone "Blinken" is a person too. A
// capitalised word that starts a sentence counts only when it is known or
// part of a longer name.
func Names(text string, known map[string]bool) []Mention {
	return namesIn(text, nameRuns(text), known, nil)
}

// namesIn classes the runs of capitalised words of text into mentions;
// places (from placeNames, or nil) are the names written where a place
// stands.
func namesIn(text string, runs [][]nameWord, known, places map[string]bool) []Mention {
	var out []Mention
	for _, run := range runs {
		out = append(out, classify(text, run, known, places)...)
	}
	return out
}

// placeBefore and placeAfter are the words beside a name that make it a
// place's: "in Bener Meriah", "a Bukit Sama village resident".
var (
	placeBefore = wordSet(`in near outside across throughout`)
	placeAfter  = wordSet(`village villages district city town province region county area island regency
		subdistrict sub-district neighbourhood neighborhood camp valley river mountains`)
)

// placeNames adds to places the names (their folded words, see runWords)
// of the runs that stand where a place does: after "in" or "near", or
// before "village" or "district". Such a name is a place wherever the
// articles write it, not the person an unknown pair of capitalised words
// otherwise is, so that "he said" after "In Bener Meriah, ..." does not
// make Bener Meriah the speaker.
func placeNames(text string, runs [][]nameWord, places map[string]bool) {
	for _, run := range runs {
		run, words := runWords(run)
		if len(run) == 0 || anyIn(words, titles) {
			continue
		}
		last := run[len(run)-1]
		if stripPossessive(last.text) != last.text {
			continue // "in Biden's plan"
		}
		// The word before the name and the word after it, each one space
		// away.
		var before, after string
		if head := text[:run[0].start]; strings.HasSuffix(head, " ") {
			if f := strings.Fields(head[max(0, len(head)-12):]); len(f) > 0 {
				before = strings.ToLower(f[len(f)-1])
			}
		}
		if tail := text[last.end:]; strings.HasPrefix(tail, " ") {
			if f := strings.Fields(tail[:min(len(tail), 16)]); len(f) > 0 {
				after = strings.TrimRight(f[0], ",.;:")
			}
		}
		if placeBefore[before] || placeAfter[after] {
			places[strings.Join(words, " ")] = true
		}
	}
}

// runWords drops a run's leading words that are not names ("The", "On",
// "In", "Two-year-old") and gives the folded words of the rest.
func runWords(run []nameWord) ([]nameWord, []string) {
	for len(run) > 0 && (notNames[Folded(stripPossessive(run[0].text))] || connectors[run[0].text] || lowerCompound(run[0].text)) {
		run = run[1:]
	}
	words := make([]string, len(run))
	for i, w := range run {
		if isInitial(w.text) || isAbbrev(w.text) {
			words[i] = Folded(stripPossessive(w.text)) // "j.", "u.s."
		} else {
			words[i] = fold(w.text)
		}
	}
	return run, words
}

// nameRuns splits the text's capitalised words into runs: words separated
// by one space (or joined by a connector), not by punctuation.
func nameRuns(text string) [][]nameWord {
	var runs [][]nameWord
	var cur []nameWord
	flush := func() {
		for len(cur) > 0 && connectors[cur[len(cur)-1].text] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	for _, m := range nameTokens(text) {
		w := nameWord{text: text[m[0]:m[1]], start: m[0], end: m[1]}
		if len(cur) == 0 && connectors[w.text] {
			continue
		}
		if len(cur) > 0 {
			gap := text[cur[len(cur)-1].end:w.start]
			prev := cur[len(cur)-1].text
			if gap != " " || strings.HasSuffix(prev, "’s") || strings.HasSuffix(prev, "'s") ||
				(strings.HasSuffix(prev, ".") && !isInitial(prev) && !isAbbrev(prev)) {
				flush()
				if connectors[w.text] {
					continue
				}
			}
		}
		cur = append(cur, w)
	}
	flush()
	return runs
}

// headWords splits a sentence into its words (letters, hyphens and
// apostrophes), for telling running text from title case.
func headWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' })
}

// fold is the form of a capitalised word that nameWords and titleCased
// compare: folded, without a possessive or a final period.
func fold(w string) string { return strings.TrimSuffix(Folded(stripPossessive(w)), ".") }

// runningText reports whether the words of a sentence read as running
// text: after the first, a lower-case word that is not a function word or
// one of the small words title case leaves in lower case ("met" and
// "checks" make running text; "of" and "into" do not).
func runningText(words []string) bool {
	for _, w := range words[min(1, len(words)):] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) &&
			!functionWords[w] && !notNames[w] && !connectors[w] && !titleSmall[w] {
			return true
		}
	}
	return false
}

// titleSmall are the short words title case leaves in lower case beside
// the function words.
var titleSmall = wordSet(`up nor off via vs out into onto over amid upon near says`)

// nameWords is the set of words (see fold) that the documents' running
// text capitalises after a sentence's first word: the words of names, as
// opposed to the common words that a title-cased headline capitalises too.
// running tells, per document and sentence, which sentences read as
// running text (see runningText).
func nameWords(docs []*corpus.Document) (names map[string]bool, running [][]bool) {
	names = map[string]bool{}
	running = make([][]bool, len(docs))
	for d, doc := range docs {
		running[d] = make([]bool, len(doc.Sentences))
		for i := range doc.Sentences {
			words := headWords(doc.SentenceText(i))
			if running[d][i] = runningText(words); !running[d][i] {
				continue
			}
			for _, w := range words[1:] {
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					names[fold(w)] = true
				}
			}
		}
	}
	return names, running
}

// isNameWord reports whether the capitalised word w may be part of a name:
// the running text capitalises it too (names, from nameWords) and it is
// not a function word.
func isNameWord(w string, names map[string]bool) bool {
	f := fold(w)
	return names[f] && !functionWords[f] && !notNames[f]
}

// titleCased reports whether s is written in title case, as many
// headlines are ("Earthquake Of Magnitude 6.1 Strikes Indonesia's Aceh
// Province"): it is not running text, and after its first word it
// capitalises at least two words that are not name words (see
// isNameWord).
func titleCased(s string, names map[string]bool) bool {
	words := headWords(s)
	if runningText(words) {
		return false
	}
	common := 0
	for _, w := range words[min(1, len(words)):] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !isNameWord(w, names) {
			common++
		}
	}
	return common >= 2
}

// splitTitleRuns cuts, inside doc's title-cased sentences, its runs of
// capitalised words at the words that are not name words (see isNameWord),
// which title case capitalises too: "Lindsay Lohan Leaves Betty Ford"
// gives Lindsay Lohan and Betty Ford, not one name of five words. running
// marks the sentences of running text (from nameWords), which are not
// title-cased.
func splitTitleRuns(doc *corpus.Document, runs [][]nameWord, names map[string]bool, running []bool) [][]nameWord {
	title := make([]bool, len(doc.Sentences))
	some := false
	for i := range doc.Sentences {
		title[i] = !running[i] && titleCased(doc.SentenceText(i), names)
		some = some || title[i]
	}
	if !some {
		return runs
	}
	var out [][]nameWord
	add := func(piece []nameWord) {
		for len(piece) > 0 && connectors[piece[len(piece)-1].text] {
			piece = piece[:len(piece)-1]
		}
		if len(piece) > 0 {
			out = append(out, piece)
		}
	}
	for _, run := range runs {
		if i := sentenceAt(doc, run[0].start); i < 0 || !title[i] {
			out = append(out, run)
			continue
		}
		start := 0
		for k, w := range run {
			if !isNameWord(w.text, names) {
				add(run[start:k])
				start = k + 1
			}
		}
		add(run[start:])
	}
	return out
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

// isAbbrev reports whether w is a dotted abbreviation kept inside names
// ("Mr.", "U.S.", "Sen.").
func isAbbrev(w string) bool {
	l := strings.ToLower(w)
	return titles[l] || strings.Count(w, ".") >= 2
}

// sentenceStart reports whether the byte at i starts a sentence: the text's
// start, or after ". ", "? ", "! ", a line break or an opening quote.
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == 0 {
		return true
	}
	before := strings.TrimRight(text[:j], "“\"‘'(")
	if before == "" {
		return true
	}
	if len(before) < len(text[:j]) {
		return true // after an opening quote
	}
	c := before[len(before)-1]
	return c == '.' || c == '?' || c == '!' || c == '\n' || c == ':' || strings.HasSuffix(before, "—")
}

// classify turns a run of capitalised words into the mentions it holds: the
// titles before a person's name are dropped and what remains is classed.
func classify(text string, run []nameWord, known, places map[string]bool) []Mention {
	run, words := runWords(run)
	if len(run) == 0 {
		return nil
	}
	// Split off titles: the person's name is the run after the last title
	// word, when a title is there and a name follows.
	last := -1
	for i, w := range words {
		if titles[w] || (connectors[w] && i > 0 && titles[words[i-1]]) {
			last = i
		}
	}
	if last >= 0 && last < len(run)-1 {
		rest := run[last+1:]
		if !connectors[rest[0].text] && !isOrgOrPlace(words[last+1:]) {
			return []Mention{mention(text, cutAtOf(rest), Person)}
		}
		if kindOf(words[last+1:]) == Place && !connectors[rest[0].text] && !anyIn(words[:last+1], orgWords) {
			return []Mention{mention(text, rest, Place)} // "Senior US officials": the US
		}
	}
	if last == len(run)-1 && !isOrgOrPlace(words) {
		return nil // only a title: "President", "Secretary of State"
	}
	single := len(run) == 1
	if single && len([]rune(run[0].text)) < 2 {
		return nil
	}
	if single && genericOrgs[words[0]] {
		return nil // "Police said", not a name
	}
	kind := kindOf(words)
	atStart := sentenceStart(text, run[0].start)
	switch {
	case kind != "":
	case single:
		w := words[0]
		if !known[w] && (atStart || notNames[w]) {
			return nil
		}
		if isAcronym(run[0].text) {
			kind = Organisation
		} else {
			kind = Person
		}
	default:
		kind = Person
		if cut := cutAtOf(run); len(cut) < len(run) {
			// "López Obrador of Mexico": the person, then what follows.
			rest := classify(text, run[len(cut)+1:], known, places)
			return append(classify(text, cut, known, places), rest...)
		}
	}
	if kind == Person && places[strings.Join(words, " ")] {
		kind = Place
	}
	if kind == Person && !single && anyIn(words, notNames) {
		return nil
	}
	if kind == Person && single && !known[words[0]] {
		// A lone capitalised word is a person only when known elsewhere.
		return nil
	}
	return []Mention{mention(text, run, kind)}
}

// cutAtOf ends a person's name before "of" or "for": "López Obrador of
// Mexico" is López Obrador.
func cutAtOf(run []nameWord) []nameWord {
	for i, w := range run {
		if i > 0 && (w.text == "of" || w.text == "for") {
			return run[:i]
		}
	}
	return run
}

// lowerCompound reports whether w is a capitalised compound of
// lower-case words, such as "Two-year-old" or "Long-term".
func lowerCompound(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && unicode.IsLower([]rune(w[i+1:])[0])
}

// mention builds the mention of the words of run.
func mention(text string, run []nameWord, kind EntityKind) Mention {
	start, end := run[0].start, run[len(run)-1].end
	t := stripPossessive(strings.TrimSuffix(text[start:end], "."))
	if strings.HasSuffix(text[start:end], ".") && (isInitial(run[len(run)-1].text) || isAbbrev(run[len(run)-1].text)) {
		t = text[start:end]
	}
	m := Mention{Text: t, Start: start, End: start + len(t), Kind: kind}
	m.Key = EntityKey(t, kind)
	return m
}

// EntityKey is the key under which a name is matched across articles: a
// person's folded surname (the last word), an organisation's or a place's
// folded name without dots ("U.S." and "US" agree).
func EntityKey(name string, kind EntityKind) string {
	f := Folded(stripPossessive(name))
	if kind == Person {
		fs := strings.Fields(f)
		if len(fs) == 0 {
			return ""
		}
		return strings.TrimSuffix(fs[len(fs)-1], ".")
	}
	f = strings.ReplaceAll(f, ".", "")
	f = strings.TrimPrefix(f, "the ")
	switch f {
	case "us", "usa", "united states", "united states of america", "america":
		return "united states"
	}
	return f
}

// stripPossessive drops a trailing "’s" or "'s".
func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// kindOf classes a name that is not a person's by its words: an
// organisation when it holds an organisation word or is an acronym, a
// place when all its words are place words or it ends in "City"; "" when
// neither.
func kindOf(words []string) EntityKind {
	if anyIn(words, orgWords) {
		if len(words) == 1 && words[0] == "white" {
			return ""
		}
		return Organisation
	}
	allPlace := true
	for _, w := range words {
		if !places[w] && !connectors[w] {
			allPlace = false
		}
	}
	switch words[len(words)-1] {
	case "city", "county", "province", "state", "region", "district", "valley", "river":
		allPlace = true
	}
	if allPlace {
		return Place
	}
	return ""
}

// isOrgOrPlace reports whether the words name an organisation or a place.
func isOrgOrPlace(words []string) bool { return kindOf(words) != "" }

// anyIn reports whether any of words is in set.
func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is written in capitals, such as "CBP" or
// "U.S.".
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// functionWords are the words after a number that are not its noun.
var functionWords = wordSet(`the a an of in on at by for from to and or but as that which who people's
	than this these those its his her their more less per percent is are was were be been has have had`)

// isFunctionWord reports whether w is a function word, not a noun.
func isFunctionWord(w string) bool { return functionWords[w] }
