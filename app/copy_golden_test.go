package app

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"parallax/compare"
)

var updateCopy = flag.Bool("update", false, "rewrite the golden files under testdata/")

// copyGolden is the Copy Comparison text of every sentence of the sample,
// as the app puts it on the clipboard.
const copyGolden = "testdata/copy-comparison.golden"

// TestCopyComparisonGolden pins Copy Comparison's text for every sentence
// of the bundled sample, with the related words hidden and then shown.
func TestCopyComparisonGolden(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	var b strings.Builder
	for _, related := range []bool{false, true} {
		c.view.showRelated = related
		for d, doc := range c.view.docs {
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
	if *updateCopy {
		if err := os.WriteFile(copyGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(copyGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Copy Comparison differs from %s; run with -update to see how", copyGolden)
	}
}
