package hugeheap

import (
	"os"
	"syscall"
	"unsafe"
)

// supported is whether the system has huge pages to ask for.
const supported = true

// hugePage is the size of an x86-64 or arm64 transparent huge page; a block
// aligned to it is aligned to any smaller one too.
const hugePage = 2 << 20

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which package syscall does
// not name.
const madvCollapse = 25

// advise marks for transparent huge pages the whole huge pages of the
// mapping that holds b (b's own whole huge pages when the mapping cannot be
// read), and reports whether the kernel accepted it (it refuses when built
// without them; it accepts, and does nothing, when they are set to
// "never"). It returns the marked huge pages below b's end, which may
// already hold small pages.
func advise(b []byte) (begun span, ok bool) {
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	m, found := span{}, false
	if maps, err := os.ReadFile("/proc/self/maps"); err == nil {
		m, found = mappingOf(string(maps), p)
	}
	if !found {
		m = span{p, p + uintptr(len(b))}
	}
	marked, begun := plan(m, p)
	if marked.lo >= marked.hi || madvise(marked, syscall.MADV_HUGEPAGE) != nil {
		return span{}, false
	}
	return begun, true
}

// plan gives, for the mapping m holding an untouched block at p, its whole
// huge pages, to be marked, and those of them below the end of p's huge
// page, to be collapsed.
func plan(m span, p uintptr) (marked, begun span) {
	marked = span{(m.lo + hugePage - 1) &^ (hugePage - 1), m.hi &^ (hugePage - 1)}
	if marked.lo >= marked.hi {
		return span{}, span{}
	}
	top := min((p+hugePage-1)&^(hugePage-1), marked.hi)
	if top <= marked.lo {
		return marked, span{}
	}
	return marked, span{marked.lo, top}
}

// collapse makes each huge page of s one huge page now, copying the small
// pages it holds. A page the kernel cannot collapse (one nothing has
// touched reports EINVAL; memory short reports EAGAIN or ENOMEM) stays as
// it is: each is asked on its own, so one refusal costs only its page.
func collapse(s span) {
	for a := s.lo; a+hugePage <= s.hi; a += hugePage {
		_ = madvise(span{a, a + hugePage}, madvCollapse)
	}
}

// madvise gives the kernel advice on the pages of s.
func madvise(s span, advice int) error {
	_, _, e := syscall.Syscall(syscall.SYS_MADVISE, s.lo, s.hi-s.lo, uintptr(advice))
	if e != 0 {
		return e
	}
	return nil
}

// mappingOf finds, in the text of /proc/self/maps, the mapping that holds
// p. Each line begins "lo-hi " in hexadecimal; the parsing is by hand, to
// keep the package's imports to those Go initialises first.
func mappingOf(maps string, p uintptr) (span, bool) {
	for len(maps) > 0 {
		line := maps
		if i := indexNewline(maps); i >= 0 {
			line, maps = maps[:i], maps[i+1:]
		} else {
			maps = ""
		}
		lo, i := hexPrefix(line)
		if i == 0 || i >= len(line) || line[i] != '-' {
			continue
		}
		if hi, j := hexPrefix(line[i+1:]); j > 0 && lo <= p && p < hi {
			return span{lo, hi}, true
		}
	}
	return span{}, false
}

// indexNewline is the index of the first newline in s, or -1.
func indexNewline(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return i
		}
	}
	return -1
}

// hexPrefix reads the lower-case hexadecimal number at the start of s and
// returns it with the number of bytes read (0: none; more than 16 digits
// read as none too).
func hexPrefix(s string) (uintptr, int) {
	var v uintptr
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			if i > 16 {
				return 0, 0
			}
			return v, i
		}
	}
	if i > 16 {
		return 0, 0
	}
	return v, i
}
