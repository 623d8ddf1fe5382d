package corpus

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on first use: package
// initialisation, which every run of the binary pays (`parallax
// --version` too), compiles none of the readers' patterns.
type lazyRegexp struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

// lazyRegexps lists every pattern, so that a test compiles them all.
var lazyRegexps []*lazyRegexp

// lazyRE returns a pattern compiled on first use; it panics then if expr
// is not a valid regular expression (TestLazyRegexps compiles them all).
func lazyRE(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	lazyRegexps = append(lazyRegexps, l)
	return l
}

// get returns the compiled expression.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// MatchString is regexp.Regexp.MatchString.
func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}

// Split is regexp.Regexp.Split.
func (l *lazyRegexp) Split(s string, n int) []string { return l.get().Split(s, n) }
