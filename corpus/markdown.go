package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"parallax/internal/lazyre"
)

// mdParser parses Markdown with GitHub tables and strikethrough. A
// goldmark.Markdown is safe for concurrent use.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// parseMarkdown reads a Markdown article: the text of headings,
// paragraphs, list items, block quotes and table rows; code blocks, images
// and raw HTML are dropped and links keep their text. The first heading
// (or a front-matter title) is the title. A file with a block too big for
// the Markdown parser is read as plain text with its HTML tags removed.
func parseMarkdown(name string, data []byte) (*Document, error) {
	s, err := decodeBytes(data)
	if err != nil {
		return nil, err
	}
	s = normalizeText(s)
	if strings.TrimSpace(s) == "" {
		return nil, errEmpty
	}
	fm, body := splitFrontMatter(s)
	if tableRows(body) > maxParagraphs {
		// Each row becomes a paragraph: refused before the Markdown
		// parser builds the table (it takes about 50 times the file's
		// size).
		return nil, &budgetError{fmt.Sprintf("more than %d paragraphs (table rows; the limit)", maxParagraphs)}
	}
	if hasHugeBlock(body) {
		// The Markdown parser is slow on huge blocks (quadratic on some
		// inputs); such a file is read as plain text, without its HTML
		// tags.
		return FromText(name, htmlTagRe.ReplaceAllString(body, " ")), nil
	}
	src := tameMarkdown([]byte(body))
	root := mdParser.Parser().Parse(text.NewReader(src))

	w := mdWalker{src: src, heading: -1}
	w.block(root)
	if err := checkParas(w.paras); err != nil {
		return nil, err
	}

	m := docMeta{headingPara: -1}
	m.title = fm["title"]
	if m.title == "" && w.heading >= 0 {
		m.headingPara = w.heading
	} else if m.title != "" {
		m.prependTitle = true
	}
	m.date = normalizeDate(firstOf(fm, "date", "published", "pubdate", "publishdate", "published_at", "created"))
	m.outlet = cleanOutlet(firstOf(fm, "outlet", "source", "publisher", "site", "site_name", "sitename", "publication"))
	m.lang = firstOf(fm, "lang", "language", "locale")
	return buildDocument(name, w.paras, m), nil
}

// firstOf returns the first non-empty value of keys in m.
func firstOf(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

// splitFrontMatter separates a leading YAML front-matter block ("---"
// lines) from Markdown and reads its simple "key: value" lines (keys
// lower-cased, quotes stripped).
func splitFrontMatter(s string) (map[string]string, string) {
	if !strings.HasPrefix(s, "---\n") {
		return nil, s
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return nil, s
	}
	block := s[4 : 4+end]
	rest := s[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		rest = rest[i+1:]
	} else if strings.TrimSpace(rest) == "" {
		rest = ""
	} else if i >= 0 {
		return nil, s // "---" followed by text on the same line: not front matter
	}
	fm := map[string]string{}
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		if _, dup := fm[k]; !dup {
			fm[k] = v
		}
	}
	return fm, rest
}

// mdMaxRun bounds runs of one punctuation character and the container
// prefix of a line (block quotes, list markers) in Markdown source.
const mdMaxRun = 64

// tameMarkdown shortens pathological Markdown that makes the parser slow
// (its time grows with the square of the nesting depth): runs of more than
// mdMaxRun of the same punctuation character ("[[[[", ">>>>", "****")
// and line prefixes of more than mdMaxRun container markers ("- - - - ",
// "> > > ") are cut to mdMaxRun. Real articles never come near the limit.
func tameMarkdown(src []byte) []byte {
	var out []byte // allocated at the first byte cut
	run, prefix := 0, 0
	inPrefix := true
	for i, c := range src {
		if i > 0 && c == src[i-1] && c < utf8.RuneSelf && c != ' ' && !isAlnum(c) {
			run++
		} else {
			run = 1
		}
		cut := false
		switch {
		case c == '\n':
			inPrefix, prefix = true, 0
		case inPrefix && isMDPrefixByte(c):
			prefix++
			cut = prefix > mdMaxRun
		default:
			inPrefix = false
		}
		cut = cut || (c != '\n' && run > mdMaxRun)
		if cut && out == nil {
			out = append(make([]byte, 0, len(src)), src[:i]...)
		}
		if out != nil && !cut {
			out = append(out, c)
		}
	}
	if out == nil {
		return src
	}
	return out
}

// mdMaxBlock is the largest blank-line separated block parsed as Markdown.
const mdMaxBlock = 64 << 10

// mdMaxBrackets is the most "[" a block (or 20 times that, the file) may
// hold to be parsed as Markdown: link parsing time grows with their square.
const mdMaxBrackets = 1000

// hasHugeBlock reports whether s has a block of text (between blank lines)
// longer than mdMaxBlock bytes or with more than mdMaxBrackets "[", or more
// than 20*mdMaxBrackets "[" in all.
func hasHugeBlock(s string) bool {
	total := strings.Count(s, "[")
	if total > 20*mdMaxBrackets {
		return true
	}
	if len(s) <= mdMaxBlock && total <= mdMaxBrackets {
		return false
	}
	block, brackets := 0, 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.TrimSpace(line) == "" {
			block, brackets = 0, 0
			continue
		}
		block += len(line) + 1
		brackets += strings.Count(line, "[")
		if block > mdMaxBlock || brackets > mdMaxBrackets {
			return true
		}
	}
	return false
}

// isMDPrefixByte reports bytes that make up Markdown container prefixes.
func isMDPrefixByte(c byte) bool {
	switch c {
	case ' ', '\t', '>', '-', '*', '+', '.', ')':
		return true
	}
	return c >= '0' && c <= '9'
}

// isAlnum reports ASCII letters and digits.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// tableRows counts the lines that start (after indentation) with "|",
// the rows of Markdown tables.
func tableRows(s string) int {
	n := 0
	for line := range strings.Lines(s) {
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "|") {
			n++
		}
	}
	return n
}

// htmlTagRe matches the HTML tags that Markdown files carry (block and
// inline formatting), for text read without the Markdown parser.
var htmlTagRe = lazyre.New(`(?i)</?(?:div|span|p|br|hr|section|article|aside|header|footer|figure|figcaption|table|tr|td|th|tbody|thead|ul|ol|li|em|strong|b|i|u|a|img|h[1-6]|blockquote|center|font|small|sup|sub|details|summary)\b[^<>]*>`)

// mdWalker collects the paragraphs of a Markdown AST.
type mdWalker struct {
	src     []byte
	paras   []string
	heading int // index in paras of the first heading, or -1
}

// block walks block-level nodes.
func (w *mdWalker) block(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading:
			if w.heading < 0 {
				w.heading = len(w.paras)
			}
			w.emit(c)
		case ast.KindParagraph, ast.KindTextBlock:
			w.emit(c)
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock,
			ast.KindThematicBreak, ast.KindLinkReferenceDefinition:
			// dropped
		case east.KindTable:
			for row := c.FirstChild(); row != nil; row = row.NextSibling() {
				var cells []string
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					var b bytes.Buffer
					w.inline(cell, &b)
					if t := collapseSpace(b.String()); t != "" {
						cells = append(cells, t)
					}
				}
				if len(cells) > 0 {
					w.paras = append(w.paras, strings.Join(cells, " | "))
				}
			}
		default: // lists, list items, block quotes, documents
			w.block(c)
		}
	}
}

// emit adds the inline text of a block as one paragraph.
func (w *mdWalker) emit(n ast.Node) {
	var b bytes.Buffer
	w.inline(n, &b)
	if t := collapseSpace(b.String()); t != "" {
		w.paras = append(w.paras, t)
	}
}

// inline writes the text of inline nodes: text, code spans, emphasis and
// link text; images and raw HTML are dropped.
func (w *mdWalker) inline(n ast.Node, b *bytes.Buffer) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			seg := v.Segment.Value(w.src)
			if v.IsRaw() {
				b.Write(seg)
			} else {
				b.Write(unescapeMD(seg))
			}
			if v.SoftLineBreak() || v.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if v.IsCode() || v.IsRaw() {
				b.Write(v.Value)
			} else {
				b.Write(unescapeMD(v.Value))
			}
		case *ast.CodeSpan:
			for t := v.FirstChild(); t != nil; t = t.NextSibling() {
				switch tv := t.(type) {
				case *ast.Text:
					b.Write(tv.Segment.Value(w.src))
				case *ast.String:
					b.Write(tv.Value)
				}
			}
		case *ast.Image, *ast.RawHTML:
			// dropped
		case *ast.AutoLink:
			b.Write(v.Label(w.src))
		case *east.TaskCheckBox:
			// dropped
		default: // emphasis, links, strikethrough
			w.inline(c, b)
		}
	}
}

// unescapeMD resolves backslash escapes and character references.
func unescapeMD(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}
