package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"parallax/devtools/hostile"
)

// ------------------------------------------------------------------ PDF

// pdfRun is a piece of text placed on a PDF page at (x, y) in a font size.
type pdfRun struct {
	x, y, size float64
	text       string
}

// helvWidth approximates Helvetica glyph widths (thousandths of an em).
func helvWidth(c byte) int {
	switch {
	case c == ' ':
		return 278
	case c >= 'A' && c <= 'Z':
		return 667
	case c >= 'a' && c <= 'z':
		if c == 'i' || c == 'l' || c == 'j' {
			return 222
		}
		if c == 'm' || c == 'w' {
			return 833
		}
		return 556
	case c >= '0' && c <= '9':
		return 556
	}
	return 278
}

// pdfTextWidth is the width of s in points at size.
func pdfTextWidth(s string, size float64) float64 {
	w := 0
	for i := 0; i < len(s); i++ {
		w += helvWidth(s[i])
	}
	return float64(w) / 1000 * size
}

// pdfEscape escapes a string for a PDF literal; non-ASCII text must
// already be WinAnsi bytes.
func pdfEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}

// makePDF builds a PDF whose pages hold the given runs, with a Helvetica
// font that has widths and WinAnsi encoding, and a correct xref table.
// info, if non-empty, is the body of the document information dictionary.
func makePDF(t testing.TB, pages [][]pdfRun, info string) []byte {
	t.Helper()
	var objs []string // object i+1
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	catalog := add("") // filled below
	pagesObj := add("")
	var widths strings.Builder
	for c := 32; c <= 126; c++ {
		fmt.Fprintf(&widths, "%d ", helvWidth(byte(c)))
	}
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [%s] /Encoding /WinAnsiEncoding >>", strings.TrimSpace(widths.String())))
	var kids []string
	for _, runs := range pages {
		var content strings.Builder
		for _, r := range runs {
			fmt.Fprintf(&content, "BT /F1 %g Tf %g %g Td (%s) Tj ET\n", r.size, r.x, r.y, pdfEscape(r.text))
		}
		stream := content.String()
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(stream), stream))
		p := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	infoRef := ""
	if info != "" {
		infoRef = fmt.Sprintf("/Info %d 0 R ", add("<< "+info+" >>"))
	}
	return hostile.PDF(objs, infoRef) // the catalog is object 1
}

// pdfPage lays out paragraphs as lines on pages: a headline in 18
// pt, body lines in 11 pt with 14 pt leading and an extra gap between
// paragraphs. Each paragraph is given as its lines.
func pdfPage(headline string, paras [][]string) []pdfRun {
	var runs []pdfRun
	y := 740.0
	if headline != "" {
		runs = append(runs, pdfRun{72, y, 18, headline})
		y -= 34
	}
	for _, p := range paras {
		for _, line := range p {
			runs = append(runs, pdfRun{72, y, 11, line})
			y -= 14
		}
		y -= 12
	}
	return runs
}

// samplePDF is the PDF fixture: two pages, an 18 pt headline, body
// paragraphs with a hyphenated line end, a paragraph continued across the
// page break, words placed apart without a space character, a page
// number, and Info metadata.
func samplePDF(t testing.TB) []byte {
	page2 := pdfPage("", [][]string{{"keep its checkpoints in place.", "Mexico's foreign minister said the meetings were useful."}})
	page2 = append(page2,
		pdfRun{72, 500, 11, "Split"},
		pdfRun{72 + pdfTextWidth("Split", 11) + 3, 500, 11, "words"},
		pdfRun{300, 40, 9, "2"})
	return makePDF(t, [][]pdfRun{
		pdfPage("Border talks end without a deal", [][]string{
			{"Negotiators from the United States and Mexico ended two days of", "talks on Friday without an agreement on deportation flights, officials", "said, although both sides described the meetings as produc-", "tive."},
			{"The next round is planned for March in Washington. Mexico said it would"},
		}),
		page2,
	}, "/Title (Border talks) /CreationDate (D:20240301120000Z)")
}

// TestPDFLines checks line rebuilding from glyph positions.
func TestPDFLines(t *testing.T) {
	tests := []struct {
		name string
		runs []pdfRun
		want string
	}{
		{"one line", []pdfRun{{72, 700, 11, "Hello world."}}, "Hello world."},
		{"runs out of order on one line", []pdfRun{{72 + pdfTextWidth("Left ", 11), 700, 11, "right."}, {72, 700, 11, "Left "}}, "Left right."},
		{"gap makes a space", []pdfRun{{72, 700, 11, "Gap"}, {72 + pdfTextWidth("Gap", 11) + 4, 700, 11, "here."}}, "Gap here."},
		{"no gap no space", []pdfRun{{72, 700, 11, "Sp"}, {72 + pdfTextWidth("Sp", 11), 700, 11, "lit."}}, "Split."},
		{"lines top to bottom", []pdfRun{{72, 686, 11, "second line."}, {72, 700, 11, "First line and"}}, "First line and second line."},
		{"hyphen joined", []pdfRun{{72, 700, 11, "a well-known nego-"}, {72, 686, 11, "tiation."}}, "a well-known negotiation."},
		{"hyphen kept before capital", []pdfRun{{72, 700, 11, "Officials met to discuss trade along the U.S.-"}, {72, 686, 11, "Mexico border."}}, "Officials met to discuss trade along the U.S.-Mexico border."},
		{"short line ends paragraph", []pdfRun{{72, 700, 11, "A heading line"}, {72, 686, 11, "Body text that is clearly longer than the heading above it."}}, "A heading line\n\nBody text that is clearly longer than the heading above it."},
		{"paragraph gap", []pdfRun{{72, 700, 11, "One paragraph here that is long enough."}, {72, 686, 11, "It goes on."}, {72, 650, 11, "Another one."}}, "One paragraph here that is long enough. It goes on.\n\nAnother one."},
		{"escaped parens", []pdfRun{{72, 700, 11, "A (bracketed) word."}}, "A (bracketed) word."},
		{"winansi quotes", []pdfRun{{72, 700, 11, "\x93Quoted,\x94 he said."}}, "“Quoted,” he said."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("t.pdf", makePDF(t, [][]pdfRun{tc.runs}, ""))
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if d.Text != tc.want {
				t.Errorf("Text = %q, want %q", d.Text, tc.want)
			}
		})
	}
}

// TestPDFPanicRecovered checks that damaged content streams become
// errors, not crashes.
func TestPDFPanicRecovered(t *testing.T) {
	good := makePDF(t, [][]pdfRun{{{72, 700, 11, "Hello there."}}}, "")
	// Break the content stream's operators: "Td" with one operand panics in
	// the reader.
	bad := bytes.Replace(good, []byte(" 72 700 Td"), []byte("    700 Td"), 1)
	_, err := Parse("bad.pdf", bad)
	if err == nil || !strings.HasPrefix(err.Error(), "bad.pdf: corrupt PDF") {
		t.Errorf("err = %v", err)
	}
}

// FuzzParsePDF checks that any bytes read as .pdf give a valid Document or
// a *FileError, deterministically.
func FuzzParsePDF(f *testing.F) {
	f.Add(samplePDF(f))
	f.Add(makePDF(f, [][]pdfRun{{{72, 700, 11, "Hi."}}}, ""))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Add([]byte("BT /F1 12 Tf 72 700 Td [(Hel) -20 (lo.)] TJ T* (Next) ' ET"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.pdf", data)
		if !bytes.HasPrefix(data, []byte("%PDF")) {
			// Also read the bytes as the content stream of a valid file,
			// to reach the text layer code.
			fuzzCheck(t, "fuzz.pdf", contentPDF(data))
		}
	})
}

// rawPDF assembles numbered objects (object i+1 is objs[i]) into a PDF
// with a correct xref table; object 1 is the catalog.
func rawPDF(objs []string) []byte {
	return hostile.PDF(objs, "")
}

// contentPDF wraps a content stream in a one-page PDF with a Helvetica
// font resource named F1.
func contentPDF(content []byte) []byte {
	return rawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	})
}

// TestPDFHostile checks damaged page trees that make the PDF reader loop
// or recurse: they must end quickly with a document or an error.
func TestPDFHostile(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (Loop text.) Tj ET"
	stream := fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	tests := []struct {
		name string
		objs []string
	}{
		{"kids loop", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 1000000 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			stream, font,
		}},
		{"parent loop", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>",
			stream, font,
		}},
		{"huge count", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			stream, font,
		}},
		{"self-referencing length", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			"<< /Length 4 0 R >>\nstream\n" + content + "\nendstream",
		}},
		{"missing objects", []string{
			"<< /Type /Catalog /Pages 9 0 R >>",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				d, err := Parse("hostile.pdf", rawPDF(tc.objs))
				if err == nil {
					checkDoc(t, d)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("reading did not end")
			}
		})
	}
}

// TestPDFRunningHeaders checks that a header repeated at the top of every
// page, and page-number footers, are dropped.
func TestPDFRunningHeaders(t *testing.T) {
	var pages [][]pdfRun
	for i, body := range []string{"First page text ends here.", "Second page text ends here.", "Third page text ends here."} {
		pages = append(pages, []pdfRun{
			{72, 770, 9, "The Border Daily, December 2023"},
			{72, 700, 11, body},
			{280, 40, 9, fmt.Sprintf("Page %d of 3", i+1)},
		})
	}
	d, err := Parse("h.pdf", makePDF(t, pages, ""))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if want := "First page text ends here.\n\nSecond page text ends here.\n\nThird page text ends here."; d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
}

// TestPanickedInPackage checks how a recovered panic is attributed: to
// this package's code (an internal error) or to a library (a damaged
// file; TestPDFPanicRecovered checks a panic in the PDF library).
func TestPanickedInPackage(t *testing.T) {
	// origin runs f and reports panickedInPackage for its panic.
	origin := func(f func()) (own, panicked bool) {
		defer func() {
			if recover() != nil {
				own, panicked = panickedInPackage(), true
			}
		}()
		f()
		return false, false
	}
	var nilSlice []int
	tests := []struct {
		name string
		f    func()
		own  bool
	}{
		{"index out of range here", func() { _ = nilSlice[len(nilSlice)+3] }, true},
		{"explicit panic here", func() { panic("boom") }, true},
		//lint:ignore SA5000 the test needs a runtime panic raised by its own code
		{"nil map write here", func() { var m map[string]int; m["x"] = 1 }, true},
		{"panic in a library", func() { _ = strings.Repeat("x", len(nilSlice)-1) }, false},
	}
	for _, tc := range tests {
		own, panicked := origin(tc.f)
		if !panicked || own != tc.own {
			t.Errorf("%s: panicked %v, in package %v; want in package %v", tc.name, panicked, own, tc.own)
		}
	}
}

func TestHexStringsClose(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"BT /F1 12 Tf <0048> Tj ET", true},
		{"<< /Type /Font >> <00", false},
		{"[(a) <0061] TJ", false},
		{"(a <b) Tj", true},            // inside a literal string
		{"(a \\) <b) Tj", true},        // an escaped parenthesis
		{"(a (nested) <b) Tj", true},   // nested parentheses
		{"% a comment <\nBT ET", true}, // inside a comment
		{"<<>>", true},
		{"<", false},
		{"", true},
		{"(unclosed literal <", true}, // the library stops at the end of literal strings
	} {
		if got := lexContent([]byte(tc.in)).closed; got != tc.want {
			t.Errorf("lexContent(%q).closed = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestPDFWithUnclosedHexStringIsRefused(t *testing.T) {
	stream := func(s string) string { return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s) }
	cmapFont := rawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("BT /F1 12 Tf 72 700 Td (Hi) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
		stream("begincmap 1 beginbfchar <0048> <00"),
	})
	for name, data := range map[string][]byte{
		"page contents": contentPDF([]byte("BT /F1 12 Tf 72 700 Td (Hi) Tj ET <00")),
		"ToUnicode map": cmapFont,
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Parse("hang.pdf", data)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "ends inside a hex string") {
				t.Errorf("%s: err = %v", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: reading the PDF did not return (the library's lexer loops at the end of a stream)", name)
		}
	}
}
