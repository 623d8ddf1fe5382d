package sentence

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/analysis"
)

// FuzzSplit checks that Split never panics and always returns ordered,
// non-overlapping, non-empty, trimmed spans inside the text, the same ones
// on every call, and that the text round-trips: the sentences and the
// white space between them, joined, give back the text byte for byte.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		"Mr. Biden met Gov. Greg Abbott at 3:16 p.m. The talks ended.",
		"He took office in 2018. Then he left. “Why?” she asked. (Fine.) OK…",
		"Headline\n\nBody text near Lukeville, Ariz. The border. U.S. The next",
		"the U.S.-Mexico border . administration. . . . No. 2 official\r\n1. List",
		"美国总统。双方同意！？」 ¿Qué? ¡Sí!",
		"\xff\xfe. \xc2\x85 \xe2\x80\xa8\u2029\ufeff\u200b. A",
		"“ ” ' \" ) ( . ... … ? ! .” ?” !) ’",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "news_sample.txt")); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Split(text)
		checkSpans(t, text, spans)
		if got := rejoin(text, spans); got != text {
			t.Fatalf("sentences and gaps rejoined give %q, not %q", got, text)
		}
		if again := Split(text); fmt.Sprint(again) != fmt.Sprint(spans) {
			t.Fatalf("not deterministic: %v then %v", spans, again)
		}
		// Segmenting a line a piece at a time changes nothing.
		for _, piece := range []int{1, 5, 40} {
			if got := split(text, piece); fmt.Sprint(got) != fmt.Sprint(spans) {
				t.Fatalf("in pieces of %d bytes: %v, whole: %v", piece, got, spans)
			}
		}
	})
}

// rejoin joins the sentences of text and the gaps between them (only white
// space, by checkSpans) in order.
func rejoin(text string, spans []analysis.Span) string {
	var b strings.Builder
	prev := 0
	for _, s := range spans {
		b.WriteString(text[prev:s.Start])
		b.WriteString(text[s.Start:s.End])
		prev = s.End
	}
	b.WriteString(text[prev:])
	return b.String()
}
