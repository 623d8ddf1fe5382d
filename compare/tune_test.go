//go:build tune

package compare

import (
	"context"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"strings"
	"testing"

	"parallax/corpus"
	"parallax/evaluate"
)

func simpleBuild(name, text string) *corpus.Document {
	d := &corpus.Document{Path: name, Text: text, Language: "en", Paragraphs: []corpus.Span{{Start: 0, End: len(text)}}}
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
	x    []float64
	y    float64
	ok   bool // passes the hard filters
}

// pairData is one news_synth pair's candidates with their gold labels.
type pairData struct {
	cands []candidate
	gold  []bool
}

func collect(pairs []evaluate.Pair, p params) []pairData {
	out := make([]pairData, len(pairs))
	for pi := range pairs {
		pr, _ := prepare(context.Background(), []*corpus.Document{pairs[pi].A, pairs[pi].B}, p)
		cs := pr.pairCandidates(0, 1, p)
		out[pi].cands = cs
		for _, c := range cs {
			out[pi].gold = append(out[pi].gold, pairs[pi].IsGold(c.i, c.j))
		}
	}
	return out
}

// firstPass returns samples of first-pass features.
func firstPass(data []pairData, p params) []sample {
	var ss []sample
	for pi, d := range data {
		for k, c := range d.cands {
			ss = append(ss, sample{pair: pi, i: c.i, j: c.j, x: append([]float64(nil), c.x[:]...), y: b2f(d.gold[k]), ok: c.substantive(p, false)})
		}
	}
	return ss
}

// secondPass returns samples of stacked features given first-pass weights.
func secondPass(data []pairData, p params, w []float64, b float64) []sample {
	var ss []sample
	for pi, d := range data {
		z1 := make([]float64, len(d.cands))
		for k := range d.cands {
			z1[k] = dot(w, d.cands[k].x[:], b)
		}
		na, nb := 0, 0
		for _, c := range d.cands {
			na, nb = max(na, c.i+1), max(nb, c.j+1)
		}
		st := stackFeatures(d.cands, z1, na, nb, nil, nil, nil)
		for k, c := range d.cands {
			ss = append(ss, sample{pair: pi, i: c.i, j: c.j, x: append([]float64(nil), st[k][:]...), y: b2f(d.gold[k]), ok: c.substantive(p, false)})
		}
	}
	return ss
}

// fit trains a logistic regression with L2 on standardised features and
// returns weights for the raw features.
func fit(ss []sample, l2 float64) ([]float64, float64) {
	nf := len(ss[0].x)
	mu := make([]float64, nf)
	sd := make([]float64, nf)
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
	w := make([]float64, nf)
	b := 0.0
	lr := 0.5
	g := make([]float64, nf)
	for it := 0; it < 2000; it++ {
		clear(g)
		gb := 0.0
		for _, s := range ss {
			z := b
			for k := range s.x {
				z += w[k] * (s.x[k] - mu[k]) / sd[k]
			}
			e := sigmoid(z) - s.y
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
	raw := make([]float64, nf)
	rb := b
	for k := range w {
		raw[k] = w[k] / sd[k]
		rb -= w[k] * mu[k] / sd[k]
	}
	return raw, rb
}

func evalModel(pairs []evaluate.Pair, ss []sample, which func(int) bool, w []float64, b, thr float64) evaluate.LinkScores {
	var s evaluate.LinkScores
	links := map[int][][2]int{}
	for _, x := range ss {
		if !which(x.pair) || !x.ok {
			continue
		}
		if sigmoid(dot(w, x.x, b)) >= thr {
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

func bestThr(pairs []evaluate.Pair, ss []sample, which func(int) bool, w []float64, b float64) (float64, evaluate.LinkScores) {
	bt, bs := 0.0, evaluate.LinkScores{}
	for thr := 0.1; thr < 0.9; thr += 0.025 {
		s := evalModel(pairs, ss, which, w, b, thr)
		if s.F1 > bs.F1 {
			bt, bs = thr, s
		}
	}
	return bt, bs
}

func subset(ss []sample, f func(int) bool) []sample {
	var o []sample
	for _, s := range ss {
		if f(s.pair) {
			o = append(o, s)
		}
	}
	return o
}

// updating reports whether -update was given (the flag is golden_test.go's,
// in the same test binary): TestFit then rewrites linkmodel.go.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// featureNames and stackNames name the weights in linkmodel.go.
var (
	featureNames = [numFeatures]string{
		fScore: "fScore", fDice: "fDice", fCont: "fCont", fRowRatio: "fRowRatio", fColRatio: "fColRatio",
		fRowBest: "fRowBest", fColBest: "fColBest", fNeighbour: "fNeighbour", fExact: "fExact",
		fSynonym: "fSynonym", fNumBoth: "fNumBoth", fNumConflict: "fNumConflict", fGrams: "fGrams",
		fRowMargin: "fRowMargin", fColMargin: "fColMargin", fCommon: "fCommon", fWeight: "fWeight",
		fShort: "fShort", fMaxW: "fMaxW", fPosition: "fPosition", fClauseDice: "fClauseDice",
		fClauseCover: "fClauseCover", fVecAlign: "fVecAlign", fSentCos: "fSentCos",
		fSentRowMargin: "fSentRowMargin", fSentColMargin: "fSentColMargin",
	}
	stackNames = [numStack]string{
		sZ1: "sZ1", sDiag: "sDiag", sRowRatio: "sRowRatio", sColRatio: "sColRatio", sSide: "sSide", sRun: "sRun",
	}
)

// writeModel writes linkmodel.go: one named line per weight.
func writeModel(w1 []float64, b1 float64, w2 []float64, b2, thr float64, summary string) {
	var sb strings.Builder
	sb.WriteString("// Code generated by TestFit (go test -tags tune -run TestFit ./compare/ -args -update); DO NOT EDIT.\n\n")
	sb.WriteString("package compare\n\n")
	fmt.Fprintf(&sb, "// The link model: two logistic regressions, fitted on %s.\n//\n", summary)
	sb.WriteString("// linkWeights and linkBias give the first pass over candidate features.\nvar linkWeights = [numFeatures]float64{\n")
	for k, x := range w1 {
		fmt.Fprintf(&sb, "\t%s: %.6f,\n", featureNames[k], x)
	}
	fmt.Fprintf(&sb, "}\n\nconst linkBias = %.6f\n\n", b1)
	sb.WriteString("// stackWeights and stackBias give the second pass over stacked features.\nvar stackWeights = [numStack]float64{\n")
	for k, x := range w2 {
		fmt.Fprintf(&sb, "\t%s: %.6f,\n", stackNames[k], x)
	}
	fmt.Fprintf(&sb, "}\n\nconst stackBias = %.6f\n\n// linkThreshold is the probability that maximised F1 in the fit.\nconst linkThreshold = %.3f\n", b2, thr)
	src, err := format.Source([]byte(sb.String()))
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile("linkmodel.go", src, 0o644); err != nil {
		panic(err)
	}
}

func train(pairs []evaluate.Pair, data []pairData, p params, which func(int) bool) (w1 []float64, b1 float64, w2 []float64, b2, thr float64) {
	s1 := firstPass(data, p)
	w1, b1 = fit(subset(s1, which), 0.01)
	s2 := secondPass(data, p, w1, b1)
	w2, b2 = fit(subset(s2, which), 0.01)
	thr, _ = bestThr(pairs, s2, which, w2, b2)
	return
}

func TestFit(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", corpus.FromText)
	p := defaultParams
	envF := func(name string, dst *float64) {
		if v := os.Getenv(name); v != "" {
			fmt.Sscan(v, dst)
		}
	}
	envF("SYN", &p.synWeight)
	envF("CONT", &p.contWeight)
	envF("POW", &p.idfPow)
	envF("POS", &p.position)
	if v := os.Getenv("MINC"); v != "" {
		fmt.Sscan(v, &p.minContent)
	}
	data := collect(pairs, p)
	even := func(i int) bool { return i%2 == 0 }
	odd := func(i int) bool { return i%2 == 1 }
	all := func(int) bool { return true }
	for _, f := range []struct{ tr, te func(int) bool }{{even, odd}, {odd, even}} {
		w1, b1, w2, b2, thr := train(pairs, data, p, f.tr)
		fmt.Println("held-out fold:", evalModel(pairs, secondPass(data, p, w1, b1), f.te, w2, b2, thr))
	}
	w1, b1, w2, b2, thr := train(pairs, data, p, all)
	s := evalModel(pairs, secondPass(data, p, w1, b1), all, w2, b2, thr)
	fmt.Printf("all: thr %.3f %s\nw1 %.3f b1 %.3f\nw2 %.3f b2 %.3f\n", thr, s, w1, b1, w2, b2)
	if updating() {
		writeModel(w1, b1, w2, b2, thr, fmt.Sprintf("the news_synth\n// development split (%s\n// at threshold %.3f, before calibration)", s, thr))
	}
}

// pairCandidates returns the candidates between documents a and b.
func (pr *prepared) pairCandidates(a, b int, p params) []candidate {
	p.topK, p.postingCap = 0, 0 // every pair that shares a stem
	_, cs, _ := candidates(context.Background(), pr, a, b, p, &scratch{})
	return cs
}

func TestGateStats(t *testing.T) {
	dir, _ := evaluate.FindData("")
	pairs, _ := evaluate.LoadNewsSynth(dir+"/news_synth_dev", corpus.FromText)
	data := collect(pairs, defaultParams)
	for _, g := range []float64{0.3, 0.5, 0.7, 0.9} {
		n, below, gold, goldBelow := 0, 0, 0, 0
		for _, d := range data {
			for k, c := range d.cands {
				n++
				if max(c.x[fRowRatio], c.x[fColRatio]) < g {
					below++
				}
				if d.gold[k] {
					gold++
					if max(c.x[fRowRatio], c.x[fColRatio]) < g {
						goldBelow++
					}
				}
			}
		}
		fmt.Printf("gate %.2f: %d/%d candidates below, %d/%d gold below\n", g, below, n, goldBelow, gold)
	}
}
