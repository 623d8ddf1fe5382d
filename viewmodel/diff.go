package viewmodel

import (
	"strings"
	"unicode/utf8"

	"parallax/compare"
)

// CellKind is what one column of the aligned word diff holds.
type CellKind int

// The kinds of cell.
const (
	// CellEqual is a word both sentences have, above and below.
	CellEqual CellKind = iota
	// CellDelete holds words only the selected sentence has, above.
	CellDelete
	// CellInsert holds words only the counterpart has, below.
	CellInsert
	// CellReplace holds words of the selected sentence above where the
	// counterpart has other words below.
	CellReplace
)

// Cell is one column of the aligned word diff: the selected sentence's
// words above (Top), the counterpart's below (Bottom; "" for none).
type Cell struct {
	Kind        CellKind
	Top, Bottom string
	// Tight sets the cell against the one before, with no space: a
	// punctuation mark after its word.
	Tight bool
}

// maxReplaceWords is the longest run of words (on either side) kept in one
// replace cell; longer runs are set out word against word, so that a cell
// always fits a line.
const maxReplaceWords = 4

// AlignDiff sets a link's word diff out in columns as seen from the
// selected sentence r: common words one a column, words only r has above
// and words only the counterpart has below; a short deletion next to a
// short insertion shares a column, as one wording replaced by another.
func AlignDiff(l compare.Link, r compare.Ref) []Cell {
	spans := make([]compare.DiffSpan, len(l.Diff))
	copy(spans, l.Diff)
	if l.A != r {
		// Seen from B, A's deletions are B's additions and vice versa.
		for i := range spans {
			switch spans[i].Op {
			case compare.OpInsert:
				spans[i].Op = compare.OpDelete
			case compare.OpDelete:
				spans[i].Op = compare.OpInsert
			}
		}
	}
	var cells []Cell
	spaced := true // the text so far ends in a space
	add := func(c Cell) {
		c.Tight = !spaced && len(cells) > 0 && closing(c.Top+c.Bottom)
		spaced = false
		cells = append(cells, c)
	}
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		words := strings.Fields(s.Text)
		if len(words) == 0 {
			continue
		}
		if startsSpaced(s.Text) {
			spaced = true
		}
		if s.Op == compare.OpEqual {
			for _, w := range words {
				add(Cell{Kind: CellEqual, Top: w, Bottom: w})
				spaced = true
			}
			spaced = endsSpaced(s.Text)
			continue
		}
		if i+1 < len(spans) && spans[i+1].Op != compare.OpEqual && spans[i+1].Op != s.Op {
			top, bottom := words, strings.Fields(spans[i+1].Text)
			if s.Op == compare.OpInsert {
				top, bottom = bottom, top
			}
			if len(top) > 0 && len(bottom) > 0 {
				for _, c := range replaceCells(top, bottom) {
					add(c)
					spaced = true
				}
				spaced = endsSpaced(spans[i+1].Text) || endsSpaced(s.Text)
				i++
				continue
			}
		}
		for _, w := range words {
			if s.Op == compare.OpDelete {
				add(Cell{Kind: CellDelete, Top: w})
			} else {
				add(Cell{Kind: CellInsert, Bottom: w})
			}
			spaced = true
		}
		spaced = endsSpaced(s.Text)
	}
	return cells
}

// replaceCells sets out one wording (top) replaced by another (bottom):
// in one column when both are short, else word against word, so that the
// two lines stay side by side, the longer one's last words alone.
func replaceCells(top, bottom []string) []Cell {
	if len(top) <= maxReplaceWords && len(bottom) <= maxReplaceWords {
		return []Cell{{Kind: CellReplace, Top: strings.Join(top, " "), Bottom: strings.Join(bottom, " ")}}
	}
	var cells []Cell
	for k := 0; k < max(len(top), len(bottom)); k++ {
		switch {
		case k >= len(top):
			cells = append(cells, Cell{Kind: CellInsert, Bottom: bottom[k]})
		case k >= len(bottom):
			cells = append(cells, Cell{Kind: CellDelete, Top: top[k]})
		default:
			cells = append(cells, Cell{Kind: CellReplace, Top: top[k], Bottom: bottom[k]})
		}
	}
	return cells
}

// closing reports whether s starts with a mark that closes up to the word
// before it: a comma, a full stop, a closing bracket or quote.
func closing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(",.;:!?)]}’”'\"%…", r)
}

// startsSpaced and endsSpaced report whether s starts or ends with white
// space.
func startsSpaced(s string) bool { return s != "" && strings.TrimLeft(s, " \t\n") != s }

func endsSpaced(s string) bool { return s != "" && strings.TrimRight(s, " \t\n") != s }

// DiffPlain is the aligned diff as plain text, as the colours and lines do
// not copy: the selected sentence's own words in [-brackets] and the
// counterpart's in [+brackets], in reading order.
func DiffPlain(cells []Cell) string {
	var b strings.Builder
	for _, c := range cells {
		if !c.Tight && b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch c.Kind {
		case CellEqual:
			b.WriteString(c.Top)
		case CellDelete:
			b.WriteString("[-" + c.Top + "]")
		case CellInsert:
			b.WriteString("[+" + c.Bottom + "]")
		case CellReplace:
			b.WriteString("[-" + c.Top + "] [+" + c.Bottom + "]")
		}
	}
	return b.String()
}
