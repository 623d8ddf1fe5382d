package wordvec

import "strings"

// wordIndex maps the table's words to their rows: an open-addressing hash
// table of row numbers over the table's word list. The generator builds it
// (IndexSlots) and the table stores it, so that decoding reads it in place:
// building it took most of the table's first-use cost in a short-lived
// process (decoding took 1.45 ms building it, 0.18 ms reading it; see
// BenchmarkDecode).
type wordIndex struct {
	list     string   // the words, each after its length in one byte
	offs     []uint32 // where row k's length byte is in list
	slots    []uint32 // row + 1 at a word's hash place, 0 when empty; a power of two long, never full
	distinct int      // the words indexed, each counted once
}

// IndexSlots returns the slots of the index over words (row k's word is
// words[k]) that a table stores (see devtools/wordvecgen): row + 1 at each
// word's hash place, 0 when empty. A word listed twice has its last row.
func IndexSlots(words []string) []uint32 {
	var list strings.Builder
	offs := make([]uint32, len(words))
	for k, w := range words {
		offs[k] = uint32(list.Len())
		list.WriteByte(byte(len(w)))
		list.WriteString(w)
	}
	return indexWords(list.String(), offs).slots
}

// indexWords returns the index of the words of list whose length bytes are
// at offs (row k's at offs[k]). The slots are at most half full, so that
// probes stay short. A word listed twice has its last row, as a map's later
// assignment would give it.
func indexWords(list string, offs []uint32) wordIndex {
	size := 1
	for size < 2*len(offs) {
		size <<= 1
	}
	x := wordIndex{list: list, offs: offs, slots: make([]uint32, size)}
	for k := range offs {
		s := x.place(x.word(int32(k)))
		if x.slots[s] == 0 {
			x.distinct++
		}
		x.slots[s] = uint32(k + 1)
	}
	return x
}

// word returns row k's word.
func (x *wordIndex) word(k int32) string {
	o := int(x.offs[k])
	return x.list[o+1 : o+1+int(x.list[o])]
}

// fnv32 is the 32-bit FNV-1a hash of s.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// place returns the slot of word: the slot holding it, else the empty slot
// where it would go.
func (x *wordIndex) place(word string) int {
	mask := len(x.slots) - 1
	for s := int(fnv32(word)) & mask; ; s = (s + 1) & mask {
		k := x.slots[s]
		if k == 0 || x.word(int32(k-1)) == word {
			return s
		}
	}
}

// find returns word's row and whether the index holds it.
func (x *wordIndex) find(word string) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	k := x.slots[x.place(word)]
	return int32(k) - 1, k != 0
}

// len is the number of distinct words indexed.
func (x *wordIndex) len() int { return x.distinct }

// all calls f with every indexed word and its row.
func (x *wordIndex) all(f func(word string, k int32)) {
	for _, k := range x.slots {
		if k != 0 {
			f(x.word(int32(k-1)), int32(k-1))
		}
	}
}
