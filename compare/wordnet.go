package compare

//go:generate go run ../internal/wordnetgen -dict /usr/share/wordnet -out wordnet.dat

import (
	"bytes"
	_ "embed" // for the related-word table
	"encoding/binary"
	"errors"
	"iter"
	"sort"
	"strings"
	"sync"
)

// wordnetData is the related-word table built by internal/wordnetgen from
// WordNet 3.0 (see WORDNET_LICENSE): for each English Snowball stem, the WordNet
// concepts (synsets) of its commonest senses and of their closest relatives
// (derivations, pertainyms, satellite heads, narrow hypernyms).
//
//go:embed wordnet.dat
var wordnetData []byte

var (
	wordnetOnce  sync.Once
	wordnetTable *wordnetStems
	wordnetErr   error
)

// wordnetStems is the decoded related-word table: the stems in sorted
// order, each with its concept ids. Looking a stem up is a binary search,
// so decoding builds no map (the table is decoded once per process, on
// the first comparison or score).
type wordnetStems struct {
	names string // every stem, in order, end to end
	ends  []int  // stem k ends at ends[k] in names
	lists [][]uint32
	// from[b] is the first stem whose first two bytes (as a big-endian
	// number, a lone byte as b<<8) are at least b: the stems starting
	// with b are from[b] to from[b+1].
	from []int32
}

// prefix2 is the bucket of s in wordnetStems.from.
func prefix2(s string) int {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return int(s[0]) << 8
	}
	return int(s[0])<<8 | int(s[1])
}

// index fills t.from.
func (t *wordnetStems) index() {
	t.from = make([]int32, 1<<16+1)
	k := 0
	for b := range 1 << 16 {
		for k < t.len() && prefix2(t.stem(k)) < b {
			k++
		}
		t.from[b] = int32(k)
	}
	t.from[1<<16] = int32(t.len())
}

// len is the number of stems.
func (t *wordnetStems) len() int { return len(t.ends) }

// stem returns stem k.
func (t *wordnetStems) stem(k int) string {
	start := 0
	if k > 0 {
		start = t.ends[k-1]
	}
	return t.names[start:t.ends[k]]
}

// concepts returns the concept ids of stem, nil when it is unknown.
func (t *wordnetStems) concepts(stem string) []uint32 {
	if t.len() == 0 {
		return nil
	}
	b := prefix2(stem)
	lo, hi := int(t.from[b]), int(t.from[b+1])
	k, ok := sort.Find(hi-lo, func(k int) int { return strings.Compare(stem, t.stem(lo+k)) })
	if !ok {
		return nil
	}
	return t.lists[lo+k]
}

// all yields every stem with its concept ids, in order.
func (t *wordnetStems) all() iter.Seq2[string, []uint32] {
	return func(yield func(string, []uint32) bool) {
		for k := range t.ends {
			if !yield(t.stem(k), t.lists[k]) {
				return
			}
		}
	}
}

// wordnetConcepts returns the decoded related-word table, decoding it on first
// use. The table is empty if the embedded data cannot be decoded, which the
// tests rule out.
func wordnetConcepts() *wordnetStems {
	wordnetOnce.Do(func() {
		wordnetTable, wordnetErr = decodeWordnet(wordnetData)
		if wordnetErr != nil {
			wordnetTable = &wordnetStems{}
		}
	})
	return wordnetTable
}

// Preload starts decoding the engine's related-word table in the
// background and returns at once, so that a caller about to read articles
// and then compare them does both at the same time.
func Preload() { go wordnetConcepts() }

// relatedConcepts returns sorted concept ids for an English Snowball stem (lower
// case), nil when the stem is unknown. Two stems are related when their concept
// lists intersect. The returned slice is shared and must not be modified.
func relatedConcepts(stem string) []uint32 {
	return wordnetConcepts().concepts(stem)
}

// related reports whether two distinct stems share a concept. A stem is not
// related to itself: identity is not evidence of a related word.
func related(a, b string) bool {
	if a == b {
		return false
	}
	t := wordnetConcepts()
	x, y := t.concepts(a), t.concepts(b)
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] == y[j]:
			return true
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return false
}

var errWordnetFormat = errors.New("compare: malformed related-word table")

// decodeWordnet decodes the table that internal/wordnetgen writes (stored
// uncompressed: gzip made the first comparison of every process wait 10 ms
// more, for 130 KB of binary): the magic "PWN1", the number of stems, the total number of concept ids, then
// per stem in sorted order the length of the prefix shared with the previous
// stem, the length and bytes of the rest, the number of concept ids and the ids
// in ascending order (the first as is, the others as differences), all numbers
// as unsigned varints. The stems must be strictly ascending.
func decodeWordnet(data []byte) (*wordnetStems, error) {
	raw := data
	if len(raw) < 4 || string(raw[:4]) != "PWN1" {
		return nil, errWordnetFormat
	}
	d := wordnetDecoder{buf: raw[4:]}
	nStems, nIDs := d.uvarint(), d.uvarint()
	if d.bad || nStems > uint64(len(d.buf)) || nIDs > uint64(len(d.buf)) {
		return nil, errWordnetFormat
	}
	ids := make([]uint32, nIDs)
	// All stems go into one string; ends[i] is where stem i ends in it.
	names := make([]byte, 0, 8*nStems)
	ends := make([]int, nStems)
	lists := make([][]uint32, nStems)
	prev, used := 0, uint64(0) // start of the previous stem in names; ids used
	for i := range nStems {
		p, n := d.uvarint(), d.uvarint()
		if d.bad || p > uint64(len(names)-prev) || n > uint64(len(d.buf)) {
			return nil, errWordnetFormat
		}
		start := len(names)
		names = append(names, names[prev:prev+int(p)]...)
		names = append(names, d.buf[:n]...)
		d.buf = d.buf[n:]
		if i > 0 && bytes.Compare(names[prev:start], names[start:]) >= 0 {
			return nil, errWordnetFormat // not strictly ascending
		}
		prev = start
		ends[i] = len(names)
		c := d.uvarint()
		if d.bad || c == 0 || c > nIDs-used {
			return nil, errWordnetFormat
		}
		list := ids[used : used+c : used+c]
		used += c
		var v uint64
		for j := range list {
			delta := d.uvarint()
			if j > 0 && delta == 0 {
				return nil, errWordnetFormat // not strictly ascending
			}
			v += delta
			if v > 1<<32-1 {
				return nil, errWordnetFormat
			}
			list[j] = uint32(v)
		}
		lists[i] = list
	}
	if d.bad || used != nIDs || len(d.buf) != 0 {
		return nil, errWordnetFormat
	}
	t := &wordnetStems{names: string(names), ends: ends, lists: lists}
	t.index()
	return t, nil
}

// wordnetDecoder reads unsigned varints, remembering whether any was bad.
type wordnetDecoder struct {
	buf []byte
	bad bool
}

func (d *wordnetDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.buf = d.buf[n:]
	return v
}
