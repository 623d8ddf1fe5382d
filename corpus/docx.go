package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDOCXPart bounds the decompressed size of one DOCX part (against zip
// bombs).
const maxDOCXPart = 200 << 20

// wordNS is the WordprocessingML main namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// parseDOCX reads a Word document: the paragraphs of word/document.xml
// (w:p with w:t text, w:tab and w:br), the title from docProps/core.xml
// dc:title or the first Title/Heading paragraph, the date from
// dcterms:created.
func parseDOCX(name string, data []byte) (*Document, error) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
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
	body, err := readZipPart(docPart)
	if err != nil {
		return nil, fmt.Errorf("corrupt DOCX: %v", err)
	}
	paras, titlePara, err := docxParagraphs(body)
	if err != nil {
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

// docxParagraphs streams word/document.xml and returns its paragraphs and
// the index of the first paragraph styled Title (else the first Heading),
// or -1.
func docxParagraphs(data []byte) ([]string, int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
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
		paras = append(paras, t)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(paras) > 0 || cur.Len() > 0 {
				break // keep what was read before the damage
			}
			return nil, -1, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
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
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
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
