package compare

import "sync"

// Tokenizer tokenises text exactly as Tokenize does and remembers, per
// language, the stem of every word it has seen, so that tokenising many
// documents (a folder of articles) stems each distinct word once. A
// Tokenizer is not safe for concurrent use: give each goroutine its own.
type Tokenizer struct {
	caches map[string]map[string]string
}

// NewTokenizer returns a Tokenizer with empty stem caches.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{caches: map[string]map[string]string{}}
}

// Tokenize splits text into word tokens in the given language, like the
// package-level Tokenize.
func (tz *Tokenizer) Tokenize(text, lang string) []Token {
	c := tz.caches[lang]
	if c == nil {
		c = map[string]string{}
		tz.caches[lang] = c
	}
	return tokenize(text, lang, c)
}

// tokenizers keeps the engine's tokenisers, with their stem caches, from
// one comparison to the next: the viewer compares the same articles again
// on every change, and news repeats its words.
var tokenizers sync.Pool

// maxCachedStems is the most words a kept tokeniser remembers; a bigger
// one is let go.
const maxCachedStems = 1 << 17

// KeptTokenizer returns one of the tokenisers the engine keeps between
// comparisons, with the stems it remembers (news repeats its words, and
// the text analyses after a comparison tokenise the same sentences
// again), or a new one. Hand it back with Keep when done; meanwhile it is
// the caller's alone.
func KeptTokenizer() *Tokenizer { return getTokenizer() }

// Keep hands a tokeniser from KeptTokenizer back for later use; tz must
// not be used after.
func Keep(tz *Tokenizer) { putTokenizer(tz) }

// getTokenizer returns a kept tokeniser, or a new one.
func getTokenizer() *Tokenizer {
	if tz, ok := tokenizers.Get().(*Tokenizer); ok {
		return tz
	}
	return NewTokenizer()
}

// putTokenizer keeps tz for a later comparison unless it remembers too
// much.
func putTokenizer(tz *Tokenizer) {
	n := 0
	for _, c := range tz.caches {
		n += len(c)
	}
	if n <= maxCachedStems {
		tokenizers.Put(tz)
	}
}
