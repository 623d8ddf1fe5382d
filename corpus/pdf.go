package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"parallax/analysis/number"
)

// maxPDFPages bounds the pages read from one PDF.
const maxPDFPages = 5000

// errNoTextLayer is the reason given for PDFs without extractable text.
var errNoTextLayer = errors.New("no text layer (scanned PDF?)")

// parsePDF reads the text layer of a PDF: glyphs are grouped into lines by
// their Y position and ordered by X, spaces are put where glyphs are far
// apart, hyphenated line ends are joined and larger vertical gaps start
// new paragraphs. The PDF library's panics on damaged files become
// "corrupt PDF" errors; a panic in this package's own code is reported as
// an internal error instead, so that tests and fuzzing see it.
func parsePDF(name string, data []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			if panickedInPackage() {
				doc, err = nil, fmt.Errorf("cannot read file: internal error: %v", r)
			} else {
				doc, err = nil, fmt.Errorf("corrupt PDF: %v", r)
			}
		}
	}()
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		if kind := binaryKind(data); kind != "" {
			return nil, fmt.Errorf("not a PDF file (it is a %s)", kind)
		}
		if sniffBinary(data) {
			return nil, errors.New("not a PDF file")
		}
		return nil, errors.New("not a PDF file (no %PDF header)")
	}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		// PDF 2.0 keeps 1.7's file structure; the library knows only the
		// 1.x headers. The same length keeps every offset in place.
		data = append([]byte("%PDF-1.7"), data[len("%PDF-2.0"):]...)
	}
	if err := pdfPrecheck(data); err != nil {
		return nil, err
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, pdfOpenErr(err, data)
	}
	var m docMeta
	m.headingPara = -1
	info := r.Trailer().Key("Info")
	if t := strings.TrimSpace(info.Key("Title").Text()); plausibleDocTitle(t) {
		m.title = t
	}
	m.dateFallback = normalizeDate(info.Key("CreationDate").Text())

	var pages [][]pdfLine
	list, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	var budget pdfPageBudget
	for _, p := range list {
		if !parentChainOK(p) {
			return nil, errors.New("corrupt PDF: page tree loop")
		}
		if err := budget.check(p, len(pages)+1); err != nil {
			return nil, err
		}
		pages = append(pages, pdfLines(p.Content().Text))
	}
	dropRunningLines(pages)
	var paras []string
	for _, lines := range pages {
		paras = appendPDFParagraphs(paras, lines)
	}
	if err := checkParas(paras); err != nil {
		return nil, err
	}
	if strings.TrimSpace(strings.Join(paras, "")) == "" {
		return nil, errNoTextLayer
	}
	return buildDocument(name, paras, m), nil
}

// pdfOpenErr turns the PDF library's error on opening a file into a
// reason for people: "corrupt PDF: truncated or damaged (no end-of-file
// marker)" rather than "not a PDF file: missing %%EOF". data is the file.
func pdfOpenErr(err error, data []byte) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "invalid header"):
		header, _, _ := bytes.Cut(data[:min(len(data), 16)], []byte("\n"))
		return fmt.Errorf("unsupported or damaged PDF header %q (PDF 1.0 to 2.0 can be read)", bytes.TrimSpace(header))
	case errors.Is(err, pdf.ErrInvalidPassword), bytes.Contains(data, []byte("/Encrypt")):
		// The library knows RC4 and AES-128 only, and some of their
		// variants not: without the password, any failure to open an
		// encrypted file is the encryption's.
		return errPDFEncrypted
	case strings.Contains(msg, "missing %%EOF"):
		return errors.New("corrupt PDF: truncated or damaged (no end-of-file marker)")
	case strings.Contains(msg, "startxref"):
		return errors.New("corrupt PDF: truncated or damaged (no cross-reference table)")
	}
	for _, prefix := range []string{"not a PDF file: ", "malformed PDF file: ", "malformed PDF: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return fmt.Errorf("corrupt PDF: %s", msg)
}

// pdfPages lists the pages of a page tree in order. It walks the tree
// itself rather than with Reader.Page, so that a tree whose Kids loop back
// (which makes Reader.Page spin forever) ends at a depth and node limit.
// A tree of more than maxPDFPages pages is refused.
func pdfPages(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 4*maxPDFPages || len(pages) > maxPDFPages || v.Kind() != pdf.Dict {
			return
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), depth+1)
			}
		case "Page":
			pages = append(pages, pdf.Page{V: v})
		default:
			if v.Key("Kids").Kind() == pdf.Array {
				kids := v.Key("Kids")
				for i := 0; i < kids.Len(); i++ {
					walk(kids.Index(i), depth+1)
				}
			} else if v.Key("Contents").Kind() != pdf.Null {
				pages = append(pages, pdf.Page{V: v})
			}
		}
	}
	walk(root, 0)
	if len(pages) > maxPDFPages {
		return nil, &budgetError{fmt.Sprintf("more than %d pages (the limit)", maxPDFPages)}
	}
	return pages, nil
}

// parentChainOK reports whether a page's Parent chain ends: the reader
// follows it without a limit when looking up inherited resources.
func parentChainOK(p pdf.Page) bool {
	v := p.V
	for i := 0; i < 64; i++ {
		if v.IsNull() {
			return true
		}
		v = v.Key("Parent")
	}
	return false
}

// pdfLine is one line of text on a page.
type pdfLine struct {
	text        string
	x, y, right float64
	size        float64
}

// pdfLines groups a page's glyphs into lines, top to bottom.
func pdfLines(glyphs []pdf.Text) []pdfLine {
	type group struct {
		y, size float64
		gs      []pdf.Text
	}
	var groups []*group
	for _, g := range glyphs {
		if g.S == "" || !isFinite(g.X) || !isFinite(g.Y) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(g.S); unicode.IsControl(r) && r != '\t' {
			continue
		}
		size := math.Abs(g.FontSize)
		if !isFinite(size) || size < 1 {
			size = 1
		}
		var line *group
		// The last few lines first: text is usually written in order.
		for k := len(groups) - 1; k >= 0 && k >= len(groups)-8; k-- {
			if math.Abs(groups[k].y-g.Y) <= 0.4*math.Max(size, groups[k].size) {
				line = groups[k]
				break
			}
		}
		if line == nil {
			for _, gr := range groups {
				if math.Abs(gr.y-g.Y) <= 0.4*math.Max(size, gr.size) {
					line = gr
					break
				}
			}
		}
		if line == nil {
			line = &group{y: g.Y, size: size}
			groups = append(groups, line)
		}
		if size > line.size {
			line.size = size
		}
		line.gs = append(line.gs, g)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].y > groups[j].y })

	lines := make([]pdfLine, 0, len(groups))
	for _, gr := range groups {
		gs := gr.gs
		sort.SliceStable(gs, func(i, j int) bool { return gs[i].X < gs[j].X })
		var b strings.Builder
		for i, g := range gs {
			if i > 0 {
				prev := gs[i-1]
				if !strings.HasSuffix(prev.S, " ") && !strings.HasPrefix(g.S, " ") {
					gap := g.X - (prev.X + prev.W)
					size := math.Max(gr.size, 1)
					if (prev.W > 0 && gap > 0.15*size) || (prev.W <= 0 && g.X-prev.X > 0.05*size && gap > 0.15*size) {
						b.WriteByte(' ')
					}
				}
			}
			b.WriteString(g.S)
		}
		t := collapseSpace(b.String())
		if t == "" || isPageNumber(t) {
			continue
		}
		last := gs[len(gs)-1]
		lines = append(lines, pdfLine{text: t, x: gs[0].X, y: gr.y, right: last.X + last.W, size: gr.size})
	}
	return lines
}

// dropRunningLines removes running headers and footers: a page's first or
// last line that, with digits ignored, is the first or last line of at
// least half of the pages (and of two or more).
func dropRunningLines(pages [][]pdfLine) {
	if len(pages) < 2 {
		return
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, s)
	}
	count := map[string]int{}
	for _, lines := range pages {
		if len(lines) == 0 {
			continue
		}
		count[key(lines[0].text)]++
		if len(lines) > 1 {
			count[key(lines[len(lines)-1].text)]++
		}
	}
	running := func(l pdfLine) bool {
		n := count[key(l.text)]
		return n >= 2 && n*2 >= len(pages)
	}
	for i, lines := range pages {
		if len(lines) > 0 && running(lines[0]) {
			lines = lines[1:]
		}
		if len(lines) > 0 && running(lines[len(lines)-1]) {
			lines = lines[:len(lines)-1]
		}
		pages[i] = lines
	}
}

// isFinite reports whether f is a usable coordinate.
func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// isPageNumber reports lines that are only a page number ("12", "- 12 -",
// "Page 3 of 9").
func isPageNumber(t string) bool {
	t = strings.Trim(t, " -–—")
	if number.IsDigits(t) && len(t) <= 4 {
		return true
	}
	low := strings.ToLower(t)
	if strings.HasPrefix(low, "page ") {
		rest := strings.Fields(low[5:])
		if len(rest) == 1 && number.IsDigits(rest[0]) {
			return true
		}
		if len(rest) == 3 && number.IsDigits(rest[0]) && rest[1] == "of" && number.IsDigits(rest[2]) {
			return true
		}
	}
	return false
}

// appendPDFParagraphs joins one page's lines into paragraphs and appends
// them to paras. A paragraph ends at a vertical gap clearly larger than
// the page's usual line spacing, at a change of font size, or after a
// short line that ends a sentence; an indented line starts one. The last
// paragraph of the previous page continues when it did not end a sentence
// and the page starts in lower case.
func appendPDFParagraphs(paras []string, lines []pdfLine) []string {
	if len(lines) == 0 {
		return paras
	}
	// Usual line spacing and the text block's edges.
	var gaps []float64
	left, right := math.Inf(1), math.Inf(-1)
	for i, l := range lines {
		if i > 0 {
			if d := lines[i-1].y - l.y; d > 0 {
				gaps = append(gaps, d)
			}
		}
		left = math.Min(left, l.x)
		right = math.Max(right, l.right)
	}
	spacing := 0.0
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		spacing = gaps[(len(gaps)-1)/2] // lower median
	}
	width := right - left

	var cur []string
	if len(paras) > 0 {
		prev := paras[len(paras)-1]
		first, _ := utf8.DecodeRuneInString(lines[0].text)
		if !endsSentence(prev) && unicode.IsLower(first) {
			cur = append(cur, prev)
			paras = paras[:len(paras)-1]
		}
	}
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, joinPDFLines(cur))
			cur = cur[:0]
		}
	}
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			gap := prev.y - l.y
			newPara := false
			switch {
			case spacing > 0 && gap > spacing*1.4 && gap > prev.size*0.5:
				newPara = true
			case math.Abs(l.size-prev.size) > 0.15*math.Max(l.size, prev.size):
				newPara = true
			case width > 0 && prev.right-left < width*0.7 && (endsSentence(prev.text) || !startsLower(l.text)):
				// A short line ends a paragraph (or is a heading).
				newPara = true
			case l.x-left > 1.5*l.size && prev.x-left < 0.5*l.size && endsSentence(prev.text):
				newPara = true
			}
			if newPara {
				flush()
			}
		}
		cur = append(cur, l.text)
	}
	flush()
	return paras
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// joinPDFLines joins the lines of a paragraph: a word hyphenated across a
// line break loses its hyphen ("nego-" + "tiations"), a compound broken
// after its hyphen keeps it ("U.S.-" + "Mexico"), and other lines are
// joined with a space.
func joinPDFLines(lines []string) string {
	var b []byte
	for i, line := range lines {
		if i > 0 {
			prev := lines[i-1]
			first, _ := utf8.DecodeRuneInString(line)
			hyphen := false
			if strings.HasSuffix(prev, "-") && len(prev) >= 2 && unicode.IsLower(first) {
				before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
				hyphen = unicode.IsLetter(before)
			}
			switch {
			case hyphen:
				b = b[:len(b)-1]
			case strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -") && !unicode.IsSpace(first):
				// "U.S.-" + "Mexico": a compound broken after its hyphen.
			default:
				b = append(b, ' ')
			}
		}
		b = append(b, line...)
	}
	return string(b)
}

// corpusPkg is this package's import path, as it prefixes its function
// names in stack traces.
var corpusPkg = reflect.TypeFor[Sentence]().PkgPath()

// panickedInPackage reports whether the panic being recovered was raised
// by this package's own code rather than by a library it calls. It must be
// called while panicking, from the deferred function that recovers.
func panickedInPackage() bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			// The first frame below the panic machinery raised it.
			return strings.HasPrefix(f.Function, corpusPkg+".")
		}
		if !more {
			return false
		}
	}
}
