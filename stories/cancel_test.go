package stories

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
)

// sampleSentences returns the sentences of the bundled sample articles.
func sampleSentences(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := corpus.Parse(name, data)
		if err != nil {
			tb.Fatal(err)
		}
		for i, s := range d.Sentences {
			if !s.Boilerplate && !s.Headline {
				out = append(out, d.SentenceText(i))
			}
		}
	}
	return out
}

// mixedDocs makes n articles of 30 sentences drawn from the sample
// articles, each also naming one of n/10 invented people, so that they
// form many overlapping stories: a large input that needs no data from
// outside the repository.
func mixedDocs(tb testing.TB, n int) []*corpus.Document {
	tb.Helper()
	pool := sampleSentences(tb)
	rng := rand.New(rand.NewPCG(3, 3))
	docs := make([]*corpus.Document, n)
	for i := range docs {
		var b strings.Builder
		name := fmt.Sprintf("Zed%c%c Quorvath", 'a'+rune(i/10%26), 'a'+rune(i/260%26))
		for k := range 30 {
			if k%3 == 0 {
				fmt.Fprintf(&b, "%s spoke again on day %d.\n\n", name, k)
			}
			b.WriteString(pool[rng.IntN(len(pool))] + "\n\n")
		}
		docs[i] = corpus.FromText(fmt.Sprintf("%04d.txt", i), b.String())
	}
	return docs
}

// TestCancelPromptly cancels a comparison and a grouping of a large input
// shortly after they start: each must return context.Canceled soon after
// the cancel, long before the work would be done. The bound is generous
// (the test machine may be busy: 580 ms was seen under -race at load 15,
// where the uncancelled work takes tens of seconds); the latency is logged.
func TestCancelPromptly(t *testing.T) {
	if testing.Short() {
		t.Skip("large input skipped in -short mode")
	}
	docs := mixedDocs(t, 800)
	const bound = 2 * time.Second
	bg := context.Background()
	raw, err := extractAll(bg, docs, &progress{})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := buildVectors(bg, raw, DefaultTerms, &progress{})
	if err != nil {
		t.Fatal(err)
	}
	edges, err := neighbours(bg, vs, DefaultMaxDocShare, &progress{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		docs  []*corpus.Document
		after time.Duration // when to cancel
		run   func(ctx context.Context, docs []*corpus.Document) error
	}{
		{"compare while preparing", docs, 20 * time.Millisecond, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := compare.Compare(ctx, docs, compare.DefaultOptions())
			return err
		}},
		{"compare while aligning", docs[:60], 300 * time.Millisecond, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := compare.Compare(ctx, docs, compare.DefaultOptions())
			return err
		}},
		{"group while reading terms", docs, 20 * time.Millisecond, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := Group(ctx, docs, DefaultOptions())
			return err
		}},
		{"group already cancelled", docs, 0, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := Group(ctx, docs, DefaultOptions())
			return err
		}},
		// Each later phase of Group checks the context too.
		{"group: weighing terms", docs, 0, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := buildVectors(ctx, raw, DefaultTerms, &progress{})
			return err
		}},
		{"group: finding neighbours", docs, 0, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := neighbours(ctx, vs, DefaultMaxDocShare, &progress{})
			return err
		}},
		{"group: clustering", docs, 0, func(ctx context.Context, docs []*corpus.Document) error {
			_, err := averageLinkage(ctx, len(docs), edges, DefaultThreshold)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			at := make(chan time.Time, 1) // when the cancel came
			stop := func() {
				at <- time.Now()
				cancel()
			}
			if tt.after == 0 {
				stop()
			} else {
				timer := time.AfterFunc(tt.after, stop)
				defer timer.Stop()
			}
			err := tt.run(ctx, tt.docs)
			done := time.Now()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("returned %v, want context.Canceled (did the work finish before the cancel at %v?)", err, tt.after)
			}
			latency := done.Sub(<-at)
			t.Logf("returned %v after the cancel", latency)
			if latency > bound {
				t.Errorf("returned %v after the cancel, want within %v", latency, bound)
			}
		})
	}
}
