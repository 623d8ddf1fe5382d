// Package token splits text into words at Unicode word boundaries (UAX
// #29, github.com/clipperhouse/uax29) and normalises them for comparison:
// lower case, numbers without group separators, English number words as
// figures ("nine" is 9, "twenty-three" 23), acronyms without dots,
// each with its stem and whether it is a stop word (package stem). Token
// offsets are byte offsets into the text tokenised (see package analysis).
package token

import (
	"strconv"
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
	// for numbers and for languages without a stemmer; the figure of a
	// number word).
	Stem string
	// Stop marks stop words and the reporting verbs of news ("said").
	Stop bool
	// Number marks numeric tokens (number.IsNumeral), and the number
	// words of the language that stand for figures ("nine", whose Stem is
	// "9"; "twenty-three", one token of Stem "23").
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
			if n, ok := st.Number(norm); ok && !afterHyphenWord(toks, text, t.Start) {
				t.Number, t.Stem = true, strconv.Itoa(n)
				if joinsTens(toks, text, t.Start, n) {
					// "twenty-three": one number, 23.
					last := &toks[len(toks)-1]
					v, _ := strconv.Atoi(last.Stem)
					last.Stem, last.End = strconv.Itoa(v+n), t.End
					last.Norm = strings.ToLower(text[last.Start:last.End])
					continue
				}
				break
			}
			t.Stop = st.IsStop(norm)
			t.Stem = st.Stem(norm)
		}
		toks = append(toks, t)
	}
	return toks
}

// afterHyphenWord reports whether the word starting at byte start of text
// is joined by a hyphen to a word before it that is not a number: the
// number word is then part of a term ("pick-six"), not a figure.
func afterHyphenWord(toks []Token, text string, start int) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	if last.Number {
		return false
	}
	return isHyphen(text[last.End:start])
}

// isHyphen reports whether s, what lies between two words, is a hyphen,
// alone or with spaces around it (as in text tokenised before, "pick -
// six").
func isHyphen(s string) bool {
	switch strings.Trim(s, " ") {
	case "-", "\u2010", "\u2011":
		return true
	}
	return false
}

// joinsTens reports whether a number word of value n (1 to 9) starting at
// byte start of text ends a number written with a hyphen ("twenty-three"):
// the token before is a number word of tens and only a hyphen lies
// between.
func joinsTens(toks []Token, text string, start, n int) bool {
	if n > 9 || len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	v, err := strconv.Atoi(last.Stem)
	if !last.Number || err != nil || v < 20 || v > 90 || v%10 != 0 || number.IsNumeral(text[last.Start:last.End]) {
		return false
	}
	return isHyphen(text[last.End:start])
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
