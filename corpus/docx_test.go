package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"
)

// ----------------------------------------------------------------- DOCX

// docxPara is one paragraph of a generated DOCX: its style (e.g. "Title",
// "Heading1", "" for body text) and its runs. In a run, "\t" becomes
// <w:tab/> and "\n" becomes <w:br/>.
type docxPara struct {
	style string
	runs  []string
}

// makeDOCX builds a minimal Word document in memory. core, if non-empty,
// is written as docProps/core.xml.
func makeDOCX(t testing.TB, paras []docxPara, core string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		body.WriteString("<w:p>")
		if p.style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, p.style)
		}
		for _, r := range p.runs {
			body.WriteString("<w:r>")
			for i, part := range strings.Split(r, "\n") {
				if i > 0 {
					body.WriteString("<w:br/>")
				}
				for j, seg := range strings.Split(part, "\t") {
					if j > 0 {
						body.WriteString("<w:tab/>")
					}
					if seg != "" {
						fmt.Fprintf(&body, `<w:t xml:space="preserve">%s</w:t>`, html.EscapeString(seg))
					}
				}
			}
			body.WriteString("</w:r>")
		}
		body.WriteString("</w:p>")
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body.String() + `<w:sectPr/></w:body></w:document>`
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": doc,
	}
	if core != "" {
		files["docProps/core.xml"] = core
	}
	return makeZip(t, files, []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"})
}

// makeZip writes the named files (in the given order, skipping absent
// ones) into a zip archive.
func makeZip(t testing.TB, files map[string]string, order []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		content, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// coreXML returns a docProps/core.xml with a title and a creation date.
func coreXML(title, created string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + html.EscapeString(title) + `</dc:title><dc:creator>Reporter</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created></cp:coreProperties>`
}

// sampleDOCX is the DOCX fixture: a Title paragraph, a byline, body
// paragraphs with several runs, a tab and a line break, and core
// properties.
func sampleDOCX(t testing.TB) []byte {
	return makeDOCX(t, []docxPara{
		{"Title", []string{"Talks on migration ", "resume in Mexico City"}},
		{"", []string{"By Carla Ruiz"}},
		{"", []string{"Senior officials from the United States and Mexico ", "resumed talks on Tuesday about migration, trade and security.", " Officials met for a second day."}},
		{"Heading2", []string{"What was agreed"}},
		{"", []string{"Both sides agreed\tto expand deportation flights.\nThe talks ended at noon, officials said."}},
		{"", nil},
	}, coreXML("Microsoft Word - draft3.docx", "2024-01-05T10:00:00Z"))
}

// TestDOCX checks paragraphs, title sources and the date.
func TestDOCX(t *testing.T) {
	tests := []struct {
		name  string
		paras []docxPara
		core  string
		title string
		date  string
		text  string
		lead  bool // first sentence is the headline
	}{
		{
			name:  "title style",
			paras: []docxPara{{"Title", []string{"A headline in the title style"}}, {"", []string{"Body text follows here."}}},
			title: "A headline in the title style", lead: true,
			text: "A headline in the title style\n\nBody text follows here.",
		},
		{
			name:  "heading style",
			paras: []docxPara{{"Heading1", []string{"A headline in heading one"}}, {"", []string{"Body text follows here."}}},
			title: "A headline in heading one", lead: true,
			text: "A headline in heading one\n\nBody text follows here.",
		},
		{
			name:  "core title",
			paras: []docxPara{{"", []string{"The body starts right away with a full sentence that ends with a stop."}}, {"", []string{"More body text."}}},
			core:  coreXML("Core properties headline", "2023-11-30T08:00:00Z"),
			title: "Core properties headline", date: "2023-11-30",
			text: "The body starts right away with a full sentence that ends with a stop.\n\nMore body text.",
		},
		{
			name:  "tabs breaks entities",
			paras: []docxPara{{"", []string{"Left\tright & <more>.", "\nNext line."}}},
			text:  "Left right & <more>.\n\nNext line.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("t.docx", makeDOCX(t, tc.paras, tc.core))
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if d.Title != tc.title || d.Date != tc.date || d.Text != tc.text {
				t.Errorf("got title %q date %q text %q", d.Title, d.Date, d.Text)
			}
			if d.Sentences[0].Headline != tc.lead {
				t.Errorf("headline flag = %v", d.Sentences[0].Headline)
			}
		})
	}
}

// TestDOCXNoText checks a document with no text.
func TestDOCXNoText(t *testing.T) {
	_, err := Parse("empty.docx", makeDOCX(t, []docxPara{{"", nil}}, ""))
	if err == nil || err.Error() != "empty.docx: no text extracted" {
		t.Errorf("err = %v", err)
	}
}

// TestDOCXCorruptXML checks broken document.xml.
func TestDOCXCorruptXML(t *testing.T) {
	data := makeZip(t, map[string]string{"word/document.xml": "<w:document><<<"}, []string{"word/document.xml"})
	_, err := Parse("bad.docx", data)
	if err == nil || !strings.Contains(err.Error(), "bad.docx: ") {
		t.Errorf("err = %v", err)
	}
}

// FuzzParseDOCX checks that any bytes read as .docx give a valid Document
// or a *FileError, deterministically.
func FuzzParseDOCX(f *testing.F) {
	f.Add(sampleDOCX(f))
	f.Add(makeDOCX(f, []docxPara{{"Heading1", []string{"H"}}, {"", []string{"a\tb\nc"}}}, coreXML("T", "2024-01-01")))
	f.Add(makeZip(f, map[string]string{"word/document.xml": "<w:p><w:t>x</w:t></w:p>"}, []string{"word/document.xml"}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p><w:p><w:r><w:t>a</w:t><w:tab/><w:br/><w:t>b.</w:t></w:r></w:p></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.docx", data)
		if !bytes.HasPrefix(data, []byte("PK")) {
			// Also read the bytes as word/document.xml of a valid archive,
			// to reach the XML code.
			zipped := makeZip(t, map[string]string{"word/document.xml": string(data), "docProps/core.xml": coreXML("T", "2024-01-01")},
				[]string{"word/document.xml", "docProps/core.xml"})
			fuzzCheck(t, "fuzz.docx", zipped)
		}
	})
}
