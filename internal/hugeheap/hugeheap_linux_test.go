package hugeheap

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
// not marked when its mapping is small too, and that nothing fails.
func TestAdviseShortBlock(t *testing.T) {
	if _, ok := advise(nil); ok {
		t.Error("an empty block was marked")
	}
}

// TestMappingOf checks the reading of /proc/self/maps lines.
func TestMappingOf(t *testing.T) {
	const maps = `00400000-01e21000 r-xp 00000000 fe:00 9978180   /usr/bin/parallax
2d437000-2d458000 rw-p 00000000 00:00 0                                  [heap]
23bfa5c00000-23bfa7400000 rw-p 00000000 00:00 0
zz-yy rw-p
7ffe0be00000-7ffe0be21000 rw-p 00000000 00:00 0                          [stack]`
	tests := []struct {
		p      uintptr
		want   span
		wantOK bool
	}{
		{0x400000, span{0x400000, 0x1e21000}, true},
		{0x1e20fff, span{0x400000, 0x1e21000}, true},
		{0x1e21000, span{}, false}, // the end is outside
		{0x23bfa6400000, span{0x23bfa5c00000, 0x23bfa7400000}, true},
		{0x7ffe0be20000, span{0x7ffe0be00000, 0x7ffe0be21000}, true}, // last line, no newline
		{0x10, span{}, false},
	}
	for _, tt := range tests {
		got, ok := mappingOf(maps, tt.p)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("mappingOf(%#x) = %#x, %v; want %#x, %v", tt.p, got, ok, tt.want, tt.wantOK)
		}
	}
	if _, ok := mappingOf("ffffffffffffffffff-0 rw-p\n", 1); ok {
		t.Error("a 72-bit address was read")
	}
}

// TestPlan checks which huge pages are marked and which collapsed.
func TestPlan(t *testing.T) {
	const M = 1 << 20
	tests := []struct {
		name          string
		m             span
		p             uintptr
		marked, begun span
	}{
		{"block mid-page", span{0, 24 * M}, 5 * M, span{0, 24 * M}, span{0, 6 * M}},
		{"block on a page", span{0, 24 * M}, 4 * M, span{0, 24 * M}, span{0, 4 * M}},
		{"mapping starts at the block", span{4 * M, 24 * M}, 4 * M, span{4 * M, 24 * M}, span{}},
		{"unaligned mapping", span{M + 4096, 23*M + 4096}, 7 * M, span{2 * M, 22 * M}, span{2 * M, 8 * M}},
		{"mapping smaller than a page", span{M, 2*M + 4096}, M, span{}, span{}},
		{"block beyond the marked pages", span{0, 5 * M}, 5 * M, span{0, 4 * M}, span{0, 4 * M}},
	}
	for _, tt := range tests {
		marked, begun := plan(tt.m, tt.p)
		if marked != tt.marked || begun != tt.begun {
			t.Errorf("%s: plan = %#x, %#x; want %#x, %#x", tt.name, marked, begun, tt.marked, tt.begun)
		}
	}
}

// TestCollapse checks the collapse step on memory of its own: a huge page
// that already holds small pages when it is marked stays small until
// collapse makes it one.
func TestCollapse(t *testing.T) {
	if m := thpMode(); m != "always" && m != "madvise" {
		t.Skipf("transparent huge pages are %q here", m)
	}
	mem, err := syscall.Mmap(-1, 0, 2*hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	base := uintptr(unsafe.Pointer(&mem[0]))
	page := (base + hugePage - 1) &^ (hugePage - 1)
	s := span{page, page + hugePage}
	if err := madvise(s, syscall.MADV_NOHUGEPAGE); err != nil {
		t.Fatal(err)
	}
	off := int(page - base)
	for i := 0; i < 64<<10; i += 4096 { // small pages, begun before the marking
		mem[off+i] = 1
	}
	if err := madvise(s, syscall.MADV_HUGEPAGE); err != nil {
		t.Fatal(err)
	}
	if kb := hugeKB(t, base, base+uintptr(len(mem))); kb != 0 {
		t.Fatalf("%d kB of huge pages before the collapse", kb)
	}
	collapse(span{base, base + uintptr(len(mem))}) // and a page nothing touched
	if kb := hugeKB(t, base, base+uintptr(len(mem))); kb < 2048 {
		if err := madvise(s, madvCollapse); err == syscall.EINVAL {
			t.Skip("MADV_COLLAPSE is not supported here (Linux 6.1 or later)")
		}
		t.Errorf("%d kB of huge pages after the collapse, want 2048", kb)
	}
	if mem[off] != 1 || mem[off+4096] != 1 {
		t.Error("the collapse lost what the small pages held")
	}
}

// TestImports keeps the package's imports to those Go initialises before
// the heavier packages (see the package comment).
func TestImports(t *testing.T) {
	allowed := map[string]bool{"os": true, "runtime": true, "syscall": true, "unsafe": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path := strings.Trim(imp.Path.Value, `"`); !allowed[path] {
				t.Errorf("%s imports %s; the package may import only os, runtime, syscall and unsafe", name, path)
			}
		}
	}
}
