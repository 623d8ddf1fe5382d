//go:build unix

package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"parallax/corpus"
)

// TestCancelKillsHangingReader opens a folder whose HTML page goes to a
// reader child that greets and then never answers (a stand-in for a
// reader stuck in a hostile file), presses Cancel, and checks that the
// opening ends at once and the child is gone.
func TestCancelKillsHangingReader(t *testing.T) {
	var mu sync.Mutex
	var started []*exec.Cmd
	old := corpus.ReaderCommand
	corpus.StopReaders()
	corpus.ReaderCommand = func() *exec.Cmd {
		// The greeting is corpus's readerHello; then the child sleeps
		// without reading its request.
		cmd := exec.Command("/bin/sh", "-c", `printf 'parallax-reader-1\n'; exec sleep 600`)
		mu.Lock()
		started = append(started, cmd)
		mu.Unlock()
		return cmd
	}
	t.Cleanup(func() { corpus.ReaderCommand = old; corpus.StopReaders() })

	dir := t.TempDir()
	page := "<html><body><p>" + "The council met on Monday and voted on the budget." + "</p></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "stuck.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Title\n\nThe council met on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := newTestController(t, sample(t))
	opened := make(chan bool, 1)
	c.onOpened = func(cancelled bool) { opened <- cancelled }
	c.Open([]string{dir}, false)
	// Wait until the stuck child runs, then Cancel as the dialog does.
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(started)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the request is sent
	start := time.Now()
	c.loadDialog.Hide()
	select {
	case cancelled := <-opened:
		if !cancelled {
			t.Error("the folder opened although Cancel was pressed")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not end the opening while a reader hung")
	}
	t.Logf("opening ended %v after Cancel", time.Since(start))
	mu.Lock()
	defer mu.Unlock()
	if len(started) == 0 {
		t.Fatal("no reader child started")
	}
	for _, cmd := range started {
		if cmd.Process == nil {
			continue
		}
		pid := cmd.Process.Pid
		gone := time.Now().Add(2 * time.Second)
		for syscall.Kill(pid, 0) == nil && time.Now().Before(gone) {
			time.Sleep(10 * time.Millisecond)
		}
		if syscall.Kill(pid, 0) == nil {
			t.Errorf("reader child %d still running after Cancel", pid)
		}
	}
}
