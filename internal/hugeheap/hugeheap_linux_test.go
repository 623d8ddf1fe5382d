package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// thpMode is the kernel's transparent huge page setting, the bracketed word
// of /sys/kernel/mm/transparent_hugepage/enabled ("" when unreadable).
func thpMode() string {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	s := string(b)
	i, j := strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return ""
	}
	return s[i+1 : j]
}

// hugeKB returns the AnonHugePages, in kB, that /proc/self/smaps gives
// for the mappings overlapping [lo, hi).
func hugeKB(t *testing.T, lo, hi uintptr) int {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in, total := false, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var start, end uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &start, &end); n == 2 {
			in = start < hi && lo < end
			continue
		}
		if rest, ok := strings.CutPrefix(line, "AnonHugePages:"); ok && in {
			var kb int
			fmt.Sscanf(rest, "%d", &kb)
			total += kb
		}
	}
	return total
}

// TestLaterAllocationsGetHugePages checks the package's point: memory the
// program allocates after the initialisation lies on huge pages.
func TestLaterAllocationsGetHugePages(t *testing.T) {
	if m := thpMode(); m != "always" && m != "madvise" {
		t.Skipf("transparent huge pages are %q here", m)
	}
	if Disabled() {
		t.Skip("PARALLAX_HUGEHEAP=off")
	}
	if !reserve(Size) {
		t.Fatal("the kernel refused MADV_HUGEPAGE")
	}
	b := make([]byte, 6<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	p := uintptr(unsafe.Pointer(&b[0]))
	if kb := hugeKB(t, p, p+uintptr(len(b))); kb < 2048 {
		t.Errorf("a 6 MB block touched after reserve lies on %d kB of huge pages, want at least 2048", kb)
	}
}

// TestAdviseShortBlock checks that a block holding no whole huge page is
// not marked (nothing to mark) and does not fail.
func TestAdviseShortBlock(t *testing.T) {
	if advise(make([]byte, 4096)) {
		t.Error("a 4 kB block was marked")
	}
	if advise(nil) {
		t.Error("an empty block was marked")
	}
}
