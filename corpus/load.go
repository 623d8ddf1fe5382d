package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	// Listing, if set, is called while the folders are walked, before
	// any file is read, with the number of files found so far: every
	// few hundred files and once when the walk ends. It is called from
	// the goroutine that called Load, one call at a time, counting up.
	Listing func(found int)
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
	items, err := expandPaths(ctx, paths, opts.Listing)
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

// Limits of a folder walk.
const (
	// MaxFiles is the most files Load lists in the folders it is given
	// (articles and other files alike); beyond it the walk stops with a
	// *FileError on the folder naming the limit.
	MaxFiles = 100_000
	// MaxDepth is the deepest a folder is walked below a folder given to
	// Load; deeper folders are skipped with a *FileError naming them.
	MaxDepth = 64
)

// maxFiles is MaxFiles, lowered by tests.
var maxFiles = MaxFiles

// listingEvery is how many files are listed between calls of
// LoadOptions.Listing.
const listingEvery = 256

// systemDirs are the folders of the running system that are never walked
// into nor read from through a link.
var systemDirs = []string{"/proc", "/sys", "/dev"}

// dirKey identifies a folder: by device and inode where the system has
// them (a bind mount of a folder is the same folder), else by its
// resolved path.
type dirKey struct {
	id   fileID
	path string
}

// walker expands the paths given to Load into loadItems.
type walker struct {
	ctx     context.Context
	items   []loadItem
	listing func(int)
	listed  int // files listed so far (read or skipped)

	seenFiles   map[dirKey]bool
	visitedDirs map[dirKey]bool
	// refused are folders never walked into, with the reason: the root
	// of the file system and the system folders (a bind mount of "/"
	// inside an opened folder has the same identity as "/"), and the
	// folders holding an opened folder (a link to a parent is a loop).
	refused map[dirKey]string
	// roots are the resolved, absolute paths of the folders given: a
	// link to a folder is followed only when it stays inside one.
	roots []string
}

// errStop ends a walk that reached MaxFiles.
var errStop = errors.New("walk stopped")

// expandPaths turns the given paths into an ordered list of files to read
// and of errors. Folders are walked recursively in sorted order. Links are
// followed to files anywhere but in the system folders (/proc, /sys,
// /dev), and to folders only inside the folders given; no folder is
// entered twice (no loops). Named pipes, sockets and devices are skipped
// with a reason, as are folders deeper than MaxDepth and files beyond
// MaxFiles. listing, when set, is called as files are found.
func expandPaths(ctx context.Context, paths []string, listing func(int)) ([]loadItem, error) {
	w := &walker{ctx: ctx, listing: listing, seenFiles: map[dirKey]bool{},
		visitedDirs: map[dirKey]bool{}, refused: map[dirKey]string{}}
	for _, d := range append([]string{"/"}, systemDirs...) {
		reason := "a system folder (" + d + "): not read"
		if d == "/" {
			reason = "the whole file system (/), linked or mounted here: not read"
		}
		w.refuse(d, reason)
	}
	infos := make([]fs.FileInfo, len(paths))
	for i, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			continue
		}
		infos[i] = info
		if real, err := realPath(p); err == nil {
			w.roots = append(w.roots, real)
			for a := filepath.Dir(real); ; a = filepath.Dir(a) {
				w.refuse(a, "a folder that holds the opened folder (a loop): not read")
				if a == filepath.Dir(a) {
					break
				}
			}
		}
	}
	// The opened folders themselves may be walked, whatever refuse says.
	for i, p := range paths {
		if infos[i] != nil {
			delete(w.refused, w.keyOf(p, infos[i]))
		}
	}
	defer w.report()
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return w.items, err
		}
		info, err := os.Stat(p)
		if err != nil {
			w.skip(p, unwrapPathErr(err))
			continue
		}
		if info.IsDir() {
			if err := w.walk(p, info, 0); err != nil {
				if err == errStop {
					return w.items, nil
				}
				return w.items, err
			}
			continue
		}
		if err := w.addFile(p, info); err == errStop {
			return w.items, nil
		}
	}
	return w.items, nil
}

// realPath is path with its links resolved, absolute.
func realPath(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}

// refuse records a folder that is never walked into.
func (w *walker) refuse(path, reason string) {
	if info, err := os.Stat(path); err == nil {
		if _, ok := w.refused[w.keyOf(path, info)]; !ok {
			w.refused[w.keyOf(path, info)] = reason
		}
	}
}

// keyOf is the identity of the file at path, described by info.
func (w *walker) keyOf(path string, info fs.FileInfo) dirKey {
	if id, ok := idOf(info); ok {
		return dirKey{id: id}
	}
	if real, err := realPath(path); err == nil {
		return dirKey{path: real}
	}
	return dirKey{path: path}
}

// report tells listing the number of files found so far.
func (w *walker) report() {
	if w.listing != nil {
		w.listing(w.listed)
	}
}

// skip records path as not read, for reason.
func (w *walker) skip(path string, reason error) {
	w.items = append(w.items, loadItem{path: path, err: &FileError{Path: path, Err: reason}})
}

// count counts one more file listed; past MaxFiles it records the limit
// on the folder root and returns errStop.
func (w *walker) count(root string) error {
	if w.listed == maxFiles {
		w.skip(root, fmt.Errorf("more than %d files: the walk stopped here; open a smaller folder", maxFiles))
		return errStop
	}
	w.listed++
	if w.listed%listingEvery == 0 {
		w.report()
	}
	return nil
}

// addFile lists the file at path (info describes it, links followed) to
// be read, once whatever the path to it.
func (w *walker) addFile(path string, info fs.FileInfo) error {
	key := w.keyOf(path, info)
	if w.seenFiles[key] {
		return nil
	}
	w.seenFiles[key] = true
	if err := w.count(path); err != nil {
		return err
	}
	switch {
	case !info.Mode().IsRegular():
		w.skip(path, notRegularErr(info.Mode()))
	case !Supported(path):
		w.skip(path, unsupportedErr(path))
	default:
		w.items = append(w.items, loadItem{path: path})
	}
	return nil
}

// walk lists the folder dir (info describes it, links followed), depth
// levels below a folder given to Load.
func (w *walker) walk(dir string, info fs.FileInfo, depth int) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	key := w.keyOf(dir, info)
	if reason, ok := w.refused[key]; ok {
		w.skip(dir, errors.New(reason))
		return nil
	}
	if w.visitedDirs[key] {
		return nil // a link back into a folder already read
	}
	w.visitedDirs[key] = true
	if depth > MaxDepth {
		w.skip(dir, fmt.Errorf("folder nested more than %d levels deep: not read", MaxDepth))
		return nil
	}
	if name := systemFSOf(dir); name != "" {
		w.skip(dir, systemFileErr(name))
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.skip(dir, unwrapPathErr(err))
		if len(entries) == 0 {
			return nil
		}
	}
	// Natural order of names (1_2 before 1_10), as a reader expects.
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return NaturalCompare(a.Name(), b.Name()) })
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var info fs.FileInfo
		var err error
		if e.Type()&os.ModeSymlink != 0 {
			info, err = w.followLink(p)
		} else {
			info, err = e.Info()
			if err != nil {
				err = unwrapPathErr(err)
			}
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && e.Type()&os.ModeSymlink == 0 {
				continue // deleted since the folder was listed
			}
			w.skip(p, err)
			continue
		}
		if info == nil {
			continue
		}
		if info.IsDir() {
			if err := w.walk(p, info, depth+1); err != nil {
				return err
			}
			continue
		}
		if err := w.addFile(p, info); err != nil {
			return err
		}
	}
	return nil
}

// followLink looks at what the symbolic link at path leads to: the
// target's info, or the reason it is not followed (a broken link, a link
// into the system folders, a link to a folder outside the opened ones).
func (w *walker) followLink(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &reasonError{reason: "broken symbolic link (its target does not exist)", err: err}
		}
		return nil, unwrapPathErr(err)
	}
	real, err := realPath(path)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	for _, d := range systemDirs {
		if within(real, d) {
			return nil, fmt.Errorf("symbolic link into a system folder (%s): not followed", DisplayPath(real))
		}
	}
	if info.IsDir() && !slices.ContainsFunc(w.roots, func(r string) bool { return within(real, r) }) {
		return nil, fmt.Errorf("symbolic link to a folder outside the opened folder (%s): not followed", DisplayPath(real))
	}
	return info, nil
}

// within reports whether path is dir or inside it (both clean and
// absolute).
func within(path, dir string) bool {
	if dir == "/" {
		return true
	}
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

// checkRegular returns nil when the opened f is a regular file, else
// closes it and returns the reason (what it is instead).
func checkRegular(f *os.File) error {
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = notRegularErr(info.Mode())
	}
	if err != nil {
		f.Close()
		return unwrapPathErr(err)
	}
	return nil
}

// notRegularErr names what a file that is not a regular one is.
func notRegularErr(mode fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case mode.IsDir():
		kind = "is a folder, not a file"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO), not a file: skipped"
	case mode&fs.ModeSocket != 0:
		kind = "a socket, not a file: skipped"
	case mode&fs.ModeCharDevice != 0:
		kind = "a character device, not a file: skipped"
	case mode&fs.ModeDevice != 0:
		kind = "a device, not a file: skipped"
	}
	return errors.New(kind)
}

// systemFileErr names a file or folder of a system file system.
func systemFileErr(fsName string) error {
	return fmt.Errorf("a system file (%s), not an article: skipped", fsName)
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
