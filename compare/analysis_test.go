package compare_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"parallax/compare"
	"parallax/corpus"
	"parallax/evaluate"
)

// sensitivities are the settings the analysis tests decide at: both ends,
// both sides of StrictSensitivity, the default and the lenient setting.
var sensitivities = []float64{0, 0.2, 0.49, 0.5, compare.DefaultSensitivity, 0.7, compare.RewriteSensitivity, 0.9, 1}

// checkAnalysis checks that one Analysis of docs, decided at each of the
// sensitivities in turn, up and down, with and without near misses,
// gives what Compare gives with the same options.
func checkAnalysis(t *testing.T, name string, docs []*corpus.Document) {
	t.Helper()
	ctx := context.Background()
	an, err := compare.Analyze(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	order := append(append([]float64(nil), sensitivities...), sensitivities[0], sensitivities[len(sensitivities)/2])
	for _, s := range order {
		for _, closest := range []bool{true, false} {
			opts := compare.Options{Sensitivity: s, Closest: closest}
			want, err := compare.Compare(ctx, docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := an.Result(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s at %v (closest %v): Analysis.Result differs from Compare: %d links against %d",
					name, s, closest, len(got.Links), len(want.Links))
			}
		}
	}
}

// TestAnalysisResultIsCompare checks the analysis on the sample, all
// against all.
func TestAnalysisResultIsCompare(t *testing.T) {
	checkAnalysis(t, "sample", sampleDocs(t))
}

// TestAnalysisResultIsCompareEval checks the analysis on pairs of the
// evaluation data of both kinds: rewrites and independent outlets.
func TestAnalysisResultIsCompareEval(t *testing.T) {
	if testing.Short() {
		t.Skip("long: evaluation pairs")
	}
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	for _, set := range []struct {
		sub  string
		load func(string, evaluate.Builder) ([]evaluate.Pair, error)
		n    int
	}{
		{"news_synth_dev", evaluate.LoadNewsSynth, 12},
		{"ecb_pairs_dev", evaluate.LoadECBPairs, 12},
	} {
		pairs, err := set.load(filepath.Join(dir, set.sub), corpus.FromText)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs[:min(set.n, len(pairs))] {
			checkAnalysis(t, set.sub+" "+p.ID, []*corpus.Document{p.A, p.B})
		}
	}
}

// TestAnalysisConcurrent decides one analysis at several sensitivities at
// once (run with -race), and checks each result against Compare's.
func TestAnalysisConcurrent(t *testing.T) {
	ctx := context.Background()
	docs := sampleDocs(t)
	an, err := compare.Analyze(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]*compare.Result, len(sensitivities))
	var wg sync.WaitGroup
	for k, s := range sensitivities {
		wg.Go(func() {
			got[k], _ = an.Result(ctx, compare.Options{Sensitivity: s, Closest: true})
		})
	}
	wg.Wait()
	for k, s := range sensitivities {
		want, err := compare.Compare(ctx, docs, compare.Options{Sensitivity: s, Closest: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("at %v, decided alongside others: the result differs from Compare's", s)
		}
	}
}

// TestAnalysisCancelled checks that a cancelled context stops both steps.
func TestAnalysisCancelled(t *testing.T) {
	docs := sampleDocs(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := compare.Analyze(ctx, docs); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze on a cancelled context: %v, want context.Canceled", err)
	}
	an, err := compare.Analyze(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := an.Result(ctx, compare.DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("Result on a cancelled context: %v, want context.Canceled", err)
	}
}
