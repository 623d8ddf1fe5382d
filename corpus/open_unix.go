//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"syscall"
)

// openRegular opens path for reading only when it is a regular file: it
// opens without blocking (O_NONBLOCK, so that a named pipe or a device
// swapped in after the file was looked at cannot hang the open) and
// checks the mode on the opened descriptor, so that what is read is what
// was checked. A file of a system file system (/proc, /sys: files that
// report no size and can block a read, such as /proc/kmsg) is refused too.
func openRegular(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOCTTY, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOCTTY, 0)
	}
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	f := os.NewFile(uintptr(fd), path)
	if err := checkRegular(f); err != nil {
		return nil, err
	}
	if name := systemFS(fd); name != "" {
		f.Close()
		return nil, systemFileErr(name)
	}
	return f, nil
}

// fileID identifies a file or folder whatever the path to it: its device
// and inode.
type fileID struct{ dev, ino uint64 }

// idOf returns the identity of the file info describes.
func idOf(info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true //nolint:unconvert // Dev's type varies by system
}
