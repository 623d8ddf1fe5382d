package corpus

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"

	readability "codeberg.org/readeck/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"parallax/internal/lazyre"
)

// maxHTMLElements bounds the pages readability analyses; larger ones are
// read by the plain block walker.
const maxHTMLElements = 100000

// decodeHTML decodes an HTML page: a BOM wins, then a charset declared in
// a <meta> tag, else the bytes are read like any unlabelled text.
func decodeHTML(data []byte) (string, error) {
	if len(data) >= 2 && (data[0] == 0xEF || data[0] == 0xFF || data[0] == 0xFE || data[0] == 0) {
		return decodeBytes(data)
	}
	if sniffBinary(data) {
		return decodeBytes(data) // BOM-less UTF-16, or binary
	}
	_, name, _ := charset.DetermineEncoding(data, "")
	if name == "" || name == "utf-8" || name == "windows-1252" {
		return decodeUnlabelled(data), nil
	}
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return decodeUnlabelled(data), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decodeUnlabelled(data), nil
	}
	s := string(out)
	if decodedLooksBinary(s) {
		return "", errBinary
	}
	return s, nil
}

// htmlMeta is the metadata found in an HTML page's markup.
type htmlMeta struct {
	title, ogTitle, h1      string
	siteName, appName       string
	published, timeDatetime string
	jsonDate, jsonPublisher string
	lang                    string
}

// parseHTML reads an HTML page: readability finds the main text (parsed
// from bytes only; nothing is fetched), block elements give the
// paragraphs, and the markup gives title, outlet and date.
func parseHTML(name string, data []byte) (*Document, error) {
	s, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	s = normalizeText(s)
	if strings.TrimSpace(s) == "" {
		return nil, errEmpty
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// Too deeply nested for the tree builder: read the tokens.
		title, paras := htmlTokenText(s)
		if len(paras) == 0 {
			return nil, errNoText
		}
		if err := checkParas(paras); err != nil {
			return nil, err
		}
		return buildDocument(name, paras, docMeta{headingPara: -1, title: title, prependTitle: title != ""}), nil
	}
	hm := readHTMLMeta(root)

	var paras []string
	var art readability.Article
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxHTMLElements
	pageURL := &url.URL{Scheme: "file", Path: "/" + filepath.Base(filepath.ToSlash(name))}
	art, rerr := parser.ParseAndMutate(root, pageURL)
	if rerr == nil && art.Node != nil && art.Node.Parent != nil {
		w := blockWalker{}
		w.walk(art.Node.Parent)
		paras = w.done()
	}
	if textLetters(paras) < 200 {
		// Readability found little: read the whole body, skipping page
		// furniture (navigation, headers, footers, asides, forms).
		if root2, err := html.Parse(strings.NewReader(s)); err == nil {
			w := blockWalker{skipJunk: true}
			w.walk(root2)
			if all := w.done(); textLetters(all) > textLetters(paras) {
				paras = all
			}
		}
	}

	m := docMeta{headingPara: -1, prependTitle: true, lang: hm.lang}
	m.outlet = cleanOutlet(firstNonEmpty(hm.siteName, hm.appName, art.SiteName, hm.jsonPublisher))
	m.title = pickHTMLTitle(paras, m.outlet, art.Title, hm.ogTitle, hm.title, hm.h1)
	m.date = normalizeDate(hm.published)
	if m.date == "" {
		m.date = normalizeDate(hm.timeDatetime)
	}
	if m.date == "" {
		m.date = normalizeDate(hm.jsonDate)
	}
	if m.date == "" && art.PublishedTime != nil {
		m.date = art.PublishedTime.Format("2006-01-02")
	}
	if len(paras) == 0 {
		return nil, errNoText
	}
	if err := checkParas(paras); err != nil {
		return nil, err
	}
	return buildDocument(name, paras, m), nil
}

// pickHTMLTitle chooses the page's title among candidates (readability's
// title, og:title, <title>, the first <h1>, site-name suffixes removed):
// the first that is one of the first paragraphs, else the first non-empty
// one.
func pickHTMLTitle(paras []string, site string, candidates ...string) string {
	first := ""
	for _, c := range candidates {
		c = stripSiteSuffix(c, site)
		if c == "" {
			continue
		}
		if first == "" {
			first = c
		}
		for i := 0; i < len(paras) && i < 3; i++ {
			if sameLine(paras[i], c) {
				return c
			}
		}
	}
	return first
}

// firstNonEmpty returns the first of vs that is not blank, trimmed.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// stripSiteSuffix removes " | Site", " - Site" or " — Site" from the end
// of a page title when Site is the outlet.
func stripSiteSuffix(title, site string) string {
	title = collapseSpace(title)
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// textLetters counts the bytes of text in paragraphs.
func textLetters(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

// ---------------------------------------------------------------- meta

// readHTMLMeta collects title, site name, dates and language from a page's
// markup: <title>, <meta> (Open Graph, application-name, article:*,
// date), <time datetime>, JSON-LD and <html lang>.
func readHTMLMeta(root *html.Node) htmlMeta {
	var hm htmlMeta
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if hm.lang == "" {
					hm.lang = attr(n, "lang")
				}
			case "title":
				if hm.title == "" {
					hm.title = collapseSpace(nodeText(n))
				}
			case "h1":
				if hm.h1 == "" {
					hm.h1 = collapseSpace(nodeText(n))
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title":
					setOnce(&hm.ogTitle, val)
				case "og:site_name":
					setOnce(&hm.siteName, val)
				case "application-name":
					setOnce(&hm.appName, val)
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
					"publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
					"sailthru.date", "parsely-pub-date", "og:published_time", "published_time":
					setOnce(&hm.published, val)
				case "og:locale", "language", "content-language", "dc.language":
					if hm.lang == "" {
						hm.lang = val
					}
				}
			case "time":
				if dt := attr(n, "datetime"); dt != "" {
					pub := hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
						strings.Contains(strings.ToLower(attr(n, "class")), "publish")
					if pub {
						hm.timeDatetime = dt
					} else {
						setOnce(&hm.timeDatetime, dt)
					}
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					readJSONLD(nodeText(n), &hm)
				}
				return
			case "style", "template", "svg":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return hm
}

// setOnce sets *dst to v if *dst is empty.
func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// readJSONLD takes datePublished and the publisher's name from a JSON-LD
// block (objects, arrays and @graph are searched).
func readJSONLD(src string, hm *htmlMeta) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok {
				setOnce(&hm.jsonDate, d)
			}
			switch p := x["publisher"].(type) {
			case map[string]any:
				if n, ok := p["name"].(string); ok {
					setOnce(&hm.jsonPublisher, n)
				}
			case string:
				setOnce(&hm.jsonPublisher, p)
			}
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1)
			}
		}
	}
	walk(v, 0)
}

// attr returns the value of n's attribute key (case-insensitive).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// nodeText concatenates the text nodes under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// ---------------------------------------------------------------- blocks

// skipTags never hold article text.
var skipTags = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"svg": true, "math": true, "canvas": true, "video": true, "audio": true,
	"picture": true, "img": true, "map": true, "select": true, "option": true,
	"button": true, "input": true, "textarea": true, "figcaption": true,
}

// voidTags are elements without an end tag.
var voidTags = map[string]bool{
	"img": true, "input": true, "embed": true, "frame": true, "br": true, "hr": true,
	"meta": true, "link": true, "source": true, "track": true, "wbr": true, "area": true, "col": true, "param": true, "base": true,
}

// junkTags are page furniture, skipped when reading a whole page.
var junkTags = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"menu": true, "dialog": true,
}

// junkRoles are ARIA roles of page furniture.
var junkRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

// junkClassRe matches class and id values of page furniture.
var junkClassRe = lazyre.New(`(?i)(^|[\s_-])(nav|navbar|menu|footer|masthead|share|sharing|social|related|comments?|advert|ads?|promo|cookie|newsletter|subscribe|sidebar|breadcrumbs?|popup|modal|banner)($|[\s_-])`)

// blockTags end the paragraph before and after them.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"section": true, "article": true, "main": true, "header": true, "footer": true, "aside": true,
	"nav": true, "table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "caption": true,
	"pre": true, "figure": true, "hr": true, "address": true, "details": true, "summary": true,
	"form": true, "fieldset": true, "legend": true, "center": true, "body": true, "html": true,
	"hgroup": true, "menu": true, "dialog": true,
}

// htmlTokenText reads the title and paragraphs of a page from its tokens,
// without building a tree (for pages too deeply nested to parse).
func htmlTokenText(s string) (string, []string) {
	z := html.NewTokenizer(strings.NewReader(s))
	w := blockWalker{}
	var title strings.Builder
	skip, inTitle := 0, false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return collapseSpace(title.String()), w.done()
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
			} else if skip == 0 {
				w.cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			end := tt == html.EndTagToken
			switch {
			case tag == "title":
				inTitle = !end && tt != html.SelfClosingTagToken
			case skipTags[tag] && !voidTags[tag]:
				if tt == html.SelfClosingTagToken {
					break
				}
				if end {
					if skip > 0 {
						skip--
					}
				} else {
					skip++
				}
			case tag == "br" || blockTags[tag]:
				w.flush()
			case tag == "td" || tag == "th":
				w.cur.WriteByte(' ')
			}
		}
	}
}

// blockWalker turns an HTML tree into paragraphs, one per block element or
// <br>-separated line.
type blockWalker struct {
	skipJunk bool
	paras    []string
	cur      strings.Builder
	depth    int
}

// flush ends the current paragraph.
func (w *blockWalker) flush() {
	if w.cur.Len() == 0 {
		return
	}
	if t := collapseSpace(w.cur.String()); t != "" {
		w.paras = append(w.paras, t)
	}
	w.cur.Reset()
}

// done returns the paragraphs.
func (w *blockWalker) done() []string {
	w.flush()
	return w.paras
}

// walk visits n and its descendants.
func (w *blockWalker) walk(n *html.Node) {
	w.depth++
	defer func() { w.depth-- }()
	if w.depth > 512 {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		tag := n.Data
		if skipTags[tag] || hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
			return
		}
		if w.skipJunk && (junkTags[tag] || junkRoles[strings.ToLower(attr(n, "role"))] ||
			junkClassRe.MatchString(attr(n, "class")) || junkClassRe.MatchString(attr(n, "id"))) {
			w.flush()
			return
		}
		style := strings.ToLower(attr(n, "style"))
		if strings.Contains(style, "display:none") || strings.Contains(style, "display: none") {
			return
		}
		switch {
		case tag == "br":
			w.flush()
			return
		case tag == "td" || tag == "th":
			w.cur.WriteByte(' ')
		case tag == "pre":
			w.flush()
			for _, line := range strings.Split(nodeText(n), "\n") {
				w.cur.WriteString(line)
				w.flush()
			}
			return
		case blockTags[tag]:
			w.flush()
			defer w.flush()
		}
	case html.CommentNode, html.DoctypeNode, html.RawNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}
