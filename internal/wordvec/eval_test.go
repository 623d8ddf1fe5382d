//go:build wordveceval

package wordvec

// The evaluation of quantisation: Spearman correlation of Align and
// SentenceVector scores with the STS Benchmark headlines scores, for the
// embedded int8 table and for the same words' full-precision vectors
// (written by `go run ./internal/wordvecgen ... -full FILE`):
//
//	WORDVEC_FULL=/tmp/full.f32 go test -tags wordveceval -run Eval -v ./internal/wordvec/

import (
	"bufio"
	"encoding/binary"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// stsPair is one scored sentence pair.
type stsPair struct {
	a, b  []string
	score float64
}

// readSTS reads the pairs of an STS Benchmark TSV file.
func readSTS(t *testing.T, path string) []stsPair {
	f, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var pairs []stsPair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 7 {
			continue
		}
		s, err := strconv.ParseFloat(cols[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, stsPair{tokens(cols[5]), tokens(cols[6]), s})
	}
	return pairs
}

// tokens lower-cases s and splits it into words of letters, hyphens and
// apostrophes.
func tokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '\''
	}) {
		if w = strings.Trim(w, "-'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// readFull reads the full-precision vectors that wordvecgen -full writes.
func readFull(t *testing.T, path string) map[string][]float32 {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	le := binary.LittleEndian
	n, d := int(le.Uint32(b)), int(le.Uint32(b[4:]))
	m := make(map[string][]float32, n)
	p := 8
	for range n {
		l := int(b[p])
		w := string(b[p+1 : p+1+l])
		p += 1 + l
		v := make([]float32, d)
		for i := range v {
			v[i] = math.Float32frombits(le.Uint32(b[p:]))
			p += 4
		}
		m[w] = v
	}
	return m
}

// ranks returns the ranks of xs, ties sharing their mean rank.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return xs[idx[i]] < xs[idx[j]] })
	r := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && xs[idx[j]] == xs[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			r[idx[k]] = float64(i+j-1) / 2
		}
		i = j
	}
	return r
}

// spearman is Spearman's rank correlation of x and y.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	var mx, my float64
	for i := range rx {
		mx += rx[i]
		my += ry[i]
	}
	mx /= float64(len(rx))
	my /= float64(len(ry))
	var sxy, sxx, syy float64
	for i := range rx {
		sxy += (rx[i] - mx) * (ry[i] - my)
		sxx += (rx[i] - mx) * (rx[i] - mx)
		syy += (ry[i] - my) * (ry[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestEvalQuantisation(t *testing.T) {
	path := os.Getenv("WORDVEC_STS")
	if path == "" {
		path = "../../../shared/eval/stsb_news/headlines-dev.tsv"
	}
	pairs := readSTS(t, path)
	full := readFull(t, os.Getenv("WORDVEC_FULL"))
	df := map[string]int{}
	for _, p := range pairs {
		for _, s := range [][]string{p.a, p.b} {
			seen := map[string]bool{}
			for _, w := range s {
				if !seen[w] {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	n := float64(2 * len(pairs))
	idf := func(w string) float64 { return math.Log((n + 1) / float64(df[w]+1)) }

	fullLook := func(w string) ([]float32, bool) { v, ok := full[w]; return v, ok }
	none := func(string) ([]float32, bool) { return nil, false }
	common := load().common
	zero := make([]float32, Dim())
	fullSentence := func(words []string, common []float32) []float32 {
		return sentenceWith(words, idf, Dim(), common, func(w string, x float32, acc []float32) bool {
			v, ok := full[w]
			for i := range v {
				acc[i] += x * v[i]
			}
			return ok
		})
	}
	gold := make([]float64, len(pairs))
	scores := map[string][]float64{}
	for i, p := range pairs {
		gold[i] = p.score
		add := func(name string, x float64) { scores[name] = append(scores[name], x) }
		add("align int8", Align(p.a, p.b, idf))
		add("align float32", alignWith(p.a, p.b, idf, fullLook, Cosine))
		plain := func(u, v Vector) float64 { return u.Cosine(v) + alignDiscount }
		add("align plain cosine int8", alignWith(p.a, p.b, idf, Lookup, plain))
		add("align exact words only", alignWith(p.a, p.b, idf, none, Cosine))
		add("sentence int8", Cosine(SentenceVector(p.a, idf), SentenceVector(p.b, idf)))
		add("sentence float32", Cosine(fullSentence(p.a, common), fullSentence(p.b, common)))
		add("sentence float32 no removal", Cosine(fullSentence(p.a, zero), fullSentence(p.b, zero)))
	}
	for i := range pairs {
		scores["mean of align and sentence int8"] = append(scores["mean of align and sentence int8"], (scores["align int8"][i]+scores["sentence int8"][i])/2)
	}
	for _, name := range []string{"align int8", "align float32", "align plain cosine int8", "align exact words only", "sentence int8", "sentence float32", "sentence float32 no removal", "mean of align and sentence int8"} {
		t.Logf("%-32s Spearman %.4f over %d pairs", name, spearman(scores[name], gold), len(pairs))
	}
}
