package assets

import (
	"bytes"
	"image/png"
	"testing"

	"parallax/corpus"
)

func TestSampleFiles(t *testing.T) {
	files := SampleFiles()
	if len(files) != 5 {
		t.Fatalf("SampleFiles() = %d files %v, want 5", len(files), files)
	}
	for _, name := range files {
		data, err := Sample.ReadFile(name)
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		if len(bytes.TrimSpace(data)) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %dx%d, want 512x512", cfg.Width, cfg.Height)
	}
}

// TestLoadSample checks that the sample's five articles parse, and that a
// missing one is reported and the others kept.
func TestLoadSample(t *testing.T) {
	docs, errs, err := LoadSample()
	if err != nil || len(docs) != 5 || len(errs) != 0 {
		t.Fatalf("LoadSample: %d docs, errs %v, err %v", len(docs), errs, err)
	}
	docs, errs, err = corpus.ParseFiles(Sample.ReadFile, append(SampleFiles(), "sample/missing.txt"))
	if err != nil || len(docs) != 5 || len(errs) != 1 || errs[0].Path != "sample/missing.txt" {
		t.Errorf("ParseFiles: %d docs, errs %v, err %v", len(docs), errs, err)
	}
	if _, _, err := corpus.ParseFiles(Sample.ReadFile, []string{"sample/missing.txt"}); err != corpus.ErrNoArticles {
		t.Errorf("ParseFiles of a missing file: err %v, want ErrNoArticles", err)
	}
}
