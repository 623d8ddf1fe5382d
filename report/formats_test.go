package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"parallax/compare"
	"parallax/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// framed compares three short hand-made articles with quotes, names,
// a shared claim and conflicting figures.
func framed(t *testing.T) Comparison {
	t.Helper()
	docs := []*corpus.Document{
		corpus.FromText("wire/a.txt", "Border agents encountered 5,000 migrants near El Paso on Tuesday morning.\n\n"+
			"The governor of Texas announced new razor wire along the river banks.\n\n"+
			"“We will not let the border stay open like this,” said Greg Abbott, the governor."),
		corpus.FromText("wire/b.txt", "Border agents encountered 3,000 migrants near El Paso on Tuesday morning.\n\n"+
			"The governor of Texas announced new razor wire along the river banks.\n\n"+
			"A judge in Austin blocked the state law on arrests for a second time."),
		corpus.FromText("wire/c.txt", "The governor of Texas announced new razor wire along the river banks.\n\n"+
			"Farmers near the border complained that the wire damaged their fences, said Maria Lopez, a farmer."),
	}
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.RewriteSensitivity})
	if err != nil {
		t.Fatal(err)
	}
	return Comparison{Docs: docs, Result: res, Sensitivity: compare.RewriteSensitivity, Version: "test"}
}

// TestReportsGolden pins the HTML, CSV, Markdown and JSON reports.
func TestReportsGolden(t *testing.T) {
	c := framed(t)
	for _, f := range []string{"html", "csv", "md", "json"} {
		var b bytes.Buffer
		if err := Write(&b, f, c); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "framed."+f)
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s report differs from %s (run with -update to accept):\n%s", f, golden, b.String())
		}
	}
}

// TestReportsRecordInputs checks that every format records the inputs, the
// sensitivity and the version.
func TestReportsRecordInputs(t *testing.T) {
	c := framed(t)
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, c); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{"wire/a.txt", "wire/c.txt", "0.75", "test"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s report lacks %q", f, want)
			}
		}
	}
	if err := Write(&bytes.Buffer{}, "pdf", c); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]string{"r.json": "json", "R.HTML": "html", "r.htm": "html", "r.csv": "csv",
		"r.md": "md", "r.markdown": "md", "r.txt": "text", "r": "text"} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestHTMLEscapesArticleText: markup in an article's text, title, outlet
// or path stays text in the HTML report, and the report loads nothing.
func TestHTMLEscapesArticleText(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)> <a href="javascript:alert(2)">y</a> <style>body{display:none}</style>`
	d1 := corpus.FromText("<b>evil</b>.txt", "# "+evil+"\n\nThe council approved the new budget of 4 million euros on Monday. "+evil+" said <u>Bob</u> <marquee>m</marquee>.")
	d1.Outlet = `Outlet"><script>alert(3)</script>`
	d2 := corpus.FromText("plain.txt", "On Monday the council approved a budget of 4 million euros. “"+evil+" is what they wrote,” said Ann Smith.")
	docs := []*corpus.Document{d1, d2}
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.RewriteSensitivity})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, Comparison{Docs: docs, Result: res, Sensitivity: 0.75, Version: `<script>v</script>`}); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "img", "iframe", "object", "embed", "link", "u", "marquee":
				t.Errorf("the report holds a <%s> element", n.Data)
			case "style":
				if n.Parent == nil || n.Parent.Data != "head" {
					t.Error("a <style> element outside the head")
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("attribute %s on <%s>", a.Key, n.Data)
				}
				if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> points outside the report", n.Data, a.Key, a.Val)
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	if !strings.Contains(b.String(), "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("the article's <script> is not shown as text")
	}
}

// TestCSVParses reads the CSV back: comments skipped, one row per link.
func TestCSVParses(t *testing.T) {
	c := framed(t)
	var b bytes.Buffer
	if err := WriteCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(c.Result.Links)+1 || rows[0][0] != "link" {
		t.Fatalf("%d rows for %d links: %q", len(rows), len(c.Result.Links), rows)
	}
	conflicts, col := 0, slices.Index(rows[0], "conflicts")
	for _, row := range rows[1:] {
		if row[col] != "" {
			conflicts++
			if !strings.Contains(row[col], "5,000") || !strings.Contains(row[col], "3,000") {
				t.Errorf("conflict field %q", row[col])
			}
		}
	}
	if conflicts != 1 {
		t.Errorf("%d links with conflicts, want 1", conflicts)
	}
	if csvSafe("=cmd()") != "'=cmd()" || csvSafe("-1.5") != "-1.5" {
		t.Error("csvSafe")
	}
}

// TestJSONFraming checks the JSON's new fields: the record of the run, the
// framing analysis and the conflicts on the link.
func TestJSONFraming(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, framed(t)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Parallax struct {
			Version     string
			Sensitivity float64
			Inputs      []string
		}
		Links []struct {
			Conflicts []struct{ A, B struct{ Text string } }
		}
		Framing struct {
			Outlets []struct {
				LeftOut []int
				Quoted  []struct{ Name string }
			}
			QuoteGroups []struct{ Speaker string }
			Conflicts   []struct{ Link int }
			CommonCore  []int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Parallax.Version != "test" || got.Parallax.Sensitivity != 0.75 || len(got.Parallax.Inputs) != 3 {
		t.Errorf("record %+v", got.Parallax)
	}
	if len(got.Framing.Outlets) != 3 || len(got.Framing.CommonCore) != 1 || len(got.Framing.Conflicts) != 1 {
		t.Fatalf("framing %+v", got.Framing)
	}
	if l := got.Links[got.Framing.Conflicts[0].Link]; len(l.Conflicts) != 1 || l.Conflicts[0].A.Text != "5,000 migrants" {
		t.Errorf("link conflicts %+v", l)
	}
	if q := got.Framing.Outlets[0].Quoted; len(q) != 1 || q[0].Name != "Greg Abbott" {
		t.Errorf("a's sources %+v", q)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	if got := mdEscape("*bold* <b>x</b> [l](u)\nnext"); got != `\*bold\* &lt;b&gt;x&lt;/b&gt; \[l\]\(u\) next` {
		t.Errorf("mdEscape = %q", got)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("The council approved the budget on Monday. Residents protested."), 0o644); err != nil {
		t.Fatal(err)
	}
	c := framed(t)
	c.Docs[0].Path = article
	// Never over an article, by its name or another.
	if err := WriteFile(article, "html", c); !errors.Is(err, ErrInput) {
		t.Errorf("writing over the article: %v", err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Link(article, link); err == nil {
		if err := WriteFile(link, "html", c); !errors.Is(err, ErrInput) {
			t.Errorf("writing over the article's hard link: %v", err)
		}
	}
	if b, _ := os.ReadFile(article); !strings.HasPrefix(string(b), "The council") {
		t.Error("the article changed")
	}
	out := filepath.Join(dir, "report.md")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(out, "md", c); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "# Parallax") {
		t.Errorf("report %q", b)
	}
	// A failed write leaves the old file and no temporary file.
	if err := WriteFile(out, "pdf", c); err == nil {
		t.Error("an unknown format was written")
	}
	if b2, _ := os.ReadFile(out); !bytes.Equal(b, b2) {
		t.Error("a failed write changed the report")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.html"), "html", c); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
