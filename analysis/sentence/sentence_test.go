package sentence

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

	"parallax/analysis"
)

var updateGolden = flag.Bool("update", false, "rewrite the expected sentences in testdata/cases.txt")

const goldenFile = "testdata/cases.txt"

// goldenCase is one golden case of testdata/cases.txt.
type goldenCase struct {
	rules []string // the splitter rules the case tests (goldenRules)
	name  string
	input string
	want  []string
}

// goldenRules are the rules of the splitter that golden cases name, each
// with what it decides.
var goldenRules = map[string]string{
	"line-break":          "a line break always ends a sentence; white space around sentences is not part of them",
	"lower-case-next":     "a sentence never starts with a lower-case word, a comma, a semicolon or a colon",
	"stop-mark":           "question and exclamation marks, and full stops of scripts without abbreviations, end a sentence",
	"attribution":         "a quoted question or exclamation followed by a speech attribution continues",
	"bang-name":           "names with an exclamation mark (Yahoo!) do not end a sentence",
	"ellipsis":            "an ellipsis ends a sentence only before a word that starts sentences",
	"stray-period":        "a period standing alone, as in a spaced ellipsis or a typo",
	"closing-mark":        "closing quotes and brackets after final punctuation belong to the sentence they close",
	"figure":              "a figure before the period ends the sentence, except a list marker at a line's start",
	"title":               "an abbreviated title continues unless a word that starts sentences follows",
	"number-abbreviation": "No., Vol. and the like continue before a number",
	"month":               "an abbreviated month continues before a number",
	"state":               "an abbreviated state continues before a number",
	"time":                "a.m. and p.m. end a sentence unless the time continues",
	"initialism":          "a dotted initialism continues unless a word that starts sentences follows",
	"initial":             "a single initial continues unless a word that starts sentences follows",
	"abbreviation":        "the news abbreviations added to the Punkt model, decided by Punkt",
	"punkt":               "everything else: Punkt's own decision",
}

// parseCaseHeader splits a case header "[rule, ...] name".
func parseCaseHeader(h string) (rules []string, name string, ok bool) {
	list, name, ok := strings.Cut(strings.TrimPrefix(h, "["), "] ")
	if !ok || !strings.HasPrefix(h, "[") || name == "" {
		return nil, "", false
	}
	for r := range strings.SplitSeq(list, ",") {
		if r = strings.TrimSpace(r); r == "" {
			return nil, "", false
		}
		rules = append(rules, r)
	}
	return rules, name, true
}

// readGoldenCases parses the golden file. It returns the cases and the
// comment lines that precede the first case.
func readGoldenCases(t testing.TB) ([]goldenCase, []string) {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		cases  []goldenCase
		header []string
		cur    *goldenCase
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
			rules, name, ok := parseCaseHeader(strings.TrimPrefix(l, "=== "))
			if !ok {
				t.Fatalf("%s:%d: case header %q is not \"=== [rule, ...] name\"", goldenFile, line, l)
			}
			cases = append(cases, goldenCase{rules: rules, name: name})
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
			t.Fatalf("%s: case %q has no input or no \"---\" line", goldenFile, c.name)
		}
	}
	return cases, header
}

// sentenceTexts returns the sentences of text.
func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Split(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitGolden(t *testing.T) {
	cases, header := readGoldenCases(t)
	if len(cases) < 40 {
		t.Errorf("only %d golden cases, want at least 40", len(cases))
	}
	seen := map[string]bool{}
	tested := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Errorf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		for _, r := range c.rules {
			if _, ok := goldenRules[r]; !ok {
				t.Errorf("case %q names rule %q, which goldenRules lacks", c.name, r)
			}
			tested[r] = true
		}
	}
	for r := range goldenRules {
		if !tested[r] {
			t.Errorf("no golden case tests rule %q", r)
		}
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
			fmt.Fprintf(&b, "=== [%s] %s\n%s\n---\n", strings.Join(c.rules, ", "), c.name, in)
			for _, s := range sentenceTexts(c.input) {
				b.WriteString(s + "\n")
			}
		}
		if err := os.WriteFile(goldenFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s; review the diff", goldenFile)
		return
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkSpans(t, c.input, Split(c.input))
			got := sentenceTexts(c.input)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", c.input,
					numbered(got), numbered(c.want))
			}
		})
	}
}

func numbered(ss []string) string {
	var b strings.Builder
	for i, s := range ss {
		fmt.Fprintf(&b, "  %d: %s\n", i+1, s)
	}
	return b.String()
}

// checkSpans verifies the invariants of Split' result.
func checkSpans(t testing.TB, text string, spans []analysis.Span) {
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
		if isSpace(first) || isSpace(last) {
			t.Fatalf("span %d %q is not trimmed", i, sent)
		}
		for j := 0; j < len(sent); j++ {
			if lineBreakLen(sent, j) > 0 {
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
		if !isSpace(r) && lineBreakLen(text, i) == 0 {
			nonSpace += size
		}
		i += size
	}
	if covered < nonSpace {
		t.Fatalf("sentences cover %d bytes, text has %d non-space bytes: %q", covered, nonSpace, text)
	}
}

func TestSplitEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", " \t\r\n \u2028 \u00a0\ufeff"} {
		if got := Split(in); len(got) != 0 {
			t.Errorf("Split(%q) = %v, want none", in, got)
		}
	}
}

func TestSplitOffsets(t *testing.T) {
	text := "  Héllo wörld.  Ça va?\r\n\r\n“Sí,” dijo él.\u2028Next line"
	got := Split(text)
	want := []analysis.Span{
		{Start: 2, End: 16},  // Héllo wörld.
		{Start: 18, End: 25}, // Ça va?
		{Start: 29, End: 49}, // “Sí,” dijo él.
		{Start: 52, End: 61}, // Next line
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v (%q)", got, want, sentenceTexts(text))
	}
	checkSpans(t, text, got)
}

func TestSplitInvalidUTF8(t *testing.T) {
	for _, in := range []string{
		"\xff", "Hello.\xff World.", "Mr.\xc3 Smith. \xe2\x80", "\xc2", "\xe2\x80\xa8\xe2",
		"U.S.\x80 The end.", "a.\xed\xa0\x80 B.",
	} {
		spans := Split(in)
		checkSpans(t, in, spans)
	}
}

func TestSplitConcurrent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	want := fmt.Sprint(Split(text))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := fmt.Sprint(Split(text)); got != want {
					t.Error("concurrent call returned a different result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSplitSample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	spans := Split(text)
	checkSpans(t, text, spans)
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

func BenchmarkSplit(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "news_sample.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	Split(text) // load the model outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(text)
	}
}

// TestSplitInPieces checks that a long line segmented a piece
// at a time (what bounds the memory of a page without line breaks) has
// the sentences of the line segmented whole.
func TestSplitInPieces(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "news_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Join(strings.Fields(string(b)), " ")
	line += " " + strings.Repeat("and more words without any stop ", 20) + line
	whole := split(line, len(line)+1)
	if len(whole) < 20 {
		t.Fatalf("only %d sentences", len(whole))
	}
	for _, piece := range []int{1, 3, 17, 64, 300, 4096} {
		if got := split(line, piece); fmt.Sprint(got) != fmt.Sprint(whole) {
			t.Errorf("in pieces of %d bytes: %d sentences, whole: %d", piece, len(got), len(whole))
		}
	}
}
