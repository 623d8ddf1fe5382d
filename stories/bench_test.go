package stories

import (
	"context"
	"runtime"
	"testing"
	"time"

	"parallax/compare"
	"parallax/corpus"
)

// benchArticles is the size of the generated folder of the benchmarks.
const benchArticles = 2000

// generatedFolder writes the generated 2,000-article folder (from
// news_synth, seed 1) into a temporary folder and returns it.
func generatedFolder(b *testing.B) string {
	b.Helper()
	return writeFolder(b, generate(loadSources(b), benchArticles, 20, 1))
}

// peakHeap samples the Go heap in use while it runs and reports the
// largest figure seen when stopped.
type peakHeap struct {
	stop chan struct{}
	done chan uint64
}

// watchHeap starts sampling every 5 ms.
func watchHeap() *peakHeap {
	p := &peakHeap{stop: make(chan struct{}), done: make(chan uint64)}
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-p.stop:
				p.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// Stop ends the sampling and returns the peak heap in use, in bytes.
func (p *peakHeap) Stop() uint64 {
	close(p.stop)
	return <-p.done
}

// BenchmarkLoadAndGroup2000 reads a folder of 2,000 generated articles
// and groups them into stories. Besides the time per operation it reports
// the time of each step (load-s, group-s) and the peak heap in use
// (peak-heap-MB).
func BenchmarkLoadAndGroup2000(b *testing.B) {
	dir := generatedFolder(b)
	ctx := context.Background()
	var peak uint64
	var loading, grouping time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		w := watchHeap()
		start := time.Now()
		docs, errs, err := corpus.Load(ctx, []string{dir}, corpus.LoadOptions{})
		if err != nil || len(errs) > 0 || len(docs) != benchArticles {
			b.Fatalf("loaded %d documents, errors %v %v", len(docs), err, errs)
		}
		loaded := time.Now()
		sts, err := Group(ctx, docs, DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		loading += loaded.Sub(start)
		grouping += time.Since(loaded)
		peak = max(peak, w.Stop())
		if len(sts) < 100 {
			b.Fatalf("%d stories", len(sts))
		}
	}
	b.ReportMetric(loading.Seconds()/float64(b.N), "load-s")
	b.ReportMetric(grouping.Seconds()/float64(b.N), "group-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkCompareStory20 compares a 20-article story of the generated
// folder all against all with the default options.
func BenchmarkCompareStory20(b *testing.B) {
	docs := story20(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := compare.Compare(context.Background(), docs, compare.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// story20 returns the 20 articles of the generated folder's largest story,
// read from the files.
func story20(tb testing.TB) []*corpus.Document {
	tb.Helper()
	arts := generate(loadSources(tb), benchArticles, 20, 1)
	var docs []*corpus.Document
	for _, a := range arts {
		if a.story == 0 {
			d, err := corpus.Parse(a.name, []byte(a.text))
			if err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, d)
		}
	}
	if len(docs) != 20 {
		tb.Fatalf("story 0 has %d articles, want 20", len(docs))
	}
	return docs
}
