package corpus

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// body is a paragraph of article text long enough for readability.
const htmlBody = `<p>The governor signed the measure on Tuesday after months of debate in the state legislature, saying it would give local police new powers at the border.</p>
<p>Civil rights groups said they would challenge the law in federal court, arguing that immigration enforcement is a federal responsibility under the Constitution.</p>
<p>The law takes effect in March. State officials said they expected the first arrests within weeks, although they did not say how many officers would be assigned.</p>`

// TestHTMLMeta checks where title, outlet and date come from.
func TestHTMLMeta(t *testing.T) {
	tests := []struct {
		name, head, pre     string
		title, outlet, date string
	}{
		{
			name:  "og tags",
			head:  `<title>Texas law | Border Daily</title><meta property="og:title" content="Texas border law signed"><meta property="og:site_name" content="Border Daily"><meta property="article:published_time" content="2023-12-18T10:00:00Z">`,
			title: "Texas border law signed", outlet: "Border Daily", date: "2023-12-18",
		},
		{
			name:  "title with site suffix and application-name",
			head:  `<title>Texas border law signed - Gulf Post</title><meta name="application-name" content="Gulf Post">`,
			title: "Texas border law signed", outlet: "Gulf Post",
		},
		{
			name:  "json-ld date and publisher",
			head:  `<title>Texas border law signed</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-12-19T08:00:00-06:00","publisher":{"name":"Lone Star Wire"}}]}</script>`,
			title: "Texas border law signed", outlet: "Lone Star Wire", date: "2023-12-19",
		},
		{
			name:  "time element",
			head:  `<title>Texas border law signed</title>`,
			pre:   `<time datetime="2023-12-20">Dec. 20</time>`,
			title: "Texas border law signed", date: "2023-12-20",
		},
		{
			name:  "h1 differs from title",
			head:  `<title>Breaking news: lawmakers react</title>`,
			pre:   `<h1>Texas border law signed</h1>`,
			title: "Texas border law signed",
		},
		{
			name:  "outlet from promo",
			head:  `<title>Texas border law signed</title>`,
			pre:   ``,
			title: "Texas border law signed", outlet: "The Hill",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<!doctype html><html><head>" + tc.head + "</head><body><article>" + tc.pre + htmlBody +
				"<p>For the latest news, weather, sports, and streaming video, head to The Hill.</p></article></body></html>"
			d, err := Parse("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if d.Title != tc.title {
				t.Errorf("Title = %q, want %q", d.Title, tc.title)
			}
			if tc.outlet != "" && d.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tc.outlet)
			}
			if d.Date != tc.date {
				t.Errorf("Date = %q, want %q", d.Date, tc.date)
			}
			if !d.Sentences[0].Headline || d.SentenceText(0) != tc.title {
				t.Errorf("first sentence %q is not the headline", d.SentenceText(0))
			}
		})
	}
}

// TestHTMLCharsets checks declared and BOM encodings.
func TestHTMLCharsets(t *testing.T) {
	para := "<p>" + strings.Repeat("Officials said the talks were productive. ", 3) + "</p>"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"meta charset latin1", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Se\xf1or Pe\xf1a said \xabyes\xbb.</p>" + para + "</body></html>"), "Señor Peña said «yes»."},
		{"meta charset koi8-r", []byte("<html><head><meta charset=\"koi8-r\"></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2.</p>" + para + "</body></html>"), "Привет мир."},
		{"no charset cp1252 bytes", []byte("<html><body><p>\x93Yes,\x94 she said.</p>" + para + "</body></html>"), "“Yes,” she said."},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, []byte("<html><body><p>Café noir.</p>"+para+"</body></html>")...), "Café noir."},
		{"utf16le bom", utf16WithBOM("<html><body><p>Café noir.</p>"+para+"</body></html>", false), "Café noir."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("c.html", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			if !strings.Contains(d.Text, tc.want) {
				t.Errorf("Text %q lacks %q", d.Text, tc.want)
			}
		})
	}
}

// TestHTMLBlocks checks paragraph structure from block elements.
func TestHTMLBlocks(t *testing.T) {
	page := `<html><body><div><h2>Section</h2><p>First <b>bold</b> and <a href="x">linked</a> words.</p>` +
		`<p>Line one<br>Line two</p><ul><li>Item one.</li><li>Item two.</li></ul>` +
		`<table><tr><td>Cell A</td><td>Cell B</td></tr></table>` +
		`<p hidden>Hidden text.</p><p style="display:none">Invisible text.</p><p aria-hidden="true">Aria text.</p>` +
		`<noscript>Enable JavaScript.</noscript><template><p>Template text.</p></template></div></body></html>`
	d, err := Parse("blocks.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, d.Text[p.Start:p.End])
	}
	want := []string{"Section", "First bold and linked words.", "Line one", "Line two", "Item one.", "Item two.", "Cell A Cell B"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

// failingTransport fails the test on any HTTP request.
type failingTransport struct{ t *testing.T }

func (f failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("network request to %s", r.URL)
	return nil, errors.New("no network")
}

// connCounter is a TCP listener on 127.0.0.1 that counts the connections
// made to it.
type connCounter struct {
	ln    net.Listener
	count atomic.Int64
	done  chan struct{}
}

// listenCounter starts a connCounter; it is closed when the test ends.
func listenCounter(t *testing.T) *connCounter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &connCounter{ln: ln, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return // closed
			}
			c.count.Add(1)
			conn.Close()
		}
	}()
	t.Cleanup(func() { c.close() })
	return c
}

// close stops the listener (again, if it was closed) and returns the
// number of connections made.
func (c *connCounter) close() int64 {
	c.ln.Close()
	<-c.done
	return c.count.Load()
}

// TestHTMLNoNetwork reads a page full of remote resources (images, srcset,
// scripts, frames, style sheets, @import, fonts, media, a base URL and a
// refresh) from disk with every proxy variable pointing at a local
// listener that counts connections, with the same resources also pointing
// at that listener directly, and with the default HTTP transport replaced
// by one that fails the test: no connection may be made, and the text
// must be extracted.
func TestHTMLNoNetwork(t *testing.T) {
	listener := listenCounter(t)
	proxy := "http://" + listener.ln.Addr().String()
	for _, v := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, proxy)
	}
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	old := http.DefaultTransport
	http.DefaultTransport = failingTransport{t}
	defer func() { http.DefaultTransport = old }()

	var page strings.Builder
	for _, base := range []string{"https://cdn.example.com", "http://news.example.org", proxy} {
		fmt.Fprintf(&page, `<link rel="stylesheet" href="%[1]s/a.css"><link rel="icon" href="%[1]s/favicon.ico"><link rel="preload" href="%[1]s/font.woff2" as="font">`+
			`<style>@import url("%[1]s/imported.css"); @import "%[1]s/imported2.css"; body { background: url(%[1]s/bg.png) } @font-face { src: url(%[1]s/f.woff) }</style>`+
			`<script src="%[1]s/x.js"></script>`, base)
	}
	head := page.String()
	page.Reset()
	for _, base := range []string{"https://images.example.com", "http://media.example.org", proxy} {
		fmt.Fprintf(&page, `<img src="%[1]s/a.jpg" srcset="%[1]s/a-2x.jpg 2x, %[1]s/a-3x.jpg 3x"><picture><source srcset="%[1]s/b.webp"><img src="%[1]s/b.jpg"></picture>`+
			`<iframe src="%[1]s/frame"></iframe><video poster="%[1]s/p.jpg" src="%[1]s/v.mp4"></video><object data="%[1]s/o.swf"></object>`+
			`<embed src="%[1]s/e.swf"><div style="background-image: url(%[1]s/div.png)"></div>`, base)
	}
	html := `<html><head><base href="https://example.com/"><meta http-equiv="refresh" content="0; url=https://example.com/">` + head +
		`</head><body>` + page.String() + `<article>` + htmlBody + `</article></body></html>`
	path := filepath.Join(t.TempDir(), "remote.html")
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}

	d, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	for _, want := range []string{"The governor signed the measure on Tuesday", "The law takes effect in March."} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("Text %q lacks %q", d.Text, want)
		}
	}
	time.Sleep(100 * time.Millisecond) // room for a fetch started in the background
	if n := listener.close(); n != 0 {
		t.Errorf("%d connection attempts while reading the page", n)
	}
}

// TestHTMLDeepNesting checks a page nested too deeply for the tree
// builder: it is read from its tokens.
func TestHTMLDeepNesting(t *testing.T) {
	page := "<html><head><title>Deep page</title><script>var a = '<p>no</p>';</script></head><body>" +
		strings.Repeat("<div>", 3000) + "<p>Deep text here.</p><p>Second <b>bold</b> para.</p><style>p{}</style><img src=x><p>Third.</p></body></html>"
	d, err := Parse("deep.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Text != "Deep page\n\nDeep text here.\n\nSecond bold para.\n\nThird." || d.Title != "Deep page" {
		t.Errorf("Title %q Text %q", d.Title, d.Text)
	}
}

// FuzzParseHTML checks that any bytes read as .html give a valid Document
// or a *FileError, deterministically.
func FuzzParseHTML(f *testing.F) {
	for _, p := range []string{"html/article.html", "html/minimal.html", "html/cp1252.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>a<br>b</p><pre>x\ny</pre>"))
	f.Add([]byte(`<meta charset="shift_jis"><p>\x82\xa0</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.html", data)
	})
}
