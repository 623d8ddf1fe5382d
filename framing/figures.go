package framing

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"parallax/internal/lazyre"
)

// Unit is what a figure counts or names.
type Unit string

// The units a figure can have.
const (
	Count   Unit = "count"   // a plain quantity: "5,000", "two million"
	Percent Unit = "percent" // "40%", "40 percent"
	Money   Unit = "money"   // "$1.2 billion", "€30"
	Year    Unit = "year"    // "2023"
	Date    Unit = "date"    // "January", "Dec. 12"
	Weekday Unit = "weekday" // "Wednesday"
)

// Figure is one number, date or day named in a sentence, normalised.
type Figure struct {
	// Text is the figure as written, with its qualifier: "more than 10,000".
	Text string `json:"text"`
	// Start and End are byte offsets of Text in the sentence.
	Start int `json:"start"`
	End   int `json:"end"`
	// Value is the figure's value: the quantity, the year, month*100+day
	// for a date (day 0 when only the month is given), 1..7 for a weekday
	// (Monday is 1).
	Value float64 `json:"value"`
	// Unit is what the figure counts.
	Unit Unit `json:"unit"`
	// Qualifier is the bound written before a quantity: "more than",
	// "nearly", "about", "up to", or "" for an exact figure.
	Qualifier string `json:"qualifier,omitempty"`
	// Noun is the word after a quantity ("migrants" in "5,000 migrants"),
	// lower-cased, or "".
	Noun string `json:"noun,omitempty"`
}

// Normal is the figure's normalised form: "5000", ">2000000", "~300",
// "40%", "$1200000000", "2023", "12-14" (December 14), "Wednesday".
func (f Figure) Normal() string {
	switch f.Unit {
	case Year:
		return strconv.Itoa(int(f.Value))
	case Date:
		m, d := int(f.Value)/100, int(f.Value)%100
		if d == 0 {
			return monthNames[m-1]
		}
		return fmt.Sprintf("%s %d", monthNames[m-1], d)
	case Weekday:
		return weekdayNames[int(f.Value)-1]
	}
	v := strconv.FormatFloat(f.Value, 'f', -1, 64)
	switch f.Unit {
	case Percent:
		v += "%"
	case Money:
		v = "$" + v
	}
	return qualifierMarks[f.Qualifier] + v
}

// qualifierMarks are the signs Normal writes for each qualifier's bound.
var qualifierMarks = map[string]string{"": "", "more": ">", "less": "<", "near": "≲", "about": "~"}

// qualifiers maps the words written before a quantity to the bound they
// set: "more" (at least the figure), "less" (at most), "near" (a little
// under) and "about" (within 15%).
var qualifiers = map[string]string{
	"more than": "more", "over": "more", "at least": "more", "upwards of": "more", "in excess of": "more",
	"fewer than": "less", "less than": "less", "under": "less", "up to": "less", "as many as": "less", "no more than": "less",
	"nearly": "near", "almost": "near", "close to": "near", "just under": "near",
	"about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about", "an estimated": "about",
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// smallNumbers are the number words read as quantities.
var smallNumbers = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
	"hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9,
}

// scales are the words that multiply the quantity before them.
var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var (
	wordNum  = `(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|one|a few|several|hundreds|thousands|millions|billions|dozen)`
	monthAlt = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	// figureExpr finds figures: a date, a weekday, or a quantity in digits
	// or words with its currency, scale and percent sign. Group 1 and 11
	// are empty: the qualifier before a figure and the noun after it are
	// read around the match (in the expression they made it ten times
	// slower).
	figureExpr = `()(?:` +
		`\b(` + monthAlt + `)(?:\s+(\d{1,2})\b)?(?:,?\s+(\d{4})\b)?` + // 2 month, 3 day, 4 year
		`|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b` + // 5 weekday
		`|([$€£])?\s?\b(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)` + // 6 currency, 7 digits
		`|(?i:\b(` + wordNum + `)\b)` + // 8 number word
		`)` +
		`(?i:[\s-]+(hundred|thousand|million|billion|trillion)s?\b)?` + // 9 scale
		`(?i:\s*(%|percent\b|per cent\b))?` + // 10 percent
		`()` // 11 (empty)
	// figureRe is figureExpr unanchored: what figureMatches finds, the
	// slow way (the tests compare the two).
	figureRe = lazyre.New(figureExpr)
	// figureAt matches figureExpr at the start of the text only, and
	// figureAfter right after the text's first character, which gives
	// \b its context.
	figureAt    = lazyre.New(`\A` + figureExpr)
	figureAfter = lazyre.New(`\A(?s:.)` + figureExpr)
	// nounRe reads the noun after a quantity: "5,000 migrants", "hundreds
	// of checkpoints".
	nounRe = lazyre.New(`^\s+(?:of\s+)?([\p{Ll}][\p{Ll}-]+)`)
)

// qualifierBefore finds the qualifier written right before byte i of s
// ("more than " before "10,000"): its bound and where it starts, or "" and i.
func qualifierBefore(s string, i int) (string, int) {
	before := strings.ToLower(s[:i])
	trimmed := strings.TrimRight(before, " ")
	if len(trimmed) == len(before) {
		return "", i
	}
	best, start := "", i
	for phrase, bound := range qualifiers {
		if !strings.HasSuffix(trimmed, phrase) {
			continue
		}
		at := len(trimmed) - len(phrase)
		if at > 0 && isLetterByte(trimmed[at-1]) {
			continue // "handover" is no "over"
		}
		if best == "" || at < start {
			best, start = bound, at
		}
	}
	return best, start
}

// isLetterByte reports whether b is an ASCII letter or part of a
// multi-byte character.
func isLetterByte(b byte) bool {
	return b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// Figures finds the figures of a sentence: quantities (with their bounds),
// percentages, sums of money, years, dates and weekdays. Number words count
// only with a scale ("two million") or before a noun ("three people");
// "a" and "one" only with a scale.
func Figures(s string) []Figure {
	if !mayHoldFigure(s) {
		return nil
	}
	var out []Figure
	for _, m := range figureMatches(s) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		f := Figure{Start: m[0], End: m[1]}
		for f.Start < f.End && s[f.Start] == ' ' {
			f.Start++
		}
		qual, qualStart := qualifierBefore(s, f.Start)
		scale, pct := strings.ToLower(g(9)), g(10)
		noun, nounEnd := "", -1
		if n := nounRe.FindStringSubmatchIndex(s[m[1]:]); n != nil {
			noun, nounEnd = s[m[1]+n[2]:m[1]+n[3]], m[1]+n[3]
		}
		switch {
		case g(2) != "":
			month := monthIndex(g(2))
			if month == 0 || (g(2) == "May" && g(3) == "" && g(4) == "") {
				continue // "may" the verb, or an unknown abbreviation
			}
			day, _ := strconv.Atoi(g(3))
			if day > 31 {
				day = 0
			}
			f.Unit, f.Value = Date, float64(month*100+day)
			if y := g(4); y != "" && g(3) == "" {
				// "January 2024": the year is what is precise.
				yv, _ := strconv.Atoi(y)
				f.Unit, f.Value = Year, float64(yv)
			}
			f.End = lastGroupEnd(m, 4)
			qual, noun = "", ""
		case g(5) != "":
			f.Unit = Weekday
			for i, w := range weekdayNames {
				if strings.EqualFold(w, g(5)) {
					f.Value = float64(i + 1)
				}
			}
			f.End = m[11]
			qual, noun = "", ""
		case g(7) != "":
			v, err := strconv.ParseFloat(strings.ReplaceAll(g(7), ",", ""), 64)
			if err != nil {
				continue
			}
			f.Value, f.Unit = v, Count
			if g(6) != "" {
				f.Unit = Money
			}
			if g(6) == "" && scale == "" && pct == "" && !strings.Contains(g(7), ",") && !strings.Contains(g(7), ".") &&
				v >= 1900 && v <= 2100 {
				f.Unit = Year
				qual = ""
			}
		default:
			w := strings.ToLower(g(8))
			v, ok := smallNumbers[w]
			switch {
			case w == "a" || w == "one":
				v, ok = 1, scale != ""
			case w == "a few" || w == "several":
				v, ok = 3, scale != ""
			case w == "hundreds" || w == "thousands" || w == "millions" || w == "billions" || w == "dozen":
				ok = true
			}
			if !ok || (scale == "" && pct == "" && noun == "") {
				continue
			}
			f.Value, f.Unit = v, Count
		}
		if f.Unit == Count || f.Unit == Money {
			if scale != "" {
				f.Value *= scales[scale]
			}
			if pct != "" {
				f.Unit = Percent
			}
			f.Value = roundSig(f.Value)
		}
		if f.Unit != Count && f.Unit != Money && f.Unit != Percent {
			qual, noun = "", ""
		}
		if qual != "" {
			f.Qualifier, f.Start = qual, qualStart
		}
		if noun != "" && isFunctionWord(noun) {
			noun = ""
		}
		f.Noun = noun
		if noun != "" {
			f.End = nounEnd
		}
		f.Text = strings.TrimSpace(s[f.Start:f.End])
		out = append(out, f)
	}
	return out
}

// figureMatches returns what figureRe.FindAllStringSubmatchIndex(s, -1)
// does, faster: rather than run the large expression over the whole
// sentence, it tries the expression, anchored, only where a match can
// begin (see mayStartFigure), from left to right, each match's end
// being where the next is looked for; at a given start, the anchored
// expression prefers the same match as the unanchored one.
func figureMatches(s string) [][]int {
	var out [][]int
	for c := 0; c < len(s); {
		if !mayStartFigure(s, c) {
			c++
			continue
		}
		var m []int
		base := 0
		if c == 0 {
			m = figureAt.FindStringSubmatchIndex(s)
		} else {
			_, w := utf8.DecodeLastRuneInString(s[:c])
			base = c - w
			m = figureAfter.FindStringSubmatchIndex(s[base:])
		}
		if m == nil {
			c++
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += base
			}
		}
		m[0] = m[2] // group 1 is empty and starts the match, after the context character
		out = append(out, m)
		c = m[1]
	}
	return out
}

// mayStartFigure reports whether a match of figureExpr can begin at byte
// c of s: at a letter or digit that starts a word (the expression's \b
// looks at ASCII letters, digits and "_"), at a currency sign, at white
// space before a digit, or at the long s and Kelvin sign that the
// case-insensitive number words fold ("ſix").
func mayStartFigure(s string, c int) bool {
	b := s[c]
	switch {
	case b >= '0' && b <= '9':
		return c == 0 || !isWordByte(s[c-1])
	case b|0x20 >= 'a' && b|0x20 <= 'z':
		return (c == 0 || !isWordByte(s[c-1])) && mayStartFigureWord(s[c:])
	case b == '$':
		return true
	case b == ' ', b == '\t', b == '\n', b == '\f', b == '\r':
		return c+1 < len(s) && s[c+1] >= '0' && s[c+1] <= '9'
	}
	rest := s[c:]
	return strings.HasPrefix(rest, "€") || strings.HasPrefix(rest, "£") ||
		strings.HasPrefix(rest, "ſ") || strings.HasPrefix(rest, "\u212a")
}

// figureWordStarts are the first three letters, in lower case, of the
// months, weekdays and number words figureExpr knows (all but "a" and "a
// few", which mayStartFigureWord tells apart).
var figureWordStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, alt := range []string{monthAlt, "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", wordNum} {
		for _, w := range strings.Split(strings.Trim(alt, "(?:)"), "|") {
			if len(w) >= 3 {
				m[strings.ToLower(w[:3])] = true
			}
		}
	}
	return m
}()

// mayStartFigureWord reports whether w, which starts with an ASCII letter
// at the start of a word, can begin a month, a weekday or a number word:
// "a" standing alone or its first three letters among figureWordStarts.
// A word with other than ASCII letters in its first three bytes may, for
// the number words are matched ignoring case and "ſ" folds to "s".
func mayStartFigureWord(w string) bool {
	if w[0]|0x20 == 'a' && (len(w) == 1 || !isWordByte(w[1])) {
		return true
	}
	if len(w) < 3 {
		return len(w) == 2 && w[1] >= 0x80
	}
	var k [3]byte
	for i := range k {
		b := w[i]
		if b >= 0x80 {
			return true
		}
		k[i] = b | 0x20
	}
	return figureWordStarts[string(k[:])]
}

// isWordByte reports whether b is an ASCII letter, digit or "_", a word
// character for \b.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b|0x20 >= 'a' && b|0x20 <= 'z'
}

// figureCues are lower-case words, one of which a sentence without digits
// must hold for figureRe to find anything in it.
var figureCues = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"day", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	"hundred", "thousand", "million", "billion", "trillion", "dozen"}

// cuesByLetter are the figure cues by their first letter ('a' to 'z').
var cuesByLetter = func() (by [26][]string) {
	for _, c := range figureCues {
		by[c[0]-'a'] = append(by[c[0]-'a'], c)
	}
	return by
}()

// mayHoldFigure is a quick test that rules out most sentences without a
// figure before the regular expression runs: a digit, or a cue word in
// the lower-case text. Letters are compared as ASCII; the only other
// characters that lower to ASCII are "İ" and the Kelvin sign, and a text
// holding one is lowered in full.
func mayHoldFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	if strings.Contains(s, "İ") || strings.Contains(s, "\u212a") {
		l := strings.ToLower(s)
		return slices.ContainsFunc(figureCues, func(c string) bool { return strings.Contains(l, c) })
	}
	for i := 0; i < len(s); i++ {
		b := s[i] | 0x20
		if s[i] < 'A' || b < 'a' || b > 'z' {
			continue
		}
		for _, c := range cuesByLetter[b-'a'] {
			if hasPrefixLower(s[i:], c) {
				return true
			}
		}
	}
	return false
}

// hasPrefixLower reports whether s begins with prefix, a lower-case ASCII
// word, in any case.
func hasPrefixLower(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if b := s[k]; b != prefix[k] && (b < 'A' || b > 'Z' || b|0x20 != prefix[k]) {
			return false
		}
	}
	return true
}

// lastGroupEnd is the end of the last matched group among 1..upto, or the
// match's end when none is.
func lastGroupEnd(m []int, upto int) int {
	for i := upto; i >= 1; i-- {
		if m[2*i+1] >= 0 {
			return m[2*i+1]
		}
	}
	return m[1]
}

// monthIndex is 1..12 for a month's name or abbreviation, else 0.
func monthIndex(w string) int {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	for i, n := range monthNames {
		n = strings.ToLower(n)
		if w == n || (len(w) >= 3 && strings.HasPrefix(n, w)) {
			return i + 1
		}
	}
	return 0
}

// roundSig rounds x to 9 significant digits, so that 2.5 million is
// 2500000 and not 2499999.9999.
func roundSig(x float64) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, 9-math.Ceil(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// Consistent reports whether two figures can describe the same thing:
// the same unit and values that agree within 3%, or within the bound one
// of them sets ("more than 10,000" and 12,000 agree; "nearly 5,000" and
// 3,000 do not).
func Consistent(a, b Figure) bool {
	if a.Unit != b.Unit {
		return false
	}
	if a.Value == b.Value {
		return true
	}
	switch a.Unit {
	case Year, Weekday:
		return false
	case Date:
		// A month alone agrees with any day in it.
		am, bm := int(a.Value)/100, int(b.Value)/100
		return am == bm && (int(a.Value)%100 == 0 || int(b.Value)%100 == 0)
	}
	return within(a, b.Value) || within(b, a.Value)
}

// within reports whether value v satisfies figure f's bound.
func within(f Figure, v float64) bool {
	near := math.Abs(v-f.Value) <= 0.03*math.Max(math.Abs(v), math.Abs(f.Value))
	switch f.Qualifier {
	case "more":
		return v >= f.Value || near
	case "less":
		return v <= f.Value || near
	case "near":
		return (v <= f.Value && v >= 0.85*f.Value) || near
	case "about":
		return math.Abs(v-f.Value) <= 0.15*f.Value
	}
	return near
}

// comparable reports whether two inconsistent figures of one unit speak of
// the same thing closely enough to call their difference a conflict: dates
// and days always; percentages always; quantities when they count the same
// noun, or when both are at least 100 and within a factor of 10.
func comparable(a, b Figure) bool {
	if a.Unit != b.Unit {
		return false
	}
	switch a.Unit {
	case Count, Money:
		if a.Noun != "" && a.Noun == b.Noun {
			return true
		}
		if a.Noun != b.Noun && (measures[a.Noun] || measures[b.Noun]) {
			return false // "1,000 miles" is no count of "3,000" people
		}
		lo, hi := math.Min(a.Value, b.Value), math.Max(a.Value, b.Value)
		return lo >= 100 && hi < 10*lo
	}
	return true
}

// measures are the nouns of units of measure: a figure of miles never
// conflicts with one of something else.
var measures = map[string]bool{"mile": true, "miles": true, "kilometers": true, "kilometres": true, "km": true,
	"year": true, "years": true, "month": true, "months": true, "day": true, "days": true, "hours": true,
	"weeks": true, "minutes": true, "feet": true, "meters": true, "metres": true, "tons": true, "tonnes": true,
	"acres": true, "points": true, "dollars": true, "pesos": true, "euros": true, "times": true}

// FigureConflict is a pair of figures on the two ends of one link that
// disagree: the same kind of figure, no counterpart on the other side,
// different values.
type FigureConflict struct {
	// A is the figure in the link's A sentence, B in its B sentence.
	A Figure `json:"a"`
	B Figure `json:"b"`
}

// Conflicts lists the figures of sentences a and b that disagree. A figure
// with a consistent counterpart on the other side is agreed on; each
// remaining figure of a is paired with the closest remaining comparable
// figure of b.
func Conflicts(a, b string) []FigureConflict {
	return conflicts(Figures(a), Figures(b))
}

// conflicts pairs the unmatched figures of two sentences.
func conflicts(fa, fb []Figure) []FigureConflict {
	ua := unmatched(fa, fb)
	ub := unmatched(fb, fa)
	var out []FigureConflict
	used := make([]bool, len(ub))
	for _, x := range ua {
		best, bestD := -1, math.Inf(1)
		for j, y := range ub {
			if used[j] || !comparable(x, y) {
				continue
			}
			d := math.Abs(math.Log(math.Max(x.Value, 1e-9) / math.Max(y.Value, 1e-9)))
			if x.Noun != "" && x.Noun == y.Noun {
				d -= 100 // the same noun pairs first
			}
			if d < bestD {
				best, bestD = j, d
			}
		}
		if best >= 0 {
			used[best] = true
			out = append(out, FigureConflict{A: x, B: ub[best]})
		}
	}
	return out
}

// unmatched are the figures of xs with no consistent figure in ys.
func unmatched(xs, ys []Figure) []Figure {
	var out []Figure
	for _, x := range xs {
		found := false
		for _, y := range ys {
			if Consistent(x, y) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}
