package corpus

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// renderDoc renders a Document for golden comparison: metadata, then one
// line per sentence with its paragraph and flags (H headline, B
// boilerplate).
func renderDoc(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\noutlet: %s\ndate: %s\nlanguage: %s\nparagraphs: %d\nsentences: %d\n\n",
		d.Title, d.Outlet, d.Date, d.Language, len(d.Paragraphs), len(d.Sentences))
	for i, s := range d.Sentences {
		flags := ""
		if s.Headline {
			flags += "H"
		}
		if s.Boilerplate {
			flags += "B"
		}
		fmt.Fprintf(&b, "p%-2d %-2s %s\n", s.Paragraph, flags, d.SentenceText(i))
	}
	return b.String()
}

// checkDoc verifies the Document invariants: paragraphs in order and
// separated by blank lines, sentences in order, trimmed, non-empty, inside
// their paragraph, Index matching their position, Text valid NFC UTF-8
// without carriage returns.
func checkDoc(t testing.TB, d *Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("%s: Text is not valid UTF-8", d.Path)
	}
	if !norm.NFC.IsNormalString(d.Text) {
		t.Fatalf("%s: Text is not NFC", d.Path)
	}
	if strings.ContainsRune(d.Text, '\r') {
		t.Fatalf("%s: Text holds a carriage return", d.Path)
	}
	prevEnd := -2
	for i, p := range d.Paragraphs {
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End {
			t.Fatalf("%s: paragraph %d span %v out of range (len %d)", d.Path, i, p, len(d.Text))
		}
		if i > 0 && (p.Start != prevEnd+2 || d.Text[prevEnd:p.Start] != "\n\n") {
			t.Fatalf("%s: paragraph %d not separated by a blank line", d.Path, i)
		}
		if strings.Contains(d.Text[p.Start:p.End], "\n") {
			t.Fatalf("%s: paragraph %d holds a line break", d.Path, i)
		}
		prevEnd = p.End
	}
	if len(d.Paragraphs) > 0 && (d.Paragraphs[0].Start != 0 || prevEnd != len(d.Text)) {
		t.Fatalf("%s: paragraphs do not cover Text", d.Path)
	}
	last := 0
	for i, s := range d.Sentences {
		if s.Index != i {
			t.Fatalf("%s: sentence %d has Index %d", d.Path, i, s.Index)
		}
		if s.Start < last || s.Start >= s.End || s.End > len(d.Text) {
			t.Fatalf("%s: sentence %d span [%d,%d) out of order or range", d.Path, i, s.Start, s.End)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(d.Paragraphs) {
			t.Fatalf("%s: sentence %d paragraph %d out of range", d.Path, i, s.Paragraph)
		}
		p := d.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("%s: sentence %d outside its paragraph", d.Path, i)
		}
		txt := d.Text[s.Start:s.End]
		if txt != strings.TrimSpace(txt) || txt == "" || !utf8.ValidString(txt) {
			t.Fatalf("%s: sentence %d %q not trimmed or invalid", d.Path, i, txt)
		}
		if d.SentenceText(i) != txt {
			t.Fatalf("%s: SentenceText(%d) differs", d.Path, i)
		}
		last = s.End
	}
	// Every paragraph has sentences, and they leave out none of its text
	// but the spaces between them.
	covered := make([]bool, len(d.Text))
	for _, s := range d.Sentences {
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
	}
	for pi, p := range d.Paragraphs {
		found := false
		for _, s := range d.Sentences {
			if s.Paragraph == pi {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("%s: paragraph %d has no sentence", d.Path, pi)
		}
		for i := p.Start; i < p.End; i++ {
			if !covered[i] && d.Text[i] != ' ' {
				t.Fatalf("%s: paragraph %d: byte %d (%q) is in no sentence", d.Path, pi, i, d.Text[i])
			}
		}
	}
	if d.Language == "" || len(d.Language) != 2 {
		t.Fatalf("%s: language %q is not a 2-letter code", d.Path, d.Language)
	}
}

// goldenInputs lists the fixtures: files under testdata plus generated
// DOCX and PDF documents.
func goldenInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{}
	for _, dir := range []string{"txt", "md", "html"} {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			in[dir+"/"+e.Name()] = data
		}
	}
	in["docx/article.docx"] = sampleDOCX(t)
	in["pdf/article.pdf"] = samplePDF(t)
	return in
}

// TestReadersGolden parses every fixture, checks the invariants and
// compares the rendering with testdata/golden (go test -update rewrites
// them).
func TestReadersGolden(t *testing.T) {
	for name, data := range goldenInputs(t) {
		t.Run(name, func(t *testing.T) {
			d, err := Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d)
			got := renderDoc(d)
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, golden, got, want)
			}
		})
	}
}

// TestReadersDeterministic parses every fixture twice.
func TestReadersDeterministic(t *testing.T) {
	for name, data := range goldenInputs(t) {
		a, err1 := Parse(name, data)
		b, err2 := Parse(name, data)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", name, err1, err2)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two parses differ", name)
		}
	}
}

// TestFixtureFacts checks the key facts of each fixture independently of
// the golden files.
func TestFixtureFacts(t *testing.T) {
	in := goldenInputs(t)
	tests := []struct {
		name                          string
		title, outlet, date, language string
		headline                      string   // sentence marked Headline
		boiler                        []string // sentences marked Boilerplate
		absent                        []string // text that must not appear
		present                       []string // text that must appear
	}{
		{
			name: "html/article.html", title: "Senate passes border funding bill after late-night vote",
			outlet: "The Daily Ledger", date: "2024-02-14", language: "en",
			headline: "Senate passes border funding bill after late-night vote",
			boiler:   []string{"Share this article", "For the latest news, weather, sports, and streaming video, head to The Daily Ledger."},
			absent:   []string{"tracking text", "style text", "Video text", "more script text", "Privacy Policy", "Politics", "(AP Photo"},
			present:  []string{"“This is a serious answer to a serious problem,” said Sen. James Lankford", "The bill adds 4,300 asylum officers."},
		},
		{
			name: "html/cp1252.html", title: "Café owners protest new rules", language: "en",
			headline: "Café owners protest new rules",
			present:  []string{"the new rules were “unfair” and", "The city council’s spokesman"},
		},
		{
			name: "html/minimal.html", title: "Short note", language: "en", outlet: "minimal",
			headline: "Short note",
			present:  []string{"Officials confirmed the meeting took place.", "No details were released."},
			absent:   []string{"Home", "Follow us"},
		},
		{
			name: "md/article.md", title: "Mexico agrees to step up migrant enforcement", date: "2023-12-28", language: "en",
			headline: "Mexico agrees to step up migrant enforcement",
			boiler:   []string{"By Ana García · Published December 28, 2023", "Related Posts"},
			absent:   []string{"code must not appear", "Raw HTML", "train.jpg", "A freight train", "https://example.com"},
			present:  []string{"agreed on Wednesday to increase patrols along rail lines", "take effect *officially* & how", "Reopening the rail crossings in El Paso and Eagle Pass."},
		},
		{
			name: "md/frontmatter.md", title: "Ports of entry reopen in Texas and Arizona", outlet: "Frontier Wire", date: "2023-12-31", language: "en",
			headline: "Ports of entry reopen in Texas and Arizona",
			boiler:   []string{"Sign up for our newsletter to get the latest border news in your inbox."},
			present:  []string{"Lukeville | Reopened", "Rail crossings resumed first."},
			absent:   []string{"title:", "---"},
		},
		{
			name: "txt/wrapped.txt", title: "Migrant arrivals fall as Mexico steps up enforcement", outlet: "Border Report Network", date: "2024-01-09", language: "en",
			headline: "Migrant arrivals fall as Mexico steps up enforcement",
			boiler:   []string{"By Laura Chen", "Published January 9, 2024", "Copyright 2024 Border Report Network.", "All rights reserved."},
			present:  []string{"dropped sharply in the first week of January, according to preliminary federal data, after Mexico expanded", "- 2,500 daily apprehensions in early January"},
		},
		{
			name: "txt/lines.txt", outlet: "Reuters", language: "en",
			boiler: []string{"Reporting by Diego Ore; Editing by Sandra Maler", "Related: U.S. officials meet Mexican president on migration surge"},
		},
		{
			// A stamp above the headline: the headline is the title all the same.
			name: "txt/stamped.txt", title: "Rescue operation under way after deadly earthquake", outlet: "stamped", date: "2013-07-03", language: "en",
			headline: "Rescue operation under way after deadly earthquake",
			boiler:   []string{"3 July 2013 Last updated at 13:38 GMT"},
		},
		{
			name: "txt/spanish.txt", title: "México y Estados Unidos acuerdan reforzar la frontera", outlet: "spanish", language: "es",
			headline: "México y Estados Unidos acuerdan reforzar la frontera",
		},
		{
			name: "docx/article.docx", title: "Talks on migration resume in Mexico City", date: "2024-01-05", language: "en",
			headline: "Talks on migration resume in Mexico City",
			boiler:   []string{"By Carla Ruiz"},
			present:  []string{"Officials met for a second day.", "The talks ended at noon, officials said."},
		},
		{
			name: "pdf/article.pdf", title: "Border talks end without a deal", date: "2024-03-01", language: "en",
			headline: "Border talks end without a deal",
			present:  []string{"described the meetings as productive.", "keep its checkpoints in place.", "Split words"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, ok := in[tc.name]
			if !ok {
				t.Fatalf("no fixture %s", tc.name)
			}
			d, err := Parse(tc.name, data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title {
				t.Errorf("Title = %q, want %q", d.Title, tc.title)
			}
			if tc.outlet != "" && d.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tc.outlet)
			}
			if d.Date != tc.date {
				t.Errorf("Date = %q, want %q", d.Date, tc.date)
			}
			if d.Language != tc.language {
				t.Errorf("Language = %q, want %q", d.Language, tc.language)
			}
			flagged := map[string]Sentence{}
			for i, s := range d.Sentences {
				flagged[d.SentenceText(i)] = s
			}
			if tc.headline != "" {
				if s, ok := flagged[tc.headline]; !ok || !s.Headline || s.Boilerplate {
					t.Errorf("headline %q not marked (found %v)", tc.headline, ok)
				}
				first := 0
				for first < len(d.Sentences) && d.Sentences[first].Boilerplate {
					first++
				}
				if first == len(d.Sentences) || !d.Sentences[first].Headline {
					t.Errorf("the first sentence that is not boilerplate is not the headline")
				}
			} else {
				for _, s := range d.Sentences {
					if s.Headline {
						t.Errorf("unexpected headline %q", d.Text[s.Start:s.End])
					}
				}
			}
			want := map[string]bool{}
			for _, b := range tc.boiler {
				want[b] = true
				if s, ok := flagged[b]; !ok || !s.Boilerplate {
					t.Errorf("boilerplate %q not marked (found %v)", b, ok)
				}
			}
			for i, s := range d.Sentences {
				if s.Boilerplate && !want[d.SentenceText(i)] && !strings.HasPrefix(tc.name, "html/article") {
					t.Errorf("unexpected boilerplate %q", d.SentenceText(i))
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(d.Text, a) {
					t.Errorf("Text holds %q", a)
				}
			}
			for _, p := range tc.present {
				if !strings.Contains(d.Text, p) {
					t.Errorf("Text lacks %q", p)
				}
			}
		})
	}
}

// TestSeedLikeText checks title, duplicate headline, outlet and tail
// boilerplate on excerpts shaped like the seed articles.
func TestSeedLikeText(t *testing.T) {
	t.Run("duplicate headline and promo", func(t *testing.T) {
		text := "Biden, Mexican president eye ‘significantly’ reducing border crossings\n\n" +
			"Biden, Mexican president eye ‘significantly’ reducing border crossings\n\n" +
			"President Biden and Mexican President Andrés Manuel López Obrador agreed to implement a plan to reduce border crossings, the White House said.\n\n" +
			"The two presidents on Sunday discussed the broad strokes of migration in the Western Hemisphere.\n\n" +
			"—Updated at 3:16 p.m.\n\n" +
			"For the latest news, weather, sports, and streaming video, head to The Hill.\n"
		d := FromText("000_eca36a054186f027.txt", text)
		checkDoc(t, d)
		if d.Title != "Biden, Mexican president eye ‘significantly’ reducing border crossings" {
			t.Errorf("Title = %q", d.Title)
		}
		if d.Outlet != "The Hill" {
			t.Errorf("Outlet = %q", d.Outlet)
		}
		wantFlags := []string{"H", "B", "", "", "B", "B"}
		for i, s := range d.Sentences {
			if got := flagString(s); i < len(wantFlags) && got != wantFlags[i] {
				t.Errorf("sentence %d %q flags %q, want %q", i, d.SentenceText(i), got, wantFlags[i])
			}
		}
	})
	t.Run("dateline outlet", func(t *testing.T) {
		d := FromText("002_c2a5304d2b9c83fb.txt", "Mexico (Washington Insider Magazine)— On Wednesday, Senior US officials held a “very productive meeting” with their Mexican counterparts.\nOfficials from both countries expressed the talks reached well.\n")
		if d.Outlet != "Washington Insider Magazine" {
			t.Errorf("Outlet = %q", d.Outlet)
		}
		if d.Title != "" {
			t.Errorf("Title = %q, want none", d.Title)
		}
	})
	t.Run("disclaimer outlet", func(t *testing.T) {
		d := FromText("004_a6b711af7d1d54e8.txt", "Secretary of State Antony J. Blinken met Mexico’s president on Wednesday.\n"+
			"24World Media does not take any responsibility of the information you see on this page. The content this page contains is from independent third-party content provider. If you have any concerns regarding the content, please free to write us here: contact@24worldmedia.com\n")
		if d.Outlet != "24World Media" {
			t.Errorf("Outlet = %q", d.Outlet)
		}
		for i, s := range d.Sentences {
			if (s.Paragraph == 1) != s.Boilerplate {
				t.Errorf("sentence %d %q boilerplate=%v", i, d.SentenceText(i), s.Boilerplate)
			}
		}
	})
	t.Run("tail credits", func(t *testing.T) {
		d := FromText("003_9b34000afb193cc0.txt", "Who could influence the outcome of the US elections? The president of Mexico\n\n"+
			"Migrants poured across the U.S. southern border in record numbers.\n\n"+
			"Nothing worked for long.\n\n"+
			"Emiliano Rodríguez Mega contributed reporting from Mexico City.\n\nBy James Brown\n\nRelated Posts\n")
		if d.Title != "Who could influence the outcome of the US elections? The president of Mexico" {
			t.Errorf("Title = %q", d.Title)
		}
		if d.Outlet != "003_9b34000afb193cc0" {
			t.Errorf("Outlet = %q", d.Outlet)
		}
		for i, s := range d.Sentences {
			wantB := s.Paragraph >= 3
			if s.Boilerplate != wantB || s.Headline != (s.Paragraph == 0) {
				t.Errorf("sentence %d %q flags %q", i, d.SentenceText(i), flagString(s))
			}
		}
	})
	t.Run("no headline in long first line", func(t *testing.T) {
		d := FromText("001.txt", "In recent years, migrants have been crossing the U.S. southern border in record numbers, prompting President Biden to seek help.\nDuring his presidency, Donald Trump used the threat of tariffs.\n")
		if d.Title != "" || d.Sentences[0].Headline {
			t.Errorf("Title = %q", d.Title)
		}
		if d.Outlet != "001" {
			t.Errorf("Outlet = %q", d.Outlet)
		}
	})
}

// flagString renders a sentence's flags.
func flagString(s Sentence) string {
	f := ""
	if s.Headline {
		f += "H"
	}
	if s.Boilerplate {
		f += "B"
	}
	return f
}

// TestReflow checks how plain-text blocks become paragraphs.
func TestReflow(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"lines are paragraphs", "First paragraph ends here.\nSecond paragraph is this one.\n",
			[]string{"First paragraph ends here.", "Second paragraph is this one."}},
		{"blank-line paragraphs", "One.\n\nTwo.\n\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"hard-wrapped block", "The committee met on Tuesday to discuss the proposal, which would\nexpand the program to another three states and add funding for\nlocal officials.\n\nA vote is expected next week.",
			[]string{"The committee met on Tuesday to discuss the proposal, which would expand the program to another three states and add funding for local officials.", "A vote is expected next week."}},
		{"wrapped block with short headline", "Short headline here\nThe committee met on Tuesday to discuss the proposal, which would\nexpand the program to another three states.",
			[]string{"Short headline here", "The committee met on Tuesday to discuss the proposal, which would expand the program to another three states."}},
		{"long lines kept", strings.Repeat("word ", 40) + "end.\n" + strings.Repeat("more ", 40) + "end",
			[]string{strings.TrimSpace(strings.Repeat("word ", 40)) + " end.", strings.TrimSpace(strings.Repeat("more ", 40)) + " end"}},
		{"short lines kept", "By Jane Doe\nRelated Posts", []string{"By Jane Doe", "Related Posts"}},
		{"list in wrapped block", "The measures discussed at the meeting included the following\nitems, according to officials:\n- more checkpoints\n- more flights",
			[]string{"The measures discussed at the meeting included the following items, according to officials:", "- more checkpoints", "- more flights"}},
		{"tabs and spaces collapse", "A\t\tspaced   line.\n", []string{"A spaced line."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromText("x.txt", tc.in)
			checkDoc(t, d)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.Text[p.Start:p.End])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestEncodings reads the same text in several encodings.
func TestEncodings(t *testing.T) {
	const want = "Café “quoted” — naïve résumé’s end."
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf8", []byte(want), want},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, want...), want},
		{"utf16le bom", utf16WithBOM(want, false), want},
		{"utf16be bom", utf16WithBOM(want, true), want},
		{"utf16le no bom", utf16WithBOM(want, false)[2:], want},
		{"cp1252 curly quotes", []byte("Caf\xe9 \x93quoted\x94 \x97 na\xefve r\xe9sum\xe9\x92s end."), want},
		{"latin1", []byte("Caf\xe9 na\xefve r\xe9sum\xe9."), "Café naïve résumé."},
		{"crlf", []byte("First line.\r\nSecond line.\r\n"), "First line.\n\nSecond line."},
		{"lone cr", []byte("First line.\rSecond line."), "First line.\n\nSecond line."},
		{"nfd to nfc", []byte("Cafe\u0301 au lait."), "Café au lait."},
		{"zero width removed", []byte("Zero\u200bwidth\u00ad text."), "Zerowidth text."},
		{"mostly utf8 with a broken byte", []byte("Café résumé naïve déjà vu \xff end."), "Café résumé naïve déjà vu \uFFFD end."},
		{"utf8 with cut characters", []byte("Café in México \xe2\x80 and \xc3."), "Café in México \uFFFD and \uFFFD."},
		{"cp1252 with an accidental utf8 pair", []byte("\xabCAF\xc9\xbb na\xefve caf\xe9."), "«CAFÉ» naïve café."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("enc.txt", tc.data)
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

// TestParseErrors checks the reason given for each kind of bad input.
func TestParseErrors(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1, 2, 3}, 50)...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a.txt", nil, "empty file"},
		{"a.txt", []byte(" \n\t\n "), "empty file"},
		{"a.md", []byte("\n\n"), "empty file"},
		{"a.txt", png, "binary file, not text"},
		{"a.txt", []byte("text\x00with\x00nul bytes and more of them\x00\x01"), "binary file, not text"},
		{"a.html", png, "binary file, not text"},
		{"a.md", []byte("```\nonly code\n```\n"), "no text extracted"},
		{"a.html", []byte("<html><body><script>var x = 1;</script></body></html>"), "no text extracted"},
		{"a.docx", []byte("this is not a zip"), "not a DOCX file (not a zip archive)"},
		{"a.docx", makeZip(t, map[string]string{"x.txt": "hi"}, []string{"x.txt"}), "not a DOCX file (no word/document.xml)"},
		{"a.docx", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "old binary Word .doc format"},
		{"a.pdf", []byte("%PDF-1.4\ngarbage without structure"), "corrupt PDF"},
		{"a.pdf", []byte("not a pdf at all"), "not a PDF file"},
		{"a.pdf", png, "not a PDF file (it is a PNG image)"},
		{"a.txt", []byte("PK\x03\x04\x14\x00\x06\x00"), "binary file, not text (zip archive)"},
		{"a.pdf", []byte("%PDF-1.4\n%%EOF"), "corrupt PDF: truncated or damaged"},
		{"a.pdf", makePDF(t, [][]pdfRun{nil}, ""), "no text layer (scanned PDF?)"},
		{"a.xyz", []byte("text"), "unsupported file type .xyz"},
		{"noext", []byte("text"), "unsupported file type (no extension)"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" "+tc.want, func(t *testing.T) {
			d, err := Parse(tc.name, tc.data)
			if err == nil {
				t.Fatalf("no error; got %q", d.Text)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not *FileError", err)
			}
			if fe.Path != tc.name || !strings.HasPrefix(err.Error(), tc.name+": ") {
				t.Errorf("error %q does not name %s", err, tc.name)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestReadFileErrors checks errors that come from the file system.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing", func(t *testing.T) {
		p := filepath.Join(dir, "missing.txt")
		_, err := ReadFile(p)
		if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		p := filepath.Join(dir, "big.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: the size is checked before reading.
		if err := f.Truncate(MaxTextBytes + 5<<20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadFile(p)
		if err == nil || err.Error() != p+": file too large (25 MB; the limit is 20 MB)" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("folder", func(t *testing.T) {
		p := filepath.Join(dir, "sub.txt")
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFile(p); err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("permission", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root can read any file")
		}
		p := filepath.Join(dir, "secret.txt")
		if err := os.WriteFile(p, []byte("secret text."), 0o000); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(p)
		if !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("unsupported", func(t *testing.T) {
		p := filepath.Join(dir, "image.png")
		if _, err := ReadFile(p); err == nil || err.Error() != p+": unsupported file type .png" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ok and untouched", func(t *testing.T) {
		p := filepath.Join(dir, "ok.TXT")
		content := []byte("A short article.\nIt has two lines.\n")
		if err := os.WriteFile(p, content, 0o444); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(p)
		d, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if d.Path != p || len(d.Sentences) != 2 {
			t.Errorf("doc = %+v", d)
		}
		after, _ := os.Stat(p)
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, content) || !after.ModTime().Equal(before.ModTime()) || after.Mode() != before.Mode() {
			t.Error("input file changed")
		}
	})
}

// TestFileError checks the error's text and unwrapping.
func TestFileError(t *testing.T) {
	e := &FileError{Path: "a/b.txt", Err: fs.ErrPermission}
	if e.Error() != "a/b.txt: permission denied" {
		t.Errorf("Error() = %q", e.Error())
	}
	if !errors.Is(e, fs.ErrPermission) {
		t.Error("Unwrap does not reach the reason")
	}
}

// TestFromTextEmpty checks that FromText accepts empty text.
func TestFromTextEmpty(t *testing.T) {
	d := FromText("e.txt", "  \n\n ")
	checkDoc(t, d)
	if len(d.Sentences) != 0 || d.Text != "" || d.Language != "en" {
		t.Errorf("doc = %+v", d)
	}
}

// fuzzCheck parses data twice under name and checks that neither parse
// panicked (Parse turns a reader's panic into an "internal error"), the
// Document invariants (sentence offsets in range, on their paragraph's
// text) and determinism.
func fuzzCheck(t *testing.T, name string, data []byte) {
	d1, err1 := Parse(name, data)
	d2, err2 := Parse(name, data)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("nondeterministic error: %v vs %v", err1, err2)
	}
	if err1 != nil {
		var fe *FileError
		if !errors.As(err1, &fe) || fe.Path != name {
			t.Fatalf("error %v is not a *FileError for %s", err1, name)
		}
		if strings.Contains(err1.Error(), "internal error") {
			t.Fatalf("a reader panicked: %v", err1)
		}
		if err1.Error() != err2.Error() {
			t.Fatalf("nondeterministic error: %v vs %v", err1, err2)
		}
		return
	}
	checkDoc(t, d1)
	if !reflect.DeepEqual(d1, d2) {
		t.Fatal("nondeterministic document")
	}
}

// FuzzParseTXT checks that any bytes read as .txt give a valid Document or
// a *FileError, deterministically.
func FuzzParseTXT(f *testing.F) {
	for _, p := range []string{"txt/wrapped.txt", "txt/lines.txt", "txt/spanish.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("\xff\xfeH\x00i\x00"))
	f.Add([]byte("Caf\xe9 \x93q\x94\r\n\r\nBy Jane Doe\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzCheck(t, "fuzz.txt", data)
	})
}

// TestDisplayPath checks which names are shown as they are and which
// escaped: control characters, bidi overrides and other invisible
// formatting characters, bytes that are not UTF-8.
func TestDisplayPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"news/a.txt", "news/a.txt"},
		{"Größe café/記事.txt", "Größe café/記事.txt"},
		{"a\nb.txt", `"a\nb.txt"`},
		{"report\u202etxt.exe", `"report\u202etxt.exe"`},
		{"a\u2066b\u2069.txt", `"a\u2066b\u2069.txt"`},
		{"zero\u200bwidth.txt", `"zero\u200bwidth.txt"`},
		{"rlm\u200f.txt", `"rlm\u200f.txt"`},
		{"bad\xffname.txt", `"bad\xffname.txt"`},
	} {
		if got := DisplayPath(tc.in); got != tc.want {
			t.Errorf("DisplayPath(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
