package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/ledongthuc/pdf"

	"parallax/internal/lazyre"
)

// Budgets on what a PDF may ask of its reader. The PDF library trusts the
// file: it allocates a cross-reference table of the claimed size, follows
// /Prev chains without end, searches font maps linearly for every glyph
// and keeps every glyph and graphics state of a page. These checks run
// before it does.
const (
	// maxPDFObjects bounds the objects a cross-reference section may
	// claim (a 20 MB file holds far fewer).
	maxPDFObjects = 4 << 20
	// maxPDFPageContent bounds one page's decoded content streams.
	maxPDFPageContent = 16 << 20
	// maxPDFContent bounds the decoded content of all pages.
	maxPDFContent = 64 << 20
	// maxPDFOperators bounds the operators of one page.
	maxPDFOperators = 1000000
	// maxPDFNesting bounds nested graphics states (q … Q) on a page.
	maxPDFNesting = 1000
	// maxPDFShown bounds the bytes of text strings on one page.
	maxPDFShown = 2 << 20
	// maxToUnicode bounds one font's decoded ToUnicode map.
	maxToUnicode = 2 << 20
	// maxToUnicodeEntries bounds the entries of one ToUnicode map.
	maxToUnicodeEntries = 70000
)

// errPDFEncrypted is the reason for an encrypted PDF that cannot be read
// without a password.
var errPDFEncrypted = errors.New("encrypted PDF (password protected)")

var (
	// sizeRe finds the object counts that trailers and cross-reference
	// streams claim.
	sizeRe = lazyre.New(`/Size\s+(\d+)`)
	// indexRe finds the subsection ranges of cross-reference streams.
	indexRe = lazyre.New(`/Index\s*\[([\d\s]*)\]`)
	// prevRe finds a cross-reference section's /Prev offset.
	prevRe = lazyre.New(`/Prev\s+(\d+)`)
	// startxrefRe finds the offset of the last cross-reference section.
	startxrefRe = lazyre.New(`startxref\s+(\d+)`)
)

// pdfPrecheck refuses, from the raw bytes, PDFs whose cross-reference
// data would make the library allocate without bound or loop: a section
// claiming more than maxPDFObjects objects, and a /Prev chain that comes
// back to a section already read.
func pdfPrecheck(data []byte) error {
	for _, m := range sizeRe.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > maxPDFObjects {
			return fmt.Errorf("corrupt PDF: cross-reference table claims %s objects (a file this size holds far fewer)", m[1])
		}
	}
	for _, m := range indexRe.FindAllSubmatch(data, -1) {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			start, err1 := strconv.ParseInt(string(f[i]), 10, 64)
			n, err2 := strconv.ParseInt(string(f[i+1]), 10, 64)
			if err1 != nil || err2 != nil || start+n > maxPDFObjects {
				return fmt.Errorf("corrupt PDF: cross-reference stream claims objects up to %s %s", f[i], f[i+1])
			}
		}
	}
	tail := data[max(0, len(data)-1024):]
	ms := startxrefRe.FindAllSubmatch(tail, -1)
	if len(ms) == 0 {
		return nil // the library names what is missing
	}
	off, err := strconv.ParseInt(string(ms[len(ms)-1][1]), 10, 64)
	seen := map[int64]bool{}
	for err == nil && off >= 0 && off < int64(len(data)) {
		if seen[off] {
			return errors.New("corrupt PDF: cross-reference chain loops (a /Prev entry points back to a section already read)")
		}
		seen[off] = true
		section := data[off:]
		// The section's dictionary ends before its stream data (a
		// cross-reference stream) or at the next startxref (a table).
		end := len(section)
		for _, kw := range [][]byte{[]byte("stream"), []byte("startxref")} {
			if i := bytes.Index(section, kw); i >= 0 && i < end {
				end = i
			}
		}
		m := prevRe.FindSubmatch(section[:end])
		if m == nil {
			return nil
		}
		off, err = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return nil
}

// pdfPageBudget counts what the pages of one PDF decode to.
type pdfPageBudget struct {
	content int // decoded content bytes so far
}

// check reads the streams the PDF library interprets for page n (its
// contents, and its fonts' ToUnicode maps), lexing them as the library
// does, and refuses a page that passes a budget, or whose streams open a
// hex string they never close (the library's lexer reads past the end of
// a stream as endless blank lines, so it would never return).
func (b *pdfPageBudget) check(p pdf.Page, n int) error {
	var streams []pdf.Value
	contents := p.V.Key("Contents")
	if contents.Kind() == pdf.Array {
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	} else {
		streams = append(streams, contents)
	}
	var data []byte
	for _, v := range streams { // the library reads them as one
		if v.Kind() != pdf.Stream {
			continue
		}
		var err error
		data, err = appendStream(data, v, maxPDFPageContent)
		if err != nil {
			return &budgetError{fmt.Sprintf("page %d content expands past %d MB (the limit)", n, maxPDFPageContent>>20)}
		}
	}
	b.content += len(data)
	if b.content > maxPDFContent {
		return &budgetError{fmt.Sprintf("the pages' content expands past %d MB (the limit)", maxPDFContent>>20)}
	}
	st := lexContent(data)
	switch {
	case !st.closed:
		return fmt.Errorf("corrupt PDF: page %d ends inside a hex string", n)
	case st.operators > maxPDFOperators:
		return &budgetError{fmt.Sprintf("page %d has more than %d drawing operators (the limit)", n, maxPDFOperators)}
	case st.depth > maxPDFNesting:
		return &budgetError{fmt.Sprintf("page %d has graphics states nested deeper than %d (the limit)", n, maxPDFNesting)}
	case st.shown > maxPDFShown:
		return &budgetError{fmt.Sprintf("page %d shows more than %d MB of text strings (the limit)", n, maxPDFShown>>20)}
	}
	for _, name := range p.Fonts() {
		cm := p.Font(name).V.Key("ToUnicode")
		if cm.Kind() != pdf.Stream {
			continue
		}
		cmap, err := appendStream(nil, cm, maxToUnicode)
		if err != nil {
			return &budgetError{fmt.Sprintf("a font map (ToUnicode) of page %d expands past %d MB (the limit)", n, maxToUnicode>>20)}
		}
		st := lexContent(cmap)
		if !st.closed {
			return fmt.Errorf("corrupt PDF: a font map (ToUnicode) of page %d ends inside a hex string", n)
		}
		if st.entries > maxToUnicodeEntries {
			return &budgetError{fmt.Sprintf("a font map (ToUnicode) of page %d has more than %d entries (the limit)", n, maxToUnicodeEntries)}
		}
	}
	return nil
}

// errStreamTooLong is appendStream's error for a stream past its limit.
var errStreamTooLong = errors.New("stream too long")

// appendStream appends a stream's decoded bytes, as far as they can be
// read, to data; past limit bytes it stops with errStreamTooLong.
func appendStream(data []byte, v pdf.Value, limit int) ([]byte, error) {
	rc := v.Reader()
	defer rc.Close()
	var buf bytes.Buffer
	n, _ := io.Copy(&buf, io.LimitReader(rc, int64(limit-len(data)+1)))
	if len(data)+int(n) > limit {
		return nil, errStreamTooLong
	}
	return append(data, buf.Bytes()...), nil
}

// contentStats is what lexContent found in a content stream.
type contentStats struct {
	closed    bool // every hex string is closed
	operators int  // operator tokens
	depth     int  // the deepest nesting of q … Q
	shown     int  // bytes of string operands
	entries   int  // bfchar and bfrange entries claimed (font maps)
}

// lexContent lexes a PDF content stream as the PDF library does: "<<"
// opens a dictionary, comments run to the end of the line, literal
// strings ("(…)", nested, with backslash escapes) are skipped, and every
// other regular token that does not start like a number, a name or an
// array is an operator.
func lexContent(data []byte) contentStats {
	st := contentStats{closed: true}
	depth := 0
	var lastNum int64
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case '(':
			start := i
			level := 1
			for i++; i < len(data) && level > 0; i++ {
				switch data[i] {
				case '\\':
					i++
				case '(':
					level++
				case ')':
					level--
				}
			}
			i-- // the loop above stepped past the closing parenthesis
			st.shown += i - start
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				continue
			}
			end := bytes.IndexByte(data[i+1:], '>')
			if end < 0 {
				st.closed = false
				return st
			}
			st.shown += end / 2
			i += 1 + end
		case ' ', '\t', '\r', '\n', '\f', 0, '>', '[', ']', '{', '}', ')':
		case '/':
			for i+1 < len(data) && isRegular(data[i+1]) {
				i++
			}
		default:
			start := i
			for i+1 < len(data) && isRegular(data[i+1]) {
				i++
			}
			tok := data[start : i+1]
			if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
				lastNum, _ = strconv.ParseInt(string(tok), 10, 64)
				continue
			}
			st.operators++
			switch string(tok) {
			case "q":
				depth++
				st.depth = max(st.depth, depth)
			case "Q":
				depth = max(0, depth-1)
			case "beginbfchar", "beginbfrange":
				st.entries += int(max(0, min(lastNum, maxToUnicodeEntries+1)))
			}
		}
	}
	return st
}

// isRegular reports a byte that continues a PDF token.
func isRegular(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
}
