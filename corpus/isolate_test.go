package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"parallax/analysis"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Test-only readers, registered in the test binary, which is also the
// reader child of its own tests (see ReaderChildEnv): they misbehave in
// the ways a broken reader can. They are registered by a variable's
// initialiser, which runs before the package's init that turns the
// process into a child.
var _ = registerHostileReaders()

// oomKeep holds what the ".oom" test reader allocates, so the collector cannot free it.
var oomKeep [][]byte

// registerHostileReaders adds the .crash, .oom, .hang and .spew readers.
func registerHostileReaders() bool {
	hostile := map[string]reader{
		// A panic on another goroutine: recover cannot catch it.
		".crash": func(string, []byte) (*Document, error) {
			done := make(chan struct{})
			go func() { panic("a reader bug") }()
			<-done
			return nil, nil
		},
		// Allocates and touches memory until the limit stops it.
		".oom": func(string, []byte) (*Document, error) {
			for {
				b := make([]byte, 8<<20)
				for i := 0; i < len(b); i += 4096 {
					b[i] = 1
				}
				oomKeep = append(oomKeep, b) // a package variable, so the memory stays live
			}
		},
		// Burns a core for ten minutes.
		".hang": func(string, []byte) (*Document, error) {
			end := time.Now().Add(10 * time.Minute)
			for time.Now().Before(end) {
			}
			return nil, errors.New("hang ended")
		},
		// Answers with a document larger than the answer cap.
		".spew": func(name string, _ []byte) (*Document, error) {
			// 1.5 MB of sentences of 48 KB (under the sentence budget).
			unit := "Spew" + strings.Repeat(" spew", 10000) + ". "
			text := strings.Repeat(unit, 32)
			var sents []Sentence
			for i := 0; i < len(text); i += len(unit) {
				sents = append(sents, Sentence{Span: analysis.Span{Start: i, End: i + len(unit) - 1}})
			}
			return &Document{Path: name, Text: text, Sentences: sents}, nil
		},
	}
	for ext, rd := range hostile {
		readers[ext] = rd
		isolatedExts[ext] = strings.ToUpper(ext[1:])
	}
	return true
}

// TestIsolatedReaderFailures loads a folder where readers crash and run
// out of memory, next to good files of every isolated
// format: each bad file is named with its reason, every good one is read,
// and this process keeps its memory. (The deadline is a hang detector
// here; TestReaderDeadline tests it.)
func TestIsolatedReaderFailures(t *testing.T) {
	if ReaderCommand == nil || ReaderCommand() == nil {
		t.Skip("no reader child here")
	}
	oldTimeout, oldCap, oldMem := ReaderTimeout, maxAnswerBytes, ReaderMemoryLimit
	// Small limits: page faults are slow on some machines.
	ReaderTimeout, maxAnswerBytes, ReaderMemoryLimit = 60*time.Second, 256<<10, 96<<20
	StopReaders() // children started with other limits
	t.Cleanup(func() {
		ReaderTimeout, maxAnswerBytes, ReaderMemoryLimit = oldTimeout, oldCap, oldMem
		StopReaders()
	})

	dir := t.TempDir()
	goodPDF := makePDF(t, [][]pdfRun{{{72, 700, 11, "A short report in a PDF file."}}}, "")
	files := map[string][]byte{
		"a.crash":   []byte("x"),
		"b.oom":     []byte("x"),
		"good.pdf":  goodPDF,
		"good.docx": sampleDOCX(t),
		"good.html": []byte(tortureHTML),
		"good.txt":  []byte(tortureArticle),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a hang detector
	defer cancel()
	docs, errs, err := Load(ctx, []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	if m1.HeapInuse > 1<<30 {
		t.Errorf("this process holds %d MB of heap", m1.HeapInuse>>20)
	}
	want := map[string]string{
		"a.crash": "CRASH reader crashed (panic: a reader bug)",
		"b.oom":   "OOM reader ran out of memory",
	}
	for _, e := range errs {
		base := filepath.Base(e.Path)
		w, ok := want[base]
		if !ok {
			t.Errorf("unexpected error %v", e)
			continue
		}
		checkFileError(t, e, filepath.Join(dir, base), w)
		t.Log(e)
		delete(want, base)
	}
	for name := range want {
		t.Errorf("%s not reported", name)
	}
	if len(docs) != 4 {
		t.Errorf("%d good documents read, want 4", len(docs))
	}
}

// TestReaderAnswerCap reads a file whose reader answers more than the
// answer cap: it is named, and the good file next to it is read. (Apart
// from TestIsolatedReaderFailures, under the default memory limit: under
// that test's small one a loaded machine's extra threads could run the
// child out of address space before it answered.)
func TestReaderAnswerCap(t *testing.T) {
	if ReaderCommand == nil || ReaderCommand() == nil {
		t.Skip("no reader child here")
	}
	old := maxAnswerBytes
	maxAnswerBytes = 256 << 10
	t.Cleanup(func() { maxAnswerBytes = old })
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d.spew": "x", "good.txt": tortureArticle})
	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil || len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("%d docs, errors %v, err %v", len(docs), errs, err)
	}
	checkFileError(t, errs[0], filepath.Join(dir, "d.spew"), "SPEW reader's output is over the limit (256 KB)")
}

// TestReaderDeadline reads a file whose reader never ends: it is named
// once the deadline passes, and the good file next to it is read.
func TestReaderDeadline(t *testing.T) {
	if ReaderCommand == nil || ReaderCommand() == nil {
		t.Skip("no reader child here")
	}
	old := ReaderTimeout
	ReaderTimeout = 2 * time.Second
	t.Cleanup(func() { ReaderTimeout = old })
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"c.hang": "x", "good.html": tortureHTML})
	docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil || len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("%d docs, errors %v, err %v", len(docs), errs, err)
	}
	checkFileError(t, errs[0], filepath.Join(dir, "c.hang"), "HANG reader took longer than 2s (stopped)")
}

// TestCancelKillsReaders cancels a load while a reader child burns a
// core: Load returns at once and no reader child is left running.
func TestCancelKillsReaders(t *testing.T) {
	if ReaderCommand == nil || ReaderCommand() == nil || runtime.GOOS == "windows" {
		t.Skip("no reader child here")
	}
	dir := t.TempDir()
	for _, name := range []string{"a.hang", "b.hang", "c.hang"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, dir, map[string]string{"good.txt": tortureArticle})
	ctx, cancel := context.WithCancel(context.Background())
	seen := map[int]bool{}
	done := make(chan error, 1)
	go func() {
		_, _, err := Load(ctx, []string{dir}, LoadOptions{})
		done <- err
	}()
	deadline := time.Now().Add(30 * time.Second)
	for len(seen) == 0 && time.Now().Before(deadline) {
		for _, pid := range readerPool.pids() {
			seen[pid] = true
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(seen) == 0 {
		t.Fatal("no reader child started")
	}
	time.Sleep(100 * time.Millisecond)
	for _, pid := range readerPool.pids() {
		seen[pid] = true
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Load returned %v, want context.Canceled", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Load did not return after Cancel")
	}
	if left := readerPool.pids(); len(left) != 0 {
		t.Errorf("children %v still in the pool", left)
	}
	for pid := range seen {
		if processAlive(pid) {
			t.Errorf("reader child %d still running after Cancel", pid)
		}
	}
}

// BenchmarkLoadSmallPDFs loads a folder of 1,000 one-page PDFs with the
// readers in child processes (the default) and in this process, for the
// cost of isolation.
func BenchmarkLoadSmallPDFs(b *testing.B) {
	dir := b.TempDir()
	for i := range 1000 {
		pdf := makePDF(b, [][]pdfRun{{{72, 700, 11, "Officials met on Tuesday to discuss the border."},
			{72, 680, 11, "The talks ended without a deal, a spokesman said."}}}, "")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.pdf", i)), pdf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	run := func(b *testing.B) {
		for b.Loop() {
			docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
			if err != nil || len(errs) != 0 || len(docs) != 1000 {
				b.Fatalf("%d docs, %d errors, err %v", len(docs), len(errs), err)
			}
		}
	}
	b.Run("isolated", run)
	b.Run("in-process", func(b *testing.B) {
		old := ReaderCommand
		ReaderCommand = nil
		defer func() { ReaderCommand = old }()
		run(b)
	})
}
