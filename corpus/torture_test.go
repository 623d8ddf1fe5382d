package corpus

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// The torture tests build a folder of hostile inputs in t.TempDir() (no
// binary fixtures are committed) and check that Load reports every bad
// file with a reason that names it, loads every good file, never panics
// and changes nothing on disk.

// hugeSize is the size of the torture folder's oversized text file: ten
// times MaxTextBytes. The file is sparse, so creating it writes nothing.
const hugeSize = 200 << 20

// deletedName is the torture file that setDeleteBeforeRead removes after
// the folder was listed and before the file is read.
const deletedName = "deleted-while-loading.txt"

// tortureCase is one entry of the torture folder.
type tortureCase struct {
	// name is the file name inside the folder.
	name string
	// data is the file's content, written with mode 0644 when create is nil.
	data []byte
	// create, when set, makes the entry at path instead. It returns false
	// when the case cannot be set up here (and logs why); it is then left
	// out.
	create func(t *testing.T, path string) bool
	// wantErr is a fragment of the reason Load must give; "" means the
	// file must load (unless ignored).
	wantErr string
	// ignored means the entry must be neither loaded nor reported (a
	// link back to a folder already read).
	ignored bool
	// wantText is a fragment the loaded Document's Text must hold.
	wantText string
	// absent are fragments the loaded Document's Text must not hold.
	absent []string
}

// tortureArticle is a short good article.
const tortureArticle = "Officials met on Tuesday to discuss the border.\n\nThe talks ended without a deal, a spokesman said.\n"

// tortureHTML is a page full of scripts, frames, remote images and other
// page furniture around a short article.
const tortureHTML = `<!doctype html><html><head><title>Council approves the budget</title>
<script src="https://tracker.example.com/t.js"></script>
<script>document.write("script text must not appear");</script>
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<style>body { background: url(https://cdn.example.com/bg.png) }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<iframe src="https://ads.example.com/frame">iframe text must not appear</iframe>
<article><h1>Council approves the budget</h1>
<img src="https://images.example.com/photo.jpg" alt="alt text must not appear" srcset="https://images.example.com/photo-2x.jpg 2x">
<p>The city council approved next year's budget on Monday after a debate that lasted into the night, with seven votes in favour and two against.</p>
<p>The budget adds money for road repairs and for two new libraries, and it keeps property taxes at this year's level, the mayor said in a statement.</p>
<p>Opponents said the plan relied on optimistic forecasts of sales tax revenue and would leave the city short if the economy slowed next spring.</p>
</article><script>var more = "more script text";</script>
<img src="https://pixel.example.com/p.gif"><footer>Copyright footer text</footer></body></html>`

// utf16WithBOM encodes s as UTF-16 with a byte order mark, big- or
// little-endian.
func utf16WithBOM(s string, bigEndian bool) []byte {
	b := []byte{0xFF, 0xFE}
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		hi, lo := byte(u>>8), byte(u)
		if bigEndian {
			b = append(b, hi, lo)
		} else {
			b = append(b, lo, hi)
		}
	}
	return b
}

// createSparse makes a file of size bytes without writing them.
func createSparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// symlinkTo returns a create function that makes a symbolic link to
// target (relative to the link's folder).
func symlinkTo(target string) func(t *testing.T, path string) bool {
	return func(t *testing.T, path string) bool {
		if err := os.Symlink(target, path); err != nil {
			t.Logf("symbolic links unavailable (%v): %s left out", err, filepath.Base(path))
			return false
		}
		return true
	}
}

// unreadableFile makes a file without read permission. Root reads any
// file whatever its mode, so as root the case is left out.
func unreadableFile(t *testing.T, path string) bool {
	if os.Geteuid() == 0 {
		t.Logf("running as root, which can read a file with mode 000: the permission-denied case is skipped")
		return false
	}
	if err := os.WriteFile(path, []byte(tortureArticle), 0o000); err != nil {
		t.Fatal(err)
	}
	return true
}

// tortureCases lists the torture folder: hostile inputs that must be
// reported, and odd but good ones that must load.
func tortureCases(t *testing.T) []tortureCase {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), make([]byte, 200)...)
	goodPDF := makePDF(t, [][]pdfRun{{{72, 700, 11, "A short report in a PDF file."}}}, "")
	return []tortureCase{
		// Bad files.
		{name: "empty.txt", data: []byte{}, wantErr: "empty file"},
		{name: "image.txt", data: png, wantErr: "binary file, not text (PNG image)"},
		{name: "huge.txt", wantErr: "file too large (200 MB; the limit is 20 MB)",
			create: func(t *testing.T, path string) bool { createSparse(t, path, hugeSize); return true }},
		{name: "truncated.pdf", data: goodPDF[:len(goodPDF)/2], wantErr: "corrupt PDF: truncated or damaged (no end-of-file marker)"},
		{name: "no-xref.pdf", data: []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%" + strings.Repeat(" padding", 20) + "\n%%EOF\n"),
			wantErr: "corrupt PDF: truncated or damaged (no cross-reference table)"},
		{name: "pdf-9.pdf", data: []byte("%PDF-9.0\n" + string(goodPDF[len("%PDF-1.4\n"):])),
			wantErr: `unsupported or damaged PDF header "%PDF-9.0" (PDF 1.0 to 2.0 can be read)`},
		{name: "html-saved-as.pdf", data: []byte("<html><body><p>Not a PDF.</p></body></html>"), wantErr: "not a PDF file (no %PDF header)"},
		{name: "scanned.pdf", data: contentPDF([]byte("0.5 g 72 600 300 100 re f 0 0 1 RG 2 w 50 50 m 500 700 l S")),
			wantErr: "no text layer (scanned PDF?)"},
		{name: "other-zip.docx", data: makeZip(t, map[string]string{"mimetype": "application/epub+zip", "OEBPS/ch1.xhtml": "<p>x</p>"},
			[]string{"mimetype", "OEBPS/ch1.xhtml"}), wantErr: "not a DOCX file (no word/document.xml)"},
		{name: "unreadable.txt", create: unreadableFile, wantErr: "permission denied"},
		{name: "loop-a.txt", create: symlinkTo("loop-b.txt"), wantErr: "symbolic link loop"},
		{name: "loop-b.txt", create: symlinkTo("loop-a.txt"), wantErr: "symbolic link loop"},
		{name: deletedName, data: []byte(tortureArticle), wantErr: "file was deleted or moved while loading"},
		{name: "notes.csv", data: []byte("a,b\n1,2\n"), wantErr: "unsupported file type .csv"},
		{name: "back-to-folder", create: symlinkTo("."), ignored: true},

		// Good files, some of them odd.
		{name: "plain.txt", data: []byte(tortureArticle), wantText: "The talks ended without a deal"},
		{name: "invalid-utf8.txt", data: []byte("Caf\xc3\xa9 owners in M\xc3\xa9xico \xff\xfe protest \xc3 the r\xc3\xa9gime\xe2\x80.\n"),
			wantText: "Café owners in México \uFFFD protest \uFFFD the régime\uFFFD."},
		{name: "utf16le.txt", data: utf16WithBOM("Caf\u00e9 “quoted” na\u00efve text 🙂.\n", false), wantText: "Café “quoted” naïve text 🙂."},
		{name: "utf16be.txt", data: utf16WithBOM("Caf\u00e9 “quoted” na\u00efve text 🙂.\n", true), wantText: "Café “quoted” naïve text 🙂."},
		{name: "cp1252.txt", data: []byte("The mayor called the rules \x93unfair\x94 and the council\x92s vote \x96 a mistake.\n"),
			wantText: "The mayor called the rules “unfair” and the council’s vote – a mistake."},
		{name: "page.html", data: []byte(tortureHTML), wantText: "The city council approved next year's budget",
			absent: []string{"script text", "iframe text", "alt text", "Copyright footer", "example.com"}},
		{name: "report.pdf", data: goodPDF, wantText: "A short report in a PDF file."},
		{name: "report-2.0.pdf", data: []byte("%PDF-2.0\n" + string(goodPDF[len("%PDF-1.4\n"):])), wantText: "A short report in a PDF file."},
		{name: "story.docx", data: sampleDOCX(t), wantText: "Officials met for a second day."},
		{name: "notes.md", data: []byte("# Heading\n\nA paragraph with *emphasis* and a [link](https://example.com).\n"),
			wantText: "A paragraph with emphasis and a link."},
		{name: "line\nbreak.txt", data: []byte("A file name with a line break.\n"), wantText: "A file name with a line break."},
		{name: "latin1-caf\xe9-\xff.txt", data: []byte("A file name that is not UTF-8.\n"), wantText: "A file name that is not UTF-8."},
	}
}

// fileState is what must not change about an input file.
type fileState struct {
	mode  fs.FileMode
	size  int64
	mtime int64    // modification time, Unix nanoseconds
	link  string   // a symbolic link's target
	sum   [32]byte // SHA-256 of a readable regular file's content
}

// snapshot records the state of every file and symbolic link under dir,
// without following links. Folders are left out: a folder's modification
// time changes when a test deletes a file in it.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{mode: info.Mode(), size: info.Size(), mtime: info.ModTime().UnixNano()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			if st.link, err = os.Readlink(path); err != nil {
				return err
			}
		case info.Mode().IsRegular():
			if f, err := os.Open(path); err == nil { // unreadable files keep a zero sum
				h := sha256.New()
				_, err = io.Copy(h, f)
				f.Close()
				if err != nil {
					return err
				}
				h.Sum(st.sum[:0])
			}
		}
		out[path] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// setReadHook installs testHookBeforeRead for the rest of the test.
func setReadHook(t *testing.T, hook func(path string)) {
	t.Helper()
	testHookBeforeRead = hook
	t.Cleanup(func() { testHookBeforeRead = nil })
}

// setDeleteBeforeRead makes Load delete the file at path after it was
// listed, just before reading it.
func setDeleteBeforeRead(t *testing.T, path string) {
	t.Helper()
	setReadHook(t, func(p string) {
		if p == path {
			if err := os.Remove(p); err != nil {
				t.Errorf("deleting %s: %v", p, err)
			}
		}
	})
}

// makeTortureFolder creates the cases under dir and returns those set up.
func makeTortureFolder(t *testing.T, dir string, cases []tortureCase) []tortureCase {
	t.Helper()
	var made []tortureCase
	for _, tc := range cases {
		path := filepath.Join(dir, tc.name)
		if tc.create != nil {
			if !tc.create(t, path) {
				continue
			}
		} else if err := os.WriteFile(path, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		made = append(made, tc)
	}
	return made
}

// TestTortureFolder loads the torture folder: every bad file is reported
// once with its reason and its name, every good file is loaded with its
// text, no reader panics, and no file on disk changes.
func TestTortureFolder(t *testing.T) {
	dir := t.TempDir()
	cases := makeTortureFolder(t, dir, tortureCases(t))
	before := snapshot(t, dir)
	setDeleteBeforeRead(t, filepath.Join(dir, deletedName))

	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docByPath := map[string]*Document{}
	for _, d := range docs {
		docByPath[d.Path] = d
	}
	errByPath := map[string]*FileError{}
	for _, e := range errs {
		if errByPath[e.Path] != nil {
			t.Errorf("%q reported twice", e.Path)
		}
		errByPath[e.Path] = e
	}
	want := 0
	for _, tc := range cases {
		if !tc.ignored {
			want++
		}
	}
	if len(docs)+len(errs) != want {
		t.Errorf("%d documents and %d errors for %d files", len(docs), len(errs), want)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			d, fe := docByPath[path], errByPath[path]
			switch {
			case tc.ignored:
				if d != nil || fe != nil {
					t.Errorf("loaded or reported: %v", fe)
				}
				return
			case tc.wantErr != "":
				checkFileError(t, fe, path, tc.wantErr)
				t.Log(fe)
				if d != nil {
					t.Errorf("bad file loaded as %q", d.Text)
				}
				return
			}
			if d == nil {
				t.Fatalf("not loaded: %v", fe)
			}
			checkDoc(t, d)
			if !strings.Contains(d.Text, tc.wantText) {
				t.Errorf("Text %q lacks %q", d.Text, tc.wantText)
			}
			for _, a := range tc.absent {
				if strings.Contains(d.Text, a) {
					t.Errorf("Text holds %q", a)
				}
			}
		})
	}

	after := snapshot(t, dir)
	delete(before, filepath.Join(dir, deletedName)) // deleted on purpose
	if len(after) != len(before) {
		t.Errorf("%d entries before loading, %d after", len(before), len(after))
	}
	for path, st := range before {
		if got, ok := after[path]; !ok || got != st {
			t.Errorf("%q changed: %+v, was %+v", path, got, st)
		}
	}
}

// checkFileError checks that fe reports path with a reason holding want,
// that its message starts with the file's name, and that the reason is
// not a recovered panic.
func checkFileError(t *testing.T, fe *FileError, path, want string) {
	t.Helper()
	if fe == nil {
		t.Fatalf("no error reported, want %q", want)
	}
	msg := fe.Error()
	if fe.Path != path || !strings.HasPrefix(msg, DisplayPath(path)+": ") {
		t.Errorf("error %q does not name %q", msg, path)
	}
	if !strings.Contains(fe.Err.Error(), want) {
		t.Errorf("reason %q, want it to hold %q", fe.Err, want)
	}
	if strings.Contains(msg, "internal error") {
		t.Errorf("a reader panicked: %s", msg)
	}
}

// TestHugeFileRefusedBySize checks that a 200 MB file is refused from
// its size, before it is read: loading it allocates a tiny fraction of
// its size.
func TestHugeFileRefusedBySize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	createSparse(t, path, hugeSize)

	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	docs, errs, err := Load(context.Background(), []string{path}, LoadOptions{})
	runtime.ReadMemStats(&m1)
	alloc := m1.TotalAlloc - m0.TotalAlloc
	t.Logf("loading the %d MB file allocated %d bytes", hugeSize>>20, alloc)

	if err != nil || len(docs) != 0 || len(errs) != 1 {
		t.Fatalf("%d docs, errors %v, err %v", len(docs), errs, err)
	}
	checkFileError(t, errs[0], path, fmt.Sprintf("file too large (%d MB; the limit is %d MB)", hugeSize>>20, MaxTextBytes>>20))
	if alloc > 1<<20 {
		t.Errorf("loading allocated %d bytes; the file was read instead of refused by its size", alloc)
	}
}

// TestReadAtMostChangedFile checks the guard behind the size check: a
// file whose size changed after it was looked at is read whole when it is
// still under MaxTextBytes, and refused from its new size, without being
// read, when it grew past it.
func TestReadAtMostChangedFile(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("Some words of text. ", 500) // 10,000 bytes
	tests := []struct {
		name     string
		statSize int64  // the size when it was looked at
		fileSize int64  // a sparse file of this size; 0: text
		wantErr  string // "": the file's text is read
		maxAlloc uint64
	}{
		{name: "unchanged", statSize: int64(len(text)), maxAlloc: 64 << 10},
		{name: "grew a little", statSize: 100, maxAlloc: 64 << 10},
		{name: "shrank", statSize: 1 << 20, maxAlloc: 2 << 20},
		{name: "size unknown", statSize: 0, maxAlloc: 64 << 10},
		{name: "grew past the limit", statSize: 100, fileSize: hugeSize, wantErr: "file too large (200 MB; the limit is 20 MB)", maxAlloc: 64 << 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".txt")
			if tc.fileSize > 0 {
				createSparse(t, path, tc.fileSize)
			} else if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			data, err := readAtMost(path, tc.statSize)
			runtime.ReadMemStats(&m1)
			if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > tc.maxAlloc {
				t.Errorf("reading allocated %d bytes, want at most %d", alloc, tc.maxAlloc)
			}
			switch {
			case tc.wantErr != "":
				if err == nil || err.Error() != tc.wantErr {
					t.Errorf("err = %v, want %q", err, tc.wantErr)
				}
			case err != nil:
				t.Errorf("err = %v", err)
			case string(data) != text:
				t.Errorf("read %d bytes, want the %d of the file", len(data), len(text))
			}
		})
	}
	t.Run("file that reports no size", func(t *testing.T) {
		// As a file whose metadata says 0 bytes (some network or FUSE
		// file systems): the buffer grows to the file.
		path := filepath.Join(t.TempDir(), "nosize.txt")
		text := strings.Repeat("Name: some text.\n", 10000)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := readAtMost(path, 0)
		if err != nil || string(data) != text {
			t.Errorf("read %d bytes, err %v", len(data), err)
		}
	})
	t.Run("system file", func(t *testing.T) {
		const status = "/proc/self/status" // size 0 in its metadata; /proc/kmsg would block
		if _, err := os.Stat(status); err != nil {
			t.Skipf("no %s here", status)
		}
		if _, err := readAtMost(status, 0); err == nil || !strings.Contains(err.Error(), "system file (/proc)") {
			t.Errorf("err %v, want a system file refused", err)
		}
	})
}

// TestLoadTenThousandTinyFiles loads a folder of 10,000 one-line
// articles: all load, in order, without a hang (BenchmarkLoadFolder
// measures the speed).
func TestLoadTenThousandTinyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 files: skipped in -short mode")
	}
	const n = 10000
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Tiny article number %d says hello.", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("tiny_%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	took := time.Since(start)
	t.Logf("loaded %d tiny files in %v", len(docs), took)
	if err != nil || len(errs) != 0 || len(docs) != n {
		t.Fatalf("%d docs, %d errors, err %v", len(docs), len(errs), err)
	}
	for i, d := range docs {
		if filepath.Base(d.Path) != fmt.Sprintf("tiny_%05d.txt", i) || d.Text != fmt.Sprintf("Tiny article number %d says hello.", i) {
			t.Fatalf("document %d is %s: %q", i, d.Path, d.Text)
		}
	}
	if limit := hangLimit(20 * time.Second); took > limit {
		t.Errorf("loading took %v (limit %v)", took, limit)
	}
}

// TestFileErrorOddPaths checks that error messages stay one readable
// line for file names with line breaks or bytes that are not UTF-8.
func TestFileErrorOddPaths(t *testing.T) {
	tests := []struct{ path, want string }{
		{"dir/plain name.txt", "dir/plain name.txt: empty file"},
		{"dir/Café “x”.txt", "dir/Café “x”.txt: empty file"},
		{"dir/line\nbreak.txt", `"dir/line\nbreak.txt": empty file`},
		{"dir/caf\xe9.txt", `"dir/caf\xe9.txt": empty file`},
		{"dir/tab\there.txt", `"dir/tab\there.txt": empty file`},
	}
	for _, tc := range tests {
		if got := (&FileError{Path: tc.path, Err: errEmpty}).Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

// TestDeletedWhileLoadingKeepsErrNotExist checks that the plainer reason
// for a file deleted during loading still unwraps to fs.ErrNotExist.
func TestDeletedWhileLoadingKeepsErrNotExist(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": tortureArticle, "b.txt": tortureArticle})
	setDeleteBeforeRead(t, filepath.Join(dir, "b.txt"))
	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil || len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("%d docs, errors %v, err %v", len(docs), errs, err)
	}
	if !errors.Is(errs[0], fs.ErrNotExist) {
		t.Errorf("%v does not unwrap to fs.ErrNotExist", errs[0])
	}
}
