// Package token splits text into words at Unicode word boundaries (UAX
// #29, github.com/clipperhouse/uax29) and normalises them for comparison:
// lower case, numbers without group separators, acronyms without dots,
// each with its stem and whether it is a stop word (package stem). Token
// offsets are byte offsets into the text tokenised (see package analysis).
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"

	"parallax/analysis"
	"parallax/analysis/number"
	"parallax/analysis/stem"
)

// Token is one word of a sentence.
type Token struct {
	// Span holds the byte offsets of the word in the tokenised text (a
	// sentence: add the sentence's Start for an offset into the document).
	analysis.Span
	// Norm is the lower-cased word; numbers lose their group separators
	// ("3,000" becomes "3000") and dotted acronyms their dots ("U.S." is
	// "us").
	Norm string
	// Stem is the Snowball stem of Norm in the text's language (Norm itself
	// for numbers and for languages without a stemmer).
	Stem string
	// Stop marks stop words and the reporting verbs of news ("said").
	Stop bool
	// Number marks numeric tokens (number.IsNumeral).
	Number bool
}

// Tokenize splits text into word tokens in the given language (an ISO 639-1
// code; English when empty, words kept as they are in a language without a
// Snowball stemmer). Punctuation and white space are not tokens.
func Tokenize(text, lang string) []Token { return tokenize(text, stem.For(lang)) }

// tokenize is Tokenize with the stemmer of the text's language, which may
// remember its stems: news repeats its words.
func tokenize(text string, st stem.Stemmer) []Token {
	// About one word in six bytes of news: one allocation for most
	// sentences.
	toks := make([]Token, 0, len(text)/6+1)
	it := words.FromString(text)
	for it.Next() {
		w := it.Value()
		if !IsWord(w) {
			continue
		}
		t := Token{Span: analysis.Span{Start: it.Start(), End: it.End()}}
		norm, numeric, acronym := normalize(w)
		t.Norm = norm
		switch {
		case numeric:
			t.Number = true
			t.Stem = norm
		case acronym:
			t.Stem = norm
		default:
			t.Stop = st.IsStop(norm)
			t.Stem = st.Stem(norm)
		}
		toks = append(toks, t)
	}
	return toks
}

// IsWord reports whether a uax29 word segment holds a letter or a digit:
// a word, not punctuation or space.
func IsWord(s string) bool {
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
func normalize(w string) (norm string, numeric, acronym bool) {
	if number.IsNumeral(w) {
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
