package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Reader isolation. The readers of complex formats (PDF, DOCX, HTML) and
// every file over InProcessLimit run in a child process of the same
// binary, started as "<binary> __read" with ReaderChildEnv set. The child
// lowers its own memory limit, then serves requests from stdin until it
// is closed: each request and each answer is one frame, a 4-byte
// big-endian length followed by a gob value. A child that crashes, runs
// out of memory, takes longer than ReaderTimeout or answers more than
// maxAnswerBytes is killed, and that one file gets a named error ("PDF
// reader ran out of memory"); the others are read by other children.
// Children are kept in a small pool and reused, so that a folder of small
// PDFs does not start one process per file; idle ones exit after
// readerIdle.

// ReaderSubcommand is the hidden command-line subcommand that makes the
// binary a reader child (see ServeReader).
const ReaderSubcommand = "__read"

// ReaderChildEnv is the environment variable set (to "1") in reader
// children. A binary that imports this package and is started with it
// serves reader requests on stdin and stdout and exits, before its own
// main or TestMain runs: this is what makes isolation work in every test
// binary without extra wiring.
const ReaderChildEnv = "PARALLAX_READER_CHILD"

// InProcessLimit is the size under which plain text and Markdown files
// are read in this process; larger ones, and every PDF, DOCX and HTML
// file, are read in a child.
const InProcessLimit = 1 << 20

// ReaderTimeout is how long a child may take over one file.
var ReaderTimeout = 10 * time.Second

// ReaderMemoryLimit bounds what a child may allocate beyond the address
// space it started with (Linux: RLIMIT_AS; elsewhere the Go runtime's
// soft limit only).
var ReaderMemoryLimit int64 = 768 << 20

// ReaderCommand, when set, builds the command that starts a reader child
// (by default the running binary with ReaderSubcommand). Setting it to a
// function that returns nil reads every file in this process.
var ReaderCommand func() *exec.Cmd = defaultReaderCommand

// maxAnswerBytes caps one answer frame from a child: the document's text
// is at most maxExtractedText, and its spans and metadata take a few
// times that. A variable for tests.
var maxAnswerBytes = 8 * maxExtractedText

// readerIdle is how long an idle child waits in the pool before it is
// closed.
const readerIdle = 5 * time.Second

// readerMemoryEnv passes ReaderMemoryLimit to a child.
const readerMemoryEnv = "PARALLAX_READER_MEMORY"

// readerHello is what a child writes once it is ready to serve.
const readerHello = "parallax-reader-1\n"

// isolatedExts are the extensions whose readers always run in a child.
var isolatedExts = map[string]string{
	".pdf":   "PDF",
	".docx":  "DOCX",
	".html":  "HTML",
	".htm":   "HTML",
	".xhtml": "HTML",
}

func init() {
	if os.Getenv(ReaderChildEnv) == "1" {
		os.Exit(ServeReader(os.Stdin, os.Stdout))
	}
}

// readRequest is one file sent to a child.
type readRequest struct {
	Name string
	Data []byte
}

// readAnswer is a child's answer: a document or the reason it could not
// be read.
type readAnswer struct {
	Doc *Document
	Err string
}

// ServeReader is the reader child's main loop: it limits its own memory,
// writes readerHello, then answers requests read from in until in ends.
// It returns the process exit code.
func ServeReader(in io.Reader, out io.Writer) int {
	if v, err := strconv.ParseInt(os.Getenv(readerMemoryEnv), 10, 64); err == nil && v > 0 {
		ReaderMemoryLimit = v
	}
	limitChildMemory(ReaderMemoryLimit)
	// The parent is the judge of time; this is only a backstop for a child
	// left behind by a parent that died while it was reading.
	watchdog := time.AfterFunc(time.Hour, func() { os.Exit(3) })
	w := bufio.NewWriter(out)
	if _, err := io.WriteString(w, readerHello); err != nil || w.Flush() != nil {
		return 1
	}
	r := bufio.NewReader(in)
	for {
		var req readRequest
		if err := readFrame(r, 0, &req); err != nil {
			if err == io.EOF {
				return 0
			}
			fmt.Fprintln(os.Stderr, "parallax reader:", err)
			return 1
		}
		watchdog.Reset(4 * ReaderTimeout)
		var ans readAnswer
		doc, err := Parse(req.Name, req.Data)
		if err != nil {
			ans.Err = unwrapFileErr(err).Error()
		} else {
			ans.Doc = doc
		}
		req = readRequest{}
		if err := writeFrame(w, &ans); err != nil {
			return 1
		}
		watchdog.Reset(time.Hour)
		ans = readAnswer{}
		if m := heapInUse(); m > 64<<20 {
			debug.FreeOSMemory() // a big file was read: give it back while idle
		}
	}
}

// heapInUse returns the bytes of heap in use.
func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// unwrapFileErr returns a *FileError's reason, or err itself.
func unwrapFileErr(err error) error {
	var fe *FileError
	if errors.As(err, &fe) && fe.Err != nil {
		return fe.Err
	}
	return err
}

// writeFrame writes v as one frame and flushes.
func writeFrame(w *bufio.Writer, v any) error {
	var buf bytes.Buffer
	buf.Write([]byte{0, 0, 0, 0})
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	b := buf.Bytes()
	binary.BigEndian.PutUint32(b, uint32(len(b)-4))
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Flush()
}

// errAnswerTooLarge is returned by readFrame for a frame over its cap.
var errAnswerTooLarge = errors.New("answer too large")

// readFrame reads one frame into v; a frame longer than limit (when
// limit > 0) is refused without being read.
func readFrame(r io.Reader, limit int, v any) error {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if limit > 0 && int64(n) > int64(limit) {
		return errAnswerTooLarge
	}
	return gob.NewDecoder(io.LimitReader(r, int64(n))).Decode(v)
}

// defaultReaderCommand starts the running binary as a reader child.
func defaultReaderCommand() *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	return exec.Command(exe, ReaderSubcommand)
}

// child is one running reader process.
type child struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	w      *bufio.Writer
	out    *bufio.Reader
	stderr *stderrBuffer
	done   chan struct{} // closed once the process was waited for
	idle   *time.Timer   // closes the child when it waits too long in the pool
}

// pool holds idle children and bounds how many run at once.
type pool struct {
	mu       sync.Mutex
	idle     []*child
	running  map[*child]bool
	slots    chan struct{}
	disabled bool // the binary cannot start children: read in process
}

// readerPool is the process's pool of reader children.
var readerPool = &pool{running: map[*child]bool{}, slots: make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}

// errNoChild means no child could be started; the file is read in
// process instead.
var errNoChild = errors.New("no reader child")

// start launches a child and waits for its hello.
func (p *pool) start() (*child, error) {
	cmd := ReaderCommand()
	if cmd == nil {
		return nil, errNoChild
	}
	cmd.Env = append(os.Environ(), ReaderChildEnv+"=1", readerMemoryEnv+"="+strconv.FormatInt(ReaderMemoryLimit, 10))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, in: stdin, w: bufio.NewWriter(stdin), out: bufio.NewReader(stdout),
		stderr: &stderrBuffer{}, done: make(chan struct{})}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		_ = cmd.Wait()
		close(c.done)
	}()
	hello := make(chan error, 1)
	go func() {
		line, err := c.out.ReadString('\n')
		if err == nil && line != readerHello {
			err = fmt.Errorf("unexpected greeting %q", line)
		}
		hello <- err
	}()
	select {
	case err = <-hello:
	case <-time.After(10 * time.Second):
		err = errors.New("no greeting")
	}
	if err != nil {
		c.kill()
		return nil, fmt.Errorf("%w: %v", errNoChild, err)
	}
	p.mu.Lock()
	p.running[c] = true
	p.mu.Unlock()
	return c, nil
}

// get returns an idle child or starts one, waiting for a free slot.
func (p *pool) get(ctx context.Context) (*child, error) {
	if os.Getenv(ReaderChildEnv) == "1" || ReaderCommand == nil {
		return nil, errNoChild // a child reads in process; or isolation is off
	}
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	for len(p.idle) > 0 {
		c := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if c.idle.Stop() {
			p.mu.Unlock()
			return c, nil
		}
	}
	disabled := p.disabled
	p.mu.Unlock()
	if disabled {
		<-p.slots
		return nil, errNoChild
	}
	c, err := p.start()
	if err != nil {
		if errors.Is(err, errNoChild) {
			p.mu.Lock()
			p.disabled = true
			p.mu.Unlock()
		}
		<-p.slots
		return nil, err
	}
	return c, nil
}

// put returns a healthy child to the pool.
func (p *pool) put(c *child) {
	p.mu.Lock()
	c.idle = time.AfterFunc(readerIdle, func() { p.closeIdle(c) })
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	<-p.slots
}

// drop forgets a child that was killed.
func (p *pool) drop(c *child) {
	p.mu.Lock()
	delete(p.running, c)
	p.mu.Unlock()
	<-p.slots
}

// closeIdle ends a child that waited too long in the pool.
func (p *pool) closeIdle(c *child) {
	p.mu.Lock()
	for i, ic := range p.idle {
		if ic == c {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			break
		}
	}
	delete(p.running, c)
	p.mu.Unlock()
	c.in.Close() // the child sees the end of its input and exits
}

// StopReaders ends the idle reader children at once (busy ones end when
// their file is done or their context is cancelled). Load calls it when
// it is cancelled.
func StopReaders() {
	p := readerPool
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	for _, c := range idle {
		delete(p.running, c)
	}
	p.mu.Unlock()
	for _, c := range idle {
		if c.idle.Stop() {
			c.kill()
		}
	}
}

// pids returns the process ids of the children alive (for tests).
func (p *pool) pids() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []int
	for c := range p.running {
		out = append(out, c.cmd.Process.Pid)
	}
	return out
}

// kill ends the child at once and waits for it.
func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	<-c.done
}

// parseIsolated reads one file in a reader child. kind names the reader
// in errors ("PDF"). It returns errNoChild when no child can be started.
func parseIsolated(ctx context.Context, name, kind string, data []byte) (*Document, error) {
	c, err := readerPool.get(ctx)
	if err != nil {
		return nil, err
	}
	type result struct {
		ans readAnswer
		err error
	}
	res := make(chan result, 1)
	go func() {
		var r result
		if r.err = writeFrame(c.w, &readRequest{Name: name, Data: data}); r.err == nil {
			r.err = readFrame(c.out, maxAnswerBytes, &r.ans)
		}
		res <- r
	}()
	timer := time.NewTimer(ReaderTimeout)
	defer timer.Stop()
	select {
	case r := <-res:
		if r.err != nil {
			c.kill()
			readerPool.drop(c)
			if r.err == errAnswerTooLarge {
				return nil, fmt.Errorf("%s reader's output is over the limit (%d KB)", kind, maxAnswerBytes>>10)
			}
			return nil, childCrashErr(kind, c)
		}
		readerPool.put(c)
		if r.ans.Err != "" {
			return nil, childReason(r.ans.Err)
		}
		if r.ans.Doc == nil {
			return nil, errNoText
		}
		return r.ans.Doc, nil
	case <-timer.C:
		c.kill()
		readerPool.drop(c)
		return nil, fmt.Errorf("%s reader took longer than %s (stopped)", kind, ReaderTimeout)
	case <-ctx.Done():
		c.kill()
		readerPool.drop(c)
		return nil, ctx.Err()
	}
}

// childCrashErr names how a child died: out of memory, a stack overflow,
// or another crash.
func childCrashErr(kind string, c *child) error {
	<-c.done
	tail := c.stderr.String()
	switch {
	case strings.Contains(tail, "out of memory") || strings.Contains(tail, "cannot allocate memory"):
		return fmt.Errorf("%s reader ran out of memory (limit %d MB)", kind, ReaderMemoryLimit>>20)
	case strings.Contains(tail, "stack exceeds") || strings.Contains(tail, "stack overflow"):
		return fmt.Errorf("%s reader crashed (stack overflow)", kind)
	}
	if line := firstLine(tail); strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") {
		return fmt.Errorf("%s reader crashed (%s)", kind, line)
	}
	if st := c.cmd.ProcessState; st != nil {
		return fmt.Errorf("%s reader crashed (%s)", kind, st)
	}
	return fmt.Errorf("%s reader crashed", kind)
}

// sentinels are the reasons that keep their identity across the process
// boundary, so that errors.Is still works on them.
var sentinels = []error{errEmpty, errBinary, errNoText, errUndecoded, errNoTextLayer, errNoWords}

// childReason turns a child's reason back into an error.
func childReason(msg string) error {
	for _, s := range sentinels {
		if s.Error() == msg {
			return s
		}
	}
	return errors.New(msg)
}

// isolatedKind returns the reader name to run in a child for a file of
// this name and size, or "" to read it in process.
func isolatedKind(name string, size int) string {
	ext := strings.ToLower(filepath.Ext(name))
	if kind, ok := isolatedExts[ext]; ok {
		return kind
	}
	if size > InProcessLimit {
		return strings.ToUpper(strings.TrimPrefix(ext, ".")) // "TXT", "MD"
	}
	return ""
}

// ParseContext is Parse with the risky readers isolated in a child
// process (see ReaderSubcommand): a PDF, DOCX or HTML file, or any file
// over InProcessLimit, is read there, so that a reader that crashes, runs
// out of memory or time costs one file, not the process. When ctx is
// cancelled the child is killed and ctx.Err() returned. Errors are
// *FileError.
func ParseContext(ctx context.Context, name string, data []byte) (*Document, error) {
	kind := isolatedKind(name, len(data))
	if kind == "" || len(data) == 0 || !Supported(name) {
		return Parse(name, data)
	}
	doc, err := parseIsolated(ctx, name, kind, data)
	if errors.Is(err, errNoChild) {
		return Parse(name, data)
	}
	if err != nil {
		return nil, fileErr(name, err)
	}
	doc.Path = name
	return doc, nil
}

// stderrBuffer keeps the first and the last bytes a child writes to its
// standard error: the reason a Go program dies is at the start of its
// crash report, and the end may hold the last words of a reader.
type stderrBuffer struct {
	mu         sync.Mutex
	head, tail []byte
}

// stderrKeep is how many bytes stderrBuffer keeps at each end.
const stderrKeep = 2048

// Write keeps the first stderrKeep bytes and the last stderrKeep.
func (t *stderrBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(p)
	if room := stderrKeep - len(t.head); room > 0 {
		k := min(room, len(p))
		t.head = append(t.head, p[:k]...)
		p = p[k:]
	}
	t.tail = append(t.tail, p...)
	if len(t.tail) > stderrKeep {
		t.tail = append(t.tail[:0], t.tail[len(t.tail)-stderrKeep:]...)
	}
	return n, nil
}

// String returns the bytes kept.
func (t *stderrBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + string(t.tail)
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}
