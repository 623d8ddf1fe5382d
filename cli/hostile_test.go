package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"parallax/assets"
	"parallax/corpus"
	"parallax/devtools/hostile"
)

// TestCompareHostileFolder runs `compare` on the sample articles mixed
// with the hostile PDFs and Word documents of issue 8 (bombs, loops,
// absurd sizes, encryption): each is named with its reason on stderr and
// under "errors", the samples are compared, and this process's heap stays
// small (the readers run in child processes).
func TestCompareHostileFolder(t *testing.T) {
	old := corpus.ReaderTimeout
	corpus.ReaderTimeout = 60 * time.Second // budgets, not the deadline, even on a loaded machine
	t.Cleanup(func() { corpus.ReaderTimeout = old })
	dir := sampleDir(t)
	want := map[string]string{
		"xref-stream-bomb.pdf": "cross-reference table claims 2000000000 objects",
		"self-xref.pdf":        "cross-reference chain loops",
		"q-bomb.pdf":           "graphics states nested deeper than 1000",
		"rc4-40.pdf":           "encrypted PDF (password protected)",
		"aes-256.pdf":          "encrypted PDF (password protected)",
		"password.docx":        "password-protected Word document",
		"nested.docx":          "XML nested deeper than 1000 levels",
		"50k-paragraphs.docx":  "more than 50000 paragraphs",
	}
	goodNames := map[string]bool{"utf16.docx": true}
	for _, s := range hostile.Seeds() {
		if want[s.Name] == "" && !goodNames[s.Name] {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, s.Name), s.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, stderr := comparePartly(t, dir)
	if n := len(assets.SampleFiles()) + len(goodNames); len(c.Documents) != n {
		t.Errorf("%d documents compared, want %d", len(c.Documents), n)
	}
	reasons := map[string]string{}
	for _, e := range c.Errors {
		reasons[filepath.Base(e.Path)] = e.Error
	}
	for name, reason := range want {
		if !strings.Contains(reasons[name], reason) {
			t.Errorf("%s: reason %q, want it to hold %q", name, reasons[name], reason)
		}
		if !strings.Contains(stderr, filepath.Join(dir, name)+": ") {
			t.Errorf("stderr does not name %s", name)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapSys > 1<<30 {
		t.Errorf("the heap grew to %d MB", ms.HeapSys>>20)
	}
}
