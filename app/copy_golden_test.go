package app

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"parallax/compare"
)

// copyGolden is the Copy Comparison text of every sentence of the sample:
// the view model's plain-text printer's golden, which this test checks
// the clipboard against (go test ./viewmodel/ -update rewrites it).
const copyGolden = "../viewmodel/testdata/copy-comparison.golden"

// TestCopyComparisonGolden pins Copy Comparison's text for every sentence
// of the bundled sample, with the related words hidden and then shown.
func TestCopyComparisonGolden(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	var b strings.Builder
	for _, related := range []bool{false, true} {
		c.view.showRelated = related
		for d, doc := range c.view.model.Docs {
			for i := range doc.Sentences {
				r := compare.Ref{Doc: d, Sentence: i}
				c.view.selectRef(&r)
				if !c.CopySelection() {
					t.Fatalf("nothing copied for %v", r)
				}
				fmt.Fprintf(&b, "=== document %d, sentence %d, related words shown: %v\n%s", d+1, i+1, related, c.app.Clipboard().Content())
			}
		}
	}
	got := b.String()
	want, err := os.ReadFile(copyGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Copy Comparison differs from %s; go test ./viewmodel/ -update shows how", copyGolden)
	}
}
