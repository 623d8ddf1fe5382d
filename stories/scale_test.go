package stories

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parallax/assets"
	"parallax/corpus"
	"parallax/internal/parallel"
)

// oneStoryDocs makes n articles of one story, the hardest case for
// grouping: each is one of the five bundled sample articles (five reports
// of one event) with some paragraphs dropped, and a paragraph naming six
// invented officials, each named in up to 120 articles, so that through
// those rarer names every article finds hundreds of similar others.
func oneStoryDocs(tb testing.TB, n int) []*corpus.Document {
	tb.Helper()
	var samples [][]string
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		samples = append(samples, strings.Split(strings.TrimSpace(string(data)), "\n\n"))
	}
	rng := rand.New(rand.NewPCG(5, 5))
	// Each name in about 120 articles, fewer in small folders: under the
	// share of articles that finds neighbours (5%, at least 50).
	perName := min(max(n/20, 50)/2, 120)
	names := 6 * n / perName
	texts := make([]string, n)
	for i := range texts {
		paras := samples[i%len(samples)]
		var b strings.Builder
		b.WriteString(paras[0] + "\n\n")
		for _, p := range paras[1:] {
			if rng.Float64() < 0.8 {
				b.WriteString(p + "\n\n")
			}
		}
		b.WriteString("Officials present were")
		for k := range 6 {
			m := rng.IntN(names)
			sep := ","
			if k == 0 {
				sep = ""
			}
			fmt.Fprintf(&b, "%s Vrel%c%c%c Ostrander", sep, 'a'+rune(m%26), 'a'+rune(m/26%26), 'a'+rune(m/676%26))
		}
		b.WriteString(".\n")
		texts[i] = b.String()
	}
	docs := make([]*corpus.Document, n)
	parallel.For(context.Background(), n, func(_, i int) {
		docs[i] = corpus.FromText(fmt.Sprintf("%05d.txt", i), texts[i])
	})
	return docs
}

// groupWithin groups docs, failing when it takes longer than limit (a
// hang detector: far above the expected time) or when the peak heap goes
// over maxHeapMB; it returns the stories, the time taken and the peak.
func groupWithin(tb testing.TB, docs []*corpus.Document, opts Options, limit time.Duration, maxHeapMB float64) ([]Story, time.Duration, float64) {
	tb.Helper()
	runtime.GC()
	w := watchHeap()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	sts, err := Group(ctx, docs, opts)
	took := time.Since(start)
	peak := float64(w.Stop()) / (1 << 20)
	if err != nil {
		tb.Fatalf("grouping %d articles: %v after %v", len(docs), err, took)
	}
	if peak > maxHeapMB {
		tb.Errorf("grouping %d articles: peak heap %.0f MB, want under %.0f MB", len(docs), peak, maxHeapMB)
	}
	return sts, took, peak
}

// TestGroupOneBigStory groups 5,000 articles of one story (800 under
// the race detector or with -short; 20,000 in the benchmark): it ends,
// within the memory bound, and keeps every article.
func TestGroupOneBigStory(t *testing.T) {
	n := 5000
	if testing.Short() || raceEnabled {
		n = 800
	}
	docs := oneStoryDocs(t, n)
	var calls atomic.Int64
	last := 0
	opts := Options{Progress: func(done, total int) {
		calls.Add(1) // the race detector sees calls that are not one at a time
		if done <= last || total != 4*n {
			t.Errorf("progress went from %d to %d of %d", last, done, total)
		}
		last = done
	}}
	sts, took, peak := groupWithin(t, docs, opts, 120*time.Second, 1024)
	if last != 4*n || calls.Load() < int64(4*n/progressEvery) {
		t.Errorf("progress: %d calls, last %d; want at least %d, last %d", calls.Load(), last, 4*n/progressEvery, 4*n)
	}
	total := 0
	for _, s := range sts {
		total += s.Size()
	}
	if total != n {
		t.Errorf("stories hold %d articles, want %d", total, n)
	}
	t.Logf("%d articles: %d stories, largest %d, in %v, peak heap %.0f MB", n, len(sts), sts[0].Size(), took, peak)
}

// BenchmarkGroupOneStory20000 groups 20,000 articles of one story.
func BenchmarkGroupOneStory20000(b *testing.B) {
	docs := oneStoryDocs(b, 20000)
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		_, _, p := groupWithin(b, docs, Options{}, 10*time.Minute, 1<<20)
		peak = max(peak, p)
	}
	b.ReportMetric(peak, "peak-heap-MB")
}

// TestGroupBigStories groups a generated folder of 2,000 articles whose
// stories have up to 200 articles: the bounds on neighbours must not split
// the big stories (pairwise F1 0.898 when written; 0.741 when every
// article kept only its 40 nearest).
func TestGroupBigStories(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("large input skipped in -short mode and under the race detector")
	}
	arts := generate(loadSources(t), 2000, 200, 1)
	docs := make([]*corpus.Document, len(arts))
	gold := make([]int, len(arts))
	parallel.For(context.Background(), len(arts), func(_, i int) {
		docs[i] = corpus.FromText(arts[i].name, arts[i].text)
		gold[i] = arts[i].story
	})
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := scoreClusters(labels(sts, len(docs)), gold)
	t.Logf("%d stories, largest %d: %s", len(sts), sts[0].Size(), s)
	if s.PairF < 0.88 {
		t.Errorf("pairwise F1 %.3f, want at least 0.88", s.PairF)
	}
}
