package stories

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"parallax/evaluate"
)

// This file builds test corpora from news_synth (../shared/eval): 231
// stories, each told by a Wikinews original and a rewrite of it, and makes
// more articles of each story by rewriting them the way outlets and wire
// copies do: dropping sentences, reordering paragraphs, changing the
// headline, adding bylines and footers.

// source is one article of news_synth.
type source struct {
	story     int      // the pair's index, in sorted pair order
	title     string   // the pair's title (the document id without its suffix)
	original  bool     // the Wikinews original rather than the rewrite
	sentences []string // in order
}

// loadSources reads news_synth_dev: for every pair, in sorted order, its
// two articles (the rewrite and the original) as links.json names them.
// It skips the test when the data is absent (outside CI), as the evaluate
// package's tests do.
func loadSources(tb testing.TB) []source {
	tb.Helper()
	dir, err := evaluate.FindData("")
	if errors.Is(err, evaluate.ErrNoData) && os.Getenv("CI") == "" {
		tb.Skip("evaluation data not found; CI requires it")
	}
	if err != nil {
		tb.Fatal(err)
	}
	dir = filepath.Join(dir, "news_synth_dev")
	var docs map[string]map[string]string
	var links map[string]struct{ Doc1, Doc2 string }
	for name, v := range map[string]any{"docs.json": &docs, "links.json": &links} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
	}
	ids := make([]string, 0, len(links))
	for id := range links {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []source
	for story, id := range ids {
		for _, doc := range []string{links[id].Doc1, links[id].Doc2} {
			sents, ok := docs[doc]
			if !ok {
				tb.Fatalf("pair %q names %q, which docs.json lacks", id, doc)
			}
			title := strings.TrimSuffix(strings.TrimSuffix(doc, "_original"), "_generated")
			out = append(out, source{story: story, title: title, original: strings.HasSuffix(doc, "_original"), sentences: ordered(sents)})
		}
	}
	return out
}

// ordered returns the sentences of a {index: text} map in index order.
func ordered(sents map[string]string) []string {
	idx := make([]int, 0, len(sents))
	for k := range sents {
		if i, err := strconv.Atoi(k); err == nil {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	out := make([]string, len(idx))
	for n, i := range idx {
		out[n] = strings.TrimSpace(sents[strconv.Itoa(i)])
	}
	return out
}

// article is a generated article with the story it tells.
type article struct {
	name  string // file name
	text  string // title line (when any), then paragraphs
	story int    // gold story; round-ups of two stories get a story of their own
}

// outlets are the invented publishers of generated articles.
var outlets = []string{
	"The Northern Ledger", "Harbor City Times", "Daily Meridian", "The Westfield Post",
	"Capital Courier", "Lakeside Herald", "The Evening Standard-Gazette", "Metro Wire",
	"Granite State Bulletin", "The Pacific Observer", "Riverbend Chronicle", "Global Desk",
}

// rewrite makes a new article from the sentences of s the way another
// outlet or a wire copy would: it keeps the lead and each later sentence
// with probability keep, groups them into paragraphs of one to four
// sentences and, when shuffle is set, reorders the paragraphs after the
// first.
func rewrite(rng *rand.Rand, s []string, keep float64, shuffle bool) [][]string {
	kept := []string{s[0]}
	for _, x := range s[1:] {
		if rng.Float64() < keep {
			kept = append(kept, x)
		}
	}
	var paras [][]string
	for len(kept) > 0 {
		n := min(len(kept), 1+rng.IntN(4))
		paras = append(paras, kept[:n])
		kept = kept[n:]
	}
	if shuffle && len(paras) > 2 {
		rest := paras[1:]
		rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	}
	return paras
}

// render writes an article: an optional headline, a byline, paragraphs,
// and a footer naming the outlet.
func render(rng *rand.Rand, title, outlet string, paras [][]string) string {
	var b strings.Builder
	if title != "" {
		b.WriteString(title + "\n\n")
	}
	if rng.IntN(3) == 0 {
		fmt.Fprintf(&b, "By %s Staff\n\n", strings.TrimPrefix(outlet, "The "))
	}
	for _, p := range paras {
		b.WriteString(strings.Join(p, " ") + "\n\n")
	}
	switch rng.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "© 2024 %s. All rights reserved.\n", outlet)
	case 1:
		fmt.Fprintf(&b, "For the latest news, head to %s.\n", outlet)
	}
	return b.String()
}

// headline varies a story's title the way outlets do.
func headline(rng *rand.Rand, title string, lead string) string {
	switch rng.IntN(4) {
	case 0:
		return title
	case 1:
		return "Update: " + title
	case 2:
		w := strings.Fields(strings.TrimRight(lead, "."))
		return strings.Join(w[:min(len(w), 9)], " ")
	}
	return ""
}

// storySizes draws how many articles each of n stories gets so that they
// add up to total, from 1 to maxSize, skewed towards small stories as in a
// real folder; story 0 gets maxSize.
func storySizes(rng *rand.Rand, n, total, maxSize int) []int {
	sizes := make([]int, n)
	for i := range sizes {
		u := rng.Float64()
		sizes[i] = 1 + int(float64(maxSize-1)*u*u)
	}
	sizes[0] = maxSize
	sum := 0
	for _, s := range sizes {
		sum += s
	}
	for i := 1; sum != total; i = i%(n-1) + 1 {
		switch {
		case sum < total && sizes[i] < maxSize:
			sizes[i]++
			sum++
		case sum > total && sizes[i] > 1:
			sizes[i]--
			sum--
		}
	}
	return sizes
}

// generate makes n articles from the sources: every story gets a number
// of articles (up to maxStory), the original and the rewrite first, then
// variants of either; about one in fifty articles is a round-up mixing two
// stories. Articles come in shuffled order, each named after its outlet.
// The same seed gives the same folder.
func generate(src []source, n, maxStory int, seed uint64) []article {
	rng := rand.New(rand.NewPCG(seed, 1))
	byStory := map[int][]source{}
	for _, s := range src {
		byStory[s.story] = append(byStory[s.story], s)
	}
	nStories := len(byStory)
	mixes := n / 50
	sizes := storySizes(rng, nStories, n-mixes, maxStory)
	var arts []article
	for story := range nStories {
		base := byStory[story]
		for k := range sizes[story] {
			s := base[k%len(base)]
			outlet := outlets[rng.IntN(len(outlets))]
			var paras [][]string
			title := s.title
			if k < len(base) {
				paras = rewrite(rng, s.sentences, 1, false)
			} else {
				paras = rewrite(rng, s.sentences, 0.5+0.4*rng.Float64(), rng.IntN(2) == 0)
				title = headline(rng, s.title, paras[0][0])
			}
			arts = append(arts, article{text: render(rng, title, outlet, paras), story: story})
		}
	}
	for m := range mixes {
		i, j := rng.IntN(len(src)), rng.IntN(len(src))
		if src[i].story == src[j].story {
			j = (j + 2) % len(src) // sources come two by story
		}
		a, b := src[i], src[j]
		half := func(s []string) []string { return s[:max(1, len(s)/2)] }
		paras := append(rewrite(rng, half(a.sentences), 0.8, false), rewrite(rng, half(b.sentences), 0.8, false)...)
		outlet := outlets[rng.IntN(len(outlets))]
		arts = append(arts, article{text: render(rng, "News round-up", outlet, paras), story: nStories + m})
	}
	rng.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	for i := range arts {
		outlet := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(outletOf(arts[i].text), "The "), " ", "-"))
		arts[i].name = fmt.Sprintf("%04d_%s.txt", i, outlet)
	}
	return arts
}

// outletOf finds the outlet an article was rendered for, from its footer
// or byline ("" when it has neither).
func outletOf(text string) string {
	for _, o := range outlets {
		if strings.Contains(text, o) || strings.Contains(text, "By "+strings.TrimPrefix(o, "The ")+" Staff") {
			return o
		}
	}
	return "wire"
}

// writeFolder writes articles into a new temporary folder and returns it.
func writeFolder(tb testing.TB, arts []article) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.name), []byte(a.text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
