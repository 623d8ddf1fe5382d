package wordvec

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestDecodeEmbedded(t *testing.T) {
	v, err := decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if v.dim != 100 || v.index.len() != 50000 {
		t.Fatalf("table is %d words × %d, want 50000 × 100", v.index.len(), v.dim)
	}
	for word, rank := range map[string]int32{"the": 0, "of": 1, "said": 10} {
		if k, ok := v.index.find(word); !ok || k > rank {
			t.Errorf("rank of %q = %d, %v; want at most %d", word, k, ok, rank)
		}
	}
	norm := 0.0
	for _, x := range v.common {
		norm += float64(x) * float64(x)
	}
	if math.Abs(norm-1) > 1e-4 {
		t.Errorf("common component has squared norm %v, want 1", norm)
	}
	v.index.all(func(word string, _ int32) {
		if word != strings.ToLower(word) || strings.ContainsAny(word, " .,0123456789") {
			t.Errorf("table holds %q", word)
		}
	})
	checkIndex(t, v)
}

func TestDecodeBad(t *testing.T) {
	for name, b := range map[string]string{
		"empty":     "",
		"magic":     "PWV0\x01\x00\x00\x00\x01\x00\x00\x00",
		"size":      "PWV2\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00",
		"slots":     "PWV2\x01\x00\x00\x00\x01\x00\x00\x00\x03\x00\x00\x00",
		"old":       "PWV1" + data[4:],
		"row":       withSlot(data, 7, 50001),
		"full":      tinyFull(t),
		"truncated": data[:len(data)/2],
		"words":     data[:len(data)-1],
		"trailing":  data + "\x00",
	} {
		if _, err := decode(b); err == nil {
			t.Errorf("%s: decode succeeded", name)
		}
	}
}

// withSlot returns table b with index slot k set to v.
func withSlot(b string, k int, v uint32) string {
	d := int(u32(b[8:]))
	n := int(u32(b[4:]))
	at := 16 + 4*d + 4*n + 4*k
	return b[:at] + string(binary.LittleEndian.AppendUint32(nil, v)) + b[at+4:]
}

// tinyFull returns the generator's tiny table with every empty slot of its
// index filled, so that a lookup of an absent word would never end.
func tinyFull(t *testing.T) string {
	b, err := os.ReadFile("../../devtools/wordvecgen/testdata/tiny.dat")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for k := range int(u32(s[12:])) {
		if withSlot(s, k, 0) == s {
			s = withSlot(s, k, 1)
		}
	}
	return s
}

func TestSimilarity(t *testing.T) {
	sim := func(a, b string) float64 {
		s, ok := Similarity(a, b)
		if !ok {
			t.Fatalf("Similarity(%q, %q): no vectors", a, b)
		}
		return s
	}
	for _, c := range []struct{ a, b, c, d string }{
		// sim(a, b) > sim(c, d)
		{"car", "automobile", "car", "banana"},
		{"president", "leader", "president", "banana"},
		{"killed", "dead", "killed", "happy"},
		{"rise", "increase", "rise", "table"},
		{"troops", "soldiers", "troops", "music"},
		{"buy", "purchase", "buy", "sleep"},
	} {
		if x, y := sim(c.a, c.b), sim(c.c, c.d); x <= y {
			t.Errorf("Similarity(%q, %q) = %.3f, not above Similarity(%q, %q) = %.3f", c.a, c.b, x, c.c, c.d, y)
		}
	}
	for _, c := range []struct {
		a, b string
		min  float64
	}{
		{"president", "leader", 0.6},
		{"car", "vehicle", 0.6},
		{"car", "car", 0.999},
	} {
		if s := sim(c.a, c.b); s < c.min || s > 1+1e-9 {
			t.Errorf("Similarity(%q, %q) = %.3f, want in [%.2f, 1]", c.a, c.b, s, c.min)
		}
	}
	for _, c := range [][2]string{{"car", "qzxvbn"}, {"qzxvbn", "qzxvbn"}, {"Car", "car"}, {"", "car"}} {
		if s, ok := Similarity(c[0], c[1]); ok || s != 0 {
			t.Errorf("Similarity(%q, %q) = %v, %v; want 0, false", c[0], c[1], s, ok)
		}
	}
}

func TestLookup(t *testing.T) {
	v, ok := Lookup("news")
	if !ok || len(v.Q) != Dim() || v.Scale <= 0 {
		t.Fatalf("Lookup(news) = %v, %v", v, ok)
	}
	f := v.Float32()
	maxAbs := 0.0
	for i, x := range f {
		if x != float32(v.Q[i])*v.Scale {
			t.Fatalf("Float32()[%d] = %v, want %v", i, x, float32(v.Q[i])*v.Scale)
		}
		maxAbs = math.Max(maxAbs, math.Abs(float64(x)))
	}
	if math.Abs(maxAbs-127*float64(v.Scale)) > 1e-6 {
		t.Errorf("largest component %v, want 127 × scale = %v", maxAbs, 127*v.Scale)
	}
	if _, ok := Lookup("so-called"); !ok {
		t.Error("no vector for so-called")
	}
	if Len() != 50000 {
		t.Errorf("Len() = %d", Len())
	}
}

// words splits s at spaces.
func words(s string) []string { return strings.Fields(s) }

func TestAlign(t *testing.T) {
	idf := func(w string) float64 {
		if w == "the" || w == "a" || w == "of" {
			return 0.1
		}
		return 1
	}
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{
		{"troops killed in attack", "troops killed in attack", 1, 1},
		{"soldiers killed in attack", "troops die in assault", 0.35, 0.8},
		{"the price of oil rose", "banana recipe for cake", 0, 0.15},
		{"qzxvbn met the president", "qzxvbn met the leader", 0.7, 0.95},
		{"qzxvbn", "wqpfjz", 0, 0},
		{"", "the president", 0, 0},
	} {
		got := Align(words(c.a), words(c.b), idf)
		if got < c.min-1e-9 || got > c.max+1e-9 {
			t.Errorf("Align(%q, %q) = %.3f, want in [%.2f, %.2f]", c.a, c.b, got, c.min, c.max)
		}
		if back := Align(words(c.b), words(c.a), idf); math.Abs(back-got) > 1e-12 {
			t.Errorf("Align is not symmetric on %q, %q: %v vs %v", c.a, c.b, got, back)
		}
	}
	near := Align(words("oil prices rise"), words("crude costs increase"), nil)
	far := Align(words("oil prices rise"), words("team wins final"), nil)
	if near <= far {
		t.Errorf("Align: paraphrase %.3f not above unrelated %.3f", near, far)
	}
	if got := Align(words("a b"), words("a b"), func(string) float64 { return 0 }); got != 0 {
		t.Errorf("Align with zero weights = %v, want 0", got)
	}
}

func TestSentenceVector(t *testing.T) {
	a := SentenceVector(words("soldiers killed in attack"), nil)
	b := SentenceVector(words("troops die in assault"), nil)
	c := SentenceVector(words("banana recipe for chocolate cake"), nil)
	if len(a) != Dim() {
		t.Fatalf("SentenceVector has %d components", len(a))
	}
	if ab, ac := Cosine(a, b), Cosine(a, c); ab <= ac {
		t.Errorf("Cosine: paraphrase %.3f not above unrelated %.3f", ab, ac)
	}
	if got := Cosine(a, a); math.Abs(got-1) > 1e-6 {
		t.Errorf("Cosine(a, a) = %v", got)
	}
	proj := 0.0
	for i, x := range a {
		proj += float64(x) * float64(table.common[i])
	}
	if math.Abs(proj) > 1e-5 {
		t.Errorf("sentence vector keeps %v of the common component", proj)
	}
	if v := SentenceVector(words("qzxvbn wqpfjz"), nil); v != nil {
		t.Errorf("SentenceVector of unknown words = %v, want nil", v)
	}
	if Cosine(nil, a) != 0 || Cosine(a, a[:10]) != 0 || Cosine(make([]float32, 3), make([]float32, 3)) != 0 {
		t.Error("Cosine of empty, mismatched or zero vectors is not 0")
	}
}

// checkIndex checks that the stored index of table v is the one its word
// list gives: the same slots as IndexSlots builds, so every word is found
// at its row.
func checkIndex(t *testing.T, v *vectors) {
	t.Helper()
	words := make([]string, len(v.index.offs))
	for k := range words {
		words[k] = v.index.word(int32(k))
	}
	if want := IndexSlots(words); !slices.Equal(v.index.slots, want) {
		t.Fatal("the stored index is not the one the word list gives (regenerate the table)")
	}
	for k, w := range words {
		if got, ok := v.index.find(w); !ok || v.index.word(got) != w {
			t.Fatalf("find(%q) = %d, %v; want row %d's word", w, got, ok, k)
		}
	}
}

// TestDecodeGenerated decodes the generator's golden output for its
// synthetic tarball, so that the two agree on the format.
func TestDecodeGenerated(t *testing.T) {
	b, err := os.ReadFile("../../devtools/wordvecgen/testdata/tiny.dat")
	if err != nil {
		t.Fatal(err)
	}
	v, err := decode(string(b))
	if err != nil {
		t.Fatal(err)
	}
	checkIndex(t, v)
	rows := map[string]int32{}
	v.index.all(func(word string, k int32) { rows[word] = k })
	if v.dim != 4 || len(rows) != 5 || rows["the"] != 0 || rows["attack"] != 4 || rows["o'neill"] != 3 {
		t.Errorf("decoded %d words × %d: %v", len(rows), v.dim, rows)
	}
}

// FuzzDecode checks that decode rejects or reads any input without
// panicking, and that lookups in what it reads end, within its rows. (The
// stored index is trusted to be the word list's: checkIndex checks the
// tables that ship; on other input a word may be missed.)
func FuzzDecode(f *testing.F) {
	tiny, err := os.ReadFile("../../devtools/wordvecgen/testdata/tiny.dat")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(tiny))
	f.Add(string(tiny[:40]))
	f.Add("PWV2\x01\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00")
	f.Fuzz(func(t *testing.T, b string) {
		v, err := decode(b)
		if err != nil {
			return
		}
		v.index.all(func(word string, k int32) {
			if int(k) >= len(v.scales) || len(v.row(int(k))) != v.dim || len(word) > 255 {
				t.Fatalf("word %q has row %d of %d", word, k, len(v.scales))
			}
			if got, ok := v.index.find(word); ok && int(got) >= len(v.scales) {
				t.Fatalf("find(%q) = row %d of %d", word, got, len(v.scales))
			}
		})
	})
}

// TestWordIndex checks the index against a map filled in the same order:
// the same rows for every word (a repeated word keeps its last row, as a
// map's later assignment would), none for absent ones.
func TestWordIndex(t *testing.T) {
	var list strings.Builder
	var offs []uint32
	words := []string{"the", "of", "a", "", "so-called", "o'neill", "of", "zebra"}
	for i := range 300 {
		words = append(words, fmt.Sprintf("w%dx", i))
	}
	words = append(words, "the")
	want := map[string]int32{}
	for k, w := range words {
		offs = append(offs, uint32(list.Len()))
		list.WriteByte(byte(len(w)))
		list.WriteString(w)
		want[w] = int32(k)
	}
	for _, n := range []int{0, 1, 2, 3, len(words)} {
		x := indexWords(list.String(), offs[:n])
		if x.len() != len(mapOf(words[:n])) {
			t.Errorf("%d words: len %d, want %d", n, x.len(), len(mapOf(words[:n])))
		}
	}
	x := indexWords(list.String(), offs)
	if x.len() != len(want) {
		t.Errorf("len %d, want %d", x.len(), len(want))
	}
	for w, k := range want {
		if got, ok := x.find(w); !ok || got != k {
			t.Errorf("find(%q) = %d, %v; want %d", w, got, ok, k)
		}
	}
	for _, w := range []string{"th", "thee", "w300x", "O'Neill"} {
		if _, ok := x.find(w); ok {
			t.Errorf("find(%q) found it", w)
		}
	}
	var empty wordIndex
	if _, ok := empty.find("the"); ok || empty.len() != 0 {
		t.Error("the empty index holds something")
	}
}

// mapOf is the set of words.
func mapOf(words []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}
