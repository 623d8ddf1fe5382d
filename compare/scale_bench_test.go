package compare_test

import (
	"fmt"
	"sync"
	"testing"

	"parallax/corpus"
	"parallax/devtools/longpair"
	"parallax/evaluate"
)

var (
	longOnce sync.Once
	longArts *longpair.Articles
	longErr  error
)

// longArticles loads the news_synth_dev articles the scaling benchmarks
// are built from, skipping when the evaluation data is absent.
func longArticles(tb testing.TB) *longpair.Articles {
	tb.Helper()
	longOnce.Do(func() {
		dir, err := evaluate.FindData("")
		if err != nil {
			longErr = err
			return
		}
		longArts, longErr = longpair.Load(dir)
	})
	if longErr != nil {
		tb.Skip(longErr)
	}
	return longArts
}

// BenchmarkCompareScale compares two long articles: an original of n
// sentences (news_synth_dev originals joined) against the rewrites of the
// same originals in shuffled order, from segmented documents to links.
// Each doubling of n should cost about twice the time and memory.
func BenchmarkCompareScale(b *testing.B) {
	arts := longArticles(b)
	for _, n := range []int{100, 200, 400, 800, 1600, 3200} {
		orig, rw, err := arts.Sentences(n, 1)
		if err != nil {
			b.Fatal(err)
		}
		docs := []*corpus.Document{corpus.FromText("original.txt", orig), corpus.FromText("rewrite.txt", rw)}
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			benchCompare(b, docs)
			b.ReportMetric(float64(len(docs[0].Sentences)+len(docs[1].Sentences)), "sentences")
		})
	}
}

// BenchmarkCompareEight compares eight articles of 400 sentences all
// against all (28 pairs): four originals of 400 sentences and their
// rewrites, each cut from news_synth_dev.
func BenchmarkCompareEight(b *testing.B) {
	arts := longArticles(b)
	var docs []*corpus.Document
	for k := range 4 {
		sub := &longpair.Articles{Originals: arts.Originals[k*55:], Rewrites: arts.Rewrites[k*55:], Reports: arts.Reports}
		orig, rw, err := sub.Sentences(400, uint64(k))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, corpus.FromText(fmt.Sprintf("original%d.txt", k), orig), corpus.FromText(fmt.Sprintf("rewrite%d.txt", k), rw))
	}
	benchCompare(b, docs)
}
