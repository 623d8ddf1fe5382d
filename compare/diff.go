package compare

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/sergi/go-diff/diffmatchpatch"

	"parallax/analysis/token"
)

// diffPiece is one word or punctuation mark of a sentence together with the
// white space that follows it, so that the pieces concatenate back into the
// sentence.
type diffPiece struct {
	key  string // what is compared: the lower-cased word ("" for white space)
	text string // what is shown: the word and its trailing space
	// start and end are the bytes of text in the sentence: the text of
	// consecutive pieces is one slice of it.
	start, end int
}

// diffPieces cuts s into pieces; leading white space joins the first piece.
func diffPieces(s string) []diffPiece {
	ps := make([]diffPiece, 0, len(s)/4+1)
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		key := ""
		if strings.TrimSpace(w) == "" {
			if len(ps) > 0 {
				last := &ps[len(ps)-1]
				last.end = it.End()
				last.text = s[last.start:last.end]
				continue
			}
		} else {
			key = strings.ToLower(w)
		}
		ps = append(ps, diffPiece{key: key, text: w, start: it.Start(), end: it.End()})
	}
	return ps
}

// span is the text of pieces ps[k:k+n] of s.
func span(s string, ps []diffPiece, k, n int) string {
	return s[ps[k].start:ps[k+n-1].end]
}

// WordDiff returns the word-level diff from a to b: runs of words that are
// equal (case aside), deleted from a, or inserted in b. Concatenating the
// equal and delete runs gives a back; the equal and insert runs give b up
// to the spacing and case inside equal runs, which come from a.
func WordDiff(a, b string) []DiffSpan {
	pa, pb := diffPieces(a), diffPieces(b)
	ids := make(map[string]rune, len(pa)+len(pb))
	// Map each distinct word to one rune from a private-use plane, so that
	// go-diff compares words, not characters.
	toRunes := func(ps []diffPiece) []rune {
		rs := make([]rune, len(ps))
		for i, p := range ps {
			id, ok := ids[p.key]
			if !ok {
				id = rune(0xF0000 + len(ids))
				ids[p.key] = id
			}
			rs[i] = id
		}
		return rs
	}
	if len(pa)+len(pb) > maxDiffPieces {
		return bigDiff(pa, pb)
	}
	ra, rb := toRunes(pa), toRunes(pb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	// DiffMainRunes ends with DiffCleanupMerge, which repeats until it
	// changes nothing: the diffs come out merged.
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var out []DiffSpan
	ia, ib := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue
		}
		var op Op
		var text string
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op, text = OpEqual, span(a, pa, ia, n)
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			op, text = OpDelete, span(a, pa, ia, n)
			ia += n
		case diffmatchpatch.DiffInsert:
			op, text = OpInsert, span(b, pb, ib, n)
			ib += n
		default:
			continue
		}
		if len(out) > 0 && out[len(out)-1].Op == op {
			out[len(out)-1].Text += text
			continue
		}
		out = append(out, DiffSpan{Op: op, Text: text})
	}
	return out
}

// maxDiffPieces is the most words and marks of two sentences that WordDiff
// diffs word by word (a minimal diff costs their number times the number
// of differences); longer ones, which only hostile or broken input makes
// (a file of one "sentence" of a million words), get bigDiff.
const maxDiffPieces = 4000

// bigDiff is the diff of two long sentences in linear time: their common
// beginning and end are equal, everything between is deleted from a and
// inserted in b.
func bigDiff(pa, pb []diffPiece) []DiffSpan {
	pre := 0
	for pre < len(pa) && pre < len(pb) && pa[pre].key == pb[pre].key {
		pre++
	}
	suf := 0
	for suf < len(pa)-pre && suf < len(pb)-pre && pa[len(pa)-1-suf].key == pb[len(pb)-1-suf].key {
		suf++
	}
	var out []DiffSpan
	add := func(op Op, ps []diffPiece) {
		if len(ps) == 0 {
			return
		}
		var sb strings.Builder
		for _, p := range ps {
			sb.WriteString(p.text)
		}
		out = append(out, DiffSpan{Op: op, Text: sb.String()})
	}
	add(OpEqual, pa[:pre])
	add(OpDelete, pa[pre:len(pa)-suf])
	add(OpInsert, pb[pre:len(pb)-suf])
	add(OpEqual, pa[len(pa)-suf:])
	return out
}

// diffEqualShare is the share of the words of both sentences that the diff
// finds equal and in order: 1 for identical sentences, 0 for disjoint ones.
// Punctuation does not count.
func diffEqualShare(spans []DiffSpan) float64 {
	var eq, total int
	for _, s := range spans {
		n := countWords(s.Text)
		switch s.Op {
		case OpEqual:
			eq += 2 * n
			total += 2 * n
		default:
			total += n
		}
	}
	if total == 0 {
		return 0
	}
	return float64(eq) / float64(total)
}

// countWords counts the words (segments with a letter or digit) in s.
func countWords(s string) int {
	n := 0
	it := words.FromString(s)
	for it.Next() {
		if token.IsWord(it.Value()) {
			n++
		}
	}
	return n
}
