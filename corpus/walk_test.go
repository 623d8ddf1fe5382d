//go:build linux

package corpus

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs Load on paths and fails the test when it has not
// returned within a generous limit (a hang detector, not a timing test).
func loadWithin(t *testing.T, paths []string, opts LoadOptions) ([]*Document, []*FileError) {
	t.Helper()
	type result struct {
		docs []*Document
		errs []*FileError
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		d, e, err := Load(context.Background(), paths, opts)
		ch <- result{d, e, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.docs, r.errs
	case <-time.After(60 * time.Second):
		t.Fatal("Load hung")
	}
	return nil, nil
}

// errorsByName maps the base name of each file error to its reason.
func errorsByName(errs []*FileError) map[string]string {
	out := map[string]string{}
	for _, e := range errs {
		out[filepath.Base(e.Path)] = e.Err.Error()
	}
	return out
}

// TestLoadHostileFolder walks a folder holding, beside good articles,
// links to "/", /proc, /proc/kmsg and /dev/zero, a link to a folder
// outside it, a named pipe and a socket: every one is named with its
// reason, nothing blocks, and the good articles are read.
func TestLoadHostileFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "First article text.", "sub/b.txt": "Second article text."})
	writeFiles(t, outside, map[string]string{"c.txt": "Outside article text."})
	links := map[string]string{
		"root":      "/",
		"proc":      "/proc",
		"kmsg.txt":  "/proc/kmsg",
		"zero.txt":  "/dev/zero",
		"elsewhere": outside,
		"up":        filepath.Dir(dir),
		"loop":      dir,
		"ok.txt":    filepath.Join(outside, "c.txt"), // a link to a file outside is read
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	docs, errs := loadWithin(t, []string{dir}, LoadOptions{})
	var got []string
	for _, d := range docs {
		got = append(got, filepath.Base(d.Path))
	}
	if strings.Join(got, " ") != "a.txt ok.txt b.txt" {
		t.Errorf("docs = %v, want a.txt ok.txt b.txt", got)
	}
	want := map[string]string{
		"root":      "outside the opened folder",
		"proc":      "system folder",
		"kmsg.txt":  "system folder",
		"zero.txt":  "system folder",
		"elsewhere": "outside the opened folder",
		"up":        "outside the opened folder",
		"pipe.txt":  "named pipe",
		"sock.txt":  "socket",
	}
	byName := errorsByName(errs)
	for name, reason := range want {
		if !strings.Contains(byName[name], reason) {
			t.Errorf("%s: reason %q, want one with %q", name, byName[name], reason)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d: %v", len(errs), len(want), errs)
	}
}

// TestLoadSystemFiles reads system files named directly: they are refused
// by what the opened descriptor is, without blocking.
func TestLoadSystemFiles(t *testing.T) {
	dir := t.TempDir()
	for name, target := range map[string]string{"kmsg.txt": "/proc/kmsg", "version.txt": "/proc/version", "null.txt": "/dev/null"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	paths := []string{filepath.Join(dir, "kmsg.txt"), filepath.Join(dir, "version.txt"), filepath.Join(dir, "null.txt")}
	docs, errs := loadWithin(t, paths, LoadOptions{})
	if len(docs) != 0 || len(errs) != 3 {
		t.Fatalf("docs %d, errors %v; want 3 errors", len(docs), errs)
	}
	byName := errorsByName(errs)
	for name, reason := range map[string]string{"kmsg.txt": "system file", "version.txt": "system file", "null.txt": "character device"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			continue // not on this system
		}
		if !strings.Contains(byName[name], reason) && !strings.Contains(byName[name], "permission denied") {
			t.Errorf("%s: reason %q, want one with %q", name, byName[name], reason)
		}
	}
}

// TestLoadFIFOSwappedIn replaces a listed file with a named pipe just
// before it is read: the open does not block and the pipe is named.
func TestLoadFIFOSwappedIn(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "First article text.", "b.txt": "Second article text."})
	pipe := filepath.Join(dir, "b.txt")
	testHookBeforeRead = func(path string) {
		if path == pipe {
			if err := os.Remove(path); err != nil {
				t.Error(err)
			}
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	defer func() { testHookBeforeRead = nil }()
	docs, errs := loadWithin(t, []string{dir}, LoadOptions{})
	if len(docs) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.txt: a named pipe (FIFO)") {
		t.Errorf("docs %d, errors %v; want a.txt read and b.txt named as a pipe", len(docs), errs)
	}
}

// TestLoadDeepTree walks a folder 2,100 levels deep (each level holding
// an article): the levels to MaxDepth are read, the deeper folder is
// named, quickly.
func TestLoadDeepTree(t *testing.T) {
	dir := t.TempDir()
	// Built with Mkdirat relative to the previous level: the whole path
	// is longer than the system allows in one name.
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	const levels = 2100
	for i := range levels {
		if err := syscall.Mkdirat(fd, "d", 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := syscall.Openat(fd, "d", syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
		if err != nil {
			t.Fatal(err)
		}
		syscall.Close(fd)
		fd = next
		if i < MaxDepth+2 {
			f, err := syscall.Openat(fd, "a.txt", syscall.O_WRONLY|syscall.O_CREAT, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			syscall.Write(f, []byte("An article at this level."))
			syscall.Close(f)
		}
	}
	syscall.Close(fd)
	t.Cleanup(func() { removeDeep(t, dir) })

	var found []int
	docs, errs := loadWithin(t, []string{dir}, LoadOptions{Listing: func(n int) { found = append(found, n) }})
	if len(docs) != MaxDepth {
		t.Errorf("%d articles read, want %d", len(docs), MaxDepth)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "nested more than") {
		t.Errorf("errors %v, want the folder past the depth limit named", errs)
	}
	if len(found) == 0 || found[len(found)-1] != MaxDepth {
		t.Errorf("listing calls %v, want a last one of %d", found, MaxDepth)
	}
}

// removeDeep removes a folder tree too deep for os.RemoveAll's paths by
// renaming its deepest levels up, a few at a time.
func removeDeep(t *testing.T, dir string) {
	for {
		p := dir
		n := 0
		for ; n < 100; n++ {
			if _, err := os.Lstat(filepath.Join(p, "d")); err != nil {
				break
			}
			p = filepath.Join(p, "d")
		}
		if _, err := os.Lstat(filepath.Join(p, "d")); err != nil {
			if err := os.RemoveAll(filepath.Join(dir, "d")); err != nil {
				t.Error(err)
			}
			return
		}
		// Move the part below p up next to dir's top, then remove the rest.
		tmp := filepath.Join(dir, "rest")
		if err := os.Rename(filepath.Join(p, "d"), tmp); err != nil {
			t.Error(err)
			return
		}
		if err := os.RemoveAll(filepath.Join(dir, "d")); err != nil {
			t.Error(err)
			return
		}
		if err := os.Rename(tmp, filepath.Join(dir, "d")); err != nil {
			t.Error(err)
			return
		}
	}
}

// TestLoadFileCap lists a folder of more files than the cap (lowered for
// the test): the walk stops at the cap with a message on the folder,
// and the files before it are read; Listing counts up to the cap.
func TestLoadFileCap(t *testing.T) {
	defer func(n int) { maxFiles = n }(maxFiles)
	maxFiles = 600
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 700 {
		files[fmt.Sprintf("f%04d.txt", i)] = "A tiny article."
	}
	writeFiles(t, dir, files)
	last, calls := 0, 0
	docs, errs := loadWithin(t, []string{dir}, LoadOptions{Listing: func(n int) {
		if n < last {
			t.Errorf("listing went down from %d to %d", last, n)
		}
		last = n
		calls++
	}})
	if len(docs) != 600 {
		t.Errorf("%d articles read, want 600", len(docs))
	}
	if len(errs) != 1 || errs[0].Path != filepath.Join(dir, "f0600.txt") || !strings.Contains(errs[0].Error(), "more than 600 files") {
		t.Errorf("errors %v, want the cap named", errs)
	}
	if last != 600 || calls != 3 {
		t.Errorf("listing: %d calls, last %d; want 3 calls, last 600", calls, last)
	}
}

// TestLoadRefusedIdentity checks that a folder is refused by its identity
// whatever the path to it, as a bind mount of "/" inside an opened folder
// would be (mounting needs privileges the tests do not assume).
func TestLoadRefusedIdentity(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "First article text.", "mnt/b.txt": "Second article text."})
	w := &walker{ctx: context.Background(), seenFiles: map[dirKey]bool{}, visitedDirs: map[dirKey]bool{}, refused: map[dirKey]string{}}
	w.refuse(filepath.Join(dir, "mnt"), "the whole file system (/), linked or mounted here: not read")
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.walk(dir, info, 0); err != nil {
		t.Fatal(err)
	}
	if len(w.items) != 2 || w.items[0].path != filepath.Join(dir, "a.txt") || w.items[1].err == nil ||
		!strings.Contains(w.items[1].err.Error(), "mnt: the whole file system") {
		t.Errorf("items %+v, want a.txt and mnt refused", w.items)
	}
}

// TestLoadCancelWhileListing cancels while a folder of 2,000 files is
// being listed: Load stops there with the context's error and reads
// nothing.
func TestLoadCancelWhileListing(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 2000 {
		files[fmt.Sprintf("s%d/f%04d.txt", i%20, i)] = "A tiny article."
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	read := 0
	docs, _, err := Load(ctx, []string{dir}, LoadOptions{
		Listing:  func(int) { cancel() },
		Progress: func(int, int) { read++ },
	})
	if err != context.Canceled || len(docs) != 0 || read != 0 {
		t.Errorf("err %v, %d docs, %d read; want context.Canceled and nothing read", err, len(docs), read)
	}
}

// BenchmarkLoad100000TinyFiles lists and reads a generated folder of
// 100,000 one-line articles (the file cap) in 100 subfolders.
func BenchmarkLoad100000TinyFiles(b *testing.B) {
	dir := b.TempDir()
	for i := range MaxFiles {
		sub := filepath.Join(dir, fmt.Sprintf("s%02d", i%100))
		if i < 100 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		text := fmt.Sprintf("Tiny article %d: the council of Ward %d met on Tuesday.\n", i, i%500)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		docs, errs, err := Load(context.Background(), []string{dir}, LoadOptions{})
		if err != nil || len(errs) != 0 || len(docs) != MaxFiles {
			b.Fatalf("%d docs, %d errors, %v", len(docs), len(errs), err)
		}
	}
}
