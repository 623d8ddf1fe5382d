package corpus

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var updateGolden = flag.Bool("update-segment", false, "rewrite the expected sentences in testdata/segment/cases.txt")

const segmentCasesFile = "testdata/segment/cases.txt"

// segCase is one golden case of testdata/segment/cases.txt.
type segCase struct {
	name  string
	input string
	want  []string
}

// readSegCases parses the golden file. It returns the cases and the
// comment lines that precede the first case.
func readSegCases(t testing.TB) ([]segCase, []string) {
	t.Helper()
	f, err := os.Open(segmentCasesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		cases  []segCase
		header []string
		cur    *segCase
		input  []string
		inWant bool
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "=== "):
			cases = append(cases, segCase{name: strings.TrimPrefix(l, "=== ")})
			cur = &cases[len(cases)-1]
			input = input[:0]
			inWant = false
		case cur == nil:
			header = append(header, l)
		case !inWant && l == "---":
			cur.input = strings.Join(input, "\n")
			if strings.Contains(cur.name, "[crlf]") {
				cur.input = strings.ReplaceAll(cur.input, "\n", "\r\n")
			}
			inWant = true
		case !inWant:
			input = append(input, l)
		case l != "":
			cur.want = append(cur.want, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.input == "" && len(c.want) == 0 {
			t.Fatalf("%s: case %q has no input or no \"---\" line", segmentCasesFile, c.name)
		}
	}
	return cases, header
}

// segTexts returns the sentences of text.
func segTexts(text string) []string {
	var out []string
	for _, s := range SplitSentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitSentencesGolden(t *testing.T) {
	cases, header := readSegCases(t)
	if len(cases) < 40 {
		t.Errorf("only %d golden cases, want at least 40", len(cases))
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Errorf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
	}
	if *updateGolden {
		var b strings.Builder
		for _, l := range header {
			b.WriteString(l + "\n")
		}
		for i, c := range cases {
			if i > 0 {
				b.WriteString("\n")
			}
			in := strings.ReplaceAll(c.input, "\r\n", "\n")
			fmt.Fprintf(&b, "=== %s\n%s\n---\n", c.name, in)
			for _, s := range segTexts(c.input) {
				b.WriteString(s + "\n")
			}
		}
		if err := os.WriteFile(segmentCasesFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s; review the diff", segmentCasesFile)
		return
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkSegSpans(t, c.input, SplitSentences(c.input))
			got := segTexts(c.input)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", c.input,
					segNumbered(got), segNumbered(c.want))
			}
		})
	}
}

func segNumbered(ss []string) string {
	var b strings.Builder
	for i, s := range ss {
		fmt.Fprintf(&b, "  %d: %s\n", i+1, s)
	}
	return b.String()
}

// checkSegSpans verifies the invariants of SplitSentences' result.
func checkSegSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %+v out of order, empty or out of range (prev end %d, len %d) in %q", i, s, prev, len(text), text)
		}
		prev = s.End
		sent := text[s.Start:s.End]
		first, _ := utf8.DecodeRuneInString(sent)
		last, _ := utf8.DecodeLastRuneInString(sent)
		if segIsSpace(first) || segIsSpace(last) {
			t.Fatalf("span %d %q is not trimmed", i, sent)
		}
		for j := 0; j < len(sent); j++ {
			if segLineBreakLen(sent, j) > 0 {
				t.Fatalf("span %d %q holds a line break", i, sent)
			}
		}
	}
	// Every non-space character of the text is in some sentence.
	covered := 0
	for _, s := range spans {
		covered += s.End - s.Start
	}
	nonSpace := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !segIsSpace(r) && segLineBreakLen(text, i) == 0 {
			nonSpace += size
		}
		i += size
	}
	if covered < nonSpace {
		t.Fatalf("sentences cover %d bytes, text has %d non-space bytes: %q", covered, nonSpace, text)
	}
}

func TestSplitSentencesEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", " \t\r\n \u2028 \u00a0\ufeff"} {
		if got := SplitSentences(in); len(got) != 0 {
			t.Errorf("SplitSentences(%q) = %v, want none", in, got)
		}
	}
}

func TestSplitSentencesOffsets(t *testing.T) {
	text := "  Héllo wörld.  Ça va?\r\n\r\n“Sí,” dijo él.\u2028Next line"
	got := SplitSentences(text)
	want := []Span{
		{2, 16},  // Héllo wörld.
		{18, 25}, // Ça va?
		{29, 49}, // “Sí,” dijo él.
		{52, 61}, // Next line
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v (%q)", got, want, segTexts(text))
	}
	checkSegSpans(t, text, got)
}

func TestSplitSentencesInvalidUTF8(t *testing.T) {
	for _, in := range []string{
		"\xff", "Hello.\xff World.", "Mr.\xc3 Smith. \xe2\x80", "\xc2", "\xe2\x80\xa8\xe2",
		"U.S.\x80 The end.", "a.\xed\xa0\x80 B.",
	} {
		spans := SplitSentences(in)
		checkSegSpans(t, in, spans)
	}
}

func TestSplitSentencesConcurrent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "segment", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	want := fmt.Sprint(SplitSentences(text))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := fmt.Sprint(SplitSentences(text)); got != want {
					t.Error("concurrent call returned a different result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSplitSentencesSample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "segment", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	spans := SplitSentences(text)
	checkSegSpans(t, text, spans)
	if len(spans) < 30 {
		t.Errorf("got %d sentences from the sample, want at least 30", len(spans))
	}
}

// TestPunktFixes checks the adjustments made to the upstream model.
func TestPunktFixes(t *testing.T) {
	st := englishPunkt().storage
	for c := range st.Collocations {
		if strings.Contains(c, "##number##") {
			t.Errorf("number collocation %q survived", c)
		}
	}
	for _, a := range []string{"mr", "gov", "sgt", "no", "ariz", "u.s", "p.m", "lt", "gen"} {
		if !st.IsAbbr(a) {
			t.Errorf("%q is not an abbreviation", a)
		}
	}
	for _, a := range []string{"ok", "ill"} {
		if st.IsAbbr(a) {
			t.Errorf("%q is still an abbreviation", a)
		}
	}
	if len(st.OrthoContext) < 10000 {
		t.Errorf("orthographic context has only %d entries", len(st.OrthoContext))
	}
}

func BenchmarkSplitSentences(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "segment", "news_sample.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	SplitSentences(text) // load the model outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		SplitSentences(text)
	}
}

// TestSplitSentencesInPieces checks that a long line segmented a piece
// at a time (what bounds the memory of a page without line breaks) has
// the sentences of the line segmented whole.
func TestSplitSentencesInPieces(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "segment", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Join(strings.Fields(string(b)), " ")
	line += " " + strings.Repeat("and more words without any stop ", 20) + line
	whole := splitSentences(line, len(line)+1)
	if len(whole) < 20 {
		t.Fatalf("only %d sentences", len(whole))
	}
	for _, piece := range []int{1, 3, 17, 64, 300, 4096} {
		if got := splitSentences(line, piece); fmt.Sprint(got) != fmt.Sprint(whole) {
			t.Errorf("in pieces of %d bytes: %d sentences, whole: %d", piece, len(got), len(whole))
		}
	}
}
