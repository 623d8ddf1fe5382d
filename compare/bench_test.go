package compare_test

import (
	"context"
	"slices"
	"testing"

	"parallax/analysis/token"
	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
)

// sampleDocs reads the bundled sample articles.
func sampleDocs(tb testing.TB) []*corpus.Document {
	tb.Helper()
	var docs []*corpus.Document
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := corpus.Parse(name, data)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkCompareSample compares the five sample articles all against all,
// from segmented documents to links with diffs.
func BenchmarkCompareSample(b *testing.B) {
	docs := sampleDocs(b)
	benchCompare(b, docs)
}

// benchCompare runs Compare on docs at the default sensitivity and reports,
// beside the wall time, the processor time per operation (cpu-ns/op), which
// other processes on a shared machine disturb less.
func benchCompare(b *testing.B, docs []*corpus.Document) {
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := compare.Compare(context.Background(), docs, compare.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// TestSampleLinks checks the sample corpus end to end: the summary article
// (001) and the long report it summarises (003) align heavily, while the
// independent outlets keep most of their reporting unique.
func TestSampleLinks(t *testing.T) {
	docs := sampleDocs(t)
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	perPair := map[[2]int]int{}
	for _, l := range res.Links {
		perPair[[2]int{l.A.Doc, l.B.Doc}]++
	}
	if n := perPair[[2]int{1, 3}]; n < 12 {
		t.Errorf("summary 001 and report 003: %d links, want at least 12", n)
	}
	for _, c := range res.Summary() {
		if c.Doc == 1 {
			continue
		}
		if share := c.UniqueShare(); share < 0.5 {
			t.Errorf("doc %d: only %.0f%% unique; independent outlets keep most of their reporting", c.Doc, 100*share)
		}
	}
}

// TestResultTokens checks that a result's tokens are what Tokenize gives
// for each sentence, and that a result made by hand holds none.
func TestResultTokens(t *testing.T) {
	docs := sampleDocs(t)
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for d, doc := range docs {
		for i := range doc.Sentences {
			got, want := res.Tokens(d, i), token.Tokenize(doc.SentenceText(i), doc.Language)
			if !slices.Equal(got, want) || got == nil {
				t.Fatalf("Tokens(%d, %d) = %v, want %v", d, i, got, want)
			}
		}
	}
	if toks := (&compare.Result{}).Tokens(0, 0); toks != nil {
		t.Errorf("a result made by hand holds tokens %v", toks)
	}
	if toks := res.Tokens(len(docs), 0); toks != nil {
		t.Errorf("Tokens past the last document = %v, want nil", toks)
	}
}

// BenchmarkAnalyzeSample measures the five sample articles for every
// sensitivity at once, with near misses: what the viewer does when the
// articles change.
func BenchmarkAnalyzeSample(b *testing.B) {
	docs := sampleDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compare.Analyze(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecideSample decides the analysed sample at one sensitivity
// after another, with near misses: what the viewer does when the
// sensitivity dial moves.
func BenchmarkDecideSample(b *testing.B) {
	docs := sampleDocs(b)
	an, err := compare.Analyze(context.Background(), docs)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		opts := compare.Options{Sensitivity: sensitivities[n%len(sensitivities)], Closest: true}
		if _, err := an.Result(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}
