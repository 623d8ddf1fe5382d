package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress shows a long command's progress on one line of a terminal,
// rewritten at most ten times a second; it shows nothing when the stream
// is not a terminal (a file, a pipe, a test's buffer).
type progress struct {
	w    io.Writer // nil: not a terminal
	last time.Time
	line bool // a progress line is on screen
}

// newProgress returns a progress for w.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return &progress{}
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{w: w}
}

// show writes the formatted progress, unless the last was very recent.
// It is called one call at a time (the callers' contracts).
func (p *progress) show(format string, a ...any) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\033[Kparallax: "+format, a...)
	p.line = true
}

// done clears the progress line.
func (p *progress) done() {
	if p.line {
		fmt.Fprint(p.w, "\r\033[K")
		p.line = false
	}
	p.last = time.Time{}
}
