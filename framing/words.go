package framing

import (
	"sort"
	"strings"
	"unicode"

	"parallax/analysis/token"
	"parallax/compare"
	"parallax/corpus"
)

// maxDistinctive is how many distinctive names, numbers and terms an
// outlet's framing lists of each.
const maxDistinctive = 10

// rareIn is how many of the other documents may name a distinctive item:
// none for up to three documents, one for four or more.
func rareIn(n int) int {
	if n >= 4 {
		return 1
	}
	return 0
}

// distinctive fills each outlet's names, numbers and terms that the other
// articles rarely have; sentFigs holds the figures per document and
// sentence (none for boilerplate).
func (a *Analysis) distinctive(docs []*corpus.Document, res *compare.Result, sentFigs [][][]Figure) {
	n := len(docs)
	limit := rareIn(n)
	// Names: entities named in this outlet and in at most limit others.
	for d := range docs {
		var names []Entity
		for _, e := range a.Entities {
			if e.Counts[d] > 0 && nonzero(e.Counts)-1 <= limit {
				names = append(names, e)
			}
		}
		sort.SliceStable(names, func(i, j int) bool { return names[i].Counts[d] > names[j].Counts[d] })
		a.Outlets[d].DistinctiveNames = []string{}
		for k, e := range names {
			if k == maxDistinctive {
				break
			}
			a.Outlets[d].DistinctiveNames = append(a.Outlets[d].DistinctiveNames, e.Name)
		}
	}
	// Numbers: figures (not weekdays) whose normal form no other document
	// has, nor a consistent figure.
	figs := make([][]Figure, n)
	for d := range docs {
		for _, fs := range sentFigs[d] {
			for _, f := range fs {
				if f.Unit != Weekday {
					figs[d] = append(figs[d], f)
				}
			}
		}
	}
	for d := range docs {
		a.Outlets[d].DistinctiveNumbers = []string{}
		seen := map[string]bool{}
		for _, f := range figs[d] {
			others := 0
			for e := range docs {
				if e == d {
					continue
				}
				for _, g := range figs[e] {
					if Consistent(f, g) {
						others++
						break
					}
				}
			}
			if others > limit || seen[f.Normal()] || len(a.Outlets[d].DistinctiveNumbers) == maxDistinctive {
				continue
			}
			seen[f.Normal()] = true
			a.Outlets[d].DistinctiveNumbers = append(a.Outlets[d].DistinctiveNumbers, f.Text)
		}
	}
	// Terms: content stems used at least twice here and in at most limit
	// other documents, shown in their most frequent form.
	tz := token.Kept()
	defer token.Keep(tz)
	tf := make([]map[string]int, n)
	forms := make([]map[string]map[string]int, n)
	for d, doc := range docs {
		tf[d], forms[d] = map[string]int{}, map[string]map[string]int{}
		for i := range doc.Sentences {
			if res.Sentences[d][i].Boilerplate {
				continue
			}
			toks := res.Tokens(d, i)
			if toks == nil {
				toks = tz.Tokenize(doc.SentenceText(i), doc.Language)
			}
			for _, t := range toks {
				if t.Stop || t.Number || len([]rune(t.Norm)) < 4 || !isLowerWord(doc.Text, doc.Sentences[i].Start+t.Start) {
					continue
				}
				tf[d][t.Stem]++
				if forms[d][t.Stem] == nil {
					forms[d][t.Stem] = map[string]int{}
				}
				forms[d][t.Stem][t.Norm]++
			}
		}
	}
	for d := range docs {
		var stems []string
		for s, c := range tf[d] {
			if c < 2 {
				continue
			}
			others := 0
			for e := range docs {
				if e != d && tf[e][s] > 0 {
					others++
				}
			}
			if others <= limit {
				stems = append(stems, s)
			}
		}
		sort.Slice(stems, func(i, j int) bool {
			if tf[d][stems[i]] != tf[d][stems[j]] {
				return tf[d][stems[i]] > tf[d][stems[j]]
			}
			return stems[i] < stems[j]
		})
		a.Outlets[d].DistinctiveTerms = []string{}
		for k, s := range stems {
			if k == maxDistinctive {
				break
			}
			a.Outlets[d].DistinctiveTerms = append(a.Outlets[d].DistinctiveTerms, topForm(forms[d][s]))
		}
	}
}

// isLowerWord reports whether the word at byte off of text starts with a
// lower-case letter (names are counted as names, not terms).
func isLowerWord(text string, off int) bool {
	for _, r := range text[off:] {
		return unicode.IsLower(r)
	}
	return false
}

// topForm is the most frequent of a stem's written forms (the first in
// alphabetical order on a tie).
func topForm(forms map[string]int) string {
	best, bc := "", 0
	for f, c := range forms {
		if c > bc || (c == bc && f < best) {
			best, bc = f, c
		}
	}
	return best
}

// WordChoice is one pair of wordings: what outlet A writes where outlet B
// writes other words, in their linked sentences.
type WordChoice struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Count int    `json:"count"`
	// Links indexes compare.Result.Links where the choice appears.
	Links []int `json:"links"`
}

// PairChoices are the word choices of one pair of outlets, A < B.
type PairChoices struct {
	A       int          `json:"a"`
	B       int          `json:"b"`
	Choices []WordChoice `json:"choices"`
	// Total is how many word choices the pair's links show.
	Total int `json:"total"`
}

// maxChoiceWords is the longest wording, in content words, a word choice
// may have on each side.
const maxChoiceWords = 3

// maxChoiceRun is the longest diff run, in words (function words
// included), read as a word choice; longer runs are rewrites.
const maxChoiceRun = 4

// wordChoices collects, for each pair of outlets, the substitutions in the
// word diffs of their links: a run deleted from A right next to a run
// inserted in B, each of one to three content words (lower-case, except a
// sentence's first word: names are not word choices), sharing no stem.
func wordChoices(docs []*corpus.Document, res *compare.Result) []PairChoices {
	tz := token.Kept()
	defer token.Keep(tz)
	type key struct{ a, b int }
	pairs := map[key]map[[2]string]*WordChoice{}
	for li, l := range res.Links {
		lang := docs[l.A.Doc].Language
		// aText and bText are how much of each sentence the spans before k cover.
		aText, bText := 0, 0
		for k := 0; k < len(l.Diff); k++ {
			x := l.Diff[k]
			if k+1 < len(l.Diff) {
				y := l.Diff[k+1]
				var del, ins string
				switch {
				case x.Op == compare.OpDelete && y.Op == compare.OpInsert:
					del, ins = x.Text, y.Text
				case x.Op == compare.OpInsert && y.Op == compare.OpDelete:
					del, ins = y.Text, x.Text
				}
				if del != "" && wordCount(del) <= maxChoiceRun && wordCount(ins) <= maxChoiceRun {
					wa, sa := contentWords(tz, del, lang, aText == 0)
					wb, sb := contentWords(tz, ins, lang, bText == 0)
					if len(wa) > 0 && len(wb) > 0 && len(wa) <= maxChoiceWords && len(wb) <= maxChoiceWords && !overlaps(sa, sb) {
						kk := key{l.A.Doc, l.B.Doc}
						if pairs[kk] == nil {
							pairs[kk] = map[[2]string]*WordChoice{}
						}
						c := [2]string{strings.Join(wa, " "), strings.Join(wb, " ")}
						wc := pairs[kk][c]
						if wc == nil {
							wc = &WordChoice{A: c[0], B: c[1]}
							pairs[kk][c] = wc
						}
						wc.Count++
						if len(wc.Links) == 0 || wc.Links[len(wc.Links)-1] != li {
							wc.Links = append(wc.Links, li)
						}
					}
				}
			}
			if x.Op != compare.OpInsert {
				aText += len(x.Text)
			}
			if x.Op != compare.OpDelete {
				bText += len(x.Text)
			}
		}
	}
	out := []PairChoices{}
	for k, m := range pairs {
		pc := PairChoices{A: k.a, B: k.b}
		for _, wc := range m {
			pc.Choices = append(pc.Choices, *wc)
			pc.Total += wc.Count
		}
		sort.Slice(pc.Choices, func(i, j int) bool {
			ci, cj := pc.Choices[i], pc.Choices[j]
			if ci.Count != cj.Count {
				return ci.Count > cj.Count
			}
			if ci.A != cj.A {
				return ci.A < cj.A
			}
			return ci.B < cj.B
		})
		out = append(out, pc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// contentWords are the content words of a diff run, lower-cased, and their
// stems; nil when the run holds a number or a capitalised word (a name),
// except for a sentence's first word standing alone in the run (atStart).
func contentWords(tz *token.Tokenizer, s, lang string, atStart bool) ([]string, []string) {
	var words, stems []string
	toks := tz.Tokenize(s, lang)
	for i, t := range toks {
		if t.Number {
			return nil, nil
		}
		// A capitalised first word of a sentence counts alone ("Illegal"),
		// not before other words ("Mexico attributes").
		if !isLowerWord(s, t.Start) && !(atStart && i == 0 && len(toks) == 1) {
			return nil, nil
		}
		if t.Stop {
			continue
		}
		words = append(words, strings.ToLower(s[t.Start:t.End]))
		stems = append(stems, t.Stem)
	}
	return words, stems
}

// overlaps reports whether two stem lists share a stem.
func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
