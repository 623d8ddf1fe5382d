package compare

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
