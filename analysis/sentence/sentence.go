// Package sentence splits text into sentences: Split returns their byte
// spans (analysis.Span) in the text. It owns its English Punkt model
// (punkt_en.json, from github.com/neurosnap/sentences, MIT licence: see
// PUNKT_LICENSE) and the rules for news text that refine it; the golden
// cases in testdata/cases.txt each name the rule they test.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"

	"parallax/analysis"
	"parallax/analysis/clock"
	"parallax/analysis/number"
)

// Split splits text into sentences and returns their byte spans in
// text, each trimmed of surrounding white space, in order, non-overlapping,
// never empty.
//
// A line break always ends a sentence, so headline lines without a full
// stop are sentences of their own. Within a line, sentence boundaries are
// found with the Punkt algorithm (github.com/neurosnap/sentences) using a
// fixed copy of its English model, refined by rules for news text:
// abbreviated titles ("Mr.", "Gov.", "Lt. Gen."), months ("Oct. 1"), state
// names ("Lukeville, Ariz."), initialisms ("U.S.", "C.B.P."), initials
// ("Antony J. Blinken"), times ("3:16 p.m.", "4:50 p.m. AEDT") and
// numbers ("in 2018.", and "6. 1" as tokenised text writes 6.1). A closing
// quotation mark or bracket after the final punctuation belongs to the
// sentence it closes; a chant inside a quotation (“Rafa! Rafa!” echoed)
// does not end one, and punctuation alone is no sentence.
//
// Split is safe for concurrent use. It accepts any input, including
// invalid UTF-8.
func Split(text string) []analysis.Span {
	return split(text, pieceSize)
}

// split is Split segmenting lines piece bytes at a time.
func split(text string, piece int) []analysis.Span {
	m := englishPunkt()
	var sp splitter
	sp.model = m
	sp.text = text
	sp.piece = piece
	lineStart := 0
	for i := 0; i < len(text); {
		n := lineBreakLen(text, i)
		if n == 0 {
			i++
			continue
		}
		sp.splitLine(lineStart, i)
		i += n
		lineStart = i
	}
	sp.splitLine(lineStart, len(text))
	return sp.spans
}

// lineBreakLen returns the byte length of the line break at text[i:], or 0.
// Line breaks are \n, \r, \v, \f, NEL (U+0085), LINE SEPARATOR (U+2028) and
// PARAGRAPH SEPARATOR (U+2029).
func lineBreakLen(text string, i int) int {
	switch c := text[i]; c {
	case '\n', '\r', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// isSpace reports whether r separates words. Besides Unicode white space it
// treats the byte order mark and the zero width space as space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// isOpener reports whether r may precede a word without belonging to it:
// opening quotes and brackets, dashes and list bullets.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '«', '‹', '„', '‚', '¿', '¡',
		'—', '–', '-', '*', '_', '•', '·', '「', '『', '（', '【', '《':
		return true
	}
	return false
}

// isCloser reports whether r may follow sentence-final punctuation and still
// belong to the sentence: closing quotes and brackets.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»', '›', '」', '』', '）', '】', '》', '*', '_':
		return true
	}
	return false
}

// IsStop reports whether r ends a sentence whatever precedes it: question
// and exclamation marks, and full stops of scripts that mark no
// abbreviations with them.
func IsStop(r rune) bool {
	switch r {
	case '?', '!', '‽', '؟', '？', '！', '。', '।', '۔', '᙮', '։':
		return true
	}
	return false
}

// isCJKStop reports whether r ends a sentence even when no space follows.
func isCJKStop(r rune) bool {
	switch r {
	case '。', '？', '！':
		return true
	}
	return false
}

// Kinds of sentence-final punctuation at the end of a word's core.
const (
	endNone     = iota
	endStop     // ? ! and the like
	endEllipsis // ... or …
	endPeriod   // a single .
)

// lineWord is one white-space separated token of a line.
type lineWord struct {
	start, end int              // byte range in the text
	cs, ce     int              // the core: start..end without leading openers and trailing closers
	kind       int              // the end* kind of the core's final punctuation
	closed     bool             // closing marks follow the core
	ptok       *sentences.Token // Punkt's view of the core, near sentence punctuation only
}

// splitter holds the state of one Split call.
type splitter struct {
	model *punktModel
	text  string
	spans []analysis.Span
	words []lineWord
	ptoks []*sentences.Token
	piece int // bytes of a line segmented at a time (pieceSize)
	base  int // words of the line in its earlier pieces
	carry int // words of the open sentence in the line's earlier pieces
}

// pieceSize is how much of a line is segmented at a time: the words of a
// piece are held at once (64 bytes each), so a line of megabytes (a page
// without line breaks) costs memory by the piece, not by the line.
const pieceSize = 256 << 10

// cutWords is how many words before a cut between pieces must hold no
// sentence punctuation: no break is decided near the cut, and every
// decision sees the words it looks at (a few on each side).
const cutWords = 16

// splitLine segments text[from:to], which holds no line break, a piece
// at a time. A sentence open at the end of a piece continues in the next.
func (sp *splitter) splitLine(from, to int) {
	sp.base, sp.carry = 0, 0
	first := len(sp.spans)
	for from < to {
		cut := sp.pieceEnd(from, to)
		sp.splitPiece(from, cut)
		from = cut
	}
	// A sentence of punctuation alone ("to be true. ...", "FIRED! !")
	// belongs to the one before it on the line.
	out := sp.spans[:first]
	for _, s := range sp.spans[first:] {
		if len(out) > first && !hasWordChar(sp.text[s.Start:s.End]) {
			out[len(out)-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	sp.spans = out
}

// hasWordChar reports whether s holds a letter or a digit.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// pieceEnd returns where the piece of text[from:to] that starts at from
// ends: at least sp.piece bytes on, at a space with no sentence
// punctuation in the cutWords words before it; to when there is none.
func (sp *splitter) pieceEnd(from, to int) int {
	text := sp.text
	for p := from + sp.piece; p < to; p++ {
		if text[p] != ' ' {
			continue
		}
		if sp.quietBefore(from, p) {
			return p
		}
	}
	return to
}

// quietBefore reports whether the cutWords words before text[p] (and
// after from) hold no sentence punctuation and no character that could
// end a sentence without a space.
func (sp *splitter) quietBefore(from, p int) bool {
	text := sp.text
	words, inWord := 0, false
	for i := p; i > from && p-i < 4096; {
		r, size := utf8.DecodeLastRuneInString(text[from:i])
		i -= size
		switch {
		case isSpace(r):
			inWord = false
		case r == '.' || r == '…' || IsStop(r):
			return false
		default:
			if !inWord {
				words++
				inWord = true
				if words > cutWords {
					return true
				}
			}
		}
	}
	return false
}

// splitPiece segments text[from:to], a piece of a line. sp.base and
// sp.carry say how many words of the line, and of its open sentence,
// came in earlier pieces.
func (sp *splitter) splitPiece(from, to int) {
	sp.tokenize(from, to)
	words := sp.words
	if len(words) == 0 {
		return
	}
	sp.annotate()
	start := 0
	spanStart := func(start int) int { return words[start].start }
	if sp.base > 0 && sp.carry > 0 && len(sp.spans) > 0 {
		// The open sentence of the last piece goes on here.
		cont := sp.spans[len(sp.spans)-1].Start
		sp.spans = sp.spans[:len(sp.spans)-1]
		spanStart = func(start int) int {
			if start == 0 {
				return cont
			}
			return words[start].start
		}
	}
	for i := 0; i < len(words); i++ {
		if words[i].kind == endNone {
			continue
		}
		// Tokens made only of closing quotes or brackets belong to the
		// sentence they close ("she said. ”").
		j := i + 1
		for j < len(words) && words[j].cs == words[j].ce && words[j].onlyClosers(sp.text) {
			j++
		}
		if j >= len(words) {
			break
		}
		if sp.isBreak(start, i, j) {
			sp.spans = append(sp.spans, analysis.Span{Start: spanStart(start), End: words[j-1].end})
			start = j
		}
		i = j - 1
	}
	sp.spans = append(sp.spans, analysis.Span{Start: spanStart(start), End: words[len(words)-1].end})
	if start > 0 {
		sp.carry = 0
	}
	sp.carry += len(words) - start
	sp.base += len(words)
}

// tokenize fills sp.words with the words of text[from:to].
func (sp *splitter) tokenize(from, to int) {
	if want := (to - from) / 6; cap(sp.words) < want && want > 1024 {
		// A long line: one allocation rather than repeated growth and copying.
		sp.words = make([]lineWord, 0, want)
	}
	sp.words = sp.words[:0]
	text := sp.text
	start := -1
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if isSpace(r) {
			if start >= 0 {
				sp.addWord(start, i)
				start = -1
			}
			i += size
			continue
		}
		if start < 0 {
			start = i
		}
		i += size
		if isCJKStop(r) {
			// CJK text has no spaces between sentences: end the word after
			// the stop and any closing marks.
			for i < to {
				r, size = utf8.DecodeRuneInString(text[i:to])
				if !isCloser(r) && !isCJKStop(r) {
					break
				}
				i += size
			}
			sp.addWord(start, i)
			start = -1
		}
	}
	if start >= 0 {
		sp.addWord(start, to)
	}
}

// addWord appends the word text[start:end] to sp.words.
func (sp *splitter) addWord(start, end int) {
	text := sp.text
	w := lineWord{start: start, end: end, cs: start, ce: end}
	for w.ce > w.cs {
		r, size := utf8.DecodeLastRuneInString(text[w.cs:w.ce])
		if !isCloser(r) {
			break
		}
		w.ce -= size
		w.closed = true
	}
	for w.cs < w.ce {
		r, size := utf8.DecodeRuneInString(text[w.cs:w.ce])
		if !isOpener(r) {
			break
		}
		w.cs += size
	}
	if w.ce > w.cs {
		r, _ := utf8.DecodeLastRuneInString(text[w.cs:w.ce])
		switch {
		case IsStop(r):
			w.kind = endStop
		case r == '…':
			w.kind = endEllipsis
		case r == '.':
			if strings.HasSuffix(text[w.cs:w.ce], "..") {
				w.kind = endEllipsis
			} else {
				w.kind = endPeriod
			}
		}
	}
	sp.words = append(sp.words, w)
}

// onlyClosers reports whether the word consists of closing marks only.
func (w *lineWord) onlyClosers(text string) bool {
	for _, r := range text[w.start:w.end] {
		if !isCloser(r) {
			return false
		}
	}
	return true
}

// annotate runs Punkt over the words that end in sentence punctuation and
// the words that follow them.
func (sp *splitter) annotate() {
	words := sp.words
	sp.ptoks = sp.ptoks[:0]
	afterEnd := false
	for i := range words {
		w := &words[i]
		w.ptok = nil
		if w.cs == w.ce && w.onlyClosers(sp.text) {
			// Closing marks stay with the word they close.
			continue
		}
		if w.kind != endNone || afterEnd {
			t := sentences.NewToken(sp.text[w.cs:w.ce])
			t.Position = w.end
			w.ptok = t
			sp.ptoks = append(sp.ptoks, t)
		}
		afterEnd = w.kind != endNone
	}
	if len(sp.ptoks) == 0 {
		return
	}
	m := sp.model
	for _, t := range sp.ptoks {
		m.typeAnnotation(t)
	}
	m.tokenAnn.Annotate(sp.ptoks)
}

// typeAnnotation is Punkt's first, type-based pass (the library's
// TypeBasedAnnotation, which slices bytes by rune counts): words ending in
// ? or ! are sentence breaks, words ending in a period are abbreviations
// when their type is a known abbreviation and sentence breaks otherwise.
func (m *punktModel) typeAnnotation(t *sentences.Token) {
	tok := t.Tok
	if tok == "" {
		return
	}
	last, _ := utf8.DecodeLastRuneInString(tok)
	switch {
	case IsStop(last):
		t.SentBreak = true
	case last == '.' && !strings.HasSuffix(tok, ".."):
		typ := strings.ToLower(tok[:len(tok)-1])
		lastPart := typ
		if k := strings.LastIndexByte(typ, '-'); k >= 0 {
			lastPart = typ[k+1:]
		}
		if m.storage.IsAbbr(typ, lastPart) {
			t.Abbr = true
		} else {
			t.SentBreak = true
		}
	}
}

// sentenceWords is how many words of the sentence that began at word
// start come before word i, counting those of earlier pieces.
func (sp *splitter) sentenceWords(start, i int) int {
	if start == 0 {
		return i + sp.carry
	}
	return i - start
}

// isBreak decides whether the sentence that began at word start ends after
// word i, given that j is the next word that is not made of closing marks
// only.
func (sp *splitter) isBreak(start, i, j int) bool {
	text := sp.text
	w, n := &sp.words[i], &sp.words[j]
	core := text[w.cs:w.ce]
	ncore := text[n.cs:n.ce]
	nFirst, _ := utf8.DecodeRuneInString(ncore)
	if ncore == "" {
		nFirst = 0
	}
	nLower := unicode.IsLower(nFirst)
	// A word that begins a sentence: capitalised, or from a script without
	// case.
	nCap := unicode.IsLetter(nFirst) && !nLower
	nNum := unicode.IsDigit(nFirst) || strings.ContainsRune("$€£¥#", nFirst)
	closed := w.closed || j > i+1

	// A sentence does not start with a lower-case word: "C.B.P. and our
	// partners", "“Why?” he asked", "presidency . administration".
	if nLower {
		return false
	}
	// Nor with a comma, semicolon or colon: "Sun. , Aug. 4".
	if strings.ContainsRune(",;:", nFirst) {
		return false
	}
	switch w.kind {
	case endStop:
		if closed && sp.attributionFollows(j) {
			return false
		}
		if !closed && sp.chantCloses(j) {
			return false
		}
		// Names with an exclamation mark: "Yahoo! News".
		return closed || !has(bangNames, strings.ToLower(core))
	case endEllipsis:
		return sp.ellipsisBreak(n, nCap)
	}

	// A single period.
	if core == "." {
		// A spaced ellipsis ". . ." or a stray period.
		if i > 0 && text[sp.words[i-1].cs:sp.words[i-1].ce] == "." {
			return sp.ellipsisBreak(n, nCap)
		}
		if n.ptok != nil && n.ptok.Tok == "." {
			return false
		}
		// A period just inside a bracket opens a decimal: "( . 538 )".
		if strings.ContainsAny(text[w.start:w.cs], "([") {
			return false
		}
		return nCap || nNum || w.ptok.SentBreak
	}
	// Punctuation closed by a quote or bracket ends the quotation or the
	// aside: "(... last week.) The president", "“... the U.S.” Biden".
	if closed && (nCap || nNum) {
		return true
	}
	if !nCap && !nNum {
		// Punctuation, symbols: let Punkt decide.
		return w.ptok.SentBreak
	}

	stem := core[:len(core)-1]
	typ := strings.ToLower(stem)
	if k := strings.LastIndexByte(typ, '-'); k >= 0 && !number.IsFigure(typ) {
		typ = typ[k+1:]
	}
	switch {
	case number.IsFigure(stem):
		// "in 2018. Then" ends a sentence; "1. The first point" at the
		// start of a line is a list marker; "a 6. 1 magnitude quake" is a
		// decimal with a space in it (tokenised or badly extracted text),
		// as no sentence ends in a number of three digits or fewer with the
		// next one starting with a digit.
		short := len(stem) <= 3 && number.IsDigits(stem)
		// "$9. 3m", "+0. 26%": the same with a sign or a currency.
		signed := strings.TrimLeft(stem, "$€£¥+-−")
		decimal := len(signed) <= 3 && number.IsDigits(signed) && unicode.IsDigit(nFirst)
		return !(i+sp.base == 0 && short) && !decimal
	case has(titles, typ):
		// "Mr. Biden", "Lt. Gen. Smith", "St. Louis"; but "on Main St. The".
		return sp.strongStarter(n)
	case has(numberAbbrevs, typ) && (nNum || !isInitial(stem)):
		// "No. 2 official", "p. 5"; but "P. J. Hill" is initials.
		return !nNum
	case has(months, typ):
		// "Oct. 1".
		return !nNum
	case has(states, typ):
		// "near Lukeville, Ariz. The border"; but "Calif. 94103".
		return !nNum
	case typ == "a.m" || typ == "p.m":
		// "at 3:16 p.m. The", but "at 5 p.m. Friday", "2 p.m. ET", and
		// "At 3 p.m. President Biden spoke": a time that would be a
		// sentence of its own continues.
		return !nNum && sp.sentenceWords(start, i) >= 3 &&
			!timeFollows(ncore)
	case isInitialism(stem):
		// "U.S. Border Patrol", "U.N. Security Council", "the U.S. The".
		return sp.strongStarter(n)
	case isInitial(stem):
		// "Antony J. Blinken", but "Plan B. The".
		return sp.strongStarter(n)
	}
	return w.ptok.SentBreak
}

// ellipsisBreak decides whether an ellipsis before word n ends a sentence:
// only when n is capitalised and Punkt's orthographic or frequent sentence
// starter heuristic says n starts a sentence.
func (sp *splitter) ellipsisBreak(n *lineWord, nCap bool) bool {
	if !nCap || n.ptok == nil {
		return false
	}
	if sp.model.ortho.Heuristic(n.ptok) == 1 {
		return true
	}
	return sp.model.storage.SentStarters.Has(strings.ToLower(bare(n.ptok.Tok)))
}

// strongStarter reports whether word n is a capitalised word that begins
// sentences and does not continue a name.
func (sp *splitter) strongStarter(n *lineWord) bool {
	return has(strongStarters, strings.ToLower(bare(sp.text[n.cs:n.ce])))
}

// attributionFollows reports whether the words from j on read like a speech
// attribution after a quoted question or exclamation: up to three
// capitalised words and a verb of saying (“Why?” Biden asked.).
func (sp *splitter) attributionFollows(j int) bool {
	text := sp.text
	for k := j; k < len(sp.words) && k < j+4; k++ {
		wd := text[sp.words[k].cs:sp.words[k].ce]
		r, _ := utf8.DecodeRuneInString(wd)
		if k > j && has(speechVerbs, bare(wd)) {
			return true
		}
		if !unicode.IsUpper(r) || has(strongStarters, strings.ToLower(bare(wd))) {
			return false
		}
		if sp.words[k].kind == endStop || sp.words[k].kind == endEllipsis {
			return false
		}
	}
	return false
}

// timeFollows reports whether the word w continues a time: a day, a month
// or a time zone, also before a closing bracket ("5 p.m. Friday", "2 p.m.
// ET", "(9:00 p.m. GMT)", "4:50 p.m. AEDT.").
func timeFollows(w string) bool {
	w = strings.ToLower(strings.TrimRight(bare(w), ")]"))
	return has(timeFollowers, w) || clock.IsZone(strings.TrimSuffix(w, "."))
}

// chantCloses reports whether the words from j on close, within a few
// words, a quotation that a question or exclamation left open and that
// the sentence then goes on from: “Rafa! Rafa!” echoed, shouted "Death!
// Death!". A quotation followed by a capitalised word or nothing ends
// where it closes, as usual.
func (sp *splitter) chantCloses(j int) bool {
	text := sp.text
	for k := j; k < len(sp.words) && k < j+4; k++ {
		w := &sp.words[k]
		if w.kind == endNone {
			continue
		}
		// The quotation closes after this word's punctuation, as a closing
		// mark or inside the core ("Death!".).
		tail := text[w.cs+1 : w.end]
		q := strings.IndexAny(tail, "”\"")
		if q < 0 {
			return false
		}
		if strings.ContainsAny(tail[q:], ".,;:") {
			return true // shouted "Death! Death!".
		}
		if k+1 >= len(sp.words) {
			return false
		}
		next := text[sp.words[k+1].start:sp.words[k+1].end]
		r, _ := utf8.DecodeRuneInString(next)
		return unicode.IsLower(r) || unicode.IsPunct(r) && !strings.ContainsRune("“\"‘'(", r)
	}
	return false
}

// bare strips trailing commas, semicolons and colons from a word.
func bare(s string) string {
	return strings.TrimRight(s, ",;:")
}

// isInitialism reports whether s (without its final period) is a dotted
// abbreviation such as "U.S", "C.B.P", "a.k.a" or "Ph.D": groups of one or
// two ASCII letters joined by periods.
func isInitialism(s string) bool {
	if strings.IndexByte(s, '.') < 0 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}

// isInitial reports whether s is a single capital letter, as in "J.".
func isInitial(s string) bool {
	if s == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && unicode.IsUpper(r)
}

// wordSet is a set of strings.
type wordSet map[string]struct{}

func newWordSet(lists ...[]string) wordSet {
	s := make(wordSet)
	for _, l := range lists {
		for _, w := range l {
			s[w] = struct{}{}
		}
	}
	return s
}

func has(s wordSet, w string) bool {
	_, ok := s[w]
	return ok
}

var (
	titles         = newWordSet(punktTitleAbbrevs)
	months         = newWordSet(punktMonthAbbrevs)
	states         = newWordSet(punktStateAbbrevs)
	numberAbbrevs  = newWordSet(punktNumberAbbrevs)
	strongStarters = newWordSet(punktStrongStarters)

	// timeFollowers holds words that continue a time ("5 p.m. Friday").
	timeFollowers = newWordSet([]string{
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.",
		"sat.", "sun.", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december",
		"jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "eastern",
		"central", "mountain", "pacific",
	})

	// bangNames are names that end in an exclamation mark.
	bangNames = newWordSet([]string{"yahoo!", "jeopardy!"})

	// speechVerbs holds verbs of saying that follow a quotation.
	speechVerbs = newWordSet([]string{
		"said", "says", "asked", "asks", "told", "tells", "wrote", "writes",
		"added", "adds", "replied", "replies", "shouted", "shouts", "yelled",
		"yells", "exclaimed", "tweeted", "posted", "recalled", "noted",
		"explained", "continued", "responded", "countered", "demanded",
		"wondered", "insisted", "chanted", "cried", "screamed", "joked",
		"quipped", "laughed", "declared", "argued", "stated", "warned",
		"said.", "says.", "asked.", "told.", "wrote.", "added.", "replied.",
		"shouted.", "yelled.", "tweeted.", "posted.", "wondered.", "cried.",
		"joked.", "quipped.", "warned.",
	})
)
