package hugeheap

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of an x86-64 or arm64 transparent huge page; a block
// aligned to it is aligned to any smaller one too.
const hugePage = 2 << 20

// advise marks the whole huge pages inside b for transparent huge pages and
// reports whether the kernel accepted it (it refuses when built without
// them; it accepts, and does nothing, when they are set to "never").
func advise(b []byte) bool {
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	start := int((p+hugePage-1)&^(hugePage-1) - p)
	end := int((p+uintptr(len(b)))&^(hugePage-1) - p)
	if start >= end {
		return false
	}
	return syscall.Madvise(b[start:end], syscall.MADV_HUGEPAGE) == nil
}
