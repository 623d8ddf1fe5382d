package framing

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// figureMatchCases are texts where figureMatches and the unanchored
// expression could part: starts inside words, after currency signs and
// white space, folded letters, invalid UTF-8, matches back to back.
var figureMatchCases = []string{
	"", "5", "a", "x5", "_5", "5x", "$5", " 5", "\t5", "\n5", "€5", "£ 5", "€ 5 million", "$ $5", "a$5", "x€5",
	"two million", "Two Million", "ſix people", "ſeven", "xſix", "K9", "twelve-hundred", "a few thousand",
	"several hundred people", "one in a million", "Jan. 5, 2024", "January 2024x", "January 2024", "May 5",
	"may", "Sept. 12", "Monday, Tuesday", "Mondays", "40%", "40 percent", "40 per cent", "40percent",
	"1,000,000.5", "1,00", "3.5.6", "2020. 2021", "10-15", "10–15", "five5five", "\xe2\x825", "\xff5 two",
	"\xe2\x82\xac5", "a\u00a05", "more than 10,000 people on Dec. 12, 2023, and $1.2 billion (40%).",
	"thirteen thousandths", "dozens of", "hundreds of checkpoints", "one-third", "a 2-1 vote", "COVID-19",
}

// TestFigureMatches checks that figureMatches finds exactly what the
// unanchored expression finds, groups included, on the cases above and on
// the sample's texts and sentences.
func TestFigureMatches(t *testing.T) {
	for _, s := range withSample(t, figureMatchCases) {
		checkFigureMatches(t, s)
	}
}

// withSample is cases followed by the text and every sentence of each
// sample article.
func withSample(t *testing.T, cases []string) []string {
	texts := slices.Clone(cases)
	docs, _ := sample(t)
	for _, d := range docs {
		texts = append(texts, d.Text)
		for i := range d.Sentences {
			texts = append(texts, d.SentenceText(i))
		}
	}
	return texts
}

// checkFigureMatches fails t when figureMatches and figureRe disagree on s.
func checkFigureMatches(t *testing.T, s string) {
	t.Helper()
	sameSpans(t, "figureMatches", s, figureMatches(s), figureRe.FindAllStringSubmatchIndex(s, -1))
}

// sameSpans fails t when the offsets a finder (named what) got in s are
// not those wanted.
func sameSpans(t *testing.T, what, s string, got, want [][]int) {
	t.Helper()
	if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Fatalf("%s(%q) = %v, want %v", what, s, got, want)
	}
}

// TestMayHoldFigure checks the quick test against its definition: a digit,
// or a cue in the lower-case text.
func TestMayHoldFigure(t *testing.T) {
	cases := append(slices.Clone(figureMatchCases), "İ", "sİx", "\u212aey", "si\u0307x", "TWENTY", "Twenty-",
		"no figure here", "Sunday", "ſix", "hundrEd", "mAy", "{day}", "@ay")
	for _, s := range withSample(t, cases) {
		checkMayHoldFigure(t, s)
	}
}

// checkMayHoldFigure fails t when mayHoldFigure(s) is not what its
// definition gives.
func checkMayHoldFigure(t *testing.T, s string) {
	t.Helper()
	want := strings.ContainsAny(s, "0123456789")
	for _, c := range figureCues {
		want = want || strings.Contains(strings.ToLower(s), c)
	}
	if got := mayHoldFigure(s); got != want {
		t.Errorf("mayHoldFigure(%q) = %v, want %v", s, got, want)
	}
}

// nameTokenCases are texts where nameTokens and nameTokenRe could part.
var nameTokenCases = []string{
	"", "U.S.", "U.S", "U.", "A.B.C. Smith", "J. Smith", "O'Neil", "O’Neil-Smith.", "McDonald", "iPhone", "de la Fuente",
	"del", "dell", "of", "Of", "xof", "_of", "of_", "ofé", "éof", "bin Laden", "al-Assad", "Ünal Çelik", "Ñ.Ö.",
	"É.", "\xff", "A\xff", "\xffof", "A.\xff", "A.B", "ΑΒ.Γ.", "X.Y.Z", "for", "forty", "van von", "Lá\u0301zaro",
}

// TestNameTokens checks that nameTokens finds exactly what nameTokenRe
// finds, on the cases above and on the sample's texts and sentences.
func TestNameTokens(t *testing.T) {
	for _, s := range withSample(t, nameTokenCases) {
		checkNameTokens(t, s)
	}
}

// checkNameTokens fails t when nameTokens and nameTokenRe disagree on s.
func checkNameTokens(t *testing.T, s string) {
	t.Helper()
	sameSpans(t, "nameTokens", s, nameTokens(s), nameTokenRe.FindAllStringIndex(s, -1))
}

// TestFoldedPunctuation checks Folded's short cut: text with the
// punctuation of U+2010 to U+205E folds as through the full
// normalisation.
func TestFoldedPunctuation(t *testing.T) {
	for r := rune(0x2010); r <= 0x205e; r++ {
		for _, s := range []string{string(r), "Ab" + string(r) + "C", string(r) + "\u0301", "e" + string(r) + "\u0301"} {
			want := s
			if out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err == nil {
				want = out
			}
			if got := Folded(s); got != strings.ToLower(want) {
				t.Errorf("Folded(%q) = %q, want %q", s, got, strings.ToLower(want))
			}
		}
	}
}
