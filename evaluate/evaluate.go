// Package evaluate measures Parallax's engine on data nobody on the project
// wrote: sentence-link precision, recall and F1 on ABCD-LINK news_synth (a
// news article and a rewrite of it, with gold sentence links), on pairs of
// real articles by different outlets (ecb_pairs_dev, complete gold; ecb_dev,
// same-event links between annotated sentences), and the
// correlation of pairwise scores with the graded STS-B news headlines.
//
// The package knows the data sets and the metrics, not the engine: callers
// hand it an Engine, so that the engine's own tests can use it too.
package evaluate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"parallax/corpus"
)

// Builder turns extracted plain text into a segmented document.
type Builder func(name, text string) *corpus.Document

// Pair is one article pair of news_synth, read and segmented.
type Pair struct {
	// ID names the pair in links.json.
	ID string
	// A and B are the two articles, built from their joined gold sentences.
	A, B *corpus.Document
	// gold holds the gold links as (A sentence, B sentence) pairs of gold
	// sentence indexes.
	gold map[[2]int]bool
	// related holds pairs that are neither hits nor false links.
	related map[[2]int]bool
	// toGoldA and toGoldB map each of the document's own sentences to the
	// gold sentence it overlaps most.
	toGoldA, toGoldB []int
	// annotatedA and annotatedB, when not nil, are the gold sentences
	// between which predictions count (ecb_dev).
	annotatedA, annotatedB map[int]bool
}

// LinkScores are micro-averaged sentence-link counts and figures.
type LinkScores struct {
	Pairs                    int
	Gold, Predicted, Correct int
	Precision, Recall, F1    float64
}

// String formats the scores for a report.
func (s LinkScores) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (%d pairs, %d gold links, %d predicted, %d correct)",
		s.Precision, s.Recall, s.F1, s.Pairs, s.Gold, s.Predicted, s.Correct)
}

// LoadNewsSynth reads news_synth's docs.json and links.json from dir and
// builds both documents of every pair with build, which segments them
// anew: the engine is measured with its own sentence splitting.
func LoadNewsSynth(dir string, build Builder) ([]Pair, error) {
	return loadPairs("news_synth", dir, build, nil)
}

// LoadECBPairs reads ecb_pairs_dev: pairs of real articles by different
// outlets with complete gold. Its related pairs (the same specific fact,
// with a main claim added or left out) are neither hits nor false links.
func LoadECBPairs(dir string, build Builder) ([]Pair, error) {
	return loadPairs("ecb_pairs", dir, build, nil)
}

// LoadECBDev reads ecb_dev: same-event article pairs whose gold covers only
// the sentences ECB+ annotated for event mentions. A sentence counts as
// annotated when it takes part in a gold link of any pair; predicted links
// count only between annotated sentences (recall is over all gold links).
func LoadECBDev(dir string, build Builder) ([]Pair, error) {
	annotated := map[string]map[int]bool{}
	return loadPairs("ecb_dev", dir, build, annotated)
}

// pairFile is one pair of links.json.
type pairFile struct {
	Doc1    string              `json:"doc1"`
	Doc2    string              `json:"doc2"`
	Links   map[string][]string `json:"links"`
	Related map[string][]string `json:"related"`
}

// loadPairs reads docs.json and links.json from dir. When annotated is not
// nil it is filled with the sentences of each document found in a gold
// link, and each pair's predictions are restricted to them.
func loadPairs(set, dir string, build Builder, annotated map[string]map[int]bool) ([]Pair, error) {
	var docs map[string]map[string]string
	var links map[string]pairFile
	if err := readJSON(filepath.Join(dir, "docs.json"), &docs); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "links.json"), &links); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(links))
	for id := range links {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pairs := make([]Pair, 0, len(ids))
	for _, id := range ids {
		l := links[id]
		sa, ok1 := docs[l.Doc1]
		sb, ok2 := docs[l.Doc2]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s: pair %q names a document that docs.json lacks", set, id)
		}
		p := Pair{ID: id, gold: map[[2]int]bool{}, related: map[[2]int]bool{}}
		p.A, p.toGoldA = buildJoined(l.Doc1, sa, build)
		p.B, p.toGoldB = buildJoined(l.Doc2, sb, build)
		if err := addLinks(set, id, l.Links, p.gold); err != nil {
			return nil, err
		}
		if err := addLinks(set, id, l.Related, p.related); err != nil {
			return nil, err
		}
		if annotated != nil {
			for k := range p.gold {
				mark(annotated, l.Doc1, k[0])
				mark(annotated, l.Doc2, k[1])
			}
			p.annotatedA, p.annotatedB = annotated[l.Doc1], annotated[l.Doc2]
			if p.annotatedA == nil {
				p.annotatedA = mark(annotated, l.Doc1, -1)
			}
			if p.annotatedB == nil {
				p.annotatedB = mark(annotated, l.Doc2, -1)
			}
		}
		pairs = append(pairs, p)
	}
	return pairs, nil
}

// mark records sentence i of doc as annotated (none when i is -1) and
// returns the document's set.
func mark(annotated map[string]map[int]bool, doc string, i int) map[int]bool {
	m := annotated[doc]
	if m == nil {
		m = map[int]bool{}
		annotated[doc] = m
	}
	if i >= 0 {
		m[i] = true
	}
	return m
}

// addLinks adds the sentence pairs of a links.json map to dst.
func addLinks(set, id string, links map[string][]string, dst map[[2]int]bool) error {
	for from, tos := range links {
		i, err := strconv.Atoi(from)
		if err != nil {
			return fmt.Errorf("%s: pair %q: bad sentence index %q", set, id, from)
		}
		for _, to := range tos {
			j, err := strconv.Atoi(to)
			if err != nil {
				return fmt.Errorf("%s: pair %q: bad sentence index %q", set, id, to)
			}
			dst[[2]int{i, j}] = true
		}
	}
	return nil
}

// readJSON decodes a JSON file, naming the file in any error.
func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// buildJoined joins gold sentences (keyed by their index) into one running
// text, segments it with build and maps the resulting sentences back onto
// the gold ones by the largest byte overlap.
func buildJoined(name string, sents map[string]string, build Builder) (*corpus.Document, []int) {
	idx := make([]int, 0, len(sents))
	for k := range sents {
		if i, err := strconv.Atoi(k); err == nil {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	var sb strings.Builder
	sep := ""
	for _, i := range idx {
		s := strings.TrimSpace(sents[strconv.Itoa(i)])
		sb.WriteString(sep)
		sb.WriteString(s)
		sep = " "
		if !endsSentence(s) {
			// A headline or dateline: a paragraph of its own, as in a file.
			sep = "\n\n"
		}
	}
	doc := build(name, sb.String())
	// Find each gold sentence in the built text, in order.
	type span struct{ start, end, gold int }
	var spans []span
	pos := 0
	for _, i := range idx {
		k, n := findSpaced(doc.Text[pos:], norm.NFC.String(sents[strconv.Itoa(i)]))
		if k < 0 {
			continue
		}
		spans = append(spans, span{pos + k, pos + k + n, i})
		pos += k + n
	}
	toGold := make([]int, len(doc.Sentences))
	for n, s := range doc.Sentences {
		best, bestOv := -1, 0
		for _, g := range spans {
			ov := min(s.End, g.end) - max(s.Start, g.start)
			if ov > bestOv {
				best, bestOv = g.gold, ov
			}
		}
		toGold[n] = best
	}
	return doc, toGold
}

// findSpaced returns where s first occurs in text, and its length there,
// with any run of white space in s matching any run in text: the build
// collapses a run of spaces to one (blanked names leave two in
// news_synth) but keeps paragraph breaks. It returns -1 when s is absent
// or blank.
func findSpaced(text, s string) (at, n int) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return -1, 0
	}
	for i := range words {
		words[i] = regexp.QuoteMeta(words[i])
	}
	loc := regexp.MustCompile(strings.Join(words, `\s+`)).FindStringIndex(text)
	if loc == nil {
		return -1, 0
	}
	return loc[0], loc[1] - loc[0]
}

// endsSentence reports whether s ends as a sentence does: with a full
// stop, question or exclamation mark, possibly inside quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":")
}

// Count compares predicted links, given as (A sentence, B sentence) pairs of
// the documents' own sentence indexes, with the gold links.
func (p *Pair) Count(links [][2]int) (gold, predicted, correct int) {
	pred := map[[2]int]bool{}
	for _, l := range links {
		ga, gb := p.toGoldA[l[0]], p.toGoldB[l[1]]
		k := [2]int{ga, gb}
		if ga < 0 || gb < 0 || p.related[k] {
			continue
		}
		if p.annotatedA != nil && (!p.annotatedA[ga] || !p.annotatedB[gb]) {
			continue
		}
		pred[k] = true
	}
	for k := range pred {
		if p.gold[k] {
			correct++
		}
	}
	return len(p.gold), len(pred), correct
}

// ScoreLinks aligns every pair with align and returns micro-averaged
// precision, recall and F1.
func ScoreLinks(pairs []Pair, align func(a, b *corpus.Document) [][2]int) LinkScores {
	var s LinkScores
	for i := range pairs {
		g, p, c := pairs[i].Count(align(pairs[i].A, pairs[i].B))
		s.Gold += g
		s.Predicted += p
		s.Correct += c
	}
	s.Pairs = len(pairs)
	s.Precision, s.Recall, s.F1 = prf(s.Correct, s.Predicted, s.Gold)
	return s
}

// prf computes precision, recall and F1 from counts.
func prf(correct, predicted, gold int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// STSItem is one graded sentence pair of STS-B.
type STSItem struct {
	Gold float64
	A, B string
}

// LoadSTS reads an STS-B TSV file: genre, file, year, id, score, sentence 1,
// sentence 2.
func LoadSTS(path string) ([]STSItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var items []STSItem
	for n, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 7", path, n+1, len(f))
		}
		g, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad score %q", path, n+1, f[4])
		}
		items = append(items, STSItem{Gold: g, A: f[5], B: f[6]})
	}
	return items, nil
}

// Correlations are the agreement of predicted scores with gold scores.
type Correlations struct {
	N                 int
	Spearman, Pearson float64
}

// String formats the correlations for a report.
func (c Correlations) String() string {
	return fmt.Sprintf("Spearman %.3f  Pearson %.3f  (%d pairs)", c.Spearman, c.Pearson, c.N)
}

// Correlate scores every item with score and correlates with the gold.
func Correlate(items []STSItem, score func(a, b string) float64) Correlations {
	x := make([]float64, len(items))
	y := make([]float64, len(items))
	for i, it := range items {
		x[i] = score(it.A, it.B)
		y[i] = it.Gold
	}
	return Correlations{N: len(items), Spearman: Spearman(x, y), Pearson: Pearson(x, y)}
}

// Pearson is the linear correlation of x and y.
func Pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n < 2 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / (math.Sqrt(sxx) * math.Sqrt(syy))
}

// Spearman is the rank correlation of x and y (ties get their mean rank).
func Spearman(x, y []float64) float64 { return Pearson(ranks(x), ranks(y)) }

// ranks returns the 1-based ranks of x, ties averaged.
func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}

// Engine is what the evaluation measures.
type Engine struct {
	// Build segments extracted text into a document.
	Build Builder
	// Align links the sentences of two documents.
	Align func(a, b *corpus.Document) [][2]int
	// Score rates the similarity of two sentences.
	Score func(a, b string) float64
}

// Report holds every figure of one evaluation run.
type Report struct {
	// NewsSynth is news_synth_dev: articles and rewrites of them.
	NewsSynth LinkScores
	// ECBPairs is ecb_pairs_dev: real articles by different outlets.
	ECBPairs LinkScores
	// ECBDev is ecb_dev: recall of same-event links, precision over
	// annotated sentence pairs.
	ECBDev   LinkScores
	STSDev   Correlations
	STSTrain Correlations
}

// ErrNoData is returned when the evaluation data cannot be found.
var ErrNoData = errors.New("evaluation data not found (expected ../shared/eval beside the checkout)")

// FindData returns the evaluation folder: dir when given, else
// shared/eval in the working directory or one of its parents.
func FindData(dir string) (string, error) {
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "news_synth_dev", "links.json")); err != nil {
			return "", fmt.Errorf("%s: %w", dir, ErrNoData)
		}
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared", "eval")
		if _, err := os.Stat(filepath.Join(cand, "news_synth_dev", "links.json")); err == nil {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			return "", ErrNoData
		}
	}
}

// Run measures e on the data in dir and returns the report.
func Run(dir string, e Engine) (Report, error) {
	var r Report
	pairs, err := LoadNewsSynth(filepath.Join(dir, "news_synth_dev"), e.Build)
	if err != nil {
		return r, err
	}
	r.NewsSynth = ScoreLinks(pairs, e.Align)
	if pairs, err = LoadECBPairs(filepath.Join(dir, "ecb_pairs_dev"), e.Build); err != nil {
		return r, err
	}
	r.ECBPairs = ScoreLinks(pairs, e.Align)
	if pairs, err = LoadECBDev(filepath.Join(dir, "ecb_dev"), e.Build); err != nil {
		return r, err
	}
	r.ECBDev = ScoreLinks(pairs, e.Align)
	dev, err := LoadSTS(filepath.Join(dir, "stsb_news", "headlines-dev.tsv"))
	if err != nil {
		return r, err
	}
	r.STSDev = Correlate(dev, e.Score)
	train, err := LoadSTS(filepath.Join(dir, "stsb_news", "headlines-train.tsv"))
	if err != nil {
		return r, err
	}
	r.STSTrain = Correlate(train, e.Score)
	return r, nil
}

// Write prints the report.
func (r Report) Write(w io.Writer) {
	r.WriteLinks(w)
	fmt.Fprintf(w, "STS-B headlines dev:           %s\n", r.STSDev)
	fmt.Fprintf(w, "STS-B headlines train:         %s\n", r.STSTrain)
}

// WriteLinks prints the link figures of the report.
func (r Report) WriteLinks(w io.Writer) {
	fmt.Fprintf(w, "news_synth_dev sentence links: %s\n", r.NewsSynth)
	fmt.Fprintf(w, "ecb_pairs_dev sentence links:  %s\n", r.ECBPairs)
	fmt.Fprintf(w, "ecb_dev same-event links:      %s\n", r.ECBDev)
}

// GoldLinks returns the gold links in the documents' own sentence indexes
// (the first of the document's sentences that maps onto each gold sentence).
func (p *Pair) GoldLinks() [][2]int {
	first := func(to []int, g int) int {
		for i, x := range to {
			if x == g {
				return i
			}
		}
		return -1
	}
	var out [][2]int
	for k := range p.gold {
		a, b := first(p.toGoldA, k[0]), first(p.toGoldB, k[1])
		if a >= 0 && b >= 0 {
			out = append(out, [2]int{a, b})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] || (out[i][0] == out[j][0] && out[i][1] < out[j][1]) })
	return out
}

// Judged reports whether the gold judges sentence i of A against
// sentence j of B: both map onto gold sentences, the pair is not one of
// the related pairs that count neither way, and, where the gold covers only
// annotated sentences, both are annotated.
func (p *Pair) Judged(i, j int) bool {
	ga, gb := p.toGoldA[i], p.toGoldB[j]
	if ga < 0 || gb < 0 || p.related[[2]int{ga, gb}] {
		return false
	}
	return p.annotatedA == nil || (p.annotatedA[ga] && p.annotatedB[gb])
}

// IsGold reports whether sentence i of A and sentence j of B map onto a
// gold link.
func (p *Pair) IsGold(i, j int) bool {
	ga, gb := p.toGoldA[i], p.toGoldB[j]
	return ga >= 0 && gb >= 0 && p.gold[[2]int{ga, gb}]
}
