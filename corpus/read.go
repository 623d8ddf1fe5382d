package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTextBytes is the largest file Parallax reads (20 MB); larger files are
// refused by size (os.Stat) before reading.
const MaxTextBytes = 20 << 20

// FileError reports a file that could not be read: it names the file and
// the reason.
type FileError struct {
	// Path is the file (or folder) that could not be read.
	Path string
	// Err is the reason.
	Err error
}

// Error returns "<path>: <reason>". A path that holds control characters
// (a line break) or bytes that are not UTF-8 is quoted in Go syntax
// ("dir/a\nb.txt"), so that the message stays one readable line.
func (e *FileError) Error() string {
	reason := "unknown error"
	if e.Err != nil {
		reason = e.Err.Error()
	}
	return DisplayPath(e.Path) + ": " + reason
}

// DisplayPath returns path as it is when it prints cleanly on one line,
// else quoted in Go syntax, for messages, reports and the viewer: a path
// holding a line break or another control character, an invisible
// formatting character (a right-to-left override, which would show
// "txt.exe" as "exe.txt", or a zero-width space) or bytes that are not
// UTF-8 is shown with those escaped ("a\u202etxt.exe").
func DisplayPath(path string) string {
	if !utf8.ValidString(path) || strings.IndexFunc(path, notShown) >= 0 {
		return strconv.Quote(path)
	}
	return path
}

// notShown reports whether r does not print as itself: a control or
// formatting character, or a space other than U+0020.
func notShown(r rune) bool { return !strconv.IsPrint(r) || unicode.Is(unicode.Cf, r) }

// Unwrap returns the reason, so errors.Is(err, fs.ErrPermission) and the
// like work.
func (e *FileError) Unwrap() error { return e.Err }

// fileErr wraps err as a *FileError for path unless it already is one.
func fileErr(path string, err error) *FileError {
	var fe *FileError
	if errors.As(err, &fe) && fe.Path == path {
		return fe
	}
	return &FileError{Path: path, Err: err}
}

// reader extracts a Document from the bytes of one file format.
type reader func(name string, data []byte) (*Document, error)

// readers maps lower-case file extensions to their readers.
var readers = map[string]reader{
	".txt":      parseTXT,
	".text":     parseTXT,
	".md":       parseMarkdown,
	".markdown": parseMarkdown,
	".html":     parseHTML,
	".htm":      parseHTML,
	".xhtml":    parseHTML,
	".pdf":      parsePDF,
	".docx":     parseDOCX,
}

// Supported reports whether ReadFile has a reader for path's extension.
func Supported(path string) bool {
	_, ok := readers[strings.ToLower(filepath.Ext(path))]
	return ok
}

// unsupportedErr names a file type that has no reader.
func unsupportedErr(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return errors.New("unsupported file type (no extension)")
	}
	return fmt.Errorf("unsupported file type %s", ext)
}

// tooLargeErr describes a file over MaxTextBytes.
func tooLargeErr(size int64) error {
	const mb = 1 << 20
	return fmt.Errorf("file too large (%d MB; the limit is %d MB)", (size+mb-1)/mb, MaxTextBytes/mb)
}

// ReadFile reads one article, choosing the reader by extension (.txt,
// .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx). Files over
// MaxTextBytes are refused before they are read. Errors are *FileError.
func ReadFile(path string) (*Document, error) {
	return ReadFileContext(context.Background(), path)
}

// ReadFileContext is ReadFile with the risky readers in a child process
// (see ParseContext), stopped when ctx is cancelled.
func ReadFileContext(ctx context.Context, path string) (*Document, error) {
	if !Supported(path) {
		return nil, &FileError{Path: path, Err: unsupportedErr(path)}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathErr(err)}
	}
	if info.IsDir() {
		return nil, &FileError{Path: path, Err: errors.New("is a folder, not a file")}
	}
	if !info.Mode().IsRegular() {
		return nil, &FileError{Path: path, Err: notRegularErr(info.Mode())}
	}
	if info.Size() > MaxTextBytes {
		return nil, &FileError{Path: path, Err: tooLargeErr(info.Size())}
	}
	data, err := readAtMost(path, info.Size())
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if isOwnReport(data) {
		return nil, &FileError{Path: path, Err: errOwnReport}
	}
	return ParseContext(ctx, path, data)
}

// readAtMost reads the file at path, whose size was size when it was
// looked at. The buffer is sized from size (one allocation when the file
// did not change). When the file turns out to be longer, its size is
// looked at again: over MaxTextBytes, it is refused without being read
// further; else the buffer grows, never beyond MaxTextBytes+1 bytes (for
// files that do not report their size, as on some network file systems;
// those of /proc and /sys are refused by openRegular).
func readAtMost(path string, size int64) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, min(max(size, 0), MaxTextBytes)+1) // +1: room to see the end of file
	for {
		if len(buf) == cap(buf) {
			if len(buf) > MaxTextBytes {
				return nil, tooLargeErr(int64(len(buf)))
			}
			want := 2*cap(buf) + bytes.MinRead
			if info, err := f.Stat(); err == nil && info.Size() >= int64(len(buf)) {
				if info.Size() > MaxTextBytes { // it grew after it was looked at
					return nil, tooLargeErr(info.Size())
				}
				want = int(info.Size()) + bytes.MinRead
			}
			grown := make([]byte, len(buf), min(want, MaxTextBytes+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, unwrapPathErr(err)
		}
	}
}

// Parse reads an article from bytes; name gives the extension and becomes
// Path. Errors are *FileError.
func Parse(name string, data []byte) (doc *Document, err error) {
	rd, ok := readers[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return nil, &FileError{Path: name, Err: unsupportedErr(name)}
	}
	if len(data) == 0 {
		return nil, &FileError{Path: name, Err: errEmpty}
	}
	if len(data) > MaxTextBytes {
		return nil, &FileError{Path: name, Err: tooLargeErr(int64(len(data)))}
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &FileError{Path: name, Err: fmt.Errorf("cannot read file: internal error: %v", r)}
		}
	}()
	doc, err = rd(name, data)
	if err != nil {
		return nil, fileErr(name, err)
	}
	if len(doc.Sentences) == 0 {
		return nil, &FileError{Path: name, Err: errNoText}
	}
	if !hasLetter(doc.Text) {
		return nil, &FileError{Path: name, Err: errNoWords}
	}
	if err := checkSentences(doc); err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	return doc, nil
}

// parseTXT reads a plain-text article.
func parseTXT(name string, data []byte) (*Document, error) {
	s, err := decodeBytes(data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, errEmpty
	}
	return FromText(name, s), nil
}
