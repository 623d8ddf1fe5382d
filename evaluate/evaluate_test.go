package evaluate_test

import (
	"errors"
	"os"
	"testing"

	"parallax/compare"
	"parallax/evaluate"
	"parallax/evaluate/engine"
)

// Floors under the engine's figures on the development data, at the
// default sensitivity and at the rewrite regime's. They sit a little below
// the measured values (see README), so that a change that makes the engine
// worse fails here.
var floors = []struct {
	sens                float64
	synthF1, synthP     float64
	synthR              float64
	ecbPairsF1, ecbDevR float64
	ecbDevP             float64
}{
	{compare.DefaultSensitivity, 0.66, 0.72, 0.60, 0.70, 0.42, 0.85},
	{compare.RewriteSensitivity, 0.67, 0.66, 0.67, 0.66, 0.48, 0.84},
}

const (
	minSpearman = 0.795
	minPearson  = 0.775
)

// data finds ../shared/eval; it must be there in CI.
func data(t *testing.T) string {
	t.Helper()
	dir, err := evaluate.FindData("")
	if errors.Is(err, evaluate.ErrNoData) && os.Getenv("CI") == "" {
		t.Skip("evaluation data not found; CI requires it")
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEngineFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	dir := data(t)
	for n, f := range floors {
		r, err := evaluate.Run(dir, engine.Parallax(compare.Options{Sensitivity: f.sens}))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("sensitivity %.2f: news_synth_dev %s; ecb_pairs_dev %s; ecb_dev %s", f.sens, r.NewsSynth, r.ECBPairs, r.ECBDev)
		if r.NewsSynth.Pairs != 231 || r.ECBPairs.Pairs != 12 || r.ECBDev.Pairs != 1326 {
			t.Errorf("pairs read: news_synth_dev %d (want 231), ecb_pairs_dev %d (12), ecb_dev %d (1326)",
				r.NewsSynth.Pairs, r.ECBPairs.Pairs, r.ECBDev.Pairs)
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"news_synth_dev F1", r.NewsSynth.F1, f.synthF1},
			{"news_synth_dev precision", r.NewsSynth.Precision, f.synthP},
			{"news_synth_dev recall", r.NewsSynth.Recall, f.synthR},
			{"ecb_pairs_dev F1", r.ECBPairs.F1, f.ecbPairsF1},
			{"ecb_dev recall", r.ECBDev.Recall, f.ecbDevR},
			{"ecb_dev annotated-pair precision", r.ECBDev.Precision, f.ecbDevP},
		} {
			if c.got < c.want {
				t.Errorf("sensitivity %.2f: %s %.3f is below the floor %.3f", f.sens, c.what, c.got, c.want)
			}
		}
		if n > 0 {
			continue
		}
		t.Logf("STS-B dev: %s", r.STSDev)
		if r.STSDev.Spearman < minSpearman {
			t.Errorf("STS-B dev Spearman %.3f is below the floor %.3f", r.STSDev.Spearman, minSpearman)
		}
		if r.STSDev.Pearson < minPearson {
			t.Errorf("STS-B dev Pearson %.3f is below the floor %.3f", r.STSDev.Pearson, minPearson)
		}
	}
}
