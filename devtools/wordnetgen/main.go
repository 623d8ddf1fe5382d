// Command wordnetgen builds the related-word table that package compare
// embeds (compare/wordnet.dat) from a WordNet 3.0 database, as Debian's
// wordnet-base package installs it under /usr/share/wordnet.
//
// Usage, from the module root:
//
//	go run ./devtools/wordnetgen [-dict /usr/share/wordnet] [-out compare/wordnet.dat]
//
// Every single-word lemma (letters only, three letters or more, no stop word)
// is reduced to its Snowball English stem. A concept is a WordNet synset. A
// stem receives the synsets of the first senses of each of its lemmas: at most
// three for nouns, verbs and adjectives and one for adverbs (one fewer for words
// with more than twelve senses), where a sense after the first also needs at
// least 30% of the first sense's tagged count in cntlist.rev, since the index
// files rank senses by that frequency. Each kept sense adds the synsets it
// points to through derivational links ("+", e.g. migrant → migrate) and
// pertainyms ("\", e.g. presidential → president) when the target is itself a
// kept sense of the target word; the cluster head of an adjective satellite
// ("&", e.g. huge → large) when that cluster has at most 50 satellites; and
// the hypernym of a noun or verb ("@", e.g. immigrant → migrant) when that
// hypernym has at most five hyponyms, so that no general synset joins many
// words. A stem takes the senses of its commonest word and of its other
// words except those derived with a suffix that changes the part of speech
// or role (-ly, -er, -or, -al, -ful, -ness, -ist: promptly, insider,
// implemental): in a text, the stem mostly stands for its base word. Irregular inflections from the *.exc files (said → say) get the
// concepts of their base form. Synsets of numbers are left out. Concepts that
// only one stem holds are dropped, since they can never relate two stems, and
// each stem keeps its eight best concepts, ranked by the tagged count of the
// sense they come from.
//
// The flags change these settings, for experiments; "go generate" uses the
// defaults.
//
// Each concept of a stem also records its origin: the parts of speech of
// the stem's own senses that reach it, with the senses derivations join to
// them within the stem (a mask: adjective 1, noun 2, adverb 4, verb 8,
// adjective in -ed or -ing 16), so that a word used as a noun can be held
// to the concepts of its noun senses and of their derivational family.
//
// The output is laid out to be read in place, without unpacking: the magic
// "PWN3"; the number of stems, of concept ids over all stems and of bytes
// of the stems; for each stem in sorted order the end of the stem in the
// stems' bytes, then for each stem the end of its concept ids; the stems end
// to end; every stem's concept ids in ascending order; and the origin mask
// of each concept id in the same order, a byte each. Numbers take 4
// little-endian bytes, concept ids 2.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kljensen/snowball"
	"github.com/kljensen/snowball/english"
)

// options are the tuning knobs of the table.
type options struct {
	kNoun, kVerb, kAdj, kAdv int     // senses kept per word and part of speech
	polysemous               int     // words with more senses than this keep one sense fewer
	minShare                 float64 // a later sense needs this share of the first sense's tagged count
	maxConcepts              int     // concepts kept per stem
	deriv, pert, similar     bool    // follow "+", "\" and satellite "&" pointers
	hyper                    int     // follow noun "@" pointers to synsets with at most this many hyponyms (0: off)
	simMax                   int     // follow "&" only to heads with at most this many satellites
	verbHyper                bool    // follow verb "@" pointers as well
	lemmaShare               float64 // a word needs this share of the tagged count of its stem's commonest word
	exc                      bool    // give irregular inflections (said, went) the concepts of their base form
	minStems                 int     // a concept is kept only when at least this many stems hold it
	ownWords                 bool    // a stem takes only its commonest word and words not derived from it (see inflected)
}

// pointer is one pointer of a synset.
type pointer struct {
	sym      string
	pos      byte
	offset   int
	src, dst int // 1-based word numbers; 0 for a semantic pointer
}

// synset is one parsed line of a data file.
type synset struct {
	pos        byte // n, v, a (with satellites) or r
	offset     int
	ssType     byte // n, v, a, s or r
	words      []string
	ptrs       []pointer
	hyponyms   int
	satellites int
	numeric    bool // a number concept ("one, 1, i, ace, single, unity")
}

// key names a synset: its part of speech and its offset in the data file.
type key struct {
	pos    byte
	offset int
}

// lemmaPos is a word in one part of speech.
type lemmaPos struct {
	lemma string
	pos   byte
}

// sortedLemmas returns the keys of m by lemma, then part of speech, so
// that the table does not depend on map order.
func sortedLemmas[V any](m map[lemmaPos]V) []lemmaPos {
	keys := make([]lemmaPos, 0, len(m))
	for lp := range m {
		keys = append(keys, lp)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].lemma != keys[j].lemma {
			return keys[i].lemma < keys[j].lemma
		}
		return keys[i].pos < keys[j].pos
	})
	return keys
}

// wordnet is the part of a WordNet database the table needs.
type wordnet struct {
	synsets map[key]*synset
	senses  map[lemmaPos][]int // synset offsets in index order
	counts  map[lemmaPos][]int // tagged count per sense number (index order)
	exc     map[lemmaPos][]string
}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet database directory")
	out := flag.String("out", "compare/wordnet.dat", "output file")
	var o options
	flag.IntVar(&o.kNoun, "knoun", 3, "senses kept per noun")
	flag.IntVar(&o.kVerb, "kverb", 3, "senses kept per verb")
	flag.IntVar(&o.kAdj, "kadj", 3, "senses kept per adjective")
	flag.IntVar(&o.kAdv, "kadv", 1, "senses kept per adverb")
	flag.IntVar(&o.polysemous, "poly", 12, "words with more senses than this keep one sense fewer")
	flag.Float64Var(&o.minShare, "minshare", 0.3, "tagged-count share of the first sense a later sense needs")
	flag.IntVar(&o.maxConcepts, "max", 8, "concepts kept per stem")
	flag.BoolVar(&o.deriv, "deriv", true, "follow derivational pointers (+)")
	flag.BoolVar(&o.pert, "pert", true, "follow pertainym pointers (\\)")
	flag.BoolVar(&o.similar, "similar", true, "follow satellite-to-head similar-to pointers (&)")
	flag.IntVar(&o.hyper, "hyper", 5, "follow noun hypernyms to synsets with at most this many hyponyms (0: off)")
	flag.IntVar(&o.simMax, "simmax", 50, "follow similar-to only to heads with at most this many satellites")
	flag.BoolVar(&o.verbHyper, "verbhyper", true, "follow verb hypernyms as well")
	flag.Float64Var(&o.lemmaShare, "lemmashare", 0, "tagged-count share of the stem's commonest word a word needs")
	flag.BoolVar(&o.exc, "exc", true, "give irregular inflections the concepts of their base form")
	flag.IntVar(&o.minStems, "minstems", 2, "stems a concept needs to be kept")
	flag.BoolVar(&o.ownWords, "ownwords", true, "a stem takes only its commonest word and words not derived from it with another role (promptly, insider)")
	text := flag.String("text", "", "also write the table as text to this file")
	flag.Parse()

	wn, err := load(*dict)
	if err != nil {
		log.Fatal(err)
	}
	table, keys := build(wn, o)
	data, err := encode(table)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	if *text != "" {
		if err := writeText(*text, table, wn, keys); err != nil {
			log.Fatal(err)
		}
	}
	concepts := map[uint32]bool{}
	for _, cs := range table {
		for _, c := range cs {
			concepts[c.id] = true
		}
	}
	fmt.Printf("wordnetgen: %d stems, %d concepts, %d bytes → %s\n", len(table), len(concepts), len(data), *out)
}

// load reads the data, index, exception and count files of a WordNet database.
func load(dir string) (*wordnet, error) {
	wn := &wordnet{
		synsets: map[key]*synset{},
		senses:  map[lemmaPos][]int{},
		counts:  map[lemmaPos][]int{},
		exc:     map[lemmaPos][]string{},
	}
	files := []struct {
		name string
		pos  byte
	}{{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}}
	for _, f := range files {
		if err := eachLine(filepath.Join(dir, "data."+f.name), func(line string) error {
			return wn.parseData(line, f.pos)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "index."+f.name), func(line string) error {
			return wn.parseIndex(line, f.pos)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, f.name+".exc"), func(line string) error {
			fields := strings.Fields(line)
			if len(fields) >= 2 {
				lp := lemmaPos{fields[0], f.pos}
				wn.exc[lp] = append(wn.exc[lp], fields[1:]...)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	for _, s := range wn.synsets {
		for _, p := range s.ptrs {
			t := wn.synsets[key{p.pos, p.offset}]
			if t == nil {
				continue
			}
			switch {
			case p.sym == "@" || p.sym == "@i":
				t.hyponyms++
			case p.sym == "&" && s.ssType == 's':
				t.satellites++
			}
		}
	}
	// cntlist.rev: "lemma%ss_type:lex_filenum:lex_id:head_word:head_id sense_number tag_cnt".
	if err := eachLine(filepath.Join(dir, "cntlist.rev"), func(line string) error {
		fields := strings.Fields(line)
		if len(fields) != 3 {
			return nil
		}
		lemma, rest, ok := strings.Cut(fields[0], "%")
		if !ok || rest == "" {
			return nil
		}
		pos := map[byte]byte{'1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a'}[rest[0]]
		n, err1 := strconv.Atoi(fields[1])
		c, err2 := strconv.Atoi(fields[2])
		if pos == 0 || err1 != nil || err2 != nil || n < 1 {
			return nil
		}
		lp := lemmaPos{lemma, pos}
		cs := wn.counts[lp]
		for len(cs) < n {
			cs = append(cs, 0)
		}
		cs[n-1] += c
		wn.counts[lp] = cs
		return nil
	}); err != nil {
		return nil, err
	}
	return wn, nil
}

// eachLine calls fn for each line of a file that is neither empty nor part of
// the licence header (which starts with a space).
func eachLine(name string, fn func(string) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' { // licence header
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
	return sc.Err()
}

// parseData parses "offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... | gloss".
func (wn *wordnet) parseData(line string, pos byte) error {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return fmt.Errorf("short line %q", line)
	}
	off, err := strconv.Atoi(f[0])
	if err != nil {
		return err
	}
	s := &synset{pos: pos, offset: off, ssType: f[2][0]}
	wc, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return err
	}
	i := 4
	for w := 0; w < int(wc); w++ {
		word := strings.ToLower(f[i])
		if j := strings.IndexByte(word, '('); j >= 0 { // adjective markers: (a), (p), (ip)
			word = word[:j]
		}
		s.words = append(s.words, word)
		if word != "" && word[0] >= '0' && word[0] <= '9' {
			s.numeric = true
		}
		i += 2
	}
	pc, err := strconv.Atoi(f[i])
	if err != nil {
		return err
	}
	i++
	for p := 0; p < pc; p++ {
		o, err := strconv.Atoi(f[i+1])
		if err != nil {
			return err
		}
		st, err := strconv.ParseUint(f[i+3], 16, 16)
		if err != nil {
			return err
		}
		tp := f[i+2][0]
		if tp == 's' {
			tp = 'a'
		}
		s.ptrs = append(s.ptrs, pointer{sym: f[i], pos: tp, offset: o, src: int(st >> 8), dst: int(st & 0xff)})
		i += 4
	}
	wn.synsets[key{pos, off}] = s
	return nil
}

// parseIndex parses "lemma pos synset_cnt p_cnt ptr... sense_cnt tagsense_cnt offset...".
func (wn *wordnet) parseIndex(line string, pos byte) error {
	f := strings.Fields(line)
	if len(f) < 6 {
		return fmt.Errorf("short line %q", line)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return err
	}
	offs := make([]int, 0, n)
	for _, s := range f[len(f)-n:] {
		o, err := strconv.Atoi(s)
		if err != nil {
			return err
		}
		offs = append(offs, o)
	}
	wn.senses[lemmaPos{f[0], pos}] = offs
	return nil
}

// usable reports whether a lemma is a single lower-case word worth stemming.
func usable(lemma string) bool {
	if len(lemma) < 3 || english.IsStopWord(lemma) {
		return false
	}
	for i := 0; i < len(lemma); i++ {
		if lemma[i] < 'a' || lemma[i] > 'z' {
			return false
		}
	}
	return true
}

// kept returns the synset offsets of the senses of a word that count.
func (wn *wordnet) kept(lp lemmaPos, o options) []int {
	offs := wn.senses[lp]
	k := map[byte]int{'n': o.kNoun, 'v': o.kVerb, 'a': o.kAdj, 'r': o.kAdv}[lp.pos]
	if o.polysemous > 0 && len(offs) > o.polysemous && k > 1 {
		k--
	}
	cs := wn.counts[lp]
	var keep []int
	for i, off := range offs {
		if i >= k {
			break
		}
		if i > 0 && len(cs) > 0 && cs[0] > 0 {
			c := 0
			if i < len(cs) {
				c = cs[i]
			}
			if float64(c) < o.minShare*float64(cs[0]) {
				break
			}
		}
		keep = append(keep, off)
	}
	return keep
}

// candidate is a concept of a stem with its score (higher is better).
type candidate struct {
	k     key
	score float64
}

// build returns the table (for each stem, its concepts sorted by id) and
// the synset of each concept id.
func build(wn *wordnet, o options) (map[string][]concept, []key) {
	keptCache := map[lemmaPos]map[int]bool{}
	isKept := func(lemma string, pos byte, off int) bool {
		lp := lemmaPos{lemma, pos}
		m, ok := keptCache[lp]
		if !ok {
			m = map[int]bool{}
			for _, o2 := range wn.kept(lp, o) {
				m[o2] = true
			}
			keptCache[lp] = m
		}
		return m[off]
	}

	// Gather (stem, word) contributions first, so that words much rarer
	// than the commonest word of their stem can be left out.
	type contrib struct {
		lp         lemmaPos
		total      int  // tagged count of the word
		inflection bool // the stem is an irregular inflection of the word (said → say)
	}
	byStem := map[string][]contrib{}
	total := func(lp lemmaPos) int {
		t := 0
		for _, c := range wn.counts[lp] {
			t += c
		}
		return t
	}
	for _, lp := range sortedLemmas(wn.senses) {
		if usable(lp.lemma) {
			st := stem(lp.lemma)
			byStem[st] = append(byStem[st], contrib{lp, total(lp), false})
		}
	}
	for _, lp := range sortedLemmas(wn.exc) {
		if !o.exc || !usable(lp.lemma) {
			continue
		}
		st := stem(lp.lemma)
		for _, base := range wn.exc[lp] {
			if usable(base) && stem(base) != st {
				b := lemmaPos{base, lp.pos}
				byStem[st] = append(byStem[st], contrib{b, total(b), true})
			}
		}
	}

	cands := map[string]map[key]float64{} // stem → concept → best score
	origins := map[string]map[key]uint8{} // stem → concept → parts of speech of the senses that reach it
	add := func(stem string, t *synset, score float64, origin uint8) {
		if t.numeric {
			return
		}
		k := key{t.pos, t.offset}
		m := cands[stem]
		if m == nil {
			m = map[key]float64{}
			cands[stem] = m
			origins[stem] = map[key]uint8{}
		}
		if sc, ok := m[k]; !ok || score > sc {
			m[k] = score
		}
		origins[stem][k] |= origin
	}
	// expand adds the concepts of one word to stem.
	expand := func(stem string, lp lemmaPos, family map[key]uint8) {
		cs := wn.counts[lp]
		for i, off := range wn.kept(lp, o) {
			s := wn.synsets[key{lp.pos, off}]
			if s == nil {
				continue
			}
			origin := family[key{lp.pos, off}]
			score := 1 / float64(i+2)
			if i < len(cs) {
				score += float64(cs[i])
			}
			add(stem, s, score, origin)
			wi := slices.Index(s.words, lp.lemma) + 1 // 1-based number of the lemma in s, 0 if absent
			for _, p := range s.ptrs {
				t := wn.synsets[key{p.pos, p.offset}]
				if t == nil {
					continue
				}
				lexicalOK := func() bool {
					if p.src == 0 || p.src != wi || p.dst < 1 || p.dst > len(t.words) {
						return false
					}
					return isKept(t.words[p.dst-1], t.pos, t.offset)
				}
				switch {
				case p.sym == "+" && o.deriv && lexicalOK():
					add(stem, t, score*0.75, origin)
				case p.sym == `\` && o.pert && lexicalOK():
					add(stem, t, score*0.75, origin)
				case p.sym == "&" && o.similar && s.ssType == 's' && t.ssType == 'a' && t.satellites <= o.simMax:
					add(stem, t, score*0.5, origin)
				case p.sym == "@" && o.hyper > 0 && (s.pos == 'n' || o.verbHyper && s.pos == 'v') && t.hyponyms <= o.hyper:
					add(stem, t, score*0.25, origin)
				}
			}
		}
	}
	stems := make([]string, 0, len(byStem))
	for st := range byStem {
		stems = append(stems, st)
	}
	sort.Strings(stems)
	for _, st := range stems {
		best := 0
		for _, c := range byStem[st] {
			best = max(best, c.total)
		}
		var words []lemmaPos
		participles := map[lemmaPos]bool{}
		for _, c := range byStem[st] {
			if float64(c.total) >= o.lemmaShare*float64(best) && (!o.ownWords || c.total == best || inflected(st, c.lp.lemma)) {
				words = append(words, c.lp)
				participles[c.lp] = c.inflection && c.lp.pos == 'v'
			}
		}
		family := wn.families(words, participles, o)
		for _, lp := range words {
			expand(st, lp, family)
		}
	}

	// Keep the best-scored concepts of each stem among those that relate
	// stems, repeating until the counts settle.
	lists := map[string][]candidate{}
	for st, m := range cands {
		l := make([]candidate, 0, len(m))
		for k, sc := range m {
			l = append(l, candidate{k, sc})
		}
		sort.Slice(l, func(i, j int) bool {
			if l[i].score != l[j].score {
				return l[i].score > l[j].score
			}
			if l[i].k.pos != l[j].k.pos {
				return l[i].k.pos < l[j].k.pos
			}
			return l[i].k.offset < l[j].k.offset
		})
		lists[st] = l
	}
	for changed := true; changed; {
		changed = false
		holders := map[key]int{}
		for _, l := range lists {
			for _, c := range l {
				holders[c.k]++
			}
		}
		for st, l := range lists {
			var nl []candidate
			for _, c := range l {
				if holders[c.k] >= o.minStems && len(nl) < o.maxConcepts {
					nl = append(nl, c)
				}
			}
			if len(nl) != len(l) {
				changed = true
			}
			if len(nl) == 0 {
				delete(lists, st)
			} else {
				lists[st] = nl
			}
		}
	}

	// Number the concepts densely in (pos, offset) order.
	var keys []key
	seen := map[key]bool{}
	for _, l := range lists {
		for _, c := range l {
			if !seen[c.k] {
				seen[c.k] = true
				keys = append(keys, c.k)
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].pos != keys[j].pos {
			return keys[i].pos < keys[j].pos
		}
		return keys[i].offset < keys[j].offset
	})
	ids := make(map[key]uint32, len(keys))
	for i, k := range keys {
		ids[k] = uint32(i)
	}
	table := make(map[string][]concept, len(lists))
	for st, l := range lists {
		v := make([]concept, len(l))
		for i, c := range l {
			v[i] = concept{ids[c.k], origins[st][c.k]}
		}
		sort.Slice(v, func(i, j int) bool { return v[i].id < v[j].id })
		table[st] = v
	}
	return table, keys
}

// concept is one concept of a stem: its id and the parts of speech (a
// mask of posBit values) of the stem's own word senses that reach it,
// directly or through a relation: "attack" the noun reaches the verb
// concept "attack, assail" through a derivation, so that concept has
// the noun origin as well as the verb one.
type concept struct {
	id     uint32
	origin uint8
}

// posBit is the bit of each part of speech in an origin mask, and
// posParticiple that of an adjective in -ed or -ing; package compare reads
// the masks with the same bits.
var posBit = map[byte]uint8{'a': 1, 'n': 2, 'r': 4, 'v': 8}

const posParticiple = 16

// families returns the origin mask of each kept sense of words, the
// words of one stem: the parts of speech of the senses of its family,
// the kept senses that derivational pointers between the stem's own
// words join ("immigrant" the noun and "immigrate" the verb), so that a
// word used as a noun can stand for what its verb reaches. Homographs
// stay apart: "brief" the adjective (short) and "brief" the verb
// (instruct) share no derivation. A verb in participles stands for an
// irregular past or participle of it ("slain", "fallen"), which may also
// be used as an adjective ("the slain officer"), so its senses have the
// participle bit as well.
func (wn *wordnet) families(words []lemmaPos, participles map[lemmaPos]bool, o options) map[key]uint8 {
	own := map[lemmaPos]bool{}
	parent := map[key]key{}
	bits := map[key]uint8{}
	for _, lp := range words {
		own[lp] = true
		for _, off := range wn.kept(lp, o) {
			k := key{lp.pos, off}
			parent[k] = k
			bits[k] |= originBit(lp)
			if participles[lp] {
				bits[k] |= posParticiple
			}
		}
	}
	root := func(k key) key {
		for parent[k] != k {
			k = parent[k]
		}
		return k
	}
	for _, lp := range words {
		for _, off := range wn.kept(lp, o) {
			s := wn.synsets[key{lp.pos, off}]
			if s == nil {
				continue
			}
			wi := slices.Index(s.words, lp.lemma) + 1 // as in build's expand
			for _, p := range s.ptrs {
				tk := key{p.pos, p.offset}
				t := wn.synsets[tk]
				if p.sym != "+" || p.src != wi || t == nil || p.dst < 1 || p.dst > len(t.words) {
					continue
				}
				if _, ok := parent[tk]; !ok || !own[lemmaPos{t.words[p.dst-1], t.pos}] {
					continue
				}
				if a, b := root(key{lp.pos, off}), root(tk); a != b {
					parent[b] = a
				}
			}
		}
	}
	mask := map[key]uint8{}
	for k, b := range bits {
		mask[root(k)] |= b
	}
	out := make(map[key]uint8, len(bits))
	for k := range bits {
		out[k] = mask[root(k)]
	}
	return out
}

// originBit is the bit of a word's part of speech in an origin mask; an
// adjective in -ed or -ing ("raised", "increasing") has a bit of its
// own, since a word in -ed in a text may be that adjective but not
// another ("briefed" is not "brief", short).
func originBit(lp lemmaPos) uint8 {
	if lp.pos == 'a' && (strings.HasSuffix(lp.lemma, "ed") || strings.HasSuffix(lp.lemma, "ing")) {
		return posParticiple
	}
	return posBit[lp.pos]
}

// inflected reports whether lemma is its stem's base word or an inflection
// of it rather than a word derived from it with another part of speech or
// role (promptly, insider, implemental, helpful): in a text, the stem
// mostly stands for its base word.
func inflected(stem, lemma string) bool {
	if !strings.HasPrefix(lemma, stem) {
		return true // a spelling change: keep (said → say)
	}
	for _, suf := range []string{"ly", "er", "or", "al", "ally", "ful", "ness", "ist"} {
		if strings.HasSuffix(lemma[len(stem):], suf) {
			return false
		}
	}
	return true
}

// stem returns the Snowball English stem of a word.
func stem(word string) string {
	s, err := snowball.Stem(word, "english", false)
	if err != nil {
		log.Fatal(err)
	}
	return s
}

// encode serialises the table in the layout compare reads in place (see
// the package comment).
func encode(table map[string][]concept) ([]byte, error) {
	stems := make([]string, 0, len(table))
	for st := range table {
		stems = append(stems, st)
	}
	sort.Strings(stems)
	var names []byte
	var cs []concept
	ends := make([]byte, 0, 4*len(stems))
	idEnds := make([]byte, 0, 4*len(stems))
	for _, st := range stems {
		names = append(names, st...)
		ends = binary.LittleEndian.AppendUint32(ends, uint32(len(names)))
		cs = append(cs, table[st]...)
		idEnds = binary.LittleEndian.AppendUint32(idEnds, uint32(len(cs)))
	}
	raw := []byte("PWN3")
	for _, n := range []int{len(stems), len(cs), len(names)} {
		raw = binary.LittleEndian.AppendUint32(raw, uint32(n))
	}
	raw = append(raw, ends...)
	raw = append(raw, idEnds...)
	raw = append(raw, names...)
	for _, c := range cs {
		if c.id > 1<<16-1 {
			return nil, fmt.Errorf("concept id %d does not fit in 2 bytes", c.id)
		}
		raw = binary.LittleEndian.AppendUint16(raw, uint16(c.id))
	}
	for _, c := range cs {
		if c.origin == 0 || c.origin > 31 {
			return nil, fmt.Errorf("concept id %d: origin mask %d out of range", c.id, c.origin)
		}
		raw = append(raw, c.origin)
	}
	return raw, nil
}

// writeText writes "stem id:word,word ..." lines, for inspection.
func writeText(name string, table map[string][]concept, wn *wordnet, keys []key) error {
	stems := make([]string, 0, len(table))
	for st := range table {
		stems = append(stems, st)
	}
	sort.Strings(stems)
	var b strings.Builder
	for _, st := range stems {
		b.WriteString(st)
		for _, c := range table[st] {
			s := wn.synsets[keys[c.id]]
			fmt.Fprintf(&b, " %d:%c:%05b:%s", c.id, s.pos, c.origin, strings.Join(s.words, ","))
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}
