package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/analysis/clock"
	"parallax/internal/lazyre"
)

// bpRule is one boilerplate pattern. A rule matches a sentence, or a whole
// paragraph, of at most maxLen characters. A sticky rule that matches one
// sentence marks its whole paragraph (a disclaimer's follow-up sentences
// are part of the disclaimer).
//
// Regular expressions are slow, so each rule has a cheap prefilter: the
// lower-cased text, stripped of leading punctuation, must start with one
// of pre (if any) and contain one of has (if any).
type bpRule struct {
	name     string
	maxLen   int
	sticky   bool
	pre, has []string
	re       *lazyre.Regexp
}

// rule builds a bpRule; pre and has are "|"-separated lists.
func rule(name string, maxLen int, sticky bool, pre, has, pattern string) bpRule {
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "|")
	}
	return bpRule{name, maxLen, sticky, split(pre), split(has), lazyre.New(pattern)}
}

// digits are prefixes for rules that start with a number.
const digits = "0|1|2|3|4|5|6|7|8|9"

// bpRules are the publisher-furniture patterns, matched case-insensitively
// against trimmed sentences and paragraphs.
var bpRules = []bpRule{
	// "For the latest news, weather, sports, and streaming video, head to The Hill."
	rule("promo", 260, true, "for ", "", `(?i)^for (the )?(latest|more|breaking|all the latest|the best)\b.{0,160}\b(head|go|turn|tune|come|visit)( over)?( to)?\b`),
	rule("promo", 200, false, "download |get ", "app", `(?i)^(download|get) (the|our) .{0,40}\bapp\b`),
	// "Related Posts", "Related:", "More from ...", "Recommended".
	rule("related", 60, false, "related|more |recommended|you |most |the most|trending|also read|see also|top stories|latest |what to read|further reading", "",
		`(?i)^(related|related (posts?|articles?|stories|story|coverage|content|reading|news|links|topics|videos?|items)|more (on this( story| topic)?|stories|news|like this|to read|from [^.!?]{1,40})|recommended( for you| stories| reading| articles)?|you (may|might) (also )?(like|enjoy|be interested in)|(most|the most) (read|popular|viewed|shared)|trending( now| stories| news)?|also read|see also|top stories|latest (news|stories|headlines)|what to read next|further reading)\s*:?$`),
	rule("related", 300, false, "related|see also|also|more", ":", `(?i)^(related|see also|also read|also see|more)\s*:\s*\S`),
	rule("readmore", 300, false, "read|see|watch|listen", "", `(?i)^(read|see|watch|listen)( more| also| next| the full (story|article|report|interview|statement))?\s*[:|»›>]`),
	rule("readmore", 200, false, "read |continue reading|click here|tap here", "", `(?i)^(read more|continue reading|click here|tap here|read the (full|original|complete) (story|article|report)|read full (story|article))\b`),
	// Newsletters and sign-ups.
	rule("newsletter", 250, true, "sign|subscribe|register|join|get |want ", "newsletter|inbox|briefing|alert|updates|digest",
		`(?i)^\W*(sign up|signup|subscribe|register|join|get (our|the)|want (to get|more))\b.{0,100}\b(newsletters?|inbox|briefings?|alerts?|updates|digest)\b`),
	rule("newsletter", 60, false, "subscribe|sign up|sign in|log in|already a subscriber", "", `(?i)^(subscribe|sign up|sign in|log in|already a subscriber)\b.{0,40}$`),
	// Disclaimers.
	rule("disclaimer", 400, true, "", "responsib|liabil", `(?i)\b(does|do|will) not (take|accept|assume|bear|hold) (any )?(responsibility|liability)\b`),
	rule("disclaimer", 400, true, "", "expressed", `(?i)\b(views|opinions)( and (views|opinions))? expressed\b.{0,100}\b(do not|don't|does not) (necessarily )?(reflect|represent)\b`),
	rule("disclaimer", 600, true, "disclaimer", "", `(?i)^disclaimer\b`),
	rule("disclaimer", 300, true, "", "third", `(?i)\bcontent (is|was) (from|provided by) (an )?independent third[- ]party\b`),
	// Update and publication stamps: "—Updated at 3:16 p.m.".
	rule("stamp", 110, false, "last|updated|published|posted|first|originally|modified", "",
		`(?i)^[\p{Pd}*\s]*(last )?(updated|published|posted|first published|originally published|modified)\s*(:|\s(at|on|in))?\s*(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\w+ (hours?|minutes?|days?) ago|today|yesterday)`),
	rule("stamp", 300, false, "this |the ", "updated|corrected|amended|published", `(?i)^(this|the) (story|article|report|post|piece) (has been|was|is) (updated|corrected|amended|originally published|first published)\b`),
	rule("stamp", 500, false, "correction|clarification|editor", ":", `(?i)^(correction|clarification|editor'?s note|editor’s note)\s*:`),
	// Credits.
	rule("credit", 250, false, "", "contributed", `(?i)\bcontributed (reporting|to (this|the) (report|article|story|reporting))\b`),
	rule("credit", 200, false, "additional|reporting|writing|editing|research|graphics|production|compiled|reported|edited|written|produced", " by",
		`(?i)^\(?(additional )?(reporting|writing|editing|research|graphics|production|compiled|reported|edited|written|produced)( and (writing|editing|reporting))? by\b`),
	rule("credit", 200, false, "photo|image|picture|video|file photo|illustration|graphic|caption", "", `(?i)^\(?(photo|image|picture|video|file photo|illustration|graphic|caption)s?( credit| by)?\s*[:|]`),
	rule("credit", 150, false, "photo|image|illustration", "", `(?i)^\(?(photo|photograph|image|illustration)s? (by|courtesy of)\b`),
	rule("credit", 200, false, "", "/", `(?i)\((ap|afp|reuters|epa|getty|bloomberg|aap)( photo)?/[^)]*\)\s*$`),
	// Social.
	rule("follow", 160, false, "follow|connect", "", `(?i)^(follow|connect with) (us|me|@\S+)\b`),
	rule("follow", 160, false, "follow|like|find|join|connect", " on ", `(?i)^(follow|like|find|join|connect with) (us|me|[^.!?]{1,50}) on (twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube|telegram|whatsapp|mastodon)\b`),
	rule("share", 60, false, "share|tweet|email|print|pin|save|copy", "", `(?i)^(share|tweet|email|print|pin|save|copy link|copy url)( (this|the))?( (article|story|page|post|link|video))?( (on|via|to|with) [\w ]{1,20})?\s*[:!]?$`),
	rule("share", 120, false, "share|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|reddit|pinterest|telegram|flipboard|messenger|copy|comment|save", "",
		`(?i)^((share|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|reddit|pinterest|telegram|flipboard|messenger|copy link|comments?|save)[\s|·•,]*){2,}$`),
	// Copyright.
	rule("copyright", 250, true, "copyright|©|c)", "", `(?i)^(copyright\b|©|\(c\)\s*\d{4})`),
	rule("copyright", 250, true, "", "rights reserved", `(?i)\ball rights reserved\b`),
	// Page furniture.
	rule("furniture", 60, false, "advertis|sponsored|ad|skip|scroll|story continues|article continues|continue reading", "",
		`(?i)^(advertisement|advertising|sponsored( content)?|ad|skip (to|past) (main )?(content|advertisement)|scroll to continue( with content)?|story continues below( advertisement)?|article continues below|continue reading below)\W*$`),
	rule("furniture", 300, false, "tag|topic|filed|categor|keyword", ":", `(?i)^(tags?|topics?|filed under|categories|keywords)\s*:`),
	rule("furniture", 60, false, "listen|print|leave|join|comment|show|view|"+digits, "",
		`(?i)^(listen to (this|the) (article|story)|\d+ min(ute)?s? read|print this (page|article)|leave a (comment|reply)|join the conversation|\d+ comments?|comments?|show comments|view comments)[\s\d:·•|,-]*(min(ute)?s?( read| listen)?)?\W*$`),
	rule("furniture", 200, false, "contact|email|write to|reach", "", `(?i)^(contact|email|write to|reach) (us|the (author|reporter|writer|editor)s?|\S+@\S+)`),
	rule("furniture", 100, false, "", "@", `(?i)^[\w.+-]+@[\w-]+(\.[\w-]+)+\.?$`),
}

// applies reports whether r's prefilter lets lower (the lower-cased text)
// and head (lower stripped of leading punctuation) through.
func (r *bpRule) applies(lower, head string) bool {
	if len(r.pre) > 0 {
		ok := false
		for _, p := range r.pre {
			if strings.HasPrefix(head, p) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if len(r.has) > 0 {
		for _, h := range r.has {
			if strings.Contains(lower, h) {
				return true
			}
		}
		return false
	}
	return true
}

// relatedHeader matches a stand-alone "Related Posts"-style section header;
// short paragraphs after it near the end of an article are link lists.
var relatedHeader = lazyre.New(`(?i)^(related|related (posts?|articles?|stories|coverage|content|reading|news|links|videos?)|more (stories|news|from [^.!?]{1,40})|recommended( for you| stories| reading)?|you (may|might) (also )?(like|enjoy)|(most|the most) (read|popular|viewed)|read (more|next)|trending( now)?|also read|top stories|latest (news|stories))\s*:?$`)

// bylineRe matches "By Name Surname" and "By NAME, Outlet" style bylines.
var bylineRe = lazyre.New(`^(?i:by)\s+\S`)

// bylineSepRe splits "By Name · Published ..." and "By Name | Outlet".
var bylineSepRe = lazyre.New(`\s+[·|•—–]\s+|\s+-\s+`)

// isByline reports whether s is a byline: "By" followed by a short run of
// capitalised names (with "and", commas and an optional "| Outlet" or
// ", Outlet"), possibly followed by a date stamp after a separator.
func isByline(s string) bool {
	if len(s) > 160 || !bylineRe.MatchString(s) {
		return false
	}
	if loc := bylineSepRe.FindStringIndex(s); loc != nil {
		head, tail := s[:loc[0]], s[loc[1]:]
		if !isBylineNames(head) {
			return false
		}
		return isDateStamp(tail) || isBylineNames("By "+tail)
	}
	return isBylineNames(s)
}

// isBylineNames reports whether s is "By" and a few capitalised names.
func isBylineNames(s string) bool {
	if len(s) > 120 || !bylineRe.MatchString(s) {
		return false
	}
	words := strings.Fields(s)[1:]
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	caps, counted := 0, 0
	for _, w := range words {
		w = strings.Trim(w, ",|·•-–—:;()*_")
		if w == "" {
			continue
		}
		counted++
		switch strings.ToLower(w) {
		case "and", "&", "de", "da", "van", "von", "der", "del", "la", "le", "bin", "al", "in", "for", "the", "of":
			caps++
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || r == '@' {
			caps++
		}
	}
	if counted == 0 || caps*10 < counted*8 {
		return false
	}
	// A byline does not read as a sentence.
	body := strings.TrimRight(s, ".")
	return !strings.ContainsAny(body, "!?\"“”")
}

// isDateStamp reports whether s is only a publication or update stamp.
func isDateStamp(s string) bool {
	n := utf8.RuneCountInString(s)
	lower := strings.ToLower(s)
	head := strings.TrimLeft(lower, " \t-–—*(\"'“‘•·")
	for i := range bpRules {
		r := &bpRules[i]
		if r.name == "stamp" && n <= r.maxLen && r.applies(lower, head) && r.re.MatchString(s) {
			return true
		}
	}
	if len(s) <= 60 && strings.ContainsAny(s, "0123456789") {
		if _, ok := findDate(s); ok {
			// What is left beside the date, a weekday, a time of day and a
			// time zone ("Tue Jul 2, 2013 1:28PM GMT") may be a word or two.
			rest := stampTimeRe.ReplaceAllString(dateAnyRe.ReplaceAllString(s, ""), "")
			return len(strings.TrimFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })) <= 12
		}
	}
	return false
}

// stampTimeRe matches the parts of a stamp around its date: weekdays, times
// of day, time zones and the words that introduce them ("3 July 2013 Last
// updated at 13:38 GMT").
var stampTimeRe = lazyre.New(`\b(?i:(?:last )?updated|published|posted)(?:\s+(?i:at|on))?\b|` +
	`\b(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?|` +
	`\b\d{1,2}\s?[:.]\s?\d{2}(?:\s?(?i:[ap]\.?m\b\.?))?|\b\d{1,2}\s?(?i:[ap]\.?m\b\.?)|` +
	`\b(?:` + strings.Join(clock.Zones(), "|") + `)\b`)

// matchBoilerplate returns the first rule matching s, if any.
func matchBoilerplate(s string) (bpRule, bool) {
	n := utf8.RuneCountInString(s)
	lower := strings.ToLower(s)
	head := strings.TrimLeft(lower, " \t-–—*(\"'“‘•·")
	for i := range bpRules {
		r := &bpRules[i]
		if n <= r.maxLen && r.applies(lower, head) && r.re.MatchString(s) {
			return *r, true
		}
	}
	if isByline(s) {
		return bpRule{name: "byline"}, true
	}
	return bpRule{}, false
}

// isBoilerplateText reports whether s as a whole is boilerplate.
func isBoilerplateText(s string) bool {
	if _, ok := matchBoilerplate(s); ok {
		return true
	}
	return isDateStamp(s)
}

// markBoilerplate sets Sentence.Boilerplate. titlePara is the headline's
// paragraph (or -1); an exact repeat of it right after it is marked as a
// duplicate headline.
func markBoilerplate(doc *Document, titlePara int) {
	// Sentences per paragraph.
	byPara := make([][]int, len(doc.Paragraphs))
	for i, s := range doc.Sentences {
		byPara[s.Paragraph] = append(byPara[s.Paragraph], i)
	}
	markPara := func(p int) {
		for _, i := range byPara[p] {
			doc.Sentences[i].Boilerplate = true
		}
	}
	paraText := func(p int) string {
		sp := doc.Paragraphs[p]
		return doc.Text[sp.Start:sp.End]
	}
	if titlePara >= 0 && titlePara+1 < len(doc.Paragraphs) && paraText(titlePara) == paraText(titlePara+1) {
		markPara(titlePara + 1)
	}
	n := len(doc.Paragraphs)
	for p := 0; p < n; p++ {
		if p == titlePara {
			continue
		}
		pt := paraText(p)
		if isBoilerplateText(pt) {
			markPara(p)
			if relatedHeader.MatchString(pt) && p > 0 && p*3 >= n && markLinkList(doc, byPara, p+1) {
				return
			}
			continue
		}
		for _, i := range byPara[p] {
			st := doc.SentenceText(i)
			r, ok := matchBoilerplate(st)
			if !ok {
				continue
			}
			if r.sticky {
				markPara(p)
				break
			}
			doc.Sentences[i].Boilerplate = true
		}
	}
}

// markLinkList marks the paragraphs from p on as boilerplate when all of
// them are short (headline-sized), as the link list after a "Related
// Posts" header is. It reports whether it marked them.
func markLinkList(doc *Document, byPara [][]int, p int) bool {
	for q := p; q < len(doc.Paragraphs); q++ {
		sp := doc.Paragraphs[q]
		if len(strings.Fields(doc.Text[sp.Start:sp.End])) > 30 {
			return false
		}
	}
	for q := p; q < len(doc.Paragraphs); q++ {
		for _, i := range byPara[q] {
			doc.Sentences[i].Boilerplate = true
		}
	}
	return true
}
