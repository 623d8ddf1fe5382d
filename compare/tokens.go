package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// Token is one word of a sentence.
type Token struct {
	// Start and End are byte offsets of the word in the tokenised text.
	Start, End int
	// Norm is the lower-cased word; numbers lose their group separators
	// ("3,000" becomes "3000") and dotted acronyms their dots ("U.S." is
	// "us").
	Norm string
	// Stem is the Snowball stem of Norm in the text's language (Norm itself
	// for numbers and for languages without a stemmer).
	Stem string
	// Stop marks stop words and the reporting verbs of news ("said").
	Stop bool
	// Number marks numeric tokens.
	Number bool
}

// stemmer is one language's Snowball stemmer and stop-word list.
type stemmer struct {
	stem func(string, bool) string
	stop func(string) bool
}

var stemmers = map[string]stemmer{
	"en": {english.Stem, english.IsStopWord},
	"es": {spanish.Stem, spanish.IsStopWord},
	"fr": {french.Stem, french.IsStopWord},
	"ru": {russian.Stem, russian.IsStopWord},
	"sv": {swedish.Stem, swedish.IsStopWord},
	"no": {norwegian.Stem, norwegian.IsStopWord},
	"nb": {norwegian.Stem, norwegian.IsStopWord},
	"hu": {hungarian.Stem, hungarian.IsStopWord},
}

// extraStop are words each language's Snowball list lacks: for English the
// object pronoun "us" and the words so common in news reporting that they
// carry no claim of their own (attribution verbs, honorifics, modals).
var extraStop = map[string]map[string]bool{
	"en": {
		"us": true, "said": true, "say": true, "says": true, "saying": true,
		"told": true, "tell": true, "according": true, "also": true,
		"mr": true, "mrs": true, "ms": true, "would": true, "could": true,
		"may": true, "might": true, "must": true, "shall": true, "one": true,
		"get": true, "got": true,
	},
	"fr": {"les": true, "cette": true, "cet": true, "selon": true, "dit": true},
	"es": {"según": true, "dijo": true},
}

// Tokenize splits text into word tokens in the given language (an ISO 639-1
// code; English when unknown or empty). Punctuation and white space are not
// tokens.
func Tokenize(text, lang string) []Token { return tokenize(text, lang, nil) }

// tokenize is Tokenize with an optional cache of stems by word, which the
// engine keeps for one comparison: news repeats its words.
func tokenize(text, lang string, cache map[string]string) []Token {
	st, ok := stemmers[lang]
	if !ok {
		if lang == "" {
			st = stemmers["en"]
		} else {
			st = stemmer{stem: func(w string, _ bool) string { return w }, stop: func(string) bool { return false }}
		}
	}
	if lang == "" {
		lang = "en"
	}
	extra := extraStop[lang]
	// About one word in six bytes of news: one allocation for most
	// sentences.
	toks := make([]Token, 0, len(text)/6+1)
	it := words.FromString(text)
	for it.Next() {
		w := it.Value()
		if !isWord(w) {
			continue
		}
		t := Token{Start: it.Start(), End: it.End()}
		norm, number, acronym := normalize(w)
		t.Norm = norm
		switch {
		case number:
			t.Number = true
			t.Stem = norm
		case acronym:
			t.Stem = norm
		default:
			t.Stop = st.stop(norm) || extra[norm]
			if stem, ok := cache[norm]; ok {
				t.Stem = stem
			} else {
				t.Stem = st.stem(norm, true)
				if cache != nil && len(cache) < maxCachedStems {
					cache[norm] = t.Stem
				}
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// isWord reports whether a uax29 segment holds a letter or a digit.
func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// numberSeparators removes the group separators of a number.
var numberSeparators = strings.NewReplacer(",", "", "\u00a0", "", "\u202f", "")

// normalize lower-cases a word, strips group separators from numbers and
// dots from acronyms. It reports whether the word is a number, and whether
// it is an upper-case acronym whose plain form could pass for a stop word
// ("US", "U.S.", "IT").
func normalize(w string) (norm string, number, acronym bool) {
	if isNumber(w) {
		return numberSeparators.Replace(w), true, false
	}
	if strings.ContainsRune(w, '.') && isDottedAcronym(w) {
		return strings.ToLower(strings.ReplaceAll(w, ".", "")), false, true
	}
	lower := strings.ToLower(w)
	if len(w) >= 2 && len(w) <= 5 && isUpper(w) {
		// An all-capital short word is an acronym, never a stop word.
		return lower, false, true
	}
	// Curly apostrophes read as straight ones for the stemmer.
	lower = strings.ReplaceAll(lower, "\u2019", "'")
	return lower, false, false
}

// isNumber reports whether w is a number such as "3,000", "1.5" or "2020".
func isNumber(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.' || r == '\u00a0' || r == '\u202f':
		default:
			return false
		}
	}
	return digits > 0
}

// isDottedAcronym reports whether w is letters separated by dots ("U.S",
// "D.C").
func isDottedAcronym(w string) bool {
	letters := 0
	prevDot := true
	for _, r := range w {
		if r == '.' {
			if prevDot {
				return false
			}
			prevDot = true
			continue
		}
		if !unicode.IsLetter(r) || !prevDot {
			return false
		}
		prevDot = false
		letters++
	}
	return letters >= 2
}

// isUpper reports whether every rune of w is an upper-case letter.
func isUpper(w string) bool {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		w = w[n:]
	}
	return true
}
