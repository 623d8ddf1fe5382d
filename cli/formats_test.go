package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareFormats runs `parallax compare --format F` on the sample for
// every report format, to standard output and to a file.
func TestCompareFormats(t *testing.T) {
	dir := sampleDir(t)
	out := t.TempDir()
	for format, want := range map[string]string{"html": "<!DOCTYPE html>", "csv": "# parallax 9.9.9", "md": "# Parallax: how 5 outlets",
		"json": `"version": "9.9.9"`, "text": "Parallax 9.9.9, sensitivity 0.60"} {
		code, stdout, errs := run(t, "", "compare", "--format", format, dir)
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("--format %s: exit %d, output starts %q, stderr %q", format, code, clipped(stdout), errs)
		}
		file := filepath.Join(out, "report."+format)
		code, stdout, errs = run(t, "", "compare", "--format", format, "--out", file, dir)
		b, err := os.ReadFile(file)
		if code != ExitOK || stdout != "" || err != nil || !strings.Contains(string(b), want) {
			t.Errorf("--format %s --out: exit %d, stdout %q, stderr %q, file %v", format, code, clipped(stdout), errs, err)
		}
	}
	// The format follows --out's extension when not given.
	file := filepath.Join(out, "by-name.html")
	if code, _, errs := run(t, "", "compare", "--out", file, dir); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(file); !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("by-name.html is not HTML: %q", clipped(string(b)))
	}
	if code, _, errs := run(t, "", "compare", "--format", "pdf", dir); code != ExitUsage || !strings.Contains(errs, "html") {
		t.Errorf("unknown format: exit %d, %q", code, errs)
	}
	// Never over an article.
	entries, _ := os.ReadDir(dir)
	article := filepath.Join(dir, entries[0].Name())
	before, _ := os.ReadFile(article)
	if code, _, errs := run(t, "", "compare", "--out", article, "--format", "html", dir); code != ExitUsage || !strings.Contains(errs, "replace") {
		t.Errorf("--out over an article: exit %d, %q", code, errs)
	}
	if after, _ := os.ReadFile(article); string(after) != string(before) {
		t.Error("the article changed")
	}
}

// clipped is the start of s, for messages.
func clipped(s string) string {
	if len(s) > 80 {
		return s[:80]
	}
	return s
}
