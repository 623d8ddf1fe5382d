package corpus

import (
	"testing"

	"parallax/internal/lazyre"
)

// TestLazyRegexps compiles every pattern the package compiles on first
// use, so that a bad one fails here rather than on some input.
func TestLazyRegexps(t *testing.T) {
	if lazyre.Count() == 0 {
		t.Fatal("no patterns registered")
	}
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
