package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"parallax/devtools/hostile"
)

// hostileCase is one hostile file: it must be refused with the reason
// wantErr, or read (wantErr "") with wantText in its text.
type hostileCase struct {
	name     string
	data     func() []byte
	wantErr  string
	wantText string
}

// heavyCases decode tens of megabytes before their budget stops them:
// too slow under the race detector (which adds nothing to a reader's one
// goroutine), so they are left out there.
var heavyCases = map[string]bool{"text-bomb.pdf": true, "moveto-bomb.pdf": true, "zip-bomb.docx": true, "nested.docx": true, "one-line.html": true}

// hostileCases are the files the red-team pass of issue 8 found: small on
// disk, they expand without bound, loop, claim absurd sizes or are
// encrypted.
var hostileCases = []hostileCase{
	{"xref-stream-bomb.pdf", hostile.XrefStreamBomb, "cross-reference table claims 2000000000 objects", ""},
	{"self-xref.pdf", hostile.SelfXref, "cross-reference chain loops", ""},
	{"tounicode-bomb.pdf", func() []byte { return hostile.ToUnicodeBomb(300000) }, "font map (ToUnicode) of page 1 expands past 2 MB", ""},
	{"text-bomb.pdf", func() []byte { return hostile.TextBomb(200 << 20) }, "page 1 content expands past", ""},
	{"q-bomb.pdf", func() []byte { return hostile.OperatorBomb("q ", 600000) }, "graphics states nested deeper than", ""},
	{"moveto-bomb.pdf", func() []byte { return hostile.OperatorBomb("0 0 m ", 1500000) }, "operators", ""},
	{"5001-pages.pdf", func() []byte { return hostile.ManyPages(5001) }, "more than 5000 pages", ""},
	{"rc4-40.pdf", func() []byte { return hostile.EncryptedPDF("rc4-40") }, "encrypted PDF (password protected)", ""},
	{"aes-256.pdf", func() []byte { return hostile.EncryptedPDF("aes-256") }, "encrypted PDF (password protected)", ""},
	{"password.docx", hostile.EncryptedDOCX, "password-protected Word document", ""},
	{"nested.docx", func() []byte { return hostile.NestedDOCX(2000000) }, "nested deeper than", ""},
	{"100k-paragraphs.docx", func() []byte { return hostile.ManyParagraphsDOCX(100000) }, "more than 50000 paragraphs", ""},
	{"zip-bomb.docx", func() []byte { return hostile.ZipBombDOCX(190) }, "word/document.xml expands past 32 MB", ""},
	{"one-line.html", func() []byte { return hostile.OneLineHTML(19) }, "a sentence longer than 64 KB", ""},
	{"utf16.docx", hostile.UTF16DOCX, "", "The talks ended without a deal"},
	{"good.pdf", hostile.GoodPDF, "", "The talks ended without a deal"},
	{"good.docx", hostile.GoodDOCX, "", "The talks ended without a deal"},
}

// TestHostileFiles loads a folder of the hostile files next to good
// ones: the process survives, every bad file is named with its reason,
// the good ones are read, this process's heap stays small and the whole
// folder is done in seconds (the context is only a hang detector).
func TestHostileFiles(t *testing.T) {
	// The reasons are the budgets', not the deadline's, even on a loaded
	// machine (the end-to-end figures are in the README).
	old := ReaderTimeout
	ReaderTimeout = 60 * time.Second
	t.Cleanup(func() { ReaderTimeout = old })
	dir := t.TempDir()
	var cases []hostileCase
	for _, tc := range hostileCases {
		if heavyCases[tc.name] && raceBuild {
			t.Logf("%s left out under the race detector", tc.name)
			continue
		}
		cases = append(cases, tc)
	}
	for _, tc := range cases {
		if err := os.WriteFile(filepath.Join(dir, tc.name), tc.data(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	start := time.Now()
	docs, errs, err := Load(ctx, []string{dir}, LoadOptions{})
	t.Logf("loaded in %v", time.Since(start))
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapSys > 1<<30 {
		t.Errorf("this process took %d MB of heap", ms.HeapSys>>20)
	}
	docByName := map[string]*Document{}
	for _, d := range docs {
		docByName[filepath.Base(d.Path)] = d
	}
	errByName := map[string]*FileError{}
	for _, e := range errs {
		errByName[filepath.Base(e.Path)] = e
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if tc.wantErr != "" {
				checkFileError(t, errByName[tc.name], path, tc.wantErr)
				t.Log(errByName[tc.name])
				return
			}
			d := docByName[tc.name]
			if d == nil {
				t.Fatalf("not read: %v", errByName[tc.name])
			}
			if !strings.Contains(d.Text, tc.wantText) {
				t.Errorf("text %q lacks %q", d.Text, tc.wantText)
			}
		})
	}
}

// TestWriteHostileSeeds writes the hostile files into the fuzz corpora
// (testdata/fuzz/FuzzParsePDF and FuzzParseDOCX, which every `go test`
// run reads in this process) when PARALLAX_WRITE_SEEDS=1.
func TestWriteHostileSeeds(t *testing.T) {
	if os.Getenv("PARALLAX_WRITE_SEEDS") != "1" {
		t.Skip("set PARALLAX_WRITE_SEEDS=1 to rewrite the fuzz seeds")
	}
	for _, s := range hostile.Seeds() {
		target := "FuzzParsePDF"
		if strings.HasSuffix(s.Name, ".docx") {
			target = "FuzzParseDOCX"
		}
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s.Data)
		if err := os.WriteFile(filepath.Join(dir, "hostile-"+strings.TrimSuffix(s.Name, filepath.Ext(s.Name))), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
