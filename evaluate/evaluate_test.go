package evaluate_test

import (
	"errors"
	"os"
	"testing"

	"parallax/cli"
	"parallax/compare"
	"parallax/evaluate"
)

// Floors under the engine's figures on the development data. They sit a
// little below the measured values (see README), so that a change that
// makes the engine worse fails here.
const (
	minF1       = 0.665
	minPrec     = 0.66
	minRecall   = 0.58
	minSpearman = 0.77
	minPearson  = 0.78
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
	r, err := evaluate.Run(data(t), cli.Engine(compare.Options{Sensitivity: compare.RewriteSensitivity}))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("news_synth_dev: %s", r.NewsSynth)
	t.Logf("STS-B dev: %s", r.STSDev)
	if r.NewsSynth.Pairs != 231 {
		t.Errorf("news_synth_dev: %d pairs read, want 231", r.NewsSynth.Pairs)
	}
	if r.NewsSynth.F1 < minF1 {
		t.Errorf("news_synth_dev F1 %.3f is below the floor %.3f", r.NewsSynth.F1, minF1)
	}
	if r.NewsSynth.Precision < minPrec {
		t.Errorf("news_synth_dev precision %.3f is below the floor %.3f", r.NewsSynth.Precision, minPrec)
	}
	if r.NewsSynth.Recall < minRecall {
		t.Errorf("news_synth_dev recall %.3f is below the floor %.3f", r.NewsSynth.Recall, minRecall)
	}
	if r.STSDev.Spearman < minSpearman {
		t.Errorf("STS-B dev Spearman %.3f is below the floor %.3f", r.STSDev.Spearman, minSpearman)
	}
	if r.STSDev.Pearson < minPearson {
		t.Errorf("STS-B dev Pearson %.3f is below the floor %.3f", r.STSDev.Pearson, minPearson)
	}
}
