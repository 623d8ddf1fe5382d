package corpus

import (
	"regexp"
	"testing"
)

// TestLazyRegexps compiles every pattern the package compiles on first
// use, so that a bad one fails here rather than on some input.
func TestLazyRegexps(t *testing.T) {
	if len(lazyRegexps) == 0 {
		t.Fatal("no patterns registered")
	}
	for _, l := range lazyRegexps {
		if _, err := regexp.Compile(l.expr); err != nil {
			t.Errorf("%q: %v", l.expr, err)
		}
	}
}
