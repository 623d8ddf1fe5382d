package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrInput is returned by WriteFile when the report would replace one of
// the compared articles.
var ErrInput = errors.New("the report would replace one of the compared articles")

// WriteFile writes the comparison's report in format to path: into a
// temporary file in the same folder, renamed over path only once it is
// complete, so that a failed write leaves no half report and an existing
// file is replaced whole. It refuses a path that is one of the compared
// articles (ErrInput); callers that must not replace an existing file ask
// before calling.
func WriteFile(path, format string, c Comparison) (err error) {
	if isInput(path, c) {
		return fmt.Errorf("%s: %w", path, ErrInput)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if err = Write(f, format, c); err != nil {
		f.Close()
		return err
	}
	if err = f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// isInput reports whether path names one of the comparison's documents
// (the same file, by any name).
func isInput(path string, c Comparison) bool {
	st, err := os.Stat(path)
	abs, aerr := filepath.Abs(path)
	for _, d := range c.Docs {
		if aerr == nil {
			if da, err := filepath.Abs(d.Path); err == nil && da == abs {
				return true
			}
		}
		if err == nil {
			if ds, err := os.Stat(d.Path); err == nil && os.SameFile(st, ds) {
				return true
			}
		}
	}
	return false
}
