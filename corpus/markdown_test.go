package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMarkdown checks which Markdown constructs give text.
func TestMarkdown(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []string // paragraphs
		title string
	}{
		{"heading is title", "# The headline\n\nBody text here.", []string{"The headline", "Body text here."}, "The headline"},
		{"setext heading", "The headline\n============\n\nBody text here.", []string{"The headline", "Body text here."}, "The headline"},
		{"soft breaks join", "One line\nwrapped here.", []string{"One line wrapped here."}, ""},
		{"links keep text", "See [the report](http://x.y/z) and <http://a.b/c>.", []string{"See the report and http://a.b/c."}, ""},
		{"images dropped", "Text ![alt text](a.png) more text.", []string{"Text more text."}, ""},
		{"code block dropped", "Before.\n\n    indented code\n\n```\nfenced code\n```\n\nAfter.", []string{"Before.", "After."}, ""},
		{"inline code kept", "Run `make` now.", []string{"Run make now."}, ""},
		{"html dropped", "<div>block html</div>\n\nText <span>inline</span> here.", []string{"Text inline here."}, ""},
		{"lists and quotes", "- one\n- two\n\n> quoted text\n> continues", []string{"one", "two", "quoted text continues"}, ""},
		{"escapes and entities", `A \*star\* &amp; &#8212; &copy; sign.`, []string{"A *star* & — © sign."}, ""},
		{"emphasis", "Some *emphasis* and **strong** and ~~struck~~ text.", []string{"Some emphasis and strong and struck text."}, ""},
		{"front matter title prepended", "---\ntitle: Front title\n---\nBody sentence here.", []string{"Front title", "Body sentence here."}, "Front title"},
		{"horizontal rule is not front matter", "Intro line.\n\n---\n\nOutro.", []string{"Intro line.", "Outro."}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("t.md", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.Text[p.Start:p.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("paragraphs = %q, want %q", got, tc.want)
			}
			if tc.title != "" && d.Title != tc.title {
				t.Errorf("Title = %q, want %q", d.Title, tc.title)
			}
			if tc.title != "" && !d.Sentences[0].Headline {
				t.Error("heading not marked as headline")
			}
		})
	}
}

// FuzzParseMarkdown checks that any bytes read as .md give a valid
// Document or a *FileError, deterministically.
func FuzzParseMarkdown(f *testing.F) {
	for _, p := range []string{"md/article.md", "md/frontmatter.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("# h\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n"))
	f.Add([]byte("---\ntitle: x\n---"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.md", data)
	})
}

// TestMarkdownPathological checks inputs that make the Markdown parser
// slow (deep nesting, unclosed links): they must still be read quickly.
func TestMarkdownPathological(t *testing.T) {
	tests := map[string]string{
		"deep quotes":    strings.Repeat(">", 200000) + " text",
		"deep lists":     strings.Repeat("- ", 100000) + "text",
		"unclosed links": strings.Repeat("[a](", 50000) + " text",
		"many brackets":  strings.Repeat("[[[[ text\n\n", 6000),
		"long runs":      strings.Repeat("*", 100000) + "text" + strings.Repeat("_", 100000),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			d, err := Parse("p.md", []byte(in))
			if err == nil {
				checkDoc(t, d)
				if !strings.Contains(d.Text, "text") {
					t.Errorf("text lost: %.80q", d.Text)
				}
			}
			if el := time.Since(start); el > hangLimit(time.Second) {
				t.Errorf("took %v", el)
			}
		})
	}
}
