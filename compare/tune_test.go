//go:build tune

package compare

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"parallax/corpus"
	"parallax/evaluate"
)

func simpleBuild(name, text string) *corpus.Document {
	d := &corpus.Document{Path: name, Text: text, Language: "en", Paragraphs: []corpus.Span{{0, len(text)}}}
	for i, s := range corpus.SplitSentences(text) {
		d.Sentences = append(d.Sentences, corpus.Sentence{Index: i, Start: s.Start, End: s.End})
	}
	return d
}

func alignWith(p params, sens float64) func(a, b *corpus.Document) [][2]int {
	return func(a, b *corpus.Document) [][2]int {
		res, _ := compareWith(context.Background(), []*corpus.Document{a, b}, Options{Sensitivity: sens}, p)
		var out [][2]int
		for _, l := range res.Links {
			out = append(out, [2]int{l.A.Sentence, l.B.Sentence})
		}
		return out
	}
}

func TestTune(t *testing.T) {
	dir, err := evaluate.FindData("")
	if err != nil {
		t.Skip(err)
	}
	pairs, err := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	if err != nil {
		t.Fatal(err)
	}
	sts, _ := evaluate.LoadSTS(dir + "/stsb_news/headlines-dev.tsv")
	base := defaultParams
	docs, _, _ := corpus.Load(context.Background(), []string{"../../shared/seeds"}, corpus.LoadOptions{})
	for _, g := range []float64{0, 0.5, 1, 1.5, 2} {
		for _, ref := range []float64{0.2, 0.3, 0.4} {
			q := base
			q.regimeGamma, q.regimeRef = g, ref
			for _, sens := range []float64{0.5} {
				res, _ := compareWith(context.Background(), docs, Options{Sensitivity: sens}, q)
				per := map[[2]int]int{}
				for _, l := range res.Links {
					per[[2]int{l.A.Doc, l.B.Doc}]++
				}
				fmt.Printf("gamma %.1f ref %.1f sens %.2f %s seeds %d %v\n", g, ref, sens, evaluate.ScoreLinks(pairs, alignWith(q, sens)), len(res.Links), per)
			}
		}
	}
	fmt.Println("STS", evaluate.Correlate(sts, func(a, b string) float64 { s, _ := scoreWith(a, b, base); return s }))
}

type variant struct {
	name string
	set  func(*params)
}

var variants = []variant{
	{"pow2", func(p *params) { p.idfPow = 2 }},
	{"pow1.5", func(p *params) { p.idfPow = 1.5 }},
	{"pow0.5", func(p *params) { p.idfPow = 0.5 }},
	{"minShared1", func(p *params) { p.minShared = 1 }},
	{"ratio0.5", func(p *params) { p.ratio = 0.5 }},
	{"ratio0.85", func(p *params) { p.ratio = 0.85 }},
	{"ratio1", func(p *params) { p.ratio = 1 }},
	{"cont0", func(p *params) { p.contWeight = 0 }},
	{"cont1", func(p *params) { p.contWeight = 1 }},
	{"nbr0.2", func(p *params) { p.neighbour = 0.2 }},
	{"num1", func(p *params) { p.numPenalty = 1 }},
}

func TestSegDiag(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	g, p, c := 0, 0, 0
	for _, pr := range pairs {
		// identity alignment of the pair against itself measures segmentation loss
		_ = pr
	}
	_ = g + p + c
	// report per-doc sentence counts vs gold
	n := 0
	for _, pr := range pairs {
		n += len(pr.A.Sentences) + len(pr.B.Sentences)
	}
	fmt.Println("sentences", n)
}

func TestErrDiag(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	p := defaultParams
	for _, pr := range pairs[10:14] {
		res, _ := compareWith(context.Background(), []*corpus.Document{pr.A, pr.B}, DefaultOptions(), p)
		fmt.Println("=====", pr.ID)
		gold := pr.GoldLinks()
		pred := map[[2]int]float64{}
		for _, l := range res.Links {
			pred[[2]int{l.A.Sentence, l.B.Sentence}] = l.Score
		}
		for _, k := range gold {
			s, ok := pred[k]
			fmt.Printf("GOLD %v found=%v %.3f\n  A: %s\n  B: %s\n", k, ok, s, pr.A.SentenceText(k[0]), pr.B.SentenceText(k[1]))
		}
		for k, s := range pred {
			isG := false
			for _, g := range gold {
				if g == k {
					isG = true
				}
			}
			if !isG {
				fmt.Printf("FP %v %.3f\n  A: %s\n  B: %s\n", k, s, pr.A.SentenceText(k[0]), pr.B.SentenceText(k[1]))
			}
		}
	}
}

type sample struct {
	pair int
	i, j int
	x    [numFeatures]float64
	y    float64
	ok   bool // passes the hard filters
}

func collect(pairs []evaluate.Pair, p params) []sample {
	var out []sample
	for pi := range pairs {
		pr := prepare([]*corpus.Document{pairs[pi].A, pairs[pi].B}, p)
		for _, c := range pr.pairCandidates(0, 1, p) {
			out = append(out, sample{pair: pi, i: c.i, j: c.j, x: c.x, y: b2f(pairs[pi].IsGold(c.i, c.j)), ok: c.m.exact+c.m.synonym >= p.minShared})
		}
	}
	return out
}

// fit trains a logistic regression with L2 on standardised features and
// returns weights for the raw features.
func fit(ss []sample, l2 float64) ([numFeatures]float64, float64) {
	var mu, sd [numFeatures]float64
	n := float64(len(ss))
	for _, s := range ss {
		for k := range s.x {
			mu[k] += s.x[k] / n
		}
	}
	for _, s := range ss {
		for k := range s.x {
			sd[k] += (s.x[k] - mu[k]) * (s.x[k] - mu[k]) / n
		}
	}
	for k := range sd {
		sd[k] = math.Sqrt(sd[k])
		if sd[k] == 0 {
			sd[k] = 1
		}
	}
	var w [numFeatures]float64
	b := 0.0
	lr := 0.5
	for it := 0; it < 3000; it++ {
		var g [numFeatures]float64
		gb := 0.0
		for _, s := range ss {
			z := b
			for k := range s.x {
				z += w[k] * (s.x[k] - mu[k]) / sd[k]
			}
			e := 1/(1+math.Exp(-z)) - s.y
			for k := range s.x {
				g[k] += e * (s.x[k] - mu[k]) / sd[k] / n
			}
			gb += e / n
		}
		for k := range w {
			w[k] -= lr * (g[k] + l2*w[k])
		}
		b -= lr * gb
	}
	var raw [numFeatures]float64
	rb := b
	for k := range w {
		raw[k] = w[k] / sd[k]
		rb -= w[k] * mu[k] / sd[k]
	}
	return raw, rb
}

func evalModel(pairs []evaluate.Pair, ss []sample, which func(int) bool, w [numFeatures]float64, b, thr float64) evaluate.LinkScores {
	var s evaluate.LinkScores
	links := map[int][][2]int{}
	for _, x := range ss {
		if !which(x.pair) || !x.ok {
			continue
		}
		z := b
		for k := range x.x {
			z += w[k] * x.x[k]
		}
		if 1/(1+math.Exp(-z)) >= thr {
			links[x.pair] = append(links[x.pair], [2]int{x.i, x.j})
		}
	}
	for pi := range pairs {
		if !which(pi) {
			continue
		}
		g, p, c := pairs[pi].Count(links[pi])
		s.Gold += g
		s.Predicted += p
		s.Correct += c
		s.Pairs++
	}
	s.Precision = float64(s.Correct) / math.Max(1, float64(s.Predicted))
	s.Recall = float64(s.Correct) / math.Max(1, float64(s.Gold))
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

func bestThr(pairs []evaluate.Pair, ss []sample, which func(int) bool, w [numFeatures]float64, b float64) (float64, evaluate.LinkScores) {
	bt, bs := 0.0, evaluate.LinkScores{}
	for thr := 0.1; thr < 0.9; thr += 0.025 {
		s := evalModel(pairs, ss, which, w, b, thr)
		if s.F1 > bs.F1 {
			bt, bs = thr, s
		}
	}
	return bt, bs
}

var update = flag.Bool("update", false, "rewrite linkmodel.go from the fit")

func writeModel(w [numFeatures]float64, b, thr float64, s evaluate.LinkScores) {
	var sb strings.Builder
	sb.WriteString("// Code generated by TestFit (go test -tags tune -run TestFit -update ./compare/); DO NOT EDIT.\n\n")
	sb.WriteString("package compare\n\n")
	fmt.Fprintf(&sb, "// linkWeights and linkBias are a logistic model of P(link | candidate\n// features), fitted on the news_synth development split:\n// %s at threshold %.3f.\n", s, thr)
	sb.WriteString("var linkWeights = [numFeatures]float64{\n")
	for _, x := range w {
		fmt.Fprintf(&sb, "\t%.6f,\n", x)
	}
	fmt.Fprintf(&sb, "}\n\nconst linkBias = %.6f\n\n// linkThreshold is the probability that maximised F1 in the fit.\nconst linkThreshold = %.3f\n", b, thr)
	if err := os.WriteFile("linkmodel.go", []byte(sb.String()), 0o644); err != nil {
		panic(err)
	}
}

func TestFit(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	p := defaultParams
	ss := collect(pairs, p)
	pos := 0
	for _, s := range ss {
		pos += int(s.y)
	}
	fmt.Println("samples", len(ss), "positive", pos)
	even := func(i int) bool { return i%2 == 0 }
	odd := func(i int) bool { return i%2 == 1 }
	sub := func(f func(int) bool) []sample {
		var o []sample
		for _, s := range ss {
			if f(s.pair) {
				o = append(o, s)
			}
		}
		return o
	}
	for _, l2 := range []float64{0.001, 0.01} {
		w1, b1 := fit(sub(even), l2)
		t1, _ := bestThr(pairs, ss, even, w1, b1)
		w2, b2 := fit(sub(odd), l2)
		t2, _ := bestThr(pairs, ss, odd, w2, b2)
		fmt.Printf("l2 %g  fold1 %s\n        fold2 %s\n", l2, evalModel(pairs, ss, odd, w1, b1, t1), evalModel(pairs, ss, even, w2, b2, t2))
	}
	w, b := fit(ss, 0.001)
	thr, s := bestThr(pairs, ss, func(int) bool { return true }, w, b)
	fmt.Printf("all: thr %.3f %s\nw: %#v\nbias: %v\n", thr, s, w, b)
	if *update {
		writeModel(w, b, thr, s)
	}
}

// relatedness statistics per doc pair
func pairStat(pr *prepared, a, b int, p params) (float64, int) {
	cs := pr.pairCandidates(a, b, p)
	n := 0
	for _, c := range cs {
		if c.x[5] == 1 && c.x[6] == 1 && linkProb(&c.x) >= 0.5 {
			n++
		}
	}
	m := min(len(pr.feats[a]), len(pr.feats[b]))
	return float64(n) / float64(m), n
}

func TestRegime(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	var rs []float64
	for _, pp := range pairs {
		pr := prepare([]*corpus.Document{pp.A, pp.B}, defaultParams)
		r, _ := pairStat(pr, 0, 1, defaultParams)
		rs = append(rs, r)
	}
	slices.Sort(rs)
	fmt.Println("news_synth R quantiles:", rs[0], rs[len(rs)/10], rs[len(rs)/4], rs[len(rs)/2], rs[3*len(rs)/4])
	docs, _, _ := corpus.Load(context.Background(), []string{"../../shared/seeds"}, corpus.LoadOptions{})
	pr := prepare(docs, defaultParams)
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			r, n := pairStat(pr, a, b, defaultParams)
			fmt.Printf("seeds %d-%d R %.3f n %d\n", a, b, r, n)
		}
	}
}

func bgStat(pr *prepared, a, b int, p params) (mean, sd, linkZ float64) {
	cs := pr.pairCandidates(a, b, p)
	na, nb := len(pr.feats[a]), len(pr.feats[b])
	n := float64(na * nb)
	var s1, s2 float64
	for _, c := range cs {
		s1 += c.score
		s2 += c.score * c.score
	}
	mean = s1 / n
	sd = math.Sqrt(s2/n - mean*mean)
	return
}

func TestBackground(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", simpleBuild)
	var ms, gz, nz []float64
	for _, pp := range pairs {
		pr := prepare([]*corpus.Document{pp.A, pp.B}, defaultParams)
		m, sd, _ := bgStat(pr, 0, 1, defaultParams)
		ms = append(ms, m)
		for _, c := range pr.pairCandidates(0, 1, defaultParams) {
			z := (c.score - m) / sd
			if pp.IsGold(c.i, c.j) {
				gz = append(gz, z)
			} else if c.x[5] == 1 || c.x[6] == 1 {
				nz = append(nz, z)
			}
		}
	}
	q := func(x []float64) string {
		slices.Sort(x)
		return fmt.Sprintf("%.3f %.3f %.3f %.3f %.3f", x[len(x)/10], x[len(x)/4], x[len(x)/2], x[3*len(x)/4], x[9*len(x)/10])
	}
	fmt.Println("news_synth bg mean quantiles:", q(ms))
	fmt.Println("gold z:", q(gz))
	fmt.Println("nongold best z:", q(nz))
	docs, _, _ := corpus.Load(context.Background(), []string{"../../shared/seeds"}, corpus.LoadOptions{})
	pr := prepare(docs, defaultParams)
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			m, sd, _ := bgStat(pr, a, b, defaultParams)
			var zs []string
			for _, c := range pr.pairCandidates(a, b, defaultParams) {
				if linkProb(&c.x) > 0.35 {
					zs = append(zs, fmt.Sprintf("%d:%d=%.1f", c.i, c.j, (c.score-m)/sd))
				}
			}
			fmt.Printf("seeds %d-%d bg %.3f sd %.3f  %v\n", a, b, m, sd, zs)
		}
	}
}
