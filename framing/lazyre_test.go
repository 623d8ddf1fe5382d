package framing

import (
	"testing"

	"parallax/internal/lazyre"
)

// TestLazyRegexps compiles every pattern the package compiles on first
// use, so that a bad one fails here rather than on some input (and that
// there are some).
func TestLazyRegexps(t *testing.T) {
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
