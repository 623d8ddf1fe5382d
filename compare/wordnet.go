package compare

//go:generate go run ../devtools/wordnetgen -dict /usr/share/wordnet -out wordnet.dat

import (
	_ "embed" // for the related-word table
	"errors"
	"iter"
	"sort"
	"strings"
	"sync"

	"parallax/internal/wordvec"
)

// wordnetData is the related-word table built by devtools/wordnetgen from
// WordNet 3.0 (see WORDNET_LICENSE): for each English Snowball stem, the WordNet
// concepts (synsets) of its commonest senses and of their closest relatives
// (derivations, pertainyms, satellite heads, narrow hypernyms), each with
// the parts of speech of the stem's own senses that reach it. It is
// embedded as a string so that the table is used where it lies, without
// copying (see decodeWordnet).
//
//go:embed wordnet.dat
var wordnetData string

var (
	wordnetOnce  sync.Once
	wordnetTable *wordnetStems
	wordnetErr   error
)

// wordnetStems is the related-word table, read in place from its
// fixed-width layout (see decodeWordnet): looking a stem up is a binary
// search over the sorted stems, and only the concept ids of the stems
// looked up are ever unpacked.
type wordnetStems struct {
	n      int    // number of stems
	ends   string // per stem, a 4-byte end of the stem in names
	idEnds string // per stem, a 4-byte end of its concept ids in ids
	names  string // every stem, in order, end to end
	ids    string // every stem's concept ids, 2 bytes each
	// origins holds the origin mask of every concept id, in the same
	// order, a byte each: the parts of speech (posAdj, posNoun, posAdv,
	// posVerb, posParticiple) of the stem's own senses that reach the
	// concept, with their derivational family within the stem.
	origins string
	// from[b] is the first stem whose first byte is at least b: the
	// stems starting with b are from[b] to from[b+1].
	from [257]int32
}

// index fills t.from, in one pass over the stems' first bytes.
func (t *wordnetStems) index() {
	first := func(k int) int {
		if s := t.stem(k); s != "" {
			return int(s[0])
		}
		return 0 // a malformed table (see check)
	}
	k := 0
	for b := range 256 {
		for k < t.n && first(k) < b {
			k++
		}
		t.from[b] = int32(k)
	}
	t.from[256] = int32(t.n)
}

// u32 is the little-endian number at byte k*4 of s.
func u32(s string, k int) int {
	s = s[4*k : 4*k+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// u16 is the little-endian number at byte k*2 of s.
func u16(s string, k int) uint32 { return uint32(s[2*k]) | uint32(s[2*k+1])<<8 }

// len is the number of stems.
func (t *wordnetStems) len() int { return t.n }

// stem returns stem k.
func (t *wordnetStems) stem(k int) string {
	start, end := 0, u32(t.ends, k)
	if k > 0 {
		start = u32(t.ends, k-1)
	}
	if start > end || end > len(t.names) {
		return "" // a malformed table (see check)
	}
	return t.names[start:end]
}

// span returns where the concept ids of stem k start and end, 0, 0 in
// a malformed table (see check).
func (t *wordnetStems) span(k int) (start, end int) {
	if k > 0 {
		start = u32(t.idEnds, k-1)
	}
	end = u32(t.idEnds, k)
	if start > end || 2*end > len(t.ids) {
		return 0, 0
	}
	return start, end
}

// list returns the concept ids of stem k, in a new slice.
func (t *wordnetStems) list(k int) []uint32 {
	start, end := t.span(k)
	out := make([]uint32, end-start)
	for j := range out {
		out[j] = u16(t.ids, start+j)
	}
	return out
}

// find returns the number of stem, false when it is unknown.
func (t *wordnetStems) find(stem string) (int, bool) {
	if stem == "" || t.n == 0 {
		return 0, false
	}
	lo, hi := int(t.from[stem[0]]), int(t.from[int(stem[0])+1])
	k, ok := sort.Find(hi-lo, func(k int) int { return strings.Compare(stem, t.stem(lo+k)) })
	return lo + k, ok
}

// concepts returns the concept ids of stem, nil when it is unknown.
func (t *wordnetStems) concepts(stem string) []uint32 {
	k, ok := t.find(stem)
	if !ok {
		return nil
	}
	return t.list(k)
}

// all yields every stem with its concept ids, in order.
func (t *wordnetStems) all() iter.Seq2[string, []uint32] {
	return func(yield func(string, []uint32) bool) {
		for k := range t.n {
			if !yield(t.stem(k), t.list(k)) {
				return
			}
		}
	}
}

// wordnetConcepts returns the related-word table, opening it on first
// use. The table is empty if the embedded data is malformed, which the
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

// Preload starts opening the engine's tables (related words, word
// vectors) in the background and returns at once, so that a caller about
// to read articles and then compare them does both at the same time.
func Preload() {
	go wordnetConcepts()
	go wordvec.Load()
}

// relatedConcepts returns the sorted concept ids of an English Snowball
// stem (lower case) as they lie in the table, 2 little-endian bytes each
// (see u16), and the origin mask of each, a byte each (see
// wordnetStems.origins); "" when the stem is unknown. Two stems are
// related when their concept lists intersect. Nothing is copied.
func relatedConcepts(stem string) (ids, origins string) {
	t := wordnetConcepts()
	k, ok := t.find(stem)
	if !ok {
		return "", ""
	}
	start, end := t.span(k)
	return t.ids[2*start : 2*end], t.origins[start:end]
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

// wordnetHeader is the length of the table's header: the magic "PWN3",
// then the number of stems, of concept ids and of bytes of stems, each as
// 4 little-endian bytes.
const wordnetHeader = 16

// maxStemConcepts is the most concept ids one stem holds.
const maxStemConcepts = 8

// decodeWordnet opens the table that devtools/wordnetgen writes, in a
// layout that is used where it lies, without unpacking (the earlier varint
// layout took 7-13 ms to decode at every process's first comparison): the
// header (see wordnetHeader); per stem in sorted order the end of the stem
// in the stems' bytes; per stem the end of its concept ids; the stems end
// to end; the concept ids, per stem in ascending order, 2 little-endian
// bytes each; and their origin masks, a byte each. Numbers of 4 bytes
// are little-endian.
//
// Opening checks only the header and the sizes and indexes the stems by
// their first byte, in one pass: a lookup never reads out of bounds
// whatever the offsets hold. check verifies the rest, which the tests do
// for the embedded table.
func decodeWordnet(data string) (*wordnetStems, error) {
	if len(data) < wordnetHeader || data[:4] != "PWN3" {
		return nil, errWordnetFormat
	}
	n, nIDs, nNames := u32(data, 1), u32(data, 2), u32(data, 3)
	if n == 0 || n > len(data)/8 || nIDs > len(data)/2 || nNames > len(data) ||
		len(data) != wordnetHeader+8*n+nNames+3*nIDs {
		return nil, errWordnetFormat
	}
	body := data[wordnetHeader:]
	t := &wordnetStems{n: n, ends: body[:4*n], idEnds: body[4*n : 8*n], names: body[8*n : 8*n+nNames],
		ids: body[8*n+nNames : 8*n+nNames+2*nIDs], origins: body[8*n+nNames+2*nIDs:]}
	t.index()
	return t, nil
}

// check verifies what decodeWordnet leaves unchecked: the offsets ascend
// and end with their data, the stems are strictly ascending, and every stem
// holds 1 to maxStemConcepts concepts in strictly ascending order, each
// with an origin of at least one part of speech.
func (t *wordnetStems) check() error {
	prevEnd, prevIDs := 0, 0
	for k := range t.n {
		end, idEnd := u32(t.ends, k), u32(t.idEnds, k)
		if end <= prevEnd || end > len(t.names) || idEnd <= prevIDs || idEnd-prevIDs > maxStemConcepts || 2*idEnd > len(t.ids) {
			return errWordnetFormat
		}
		if k > 0 && t.stem(k-1) >= t.stem(k) {
			return errWordnetFormat // not strictly ascending
		}
		for j := prevIDs + 1; j < idEnd; j++ {
			if u16(t.ids, j) <= u16(t.ids, j-1) {
				return errWordnetFormat // concepts not strictly ascending
			}
		}
		for _, o := range []byte(t.origins[prevIDs:idEnd]) {
			if o == 0 || o&^posAny != 0 {
				return errWordnetFormat // a concept of no part of speech, or of an unknown one
			}
		}
		prevEnd, prevIDs = end, idEnd
	}
	if prevEnd != len(t.names) || 2*prevIDs != len(t.ids) {
		return errWordnetFormat
	}
	return nil
}
