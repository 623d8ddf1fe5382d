package compare_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"parallax/analysis"
	"parallax/compare"
	"parallax/corpus"
)

// The inputs of the red-team pass against the engine (issue 8), built
// here: each must be compared in seconds, in memory bounded by the input
// (the benchmarks below measure it: go test -bench Hostile -benchmem).

// linesDoc is a document of one sentence per line, built directly (no
// reader, no boilerplate detection), so that the engine itself is tested.
func linesDoc(name string, lines []string) *corpus.Document {
	d := &corpus.Document{Path: name, Language: "en"}
	var sb strings.Builder
	for i, l := range lines {
		start := sb.Len()
		sb.WriteString(l)
		d.Sentences = append(d.Sentences, corpus.Sentence{Index: i, Span: analysis.Span{Start: start, End: sb.Len()}})
		sb.WriteString("\n")
	}
	d.Text = sb.String()
	d.Paragraphs = []analysis.Span{{Start: 0, End: len(d.Text)}}
	for i := range d.Sentences {
		d.Sentences[i].Paragraph = 0
	}
	return d
}

// repeated returns n copies of line.
func repeated(line string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = line
	}
	return out
}

// manyWords returns one sentence of n distinct made-up words.
func manyWords(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1))
	var sb strings.Builder
	for k := range n {
		if k > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "w%x%c", k, 'a'+rune(r.IntN(26)))
	}
	sb.WriteByte('.')
	return sb.String()
}

// nearCopies returns n sentences of 12 to 24 words drawn from a
// vocabulary of 4,000 words (a few common, most rare), and a near copy of
// them: one word in each replaced, the order kept.
func nearCopies(n int, seed uint64) (orig, copyOf []string) {
	r := rand.New(rand.NewPCG(seed, 2))
	word := func() string {
		// Zipf-like: small numbers are common words.
		k := int(4000 * r.Float64() * r.Float64() * r.Float64())
		return fmt.Sprintf("term%dx", k)
	}
	for range n {
		ws := make([]string, 12+r.IntN(13))
		for k := range ws {
			ws[k] = word()
		}
		orig = append(orig, strings.Join(ws, " ")+".")
		ws[r.IntN(len(ws))] = word()
		copyOf = append(copyOf, strings.Join(ws, " ")+".")
	}
	return orig, copyOf
}

// hostileCases are the inputs, at the sizes the red team used.
func hostileCases() []struct {
	name string
	docs func() []*corpus.Document
} {
	near := func(n int) func() []*corpus.Document {
		return func() []*corpus.Document {
			a, b := nearCopies(n, uint64(n))
			return []*corpus.Document{linesDoc("a.txt", a), linesDoc("b.txt", b)}
		}
	}
	return []struct {
		name string
		docs func() []*corpus.Document
	}{
		{"200k-one-word-lines", func() []*corpus.Document {
			return []*corpus.Document{linesDoc("a.txt", repeated("word", 200_000)), linesDoc("b.txt", repeated("word", 200_000))}
		}},
		{"one-sentence-of-1M-words", func() []*corpus.Document {
			return []*corpus.Document{linesDoc("a.txt", []string{manyWords(1_000_000, 1)}), linesDoc("b.txt", []string{manyWords(1_000_000, 1)})}
		}},
		{"near-copies-1k", near(1000)},
		{"near-copies-3k", near(3000)},
		{"near-copies-5k", near(5000)},
	}
}

// TestHostileInputsFinish compares every hostile input under a generous
// deadline, as a hang detector: each takes a second or two on a quiet
// machine.
func TestHostileInputsFinish(t *testing.T) {
	if os.Getenv("PARALLAX_HOSTILE") == "" {
		t.Skip("set PARALLAX_HOSTILE=1 to run (about a minute)")
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			docs := c.docs()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			start := time.Now()
			res, err := compare.Compare(ctx, docs, compare.DefaultOptions())
			if err != nil {
				t.Fatalf("%v after %v", err, time.Since(start))
			}
			if len(res.Sentences) != len(docs) {
				t.Fatalf("%d documents in the result, want %d", len(res.Sentences), len(docs))
			}
			t.Logf("%v, %d links", time.Since(start), len(res.Links))
		})
	}
}

// TestCompareCancels checks that a comparison of big inputs stops soon
// after its context is cancelled.
func TestCompareCancels(t *testing.T) {
	a, b := nearCopies(5000, 7)
	docs := []*corpus.Document{linesDoc("a.txt", a), linesDoc("b.txt", b)}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	_, err := compare.Compare(ctx, docs, compare.DefaultOptions())
	if err == nil {
		t.Skip("finished before the cancellation")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("returned %v after the start, long after the cancellation", d)
	}
}

// BenchmarkHostile measures time and memory on each hostile input.
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases() {
		docs := c.docs()
		b.Run(c.name, func(b *testing.B) {
			benchCompare(b, docs)
		})
	}
}

// TestScoreLongLine scores two lines of 20,000 distinct words each (a
// `parallax score` line the red team made): it was quadratic in the words.
func TestScoreLongLine(t *testing.T) {
	a, b := manyWords(20_000, 3), manyWords(20_000, 3)+" extra"
	done := make(chan struct{})
	go func() {
		defer close(done)
		if s, _ := compare.Score(a, b); s < 0.9 {
			t.Errorf("near-identical lines scored %.3f", s)
		}
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("Score still running after a minute")
	}
}
