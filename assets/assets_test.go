package assets

import (
	"bytes"
	"image/png"
	"testing"
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
