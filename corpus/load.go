package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"parallax/internal/parallel"
)

// LoadOptions configures Load.
type LoadOptions struct {
	// Progress, if set, is called after each file is read with the number of
	// files done and the total to read. It is called from worker
	// goroutines, but one call at a time, with done counting up by one.
	Progress func(done, total int)
}

// testHookBeforeRead, when set (by tests only), is called by Load's
// workers with each file's path after the folders were listed and just
// before the file is read. It lets a test change the file system at that
// point deterministically, e.g. delete a file that was listed. It is nil
// outside tests and must be set before Load starts.
var testHookBeforeRead func(path string)

// loadItem is one entry of the expanded path list: a file to read or an
// error found while expanding (a skipped file, an unreadable folder).
type loadItem struct {
	path string
	err  *FileError
}

// Load reads files and folders. Folders are read recursively in sorted
// order; hidden files and folders (names starting with ".") are skipped
// inside folders; files of unsupported types found in folders are reported
// as *FileError ("unsupported file type .xyz"), as are files that cannot
// be read. One bad file never stops the others. Documents come back in the
// order given, folders expanded in sorted order; the same file given twice
// is read once. Files are read in parallel (one worker per processor) with a
// deterministic result order. When ctx is cancelled Load stops promptly and
// returns what was read so far with ctx.Err().
func Load(ctx context.Context, paths []string, opts LoadOptions) ([]*Document, []*FileError, error) {
	items, err := expandPaths(ctx, paths)
	if err != nil {
		docs, errs := collect(items, nil, nil)
		return docs, errs, err
	}

	var jobs []int // indexes into items of files to read
	for i, it := range items {
		if it.err == nil {
			jobs = append(jobs, i)
		}
	}
	docs := make([]*Document, len(items))
	errs := make([]*FileError, len(items))
	total := len(jobs)
	var progress sync.Mutex // serialises opts.Progress
	done := 0

	parallel.For(ctx, total, func(_, k int) {
		i := jobs[k]
		if testHookBeforeRead != nil {
			testHookBeforeRead(items[i].path)
		}
		doc, err := ReadFileContext(ctx, items[i].path)
		switch {
		case ctx.Err() != nil && errors.Is(err, ctx.Err()):
			// Cancelled while it was read: not a fault of the file.
		case errors.Is(err, fs.ErrNotExist):
			// It was there when the folders were listed.
			errs[i] = &FileError{Path: items[i].path, Err: &reasonError{
				reason: "file was deleted or moved while loading", err: err}}
		case err != nil:
			errs[i] = fileErr(items[i].path, err)
		default:
			docs[i] = doc
		}
		if opts.Progress != nil {
			progress.Lock()
			done++
			opts.Progress(done, total)
			progress.Unlock()
		}
	})

	if ctx.Err() != nil {
		StopReaders()
	}
	outDocs, outErrs := collect(items, docs, errs)
	return outDocs, outErrs, ctx.Err()
}

// collect gathers documents and errors in item order.
func collect(items []loadItem, docs []*Document, errs []*FileError) ([]*Document, []*FileError) {
	var outDocs []*Document
	var outErrs []*FileError
	for i, it := range items {
		switch {
		case it.err != nil:
			outErrs = append(outErrs, it.err)
		case errs != nil && errs[i] != nil:
			outErrs = append(outErrs, errs[i])
		case docs != nil && docs[i] != nil:
			outDocs = append(outDocs, docs[i])
		}
	}
	return outDocs, outErrs
}

// expandPaths turns the given paths into an ordered list of files to read
// and of errors. Folders are walked recursively in sorted order, following
// symbolic links but never entering the same real folder twice (no loops).
func expandPaths(ctx context.Context, paths []string) ([]loadItem, error) {
	var items []loadItem
	seenFiles := map[string]bool{}
	visitedDirs := map[string]bool{}

	addFile := func(path string) {
		key := path
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				key = abs
			}
		}
		if seenFiles[key] {
			return
		}
		seenFiles[key] = true
		if !Supported(path) {
			items = append(items, loadItem{path: path, err: &FileError{Path: path, Err: unsupportedErr(path)}})
			return
		}
		items = append(items, loadItem{path: path})
	}

	var walk func(dir string) error
	walk = func(dir string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			items = append(items, loadItem{path: dir, err: &FileError{Path: dir, Err: err}})
			return nil
		}
		if abs, err := filepath.Abs(real); err == nil {
			real = abs
		}
		if visitedDirs[real] {
			return nil // a link back into a folder already read
		}
		visitedDirs[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			items = append(items, loadItem{path: dir, err: &FileError{Path: dir, Err: unwrapPathErr(err)}})
			if len(entries) == 0 {
				return nil
			}
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			isDir := e.IsDir()
			if e.Type()&os.ModeSymlink != 0 {
				info, err := os.Stat(p)
				if err != nil {
					reason := unwrapPathErr(err)
					if errors.Is(err, fs.ErrNotExist) {
						reason = &reasonError{reason: "broken symbolic link (its target does not exist)", err: err}
					}
					items = append(items, loadItem{path: p, err: &FileError{Path: p, Err: reason}})
					continue
				}
				isDir = info.IsDir()
			}
			if isDir {
				if err := walk(p); err != nil {
					return err
				}
				continue
			}
			addFile(p)
		}
		return nil
	}

	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return items, err
		}
		info, err := os.Stat(p)
		if err != nil {
			items = append(items, loadItem{path: p, err: &FileError{Path: p, Err: unwrapPathErr(err)}})
			continue
		}
		if info.IsDir() {
			if err := walk(p); err != nil {
				return items, err
			}
			continue
		}
		addFile(p)
	}
	return items, nil
}

// unwrapPathErr drops the *os.PathError wrapper (its path is already in
// the FileError) and keeps the reason, naming a symbolic link loop
// (ELOOP, "too many levels of symbolic links") as such.
func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, syscall.ELOOP) {
		return &reasonError{reason: "symbolic link loop", err: err}
	}
	return err
}

// reasonError is a file system error told in plainer words; errors.Is
// and errors.As still reach the original error.
type reasonError struct {
	reason string
	err    error
}

// Error returns the plain reason.
func (e *reasonError) Error() string { return e.reason }

// Unwrap returns the original error.
func (e *reasonError) Unwrap() error { return e.err }
