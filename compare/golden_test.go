package compare_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/corpus"
	"parallax/evaluate"
	"parallax/report"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// checkGolden compares got with the golden file name under testdata/, or
// rewrites it with -update. On a difference it names the first differing
// lines.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	shown := 0
	for k := 0; k < max(len(gl), len(wl)) && shown < 10; k++ {
		var g, w string
		if k < len(gl) {
			g = gl[k]
		}
		if k < len(wl) {
			w = wl[k]
		}
		if g != w {
			t.Errorf("%s line %d:\n got  %s\n want %s", path, k+1, g, w)
			shown++
		}
	}
	t.Errorf("%s: output differs (%d lines, want %d); rerun with -update if the change is meant", path, len(gl), len(wl))
}

// TestSampleJSONGolden pins `parallax compare --format json` on the bundled
// sample articles at the default sensitivity: documents, sentence statuses,
// links with their scores, diffs and evidence.
func TestSampleJSONGolden(t *testing.T) {
	docs := sampleDocs(t)
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, report.Comparison{Docs: docs, Result: res}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sample.json", buf.Bytes())
}

// TestEvalLinksGolden pins the links the engine makes on every
// news_synth_dev pair, in the rewrite regime that `parallax eval` measures
// and at the default sensitivity: one line per link (pair, sentences,
// score, kind). It is skipped when the evaluation data is absent.
func TestEvalLinksGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("long: every news_synth_dev pair twice")
	}
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	pairs, err := evaluate.LoadNewsSynth(filepath.Join(dir, "news_synth_dev"), corpus.FromText)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, sens := range []float64{compare.RewriteSensitivity, compare.DefaultSensitivity} {
		for _, p := range pairs {
			res, err := compare.Compare(context.Background(), []*corpus.Document{p.A, p.B}, compare.Options{Sensitivity: sens})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range res.Links {
				fmt.Fprintf(&buf, "%.2f %s %d %d %.3f %s\n", sens, p.ID, l.A.Sentence, l.B.Sentence, l.Score, l.Kind)
			}
		}
	}
	checkGolden(t, "news_synth_links.txt", buf.Bytes())
}
