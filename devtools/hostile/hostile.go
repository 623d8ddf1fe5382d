// Package hostile builds hostile input files for Parallax's tests: PDFs and
// Word documents that are small on disk but expand without bound, loop,
// claim absurd sizes, or are encrypted, together with the good PDF and
// DOCX they are variations of. Nothing is committed as a binary fixture:
// the tests build what they need, and the fuzz seeds under testdata are
// written from here.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

// Article is the text of the good files: two sentences of a news report.
const Article = "Officials met on Tuesday to discuss the border. The talks ended without a deal, a spokesman said."

// font is a Helvetica font dictionary with WinAnsi encoding.
const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// PDF assembles a PDF from object bodies (object i+1 is objs[i]; object 1
// must be the catalog) with a correct cross-reference table. trailer is
// added to the trailer dictionary (e.g. "/Encrypt 9 0 R /ID [<…> <…>]").
func PDF(objs []string, trailer string) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return buf.Bytes()
}

// stream returns a stream object body holding data, with extra entries
// (e.g. "/Filter /FlateDecode") in its dictionary.
func stream(data []byte, extra string) string {
	return fmt.Sprintf("<< /Length %d %s>>\nstream\n%s\nendstream", len(data), extra, data)
}

// pageObjs returns the objects of a one-page PDF whose content stream
// object is content (a complete stream object body) and whose font is
// fontObj.
func pageObjs(content, fontObj string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		content,
		fontObj,
	}
}

// textContent is a content stream that shows Article.
func textContent() []byte {
	return []byte("BT /F1 11 Tf 72 700 Td (" + Article + ") Tj ET")
}

// GoodPDF is a one-page PDF that shows Article.
func GoodPDF() []byte {
	return PDF(pageObjs(stream(textContent(), ""), font), "")
}

// deflate compresses data with zlib (the PDF FlateDecode filter), as many
// times as rounds.
func deflate(data []byte, rounds int) []byte {
	for range rounds {
		var buf bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&buf, flate.BestSpeed)
		zw.Write(data)
		zw.Close()
		data = buf.Bytes()
	}
	return data
}

// deflateRepeat compresses n copies of unit, twice, without holding the
// n copies in memory.
func deflateRepeat(prefix, unit, suffix string, n int) []byte {
	var once bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&once, flate.BestSpeed)
	writeRepeated(zw, prefix, unit, suffix, n)
	zw.Close()
	return deflate(once.Bytes(), 1)
}

// writeRepeated writes prefix, n copies of unit and suffix to w, 64 KB
// at a time.
func writeRepeated(w io.Writer, prefix, unit, suffix string, n int) {
	io.WriteString(w, prefix)
	chunk := []byte(strings.Repeat(unit, max(1, (64<<10)/len(unit))))
	per := len(chunk) / len(unit)
	for left := n; left > 0; left -= per {
		if left < per {
			chunk = chunk[:left*len(unit)]
		}
		w.Write(chunk)
	}
	io.WriteString(w, suffix)
}

// XrefStreamBomb is a 1 KB PDF 1.5 whose cross-reference stream claims
// 2,000,000,000 entries (the PDF library allocates a table that size).
func XrefStreamBomb() []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.5\n")
	objs := pageObjs(stream(textContent(), ""), font)
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	var rows []byte
	rows = append(rows, 0, 0, 0, 0xff)
	for _, off := range offsets {
		rows = append(rows, 1, byte(off>>8), byte(off), 0)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "%d 0 obj\n<< /Type /XRef /Size 2000000000 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		len(objs)+1, len(rows), rows)
	fmt.Fprintf(&buf, "startxref\n%d\n%%%%EOF\n", xref)
	return buf.Bytes()
}

// SelfXref is a PDF whose cross-reference table's /Prev points at itself.
func SelfXref() []byte {
	good := GoodPDF()
	i := bytes.LastIndex(good, []byte("startxref\n"))
	var off int
	fmt.Sscanf(string(good[i+len("startxref\n"):]), "%d", &off)
	return bytes.Replace(good, []byte("/Root 1 0 R "), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d ", off)), 1)
}

// ToUnicodeBomb is a PDF whose font has a ToUnicode map of n bfchar
// entries (the PDF library searches it linearly for every glyph).
func ToUnicodeBomb(n int) []byte {
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < n; i += 100 {
		k := min(100, n-i)
		fmt.Fprintf(&cm, "%d beginbfchar\n", k)
		for j := range k {
			fmt.Fprintf(&cm, "<%04X> <%04X>\n", (i+j)&0xffff, 0x41+(i+j)%26)
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end")
	cmap := deflate([]byte(cm.String()), 1)
	shown := "<" + strings.Repeat("0041", 2000) + ">"
	objs := pageObjs(stream([]byte("BT /F1 11 Tf 72 700 Td "+shown+" Tj ET"), ""),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>")
	objs = append(objs, stream(cmap, "/Filter /FlateDecode "))
	return PDF(objs, "")
}

// TextBomb is a small PDF whose one content stream, compressed twice,
// shows a single string of n letters.
func TextBomb(n int) []byte {
	data := deflateRepeat("BT /F1 11 Tf 72 700 Td (", "A", ") Tj ET", n)
	return PDF(pageObjs(stream(data, "/Filter [/FlateDecode /FlateDecode] "), font), "")
}

// OperatorBomb is a small PDF whose content stream, compressed twice,
// holds n copies of op (e.g. "q " or "0 0 m ").
func OperatorBomb(op string, n int) []byte {
	data := deflateRepeat("BT /F1 11 Tf 72 700 Td ("+Article+") Tj ET\n", op, "", n)
	return PDF(pageObjs(stream(data, "/Filter [/FlateDecode /FlateDecode] "), font), "")
}

// ManyPages is a PDF of n pages that share one content stream.
func ManyPages(n int) []byte {
	var kids strings.Builder
	for i := range n {
		fmt.Fprintf(&kids, "%d 0 R ", 5+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n),
		stream(textContent(), ""),
		font,
	}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>")
	}
	return PDF(objs, "")
}

// hexBytes is n bytes as a PDF hex string.
func hexBytes(n int, b byte) string {
	return "<" + strings.Repeat(fmt.Sprintf("%02X", b), n) + ">"
}

// EncryptedPDF is GoodPDF with a Standard security handler that needs a
// user password: "rc4-40" (V 1, R 2, 40-bit RC4) or "aes-256" (V 5, R 6).
func EncryptedPDF(kind string) []byte {
	objs := pageObjs(stream(textContent(), ""), font)
	switch kind {
	case "aes-256":
		objs = append(objs, fmt.Sprintf("<< /Filter /Standard /V 5 /R 6 /Length 256 /O %s /U %s /OE %s /UE %s /Perms %s /P -1028 "+
			"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF >>",
			hexBytes(48, 0x11), hexBytes(48, 0x22), hexBytes(32, 0x33), hexBytes(32, 0x44), hexBytes(16, 0x55)))
	default:
		objs = append(objs, fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /O %s /U %s /P -44 >>",
			hexBytes(32, 0x11), hexBytes(32, 0x22)))
	}
	id := hexBytes(16, 0x99)
	return PDF(objs, fmt.Sprintf("/Encrypt 6 0 R /ID [%s %s] ", id, id))
}

// Zip writes files, in order, into a zip archive.
func Zip(names []string, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, _ := zw.Create(name)
		w.Write(files[name])
	}
	zw.Close()
	return buf.Bytes()
}

// docxHead and docxTail wrap the body of word/document.xml.
const (
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	docxTail = `</w:body></w:document>`
)

// docxPara is one paragraph of word/document.xml.
func docxPara(text string) string {
	return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"
}

// DOCX is a Word document whose word/document.xml is the given bytes.
func DOCX(documentXML []byte) []byte {
	return Zip([]string{"[Content_Types].xml", "word/document.xml"}, map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"word/document.xml":   documentXML,
	})
}

// GoodDOCX is a Word document of one paragraph holding Article.
func GoodDOCX() []byte {
	return DOCX([]byte(docxHead + docxPara(Article) + docxTail))
}

// UTF16DOCX is GoodDOCX with word/document.xml in UTF-16 (little-endian,
// with a byte order mark), as some tools write it.
func UTF16DOCX() []byte {
	xml := strings.Replace(docxHead, `encoding="UTF-8"`, `encoding="UTF-16"`, 1) + docxPara(Article) + docxTail
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(xml)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return DOCX(b)
}

// zipDeflated writes one big member, produced by repeating unit n times
// between prefix and suffix, into a zip archive without holding it.
func zipDeflated(name, prefix, unit, suffix string, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, _ := zw.Create(name)
	writeRepeated(w, prefix, unit, suffix, n)
	zw.Close()
	return buf.Bytes()
}

// NestedDOCX is a Word document whose body nests depth elements.
func NestedDOCX(depth int) []byte {
	return zipDeflated("word/document.xml", docxHead+docxPara(Article), "<w:sdt>", docxTail, depth)
}

// ManyParagraphsDOCX is a Word document of n paragraphs.
func ManyParagraphsDOCX(n int) []byte {
	return zipDeflated("word/document.xml", docxHead, docxPara("Officials met again on Tuesday."), docxTail, n)
}

// ZipBombDOCX is a Word document whose word/document.xml expands to
// about mb megabytes of one paragraph's text.
func ZipBombDOCX(mb int) []byte {
	return zipDeflated("word/document.xml", docxHead+"<w:p><w:r><w:t>", "word ", "</w:t></w:r></w:p>"+docxTail, mb<<20/5)
}

// EncryptedDOCX is what Word writes for a password-protected .docx: an
// OLE compound file (the old .doc container) holding EncryptionInfo and
// EncryptedPackage streams. Only the header and the directory are
// realistic; the streams are filler.
func EncryptedDOCX() []byte {
	const sector = 512
	hdr := make([]byte, sector)
	copy(hdr, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(hdr[0x18:], 0x003E) // minor version
	binary.LittleEndian.PutUint16(hdr[0x1A:], 3)      // major version
	binary.LittleEndian.PutUint16(hdr[0x1C:], 0xFFFE) // little-endian
	binary.LittleEndian.PutUint16(hdr[0x1E:], 9)      // 512-byte sectors
	binary.LittleEndian.PutUint16(hdr[0x20:], 6)      // 64-byte mini sectors
	binary.LittleEndian.PutUint32(hdr[0x2C:], 1)      // one FAT sector
	binary.LittleEndian.PutUint32(hdr[0x30:], 1)      // directory at sector 1
	binary.LittleEndian.PutUint32(hdr[0x38:], 4096)   // mini stream cutoff
	binary.LittleEndian.PutUint32(hdr[0x3C:], 0xFFFFFFFE)
	binary.LittleEndian.PutUint32(hdr[0x44:], 0xFFFFFFFE)
	binary.LittleEndian.PutUint32(hdr[0x4C:], 0) // FAT at sector 0
	for i := 0x50; i < sector; i += 4 {
		binary.LittleEndian.PutUint32(hdr[i:], 0xFFFFFFFF)
	}
	fat := make([]byte, sector)
	for i := 0; i < sector; i += 4 {
		binary.LittleEndian.PutUint32(fat[i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(fat[0:], 0xFFFFFFFD) // the FAT itself
	binary.LittleEndian.PutUint32(fat[4:], 0xFFFFFFFE) // the directory
	dir := make([]byte, sector)
	for i, name := range []string{"Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"} {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
		if i == 0 {
			e[0x42] = 5 // root storage
		} else {
			e[0x42] = 2 // stream
		}
	}
	out := append(hdr, fat...)
	out = append(out, dir...)
	return append(out, bytes.Repeat([]byte{0x5A}, 4*sector)...)
}

// Seed is one hostile file for the fuzz corpus.
type Seed struct {
	// Name names the file; its extension gives the reader.
	Name string
	// Data is the file.
	Data []byte
}

// Seeds returns the hostile files small enough (under 64 KB) and quick
// enough to keep as fuzz seeds (every test run reads them), with the sizes
// the tests use scaled down where that keeps the file hostile. The text
// and operator bombs are left out: a reader decodes 16 MB of them before
// its budget stops it.
func Seeds() []Seed {
	all := []Seed{
		{"xref-stream-bomb.pdf", XrefStreamBomb()},
		{"self-xref.pdf", SelfXref()},
		{"tounicode-bomb.pdf", ToUnicodeBomb(80000)},
		{"q-bomb.pdf", OperatorBomb("q ", 2000)},
		{"5001-pages.pdf", ManyPages(5001)},
		{"rc4-40.pdf", EncryptedPDF("rc4-40")},
		{"aes-256.pdf", EncryptedPDF("aes-256")},
		{"password.docx", EncryptedDOCX()},
		{"nested.docx", NestedDOCX(5000)},
		{"50k-paragraphs.docx", ManyParagraphsDOCX(50001)},
		{"zip-bomb.docx", ZipBombDOCX(70)},
		{"utf16.docx", UTF16DOCX()},
	}
	var out []Seed
	for _, s := range all {
		if len(s.Data) < 64<<10 {
			out = append(out, s)
		}
	}
	return out
}

// OneLineHTML is an HTML page of about mb megabytes on one line: the
// article, then one paragraph that is a single text node of plain,
// mostly distinct lower-case words with no sentence break.
func OneLineHTML(mb int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>A long page</title></head><body><p>" + Article + "</p><p>")
	word := make([]byte, 0, 8)
	for i := 0; b.Len() < mb<<20; i++ {
		word = word[:0]
		for n := i; ; n /= 26 {
			word = append(word, byte('a'+n%26))
			if n < 26 {
				break
			}
		}
		b.Write(word)
		b.WriteByte(' ')
	}
	b.WriteString("</p></body></html>")
	return b.Bytes()
}
