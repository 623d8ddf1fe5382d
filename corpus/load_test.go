package corpus

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// writeFiles creates files (relative path -> content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoad reads a folder with good files, bad files, unsupported and
// hidden files, a nested folder and a symbolic link loop, plus explicit
// files, and checks order, errors and that every good file is loaded.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":           "Second article text.",
		"a.txt":           "First article text.",
		"c.md":            "# Third\n\nThird article text.",
		"bad.txt":         "\x89PNG\r\n\x1a\n\x00\x00\x00",
		"empty.txt":       "",
		"notes.csv":       "a,b",
		".hidden.txt":     "Hidden text.",
		".git/config.txt": "Hidden folder.",
		"sub/d.html":      "<html><body><p>Fourth article text.</p></body></html>",
		"sub/e.txt":       "Fifth article text.",
		"z/readme":        "No extension.",
	})
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(t.TempDir(), "extra.txt")
	writeFiles(t, filepath.Dir(extra), map[string]string{"extra.txt": "Extra article text."})

	// Progress is called one call at a time (no lock here: the race
	// detector would see concurrent calls), counting up by one.
	var calls atomic.Int64
	maxDone, lastTotal := 0, 0
	docs, errs, err := Load(context.Background(), []string{extra, dir, filepath.Join(dir, "a.txt"), filepath.Join(dir, "nope.txt")}, LoadOptions{
		Progress: func(done, total int) {
			calls.Add(1)
			if done != maxDone+1 {
				t.Errorf("progress went from %d to %d", maxDone, done)
			}
			maxDone = done
			lastTotal = total
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var gotDocs []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Path)
		if strings.HasPrefix(rel, "..") {
			rel = filepath.Base(d.Path)
		}
		gotDocs = append(gotDocs, filepath.ToSlash(rel))
		checkDoc(t, d)
	}
	wantDocs := []string{"extra.txt", "a.txt", "b.txt", "c.md", "sub/d.html", "sub/e.txt"}
	if strings.Join(gotDocs, " ") != strings.Join(wantDocs, " ") {
		t.Errorf("docs = %v, want %v", gotDocs, wantDocs)
	}
	var gotErrs []string
	for _, e := range errs {
		rel, _ := filepath.Rel(dir, e.Path)
		gotErrs = append(gotErrs, filepath.ToSlash(rel)+": "+e.Err.Error())
	}
	wantErrs := []string{
		"bad.txt: binary file, not text (PNG image)",
		"broken.txt: broken symbolic link (its target does not exist)",
		"empty.txt: empty file",
		"notes.csv: unsupported file type .csv",
		"z/readme: unsupported file type (no extension)",
		"nope.txt: no such file or directory",
	}
	if strings.Join(gotErrs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(gotErrs, "\n"), strings.Join(wantErrs, "\n"))
	}
	if calls.Load() != 8 || maxDone != 8 || lastTotal != 8 {
		t.Errorf("progress: %d calls, max done %d, total %d; want 8", calls.Load(), maxDone, lastTotal)
	}
}

// TestLoadDeterministic loads the same folder twice.
func TestLoadDeterministic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("f%02d.txt", i)] = fmt.Sprintf("Article number %d.\nIt has a second line.", i)
	}
	writeFiles(t, dir, files)
	a, _, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := Load(context.Background(), []string{dir}, LoadOptions{})
	if len(a) != 40 || len(b) != 40 {
		t.Fatalf("got %d and %d docs", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || a[i].Text != b[i].Text || !strings.HasSuffix(a[i].Path, fmt.Sprintf("f%02d.txt", i)) {
			t.Fatalf("order differs at %d: %s %s", i, a[i].Path, b[i].Path)
		}
	}
}

// TestLoadCancel checks that Load stops when its context is cancelled and
// returns what it read with ctx.Err().
func TestLoadCancel(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, newsFiles(200, 1))

	t.Run("before start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		docs, _, err := Load(ctx, []string{dir}, LoadOptions{})
		if !errors.Is(err, context.Canceled) || len(docs) != 0 {
			t.Errorf("err = %v, %d docs", err, len(docs))
		}
	})
	t.Run("during load", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		start := time.Now()
		docs, errs, err := Load(ctx, []string{dir}, LoadOptions{Progress: func(done, total int) {
			if done == 5 {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
		if len(docs) < 5 || len(docs) >= 200 || len(errs) != 0 {
			t.Errorf("%d docs, %d errors after cancel", len(docs), len(errs))
		}
		for i := 1; i < len(docs); i++ {
			if docs[i-1].Path >= docs[i].Path {
				t.Errorf("docs out of order: %s, %s", docs[i-1].Path, docs[i].Path)
			}
		}
		if time.Since(start) > 10*time.Second {
			t.Errorf("cancel took %v", time.Since(start))
		}
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
		defer cancel()
		time.Sleep(time.Millisecond)
		_, _, err := Load(ctx, []string{dir}, LoadOptions{})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v", err)
		}
	})
}

// TestLoadEmpty checks Load with nothing to read.
func TestLoadEmpty(t *testing.T) {
	docs, errs, err := Load(context.Background(), nil, LoadOptions{})
	if err != nil || len(docs) != 0 || len(errs) != 0 {
		t.Errorf("got %v %v %v", docs, errs, err)
	}
	docs, errs, err = Load(context.Background(), []string{t.TempDir()}, LoadOptions{})
	if err != nil || len(docs) != 0 || len(errs) != 0 {
		t.Errorf("empty folder: got %v %v %v", docs, errs, err)
	}
}

// TestLoadUnreadableFolder checks a folder that cannot be listed.
func TestLoadUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any folder")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked/a.txt": "Text.", "ok.txt": "Fine text."})
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil || len(docs) != 1 || len(errs) != 1 || errs[0].Path != locked {
		t.Errorf("docs %d errs %v err %v", len(docs), errs, err)
	}
}

// newsSentences are building blocks for generated articles.
var newsSentences = []string{
	"Officials from both countries met on Wednesday to discuss the surge in migration at the southern border.",
	"The talks, which lasted more than four hours, ended without a formal agreement, according to people familiar with the discussions.",
	"“We are committed to working together on this shared challenge,” the secretary of state said in a statement.",
	"Mexico has deployed thousands of National Guard troops to its northern and southern borders since 2019.",
	"Critics said the measures pushed migrants toward more dangerous routes through the desert.",
	"The number of apprehensions fell by nearly half in January, according to preliminary data from U.S. Customs and Border Protection.",
	"Lawmakers in Washington remain divided over a package that would pair border security with aid for Ukraine and Israel.",
	"Aid groups in Tijuana reported that shelters were operating at full capacity for the third consecutive month.",
	"The president is expected to travel to the region next month, his spokeswoman said on Thursday.",
	"Analysts cautioned that seasonal patterns make it difficult to draw conclusions from a few weeks of figures.",
}

// newsFiles generates n articles of about 4 KB: a headline, paragraphs of
// news-like sentences and a promo line.
func newsFiles(n int, seed int64) map[string]string {
	rng := rand.New(rand.NewSource(seed))
	files := make(map[string]string, n)
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Border talks continue as officials weigh new measures %d\n\n", i)
		for b.Len() < 4000 {
			for k := 0; k < 3; k++ {
				b.WriteString(newsSentences[rng.Intn(len(newsSentences))])
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		b.WriteString("For the latest news, weather, sports, and streaming video, head to The Hill.\n")
		files[fmt.Sprintf("article_%04d.txt", i)] = b.String()
	}
	return files
}

// BenchmarkLoadFolder loads a folder of 1,000 generated ~4 KB articles.
func BenchmarkLoadFolder(b *testing.B) {
	dir := b.TempDir()
	files := newsFiles(1000, 42)
	writeFiles(b, dir, files)
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil || len(errs) != 0 || len(docs) != 1000 {
			b.Fatalf("%d docs, %d errors, %v", len(docs), len(errs), err)
		}
	}
}
