package report

import (
	"bytes"
	"strings"
	"testing"

	"parallax/compare"
)

// TestCorrectedFlag exports a comparison corrected by hand (the judge's
// sentence linked to the farmers', the last sentence of a marked
// boilerplate) in every format and finds the corrected flag in each.
func TestCorrectedFlag(t *testing.T) {
	c := framed(t)
	c.Result = compare.ApplyEdits(c.Docs, c.Result, []compare.Edit{
		{Op: compare.EditLink, A: compare.Ref{Doc: 1, Sentence: 2}, B: compare.Ref{Doc: 2, Sentence: 1}},
		{Op: compare.EditBoilerplate, A: compare.Ref{Doc: 0, Sentence: 2}},
	})
	want := map[string]string{
		"json": `"corrected": true`,
		"csv":  ",yes\n",
		"md":   "Corrected by hand: 3 sentences, 1 link made by hand.",
		"html": `title="corrected by hand">✎`,
		"text": "[corrected]",
	}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, c); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want[f]) {
			t.Errorf("%s report lacks %q", f, want[f])
		}
	}
	if s, l := c.Corrections(); s != 3 || l != 1 {
		t.Errorf("Corrections() = %d, %d; want 3, 1", s, l)
	}
}
