package stories

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spelling variants of a name. Outlets write one name several ways:
// joined or split ("SeaMicro", "Sea Micro", "Sea-Micro"), in other cases
// ("SEAMICRO", which the stems already fold), with a possessive ("AMD's",
// folded too) or misspelt ("Klitschko", "Klitchko"). Counted as different
// terms, the variants split one event into several stories, each holding
// the articles that wrote the name one way; mergeVariants makes them one
// term before the terms are weighed.

// minFuzzyName is the fewest letters of a name that a one-letter
// misspelling is recognised in: shorter names differ by one letter from
// other names too often ("Bush", "Rush").
const minFuzzyName = 8

// fuzzyTail is how many final letters an edit of a misspelling must keep
// clear of, so that derived forms stay apart ("Austria", "Austrian";
// "Pakistan", "Pakistani").
const fuzzyTail = 2

// squash is a term's written form reduced to its letters and digits in
// lower case: the form in which "Sea Micro", "Sea-Micro" and "SeaMicro"
// agree.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// mergeVariants rewrites, in every article's terms, the key of a spelling
// variant to the key of the term it varies: a multi-word name to the
// one-word term written with the same letters ("Sea Micro" to
// "SeaMicro"), and a long name to the more widespread name one letter
// away ("Klitchko" to "Klitschko"). An article's terms that become one
// are merged, their occurrences summed. The terms keep their order of
// first occurrence.
func mergeVariants(raw [][]rawTerm) {
	to := variantMap(raw)
	if len(to) == 0 {
		return
	}
	for d, terms := range raw {
		changed := false
		var within map[string]int32 // occurrences of words inside names that became one word
		for i := range terms {
			k, ok := to[terms[i].key]
			if !ok {
				continue
			}
			if words := strings.Fields(terms[i].key); len(words) > 1 && !strings.Contains(k, " ") {
				if within == nil {
					within = map[string]int32{}
				}
				for _, w := range words {
					within[w] += terms[i].tf
				}
			}
			terms[i].key = k
			changed = true
		}
		if !changed {
			continue
		}
		// "Sea Micro" written as a name is "SeaMicro", not also "sea"
		// and "micro": the words it is made of lose those occurrences.
		kept := terms[:0]
		for _, t := range terms {
			t.tf -= within[t.key]
			if t.tf > 0 {
				kept = append(kept, t)
			}
		}
		raw[d] = mergeSameKey(kept)
	}
}

// mergeSameKey merges the terms of one article that have the same key
// into the first of them.
func mergeSameKey(terms []rawTerm) []rawTerm {
	at := make(map[string]int, len(terms))
	out := terms[:0]
	for _, t := range terms {
		k, ok := at[t.key]
		if !ok {
			at[t.key] = len(out)
			out = append(out, t)
			continue
		}
		m := &out[k]
		m.tf += t.tf
		m.sure = m.sure || t.sure
		m.lead = m.lead || t.lead
		m.verb = m.verb || t.verb
		if t.name && !m.name {
			m.name, m.surface = true, t.surface
		}
	}
	return out
}

// termStats is what variantMap knows of one key over the folder.
type termStats struct {
	df, names int    // articles with the term; of them, those writing it as a name
	surface   string // the first article's written form
	multi     bool   // a multi-word term
}

// variantMap finds the spelling variants among the folder's terms and
// returns the key each is rewritten to.
func variantMap(raw [][]rawTerm) map[string]string {
	stats := map[string]*termStats{}
	for _, terms := range raw {
		for _, t := range terms {
			s := stats[t.key]
			if s == nil {
				s = &termStats{surface: t.surface, multi: strings.IndexByte(t.key, ' ') >= 0}
				stats[t.key] = s
			}
			s.df++
			if t.name {
				s.names++
			}
		}
	}
	keys := make([]string, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	// Widespread terms first, so that a variant goes to the commonest
	// spelling, and ties by key, so that the result is deterministic.
	slices.SortFunc(keys, func(a, b string) int {
		if d := stats[b].df - stats[a].df; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	to := map[string]string{}
	// Joined and split names: a multi-word term goes to the one-word term
	// of the same letters.
	single := map[string]string{} // squashed form → one-word key
	for _, k := range keys {
		if s := stats[k]; !s.multi {
			if q := squash(s.surface); single[q] == "" {
				single[q] = k
			}
		}
	}
	for _, k := range keys {
		if s := stats[k]; s.multi {
			if one, ok := single[squash(s.surface)]; ok {
				to[k] = one
			}
		}
	}
	// Misspelt long names: each goes to the most widespread name one
	// edit away, found through the forms with one letter deleted
	// (symmetric deletion), checked by Damerau–Levenshtein distance.
	byDeletion := map[string][]string{}
	for _, k := range keys {
		s := stats[k]
		if s.multi || 2*s.names <= s.df || utf8.RuneCountInString(k) < minFuzzyName || to[k] != "" {
			continue
		}
		r := []rune(k)
		forms := []string{k} // k, and k with one letter deleted
		for i := range len(r) - fuzzyTail {
			if del := string(r[:i]) + string(r[i+1:]); del != forms[len(forms)-1] {
				forms = append(forms, del)
			}
		}
		root := ""
		for _, f := range forms {
			for _, c := range byDeletion[f] {
				if oneEdit(c, k) {
					root = c
					break
				}
			}
			if root != "" {
				break
			}
		}
		if root != "" {
			to[k] = root
			continue
		}
		for _, f := range forms {
			byDeletion[f] = append(byDeletion[f], k)
		}
	}
	return to
}

// oneEdit reports whether b is one substitution, insertion, deletion or
// swap of neighbouring letters away from a, with the same first letter and
// the last fuzzyTail letters of both untouched.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 || len(x) < fuzzyTail+1 || x[0] != y[0] {
		return false
	}
	for t := 1; t <= fuzzyTail; t++ {
		if x[len(x)-t] != y[len(y)-t] {
			return false
		}
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if i == len(x) {
		return len(y) != len(x) // equal strings are no edit apart
	}
	if len(x) == len(y) {
		if string(x[i+1:]) == string(y[i+1:]) {
			return true // substitution
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:]) // swap
	}
	return string(x[i:]) == string(y[i+1:]) // insertion
}
