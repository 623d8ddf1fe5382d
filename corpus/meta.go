package corpus

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"parallax/internal/lazyre"

	"parallax/analysis/number"
)

// ---------------------------------------------------------------- outlet

var (
	// "... head to The Hill."
	outletPromoRe = lazyre.New(`\b(?i:head|go|turn|tune|come|visit)(?i: over)?(?i: to)?\s+((?:[\p{Lu}\d][\p{L}\d&'’.\-]*)(?:\s+(?:[\p{Lu}\d&][\p{L}\d&'’.\-]*|of|and|the|de|la))*)\s*[.!]?$`)
	// "24World Media does not take any responsibility ..."
	outletDisclaimerRe = lazyre.New(`^((?:[\p{Lu}\d][\p{L}\d&'’.\-]*)(?:\s+(?:[\p{Lu}\d&][\p{L}\d&'’.\-]*|of|and|de|la))*)\s+(?i:does|do|will) (?i:not) (?i:take|accept|assume|bear|hold)\b`)
	// "© 2024 The Hill. All rights reserved."
	copyrightPrefixRe = lazyre.New(`^(?i:copyright\b|©|\(c\)|\s+|\d{4}(?:\s*[-–]\s*\d{4})?|,|by\s)+`)
	copyrightEndRe    = lazyre.New(`(?i)(\.\s|,|;|\||\ball rights reserved\b|\bmay not be\b)`)
	// "Mexico (Washington Insider Magazine)— On Wednesday", "WASHINGTON (Reuters) -"
	datelineOutletRe = lazyre.New(`^(?:[\p{Lu}][\p{L}.,'’\- ]{0,40}?\s*)?\(([\p{Lu}\d][^()]{0,58}[\p{L}\d.])\)\s*[\p{Pd}:]`)
	// file names: split points, numbers and hex hashes
	nameSplitRe = lazyre.New(`[\s_.\-]+`)
	hexHashRe   = lazyre.New(`^[0-9a-fA-F]{6,}$`)
)

// notOutlet lists first words that make a "does not take responsibility"
// subject a generic one ("The company", "We") rather than a name.
var notOutlet = map[string]bool{
	"we": true, "this": true, "the": true, "it": true, "our": true, "they": true,
	"he": true, "she": true, "i": true, "you": true, "author": true, "publisher": true,
}

// outletFromText finds the publisher in obvious boilerplate: promos ("head
// to The Hill"), disclaimers ("X does not take any responsibility"),
// copyright lines and "(X) —" datelines. It returns "" when none is found.
func outletFromText(doc *Document) string {
	var copyright, dateline string
	for i := range doc.Sentences {
		s := doc.SentenceText(i)
		if doc.Sentences[i].Boilerplate {
			if r, ok := matchBoilerplate(s); ok {
				switch r.name {
				case "promo":
					if m := outletPromoRe.FindStringSubmatch(s); m != nil {
						if o := cleanOutlet(m[1]); o != "" {
							return o
						}
					}
				case "disclaimer":
					if m := outletDisclaimerRe.FindStringSubmatch(s); m != nil {
						first := strings.ToLower(strings.Fields(m[1])[0])
						if !notOutlet[first] {
							if o := cleanOutlet(m[1]); o != "" {
								return o
							}
						}
					}
				case "copyright":
					if copyright == "" {
						copyright = outletFromCopyright(s)
					}
				}
			}
		}
		if dateline == "" && doc.Sentences[i].Paragraph < 4 && !doc.Sentences[i].Headline {
			p := doc.Paragraphs[doc.Sentences[i].Paragraph]
			if p.Start == doc.Sentences[i].Start {
				if m := datelineOutletRe.FindStringSubmatch(doc.Text[p.Start:p.End]); m != nil {
					dateline = cleanOutlet(m[1])
				}
			}
		}
	}
	if copyright != "" {
		return copyright
	}
	return dateline
}

// outletFromCopyright takes the holder's name from a copyright line.
func outletFromCopyright(s string) string {
	rest := copyrightPrefixRe.ReplaceAllString(s, "")
	if loc := copyrightEndRe.FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]]
	}
	rest = cleanOutlet(rest)
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return rest
}

// cleanOutlet trims punctuation and spaces around a name and rejects
// implausible ones (empty, over 60 characters, more than 8 words).
func cleanOutlet(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?-–—|·•\"'“”‘’()", r)
	})
	if s == "" || utf8.RuneCountInString(s) > 60 || len(strings.Fields(s)) > 8 {
		return ""
	}
	return s
}

// outletFromPath derives an outlet from the file name: the extension is
// stripped and numbers and hex hashes are dropped; when nothing is left,
// the file name without its extension is used. Characters that do not
// show as themselves (a right-to-left override, which would make the name
// read backwards) are dropped.
func outletFromPath(path string) string {
	base := strings.Map(func(r rune) rune {
		if notShown(r) {
			return -1
		}
		return r
	}, filepath.Base(path))
	if base == "." || base == string(filepath.Separator) {
		return ""
	}
	name := strings.TrimSuffix(base, filepath.Ext(base))
	var kept []string
	for _, tok := range nameSplitRe.Split(name, -1) {
		if tok == "" || number.IsDigits(tok) || (hexHashRe.MatchString(tok) && strings.ContainsAny(tok, "0123456789")) {
			continue
		}
		kept = append(kept, tok)
	}
	if len(kept) == 0 {
		return strings.TrimSpace(name)
	}
	return strings.Join(kept, " ")
}

// ------------------------------------------------------------------ date

const monthAlt = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

var (
	dateMDYRe = lazyre.New(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	dateDMYRe = lazyre.New(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	dateISORe = lazyre.New(`\b(\d{4})-(\d{2})-(\d{2})`)
	dateAnyRe = lazyre.New(`(?i)\b((` + monthAlt + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)\b`)
	// "Published", "Posted", "Date:" at the start of a line.
	publishedRe    = lazyre.New(`(?i)(^|[\s·|•,;(\p{Pd}*])((published|posted|first published|originally published|publication date|released)\b|date\s*:)`)
	updatedRe      = lazyre.New(`(?i)(^|[\s·|•,;(\p{Pd}*])(last )?(updated|modified)\b`)
	datelineTailRe = lazyre.New(`^\s*(\(|[\p{Pd}:/|])`)
	datelineHeadRe = lazyre.New(`^[\p{Lu}\d][\p{Lu}\p{Ll} .,'’/()\-]{0,50}$`)
)

// monthNumber maps a month name or abbreviation to 1..12 (0 if unknown).
func monthNumber(m string) int {
	m = strings.ToLower(m)
	if len(m) < 3 {
		return 0
	}
	for i, p := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if m[:3] == p {
			return i + 1
		}
	}
	return 0
}

// makeDate formats a validated date as YYYY-MM-DD.
func makeDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d > days[m-1] {
		return "", false
	}
	if m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// dateMatch is a date found in text and where it is.
type dateMatch struct {
	date       string
	start, end int
}

// findDateAt returns the earliest valid date written in s ("December 27,
// 2023", "Dec. 27, 2023", "27 December 2023", "2023-12-27").
func findDateAt(s string) (dateMatch, bool) {
	best := dateMatch{start: -1}
	if !strings.ContainsAny(s, "0123456789") {
		return best, false
	}
	lower := strings.ToLower(s)
	hasMonth := false
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(lower, m) {
			hasMonth = true
			break
		}
	}
	try := func(loc []int, y, m, d int) {
		if best.start >= 0 && loc[0] >= best.start {
			return
		}
		if ds, ok := makeDate(y, m, d); ok {
			best = dateMatch{ds, loc[0], loc[1]}
		}
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if hasMonth {
		for _, m := range dateMDYRe.FindAllStringSubmatchIndex(s, 3) {
			try(m[:2], atoi(s[m[6]:m[7]]), monthNumber(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
		}
		for _, m := range dateDMYRe.FindAllStringSubmatchIndex(s, 3) {
			try(m[:2], atoi(s[m[6]:m[7]]), monthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		}
	}
	if strings.Contains(s, "-") {
		for _, m := range dateISORe.FindAllStringSubmatchIndex(s, 3) {
			try(m[:2], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
		}
	}
	return best, best.start >= 0
}

// findDate returns the earliest valid date written in s as YYYY-MM-DD.
func findDate(s string) (string, bool) {
	m, ok := findDateAt(s)
	return m.date, ok
}

// normalizeDate turns a metadata date (ISO 8601, RFC 1123, "December 27,
// 2023", ...) into YYYY-MM-DD, keeping the date as written (no time zone
// conversion). It returns "" for dates it cannot read.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	// PDF dates: D:YYYYMMDDHHmmSS
	if strings.HasPrefix(s, "D:") && len(s) >= 10 && number.IsDigits(s[2:10]) {
		if d, ok := makeDate(atoiQuiet(s[2:6]), atoiQuiet(s[6:8]), atoiQuiet(s[8:10])); ok {
			return d
		}
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if d, ok := makeDate(atoiQuiet(s[0:4]), atoiQuiet(s[5:7]), atoiQuiet(s[8:10])); ok {
			return d
		}
	}
	if len(s) >= 10 && s[4] == '/' && s[7] == '/' { // 2023/12/27
		if d, ok := makeDate(atoiQuiet(s[0:4]), atoiQuiet(s[5:7]), atoiQuiet(s[8:10])); ok {
			return d
		}
	}
	if len(s) >= 8 && number.IsDigits(s[:8]) { // 20231227
		if d, ok := makeDate(atoiQuiet(s[0:4]), atoiQuiet(s[4:6]), atoiQuiet(s[6:8])); ok {
			return d
		}
	}
	if d, ok := findDate(s); ok {
		return d
	}
	return ""
}

// atoiQuiet parses a decimal number, 0 on error.
func atoiQuiet(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dateFromText finds the publication date in a "Published Month D, YYYY"
// line or a dateline near the top of the text ("WASHINGTON, Dec. 27, 2023
// —"), or an "Updated ..." stamp as a last resort. Returns "" when none.
func dateFromText(doc *Document) string {
	n := len(doc.Paragraphs)
	var updated, stamp string
	for p := 0; p < n; p++ {
		if p >= 8 && p < n-4 {
			continue
		}
		sp := doc.Paragraphs[p]
		text := doc.Text[sp.Start:sp.End]
		head := text
		if len(head) > 200 {
			head = head[:200]
			for len(head) > 0 && !utf8.RuneStart(text[len(head)]) {
				head = head[:len(head)-1]
			}
		}
		if !dateCandidate(head, p) {
			continue
		}
		m, ok := findDateAt(head)
		if !ok {
			continue
		}
		switch {
		case m.start < 80 && publishedRe.MatchString(head[:m.start]):
			return m.date
		case m.start < 80 && updatedRe.MatchString(head[:m.start]):
			if updated == "" {
				updated = m.date
			}
		case len(text) <= 80 && isDateStamp(text):
			if stamp == "" {
				stamp = m.date
			}
		case p < 4 && m.start <= 50 && datelineHeadRe.MatchString(head[:m.start]) && datelineTailRe.MatchString(head[m.end:]):
			if stamp == "" {
				stamp = m.date
			}
		}
	}
	if stamp != "" {
		return stamp
	}
	return updated
}

// dateCandidate reports whether the start of paragraph p may hold a
// publication date: a short line, a line with a "published"/"updated"
// keyword, or a dateline near the top (digits and a dash or colon in its
// first 60 bytes).
func dateCandidate(head string, p int) bool {
	if len(head) <= 80 {
		return true
	}
	h := head
	if len(h) > 100 {
		h = h[:100]
	}
	lower := strings.ToLower(h)
	for _, k := range []string{"publish", "posted", "updated", "date", "modified", "released"} {
		if strings.Contains(lower, k) {
			return true
		}
	}
	if p < 4 {
		if len(h) > 60 {
			h = h[:60]
		}
		return strings.ContainsAny(h, "0123456789") && strings.ContainsAny(h, "-–—:(|/")
	}
	return false
}

// -------------------------------------------------------------- language

// langSampleRunes bounds the text given to language detection: some 70
// words tell the language apart reliably, and detection costs in
// proportion (it was half of reading a folder at 1,000).
const langSampleRunes = 400

// runeOffset returns the byte offset of the n-th rune of s, or len(s)
// when s has fewer runes.
func runeOffset(s string, n int) int {
	for i := range s {
		if n <= 0 {
			return i
		}
		n--
	}
	return len(s)
}

// detectLanguage detects the language of the article's non-boilerplate
// text with whatlanggo and returns its ISO 639-1 code. Short or unreliable
// input falls back to hint (from the source's metadata), then to "en".
func detectLanguage(doc *Document, hint string) string {
	hint = normalizeLangTag(hint)
	fallback := "en"
	if hint != "" {
		fallback = hint
	}
	var b strings.Builder
	runes := 0
	for i := range doc.Sentences {
		s := doc.Sentences[i]
		if s.Boilerplate {
			continue
		}
		t := doc.Text[s.Start:s.End]
		// One sentence may be megabytes long (a page without sentence
		// breaks): only its first langSampleRunes runes are wanted.
		if n := runeOffset(t, langSampleRunes-runes); n < len(t) {
			t = t[:n]
		}
		b.WriteString(t)
		b.WriteByte(' ')
		runes += utf8.RuneCountInString(t)
		if runes >= langSampleRunes {
			break
		}
	}
	sample := b.String()
	letters := 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 20 {
		return fallback
	}
	info := whatlanggo.Detect(sample)
	code := info.Lang.Iso6391()
	if code == "" {
		return fallback
	}
	if info.IsReliable() || (letters >= 200 && info.Confidence >= 0.2) {
		return code
	}
	if hint != "" {
		return hint
	}
	return "en"
}

// normalizeLangTag reduces a language tag ("en-US", "pt_BR", "EN") to its
// two-letter primary subtag, or "" if it has none.
func normalizeLangTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}
