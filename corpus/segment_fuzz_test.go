package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// FuzzSplitSentences checks that SplitSentences never panics and always
// returns ordered, non-overlapping, non-empty, trimmed spans inside the
// text, the same ones on every call.
func FuzzSplitSentences(f *testing.F) {
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
	if b, err := os.ReadFile(filepath.Join("testdata", "segment", "news_sample.txt")); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := SplitSentences(text)
		checkSegSpans(t, text, spans)
		if again := SplitSentences(text); fmt.Sprint(again) != fmt.Sprint(spans) {
			t.Fatalf("not deterministic: %v then %v", spans, again)
		}
		// Segmenting a line a piece at a time changes nothing.
		for _, piece := range []int{1, 5, 40} {
			if got := splitSentences(text, piece); fmt.Sprint(got) != fmt.Sprint(spans) {
				t.Fatalf("in pieces of %d bytes: %v, whole: %v", piece, got, spans)
			}
		}
	})
}
