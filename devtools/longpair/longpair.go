// Package longpair builds long article pairs from the evaluation data, for
// measuring the engine at scale: the first n news_synth_dev originals (in
// pair order) joined into one article, against their n rewrites joined in
// a shuffled order; past the originals' length, independent ECB+ reports
// (ecb_dev) extend both sides. The pairs are reproducible: the same data,
// size and seed give the same texts.
package longpair

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"parallax/analysis/sentence"
	"parallax/corpus"
	"parallax/evaluate"
)

// Articles holds the originals and rewrites of news_synth_dev's pairs, in
// pair order, and the ECB+ reports of ecb_dev, in name order.
type Articles struct {
	Originals, Rewrites []string
	Reports             []string
}

// Load reads news_synth_dev and ecb_dev under the evaluation folder dir.
func Load(dir string) (*Articles, error) {
	pairs, err := evaluate.LoadNewsSynth(filepath.Join(dir, "news_synth_dev"), corpus.FromText)
	if err != nil {
		return nil, err
	}
	a := &Articles{}
	for _, p := range pairs {
		a.Originals = append(a.Originals, p.A.Text)
		a.Rewrites = append(a.Rewrites, p.B.Text)
	}
	path := filepath.Join(dir, "ecb_dev", "docs.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs map[string]map[string]string // document: sentence index: text
	if err := json.Unmarshal(data, &docs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		var idx []int
		for k := range docs[name] {
			if i, err := strconv.Atoi(k); err == nil {
				idx = append(idx, i)
			}
		}
		slices.Sort(idx)
		sents := make([]string, len(idx))
		for n, i := range idx {
			sents[n] = strings.TrimSpace(docs[name][strconv.Itoa(i)])
		}
		a.Reports = append(a.Reports, strings.Join(sents, " "))
	}
	return a, nil
}

// Pair joins the first n originals, one paragraph each, and their n
// rewrites in the order a PCG generator seeded with seed shuffles them.
func (a *Articles) Pair(n int, seed uint64) (orig, rewrite string, err error) {
	if n < 1 || n > len(a.Originals) {
		return "", "", fmt.Errorf("longpair: %d originals asked, 1 to %d available", n, len(a.Originals))
	}
	perm := rand.New(rand.NewPCG(seed, 0)).Perm(n)
	rw := make([]string, n)
	for k, i := range perm {
		rw[k] = a.Rewrites[i]
	}
	return strings.Join(a.Originals[:n], "\n\n") + "\n", strings.Join(rw, "\n\n") + "\n", nil
}

// Sentences returns a pair whose first article holds n sentences: as many
// originals as that takes (all of them at most) against their rewrites
// shuffled, each side then extended, when the originals are too short,
// with alternate ECB+ reports (even ones to the first article, odd ones to
// the second) until the first holds n sentences. The first article is cut
// to exactly n sentences; the second stays whole, about as long.
func (a *Articles) Sentences(n int, seed uint64) (orig, rewrite string, err error) {
	count := func(ts []string) int {
		c := 0
		for _, t := range ts {
			c += len(sentence.Split(t))
		}
		return c
	}
	used, total := 0, 0
	for used < len(a.Originals) && total < n {
		total += count(a.Originals[used : used+1])
		used++
	}
	orig, rewrite, err = a.Pair(used, seed)
	if err != nil {
		return "", "", err
	}
	var extraA, extraB []string
	for k := 0; total < n && k+1 < len(a.Reports); k += 2 {
		extraA = append(extraA, a.Reports[k])
		extraB = append(extraB, a.Reports[k+1])
		total += count(a.Reports[k : k+1])
	}
	if total < n {
		return "", "", fmt.Errorf("longpair: %d sentences asked, the data holds %d", n, total)
	}
	if len(extraA) > 0 {
		orig += "\n" + strings.Join(extraA, "\n\n") + "\n"
		rewrite += "\n" + strings.Join(extraB, "\n\n") + "\n"
	}
	if ss := sentence.Split(orig); len(ss) > n {
		orig = orig[:ss[n-1].End] + "\n"
	}
	return orig, rewrite, nil
}
