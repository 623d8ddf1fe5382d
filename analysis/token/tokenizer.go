package token

import (
	"sync"

	"parallax/analysis/stem"
)

// Tokenizer tokenises text exactly as Tokenize does and remembers, per
// language, the stem of every word it has seen (a stem.Cache), so that
// tokenising many documents (a folder of articles) stems each distinct
// word once. A Tokenizer is not safe for concurrent use: give each
// goroutine its own.
type Tokenizer struct {
	stems *stem.Cache
}

// New returns a Tokenizer with an empty stem cache.
func New() *Tokenizer { return &Tokenizer{stems: stem.NewCache()} }

// Tokenize splits text into word tokens in the given language, like the
// package-level Tokenize.
func (tz *Tokenizer) Tokenize(text, lang string) []Token {
	return tokenize(text, tz.stems.Stemmer(lang))
}

// kept keeps tokenisers, with their stem caches, from one comparison to
// the next: the viewer compares much the same articles again whenever one
// is included or excluded, and news repeats its words.
var kept sync.Pool

// Kept returns one of the tokenisers kept between comparisons, with the
// stems it remembers (news repeats its words, and the text analyses after
// a comparison tokenise the same sentences again), or a new one. Hand it
// back with Keep when done; meanwhile it is the caller's alone.
func Kept() *Tokenizer {
	if tz, ok := kept.Get().(*Tokenizer); ok {
		return tz
	}
	return New()
}

// Keep hands a tokeniser from Kept (or New) back for later use unless it
// remembers too much; tz must not be used after.
func Keep(tz *Tokenizer) {
	if tz.stems.Len() <= stem.MaxCached {
		kept.Put(tz)
	}
}
