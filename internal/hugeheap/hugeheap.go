// Package hugeheap asks the operating system, when it can, to back the
// first megabytes of the Go heap with huge pages (2 MB each, Linux's
// transparent huge pages), so that a short run takes one page fault where
// it would take 512.
//
// A new page of memory costs a page fault on its first touch, and on the
// virtual machines the project is measured on a fault costs about 10 µs
// (a small program touching 16 MB page by page: 43 ms; the same memory
// populated in one call: 2.6 ms). The sample comparison touches about
// 3,000 new pages, so a third of its whole-process time was faults.
//
// Importing the package does the work, once, in its initialisation, which
// Go runs before that of the heavier packages (their translation tables,
// fonts and models are then allocated on the huge pages too):
//   - it allocates a block of Size bytes, which the runtime takes fresh from
//     the operating system and nothing touches;
//   - it asks for huge pages for every whole 2 MB page of the heap's mapping
//     that holds the block (madvise MADV_HUGEPAGE, which only marks the
//     range): the block's pages, the untouched rest of the mapping above it,
//     and the pages below it that the runtime's first allocations have
//     begun;
//   - it drops the block and collects it, so that its pages return to the
//     runtime's free pages, which later allocations take lowest address
//     first;
//   - it turns the begun pages below the block into huge pages at once
//     (MADV_COLLAPSE, Linux 6.1): a page that already holds small pages
//     would otherwise stay small, and the first allocations after the
//     block's collection land there, 4 kB at a time (about 800 faults of
//     the sample comparison's 1,700 before this step).
//
// It costs 5 to 6 ms of start-up (the collection, the process's first,
// and the collapse; `GODEBUG=inittrace=1 parallax --version`) and no
// memory until the pages are used. Where huge pages are unavailable
// (another system, or transparent huge pages set to "never") it changes
// nothing but that cost. PARALLAX_HUGEHEAP=off skips it, to measure the
// difference. Only the main package imports it: a library has no business
// changing the process's memory.
//
// The package imports only os, runtime, syscall and unsafe, which Go
// initialises first: a package is initialised once its imports are, so
// one more import (strconv, runtime/debug) would let the language
// profiles and the PDF tables allocate before the block, on small pages.
// A test keeps the list.
package hugeheap

import (
	"os"
	"runtime"
)

// Size is the block whose pages are marked for huge pages: the heap a
// comparison of two 2,000-sentence articles reaches (about 120 MB; the
// sample allocates some 30 MB in all, none of it collected, see
// internal/gcfloor). The block is address space only: a page of it costs
// memory when the heap first uses it. Paired whole-process medians: for
// the sample, 16 MB 1.16x the time of 32 MB, 24 MB 1.02x, and 48 or 256 MB
// no faster than 32; for the 2,000-sentence pair, 32 MB 1.28x the time of
// 128 MB (13,560 page faults against 2,125, the same peak memory), 256 MB
// 0.97x of 128, within the noise.
const Size = 128 << 20

// Disabled reports whether the environment turns the package off
// (PARALLAX_HUGEHEAP=off).
func Disabled() bool { return os.Getenv("PARALLAX_HUGEHEAP") == "off" }

func init() {
	if Disabled() || !supported {
		return
	}
	reserve(Size)
}

// reserve allocates a block of n bytes, marks its mapping for huge pages,
// hands the block back to the runtime and collapses the mapping's begun
// pages below it. It reports whether the marking succeeded.
func reserve(n int) bool {
	b := make([]byte, n)
	begun, ok := advise(b)
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	collapse(begun)
	return ok
}

// span is a range of addresses, [lo, hi).
type span struct{ lo, hi uintptr }
