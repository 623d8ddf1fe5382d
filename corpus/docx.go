package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// maxDOCXPart bounds the decompressed size of one DOCX part (against zip
// bombs); word/document.xml is decoded as it is decompressed, so this
// bounds work, not memory.
const maxDOCXPart = 32 << 20

// maxXMLDepth bounds the nesting of elements in word/document.xml (the
// XML decoder keeps a record per open element).
const maxXMLDepth = 1000

// wordNS is the WordprocessingML main namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// parseDOCX reads a Word document: the paragraphs of word/document.xml
// (w:p with w:t text, w:tab and w:br), the title from docProps/core.xml
// dc:title or the first Title/Heading paragraph, the date from
// dcterms:created.
func parseDOCX(name string, data []byte) (*Document, error) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		if bytes.Contains(data, utf16le("EncryptedPackage")) {
			// Word stores a password-protected .docx encrypted inside an
			// OLE compound file, the container of the old .doc format.
			return nil, errors.New("password-protected Word document (remove the password in Word and save it again)")
		}
		return nil, errors.New("not a DOCX file (old binary Word .doc format; save it as .docx)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("not a DOCX file (not a zip archive)")
	}
	var docPart, corePart *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			docPart = f
		case "docProps/core.xml":
			corePart = f
		}
	}
	if docPart == nil {
		return nil, errors.New("not a DOCX file (no word/document.xml)")
	}
	rc, err := docPart.Open()
	if err != nil {
		return nil, fmt.Errorf("corrupt DOCX: %v", err)
	}
	defer rc.Close()
	paras, titlePara, err := docxParagraphs(&partLimiter{r: rc, name: docPart.Name, left: maxDOCXPart})
	var be *budgetError
	switch {
	case errors.As(err, &be):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("corrupt DOCX: %v", err)
	}
	m := docMeta{headingPara: titlePara}
	if corePart != nil {
		if core, err := readZipPart(corePart); err == nil {
			title, created, lang := docxCore(core)
			m.date = normalizeDate(created)
			m.lang = lang
			if titlePara < 0 && plausibleDocTitle(title) {
				m.title = title
			}
		}
	}
	return buildDocument(name, paras, m), nil
}

// readZipPart decompresses one archive member, refusing oversized ones.
func readZipPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxDOCXPart {
		return nil, fmt.Errorf("%s too large", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDOCXPart+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDOCXPart {
		return nil, fmt.Errorf("%s too large", f.Name)
	}
	return data, nil
}

// partLimiter reads a zip member and fails with a budget error past left
// bytes.
type partLimiter struct {
	r    io.Reader
	name string
	left int64
}

// Read reads from the member.
func (l *partLimiter) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, &budgetError{fmt.Sprintf("%s expands past %d MB (the limit)", l.name, maxDOCXPart>>20)}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// utf16le encodes an ASCII string as UTF-16, little-endian.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// xmlInput returns r decoded to UTF-8 when it starts as UTF-16 (a byte
// order mark, or "<" as a 16-bit unit), and whether it did.
func xmlInput(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF ||
		head[0] == '<' && head[1] == 0 || head[0] == 0 && head[1] == '<') {
		endian := unicode.LittleEndian
		if head[0] == 0xFE || head[0] == 0 {
			endian = unicode.BigEndian
		}
		dec := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder()
		if head[0] == '<' || head[0] == 0 {
			dec = unicode.UTF16(endian, unicode.IgnoreBOM).NewDecoder()
		}
		return transform.NewReader(br, dec), true
	}
	return br, false
}

// newXMLDecoder returns a lenient decoder of r: UTF-16 input is read as
// such, and a declared legacy encoding is decoded.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	in, transcoded := xmlInput(r)
	dec := xml.NewDecoder(in)
	dec.Strict = false
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if transcoded && strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // already decoded
		}
		return charset.NewReaderLabel(label, input)
	}
	return dec
}

// docxParagraphs streams word/document.xml and returns its paragraphs and
// the index of the first paragraph styled Title (else the first Heading),
// or -1. The paragraphs are held to the text budgets, and the nesting to
// maxXMLDepth.
func docxParagraphs(r io.Reader) ([]string, int, error) {
	dec := newXMLDecoder(r)
	var budget textBudget
	var budgetErr error
	elemDepth := 0
	var paras []string
	var cur strings.Builder
	inText := false
	depth := 0 // w:p nesting (text boxes hold paragraphs inside paragraphs)
	style := ""
	titlePara, headPara := -1, -1
	flush := func() {
		t := collapseSpace(cur.String())
		cur.Reset()
		if t == "" {
			return
		}
		s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
		switch {
		case titlePara < 0 && s == "title":
			titlePara = len(paras)
		case headPara < 0 && strings.HasPrefix(s, "heading"):
			headPara = len(paras)
		}
		if budgetErr == nil {
			budgetErr = budget.add(t)
		}
		paras = append(paras, t)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		var be *budgetError
		if errors.As(err, &be) {
			return nil, -1, err
		}
		if err != nil {
			if len(paras) > 0 || cur.Len() > 0 {
				break // keep what was read before the damage
			}
			return nil, -1, err
		}
		if budgetErr != nil {
			return nil, -1, budgetErr
		}
		if cur.Len() > maxExtractedText {
			return nil, -1, &budgetError{fmt.Sprintf("it expands to more than %d MB of text (the limit)", maxExtractedText>>20)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if elemDepth++; elemDepth > maxXMLDepth {
				return nil, -1, fmt.Errorf("XML nested deeper than %d levels", maxXMLDepth)
			}
			if t.Name.Space != wordNS && t.Name.Space != "" {
				continue
			}
			switch t.Name.Local {
			case "p":
				if depth == 0 {
					style = ""
				} else {
					flush()
				}
				depth++
			case "pStyle":
				for _, a := range t.Attr {
					if a.Name.Local == "val" {
						style = a.Value
					}
				}
			case "t":
				inText = true
			case "tab", "ptab":
				cur.WriteByte('\t')
			case "br", "cr":
				kind := ""
				for _, a := range t.Attr {
					if a.Name.Local == "type" {
						kind = a.Value
					}
				}
				if kind == "page" || kind == "column" {
					cur.WriteByte(' ')
				} else {
					flush()
				}
			case "noBreakHyphen":
				cur.WriteByte('-')
			case "sym":
				cur.WriteByte(' ')
			}
		case xml.EndElement:
			elemDepth--
			if t.Name.Space != wordNS && t.Name.Space != "" {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				flush()
				if depth > 0 {
					depth--
				}
			case "tc": // table cell
				cur.WriteByte(' ')
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	flush()
	if budgetErr != nil {
		return nil, -1, budgetErr
	}
	if titlePara < 0 {
		titlePara = headPara
	}
	if titlePara >= 0 && titlePara > 2 {
		titlePara = -1 // a heading deep in the text is a section title
	}
	return paras, titlePara, nil
}

// docxCore reads dc:title, dcterms:created and dc:language from
// docProps/core.xml.
func docxCore(data []byte) (title, created, lang string) {
	dec := newXMLDecoder(bytes.NewReader(data))
	var field string
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			field = t.Name.Local
		case xml.EndElement:
			field = ""
		case xml.CharData:
			v := strings.TrimSpace(string(t))
			switch field {
			case "title":
				setOnce(&title, v)
			case "created":
				setOnce(&created, v)
			case "language":
				setOnce(&lang, v)
			}
		}
	}
}

// plausibleDocTitle rejects metadata titles that are file names or
// template leftovers.
func plausibleDocTitle(t string) bool {
	t = strings.TrimSpace(t)
	if len(strings.Fields(t)) < 2 {
		return false
	}
	low := strings.ToLower(t)
	for _, bad := range []string{"microsoft word", ".doc", ".docx", ".pdf", "untitled", "document1"} {
		if strings.Contains(low, bad) {
			return false
		}
	}
	return true
}
