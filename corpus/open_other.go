//go:build !unix

package corpus

import (
	"io/fs"
	"os"
)

// openRegular opens path for reading when it is a regular file, checking
// the mode on the opened file.
func openRegular(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if err := checkRegular(f); err != nil {
		return nil, err
	}
	return f, nil
}

// fileID identifies a file: on this system, by nothing (see idOf).
type fileID struct{ dev, ino uint64 }

// idOf reports no identity: folders are told apart by their resolved
// paths instead.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

// systemFSOf returns "": no system file systems are known here.
func systemFSOf(string) string { return "" }
