// Package stem reduces words to their Snowball stems and knows each
// language's stop words. A Cache remembers the stems it has computed, one
// memory per language: the only stem cache of Parallax, shared by the word
// tokenizer and through it by the engine, the story grouping and the
// framing analysis.
package stem

import (
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// language is one language's Snowball stemmer and stop-word lists.
type language struct {
	stem    func(string, bool) string
	stop    func(string) bool
	extra   map[string]bool
	numbers map[string]int // number words and their values (see Number)
}

// languages are the languages with a Snowball stemmer, by ISO 639-1 code.
var languages = map[string]language{
	"en": {english.Stem, english.IsStopWord, extraStop["en"], englishNumbers},
	"es": {spanish.Stem, spanish.IsStopWord, extraStop["es"], nil},
	"fr": {french.Stem, french.IsStopWord, extraStop["fr"], nil},
	"ru": {russian.Stem, russian.IsStopWord, nil, nil},
	"sv": {swedish.Stem, swedish.IsStopWord, nil, nil},
	"no": {norwegian.Stem, norwegian.IsStopWord, nil, nil},
	"nb": {norwegian.Stem, norwegian.IsStopWord, nil, nil},
	"hu": {hungarian.Stem, hungarian.IsStopWord, nil, nil},
}

// englishNumbers are the English number words that stand for a figure:
// "nine" is "9", and "nine" against "seven" is a conflict of figures.
// "One" and "two" are left out: "one" is mostly a pronoun ("one of the",
// "no one") and a stop word, and "two" mostly counts what the story
// already named ("the two leaders", "the two countries"), so that as a
// figure it would link sentences that share nothing else.
var englishNumbers = map[string]int{
	"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
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

// unstemmed is a language without a stemmer: words are their own stems
// and none is a stop word.
var unstemmed = language{
	stem: func(w string, _ bool) string { return w },
	stop: func(string) bool { return false },
}

// lookup returns the language of an ISO 639-1 code: English when empty,
// unstemmed when unknown.
func lookup(lang string) language {
	if l, ok := languages[lang]; ok {
		return l
	}
	if lang == "" {
		return languages["en"]
	}
	return unstemmed
}

// MaxCached is the most stems a Cache remembers for one language; words
// beyond are stemmed each time.
const MaxCached = 1 << 17

// Stemmer stems the words of one language and tells its stop words. The
// zero Stemmer is not usable; get one from For or Cache.Stemmer.
type Stemmer struct {
	lang language
	memo map[string]string // remembered stems, or nil
}

// For returns the Stemmer of a language (an ISO 639-1 code; English when
// empty). A language without a Snowball stemmer keeps its words as they
// are and has no stop words. It remembers nothing.
func For(lang string) Stemmer { return Stemmer{lang: lookup(lang)} }

// Stem returns the Snowball stem of the lower-case word w, stop words
// included.
func (s Stemmer) Stem(w string) string {
	if stem, ok := s.memo[w]; ok {
		return stem
	}
	stem := s.lang.stem(w, true)
	if s.memo != nil && len(s.memo) < MaxCached {
		s.memo[w] = stem
	}
	return stem
}

// Number returns the value of w when it is a number word of the language
// that stands for a figure ("nine": 9), false otherwise.
func (s Stemmer) Number(w string) (int, bool) {
	n, ok := s.lang.numbers[w]
	return n, ok
}

// IsStop reports whether the lower-case word w is a stop word of the
// language, or one of the words of news reporting that carry no claim
// ("said", "according", "mr").
func (s Stemmer) IsStop(w string) bool { return s.lang.stop(w) || s.lang.extra[w] }

// Cache remembers stems per language, so that stemming many documents (a
// folder of articles) stems each distinct word once. A Cache is not safe
// for concurrent use.
type Cache struct {
	memos map[string]map[string]string
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{memos: map[string]map[string]string{}} }

// Stemmer returns the Stemmer of lang (as For) that remembers its stems
// in c.
func (c *Cache) Stemmer(lang string) Stemmer {
	m := c.memos[lang]
	if m == nil {
		m = map[string]string{}
		c.memos[lang] = m
	}
	return Stemmer{lang: lookup(lang), memo: m}
}

// Len returns how many stems c remembers, all languages together.
func (c *Cache) Len() int {
	n := 0
	for _, m := range c.memos {
		n += len(m)
	}
	return n
}
