package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocab numbers the content stems of one comparison.
type vocab struct {
	ids      map[string]int32
	gramIDs  map[string]int32
	stems    []string
	concepts [][]uint32 // WordNet concepts per id (English only)
	english  []bool     // whether the stem came from English text
	number   []bool
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}, gramIDs: map[string]int32{}} }

// gramID returns the id of a character n-gram, adding it when new.
func (v *vocab) gramID(g string) int32 {
	id, ok := v.gramIDs[g]
	if !ok {
		id = int32(len(v.gramIDs))
		v.gramIDs[g] = id
	}
	return id
}

// gramSize is the length of the character n-grams compared.
const gramSize = 4

// addGrams appends the ids of the character n-grams of word, padded with
// boundary marks, to ids.
func (v *vocab) addGrams(ids []int32, word string) []int32 {
	rs := []rune("_" + word + "_")
	if len(rs) <= gramSize {
		return append(ids, v.gramID(string(rs)))
	}
	for k := 0; k+gramSize <= len(rs); k++ {
		ids = append(ids, v.gramID(string(rs[k:k+gramSize])))
	}
	return ids
}

// id returns the id of a stem, adding it when new.
func (v *vocab) id(stem string, english, number bool) int32 {
	if id, ok := v.ids[stem]; ok {
		return id
	}
	id := int32(len(v.stems))
	v.ids[stem] = id
	v.stems = append(v.stems, stem)
	v.english = append(v.english, english)
	v.number = append(v.number, number)
	var cs []uint32
	if english && !number {
		cs = relatedConcepts(stem)
	}
	v.concepts = append(v.concepts, cs)
	return id
}

// sentFeat is what the aligner knows of one sentence.
type sentFeat struct {
	ids     []int32 // distinct content stems, sorted
	grams   []int32 // distinct character 4-grams of the content words, sorted
	surface []string
	common  []bool // per stem: written in lower case, a common word rather than part of a name
	words   int    // number of word tokens, stop words included
	skip    bool
}

// features tokenises text and returns its content-stem ids, sorted and
// distinct, with one surface form for each.
func (v *vocab) features(text, lang string) sentFeat {
	toks := Tokenize(text, lang)
	english := lang == "" || lang == "en"
	f := sentFeat{words: len(toks)}
	seen := map[int32]bool{}
	type pair struct {
		id     int32
		sur    string
		common bool
	}
	var ps []pair
	for _, t := range toks {
		if t.Stop || (len(t.Norm) < 2 && !t.Number) {
			continue
		}
		id := v.id(t.Stem, english, t.Number)
		if seen[id] {
			continue
		}
		seen[id] = true
		ps = append(ps, pair{id, t.Norm, isCommonWord(text[t.Start:t.End])})
		f.grams = v.addGrams(f.grams, t.Norm)
	}
	f.grams = sortedUnique(f.grams)
	sort.Slice(ps, func(i, j int) bool { return ps[i].id < ps[j].id })
	for _, p := range ps {
		f.ids = append(f.ids, p.id)
		f.surface = append(f.surface, p.sur)
		f.common = append(f.common, p.common)
	}
	return f
}

// match is the overlap of two sentences.
type match struct {
	weight  float64 // idf mass of the matched stems (synonyms discounted)
	exact   int     // exactly shared content stems
	synonym int     // related stem pairs
	numA    bool    // a has numbers
	numB    bool
	numBoth bool    // a number is shared
	common  int     // exactly shared stems written in lower case in both sentences
	maxW    float64 // weight of the rarest shared stem
}

// overlap measures what sentences a and b share, given stem weights.
// When ev is not nil it receives the evidence: shared words, then related
// word pairs written "a~b".
func (v *vocab) overlap(a, b *sentFeat, w []float64, synWeight float64, ev *[]string) match {
	var m match
	var restA, restB []int
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j >= len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]):
			restA = append(restA, i)
			i++
		case i >= len(a.ids) || b.ids[j] < a.ids[i]:
			restB = append(restB, j)
			j++
		default:
			id := a.ids[i]
			m.weight += w[id]
			m.maxW = math.Max(m.maxW, w[id])
			m.exact++
			if a.common[i] && b.common[j] {
				m.common++
			}
			if v.number[id] {
				m.numBoth = true
			}
			if ev != nil {
				*ev = append(*ev, a.surface[i])
			}
			i++
			j++
		}
	}
	for _, x := range restA {
		if v.number[a.ids[x]] {
			m.numA = true
		}
	}
	for _, y := range restB {
		if v.number[b.ids[y]] {
			m.numB = true
		}
	}
	if synWeight == 0 {
		return m
	}
	used := map[int]bool{}
	for _, x := range restA {
		ida := a.ids[x]
		if v.number[ida] {
			continue
		}
		best, bestW := -1, 0.0
		for _, y := range restB {
			idb := b.ids[y]
			if used[y] || v.number[idb] || !v.related(ida, idb) {
				continue
			}
			if ww := math.Min(w[a.ids[x]], w[b.ids[y]]); ww > bestW {
				best, bestW = y, ww
			}
		}
		if best >= 0 {
			used[best] = true
			m.weight += synWeight * bestW
			m.synonym++
			if ev != nil {
				*ev = append(*ev, a.surface[x]+"~"+b.surface[best])
			}
		}
	}
	return m
}

// related reports whether two distinct stems are related: one extends the
// other ("ethiopia", "ethiopian"), or WordNet puts them in one concept.
func (v *vocab) related(a, b int32) bool {
	sa, sb := v.stems[a], v.stems[b]
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) >= minPrefix && strings.HasPrefix(sb, sa) {
		return true
	}
	ca, cb := v.concepts[a], v.concepts[b]
	return len(ca) > 0 && len(cb) > 0 && intersects(ca, cb)
}

// minPrefix is the shortest stem that matches the longer stems it begins
// (demonyms and derived forms the stemmer leaves apart).
const minPrefix = 5

// intersects reports whether two sorted lists share an element.
func intersects(a, b []uint32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// gramDice is the weighted Dice coefficient of two sorted n-gram lists.
func gramDice(a, b []int32, w []float64) float64 {
	var shared, total float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			total += w[a[i]]
			i++
		case i >= len(a) || b[j] < a[i]:
			total += w[b[j]]
			j++
		default:
			shared += 2 * w[a[i]]
			total += 2 * w[a[i]]
			i++
			j++
		}
	}
	if total == 0 {
		return 0
	}
	return shared / total
}

// gramWeights returns inverse sentence frequencies of the n-grams.
func gramWeights(v *vocab, feats [][]sentFeat) []float64 {
	df := make([]int, len(v.gramIDs))
	n := 0
	for _, fs := range feats {
		for _, f := range fs {
			if f.skip {
				continue
			}
			n++
			for _, id := range f.grams {
				df[id]++
			}
		}
	}
	w := make([]float64, len(df))
	for id, d := range df {
		w[id] = math.Log(float64(n+1) / float64(max(d, 1)))
	}
	return w
}

// mass is the total weight of a sentence's content stems.
func mass(f *sentFeat, w []float64) float64 {
	s := 0.0
	for _, id := range f.ids {
		s += w[id]
	}
	return s
}

// idfWeights returns inverse sentence frequencies over the given sentences:
// a stem found in few of them weighs more than one found in many.
func idfWeights(v *vocab, feats [][]sentFeat, pow float64) []float64 {
	df := make([]int, len(v.stems))
	n := 0
	for _, fs := range feats {
		for _, f := range fs {
			if f.skip {
				continue
			}
			n++
			for _, id := range f.ids {
				df[id]++
			}
		}
	}
	w := make([]float64, len(v.stems))
	for id := range w {
		d := df[id]
		if d == 0 {
			d = 1
		}
		w[id] = math.Log(float64(n+1) / float64(d))
		if w[id] < 0.05 {
			w[id] = 0.05
		}
		w[id] = math.Pow(w[id], pow)
	}
	return w
}

// sortedUnique sorts and de-duplicates ids in place.
func sortedUnique(ids []int32) []int32 {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// isCommonWord reports whether a word is written in lower case (or is a
// number): a common word, not a name or part of a title.
func isCommonWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsUpper(r)
}
