package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/assets"
	"parallax/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// run runs a subcommand and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Version: "9.9.9"})
	return code, out.String(), errb.String()
}

// sampleDir writes the bundled sample articles into a temporary folder.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// contract is the JSON of `parallax compare --format json`.
type contract struct {
	Documents []struct {
		Path, Title, Outlet, Language, Text string
		Sentences                           []struct {
			Index, Start, End, Coverage int
			Text, Status                string
		}
	}
	Links []struct {
		A, B  struct{ Doc, Sentence int }
		Kind  string
		Score float64
		Diff  []struct{ Op, Text string }
	}
	Errors []struct{ Path, Error string }
}

func TestCompareJSONContract(t *testing.T) {
	dir := sampleDir(t)
	code, out, errs := run(t, "", "compare", "--format", "json", dir)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var c contract
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 5 {
		t.Fatalf("%d documents, want 5", len(c.Documents))
	}
	names := assets.SampleFiles()
	for d, doc := range c.Documents {
		if filepath.Base(doc.Path) != filepath.Base(names[d]) {
			t.Errorf("document %d is %s, want %s (sorted order)", d, doc.Path, names[d])
		}
		if doc.Language != "en" || doc.Outlet == "" || len(doc.Sentences) == 0 {
			t.Errorf("document %d: language %q, outlet %q, %d sentences", d, doc.Language, doc.Outlet, len(doc.Sentences))
		}
		for i, s := range doc.Sentences {
			if s.Index != i || s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End || doc.Text[s.Start:s.End] != s.Text {
				t.Fatalf("document %d sentence %d: offsets %d..%d do not give its text", d, i, s.Start, s.End)
			}
			switch s.Status {
			case "shared", "paraphrased", "unique":
			default:
				t.Errorf("status %q", s.Status)
			}
			if s.Coverage < 1 || s.Coverage > 5 || (s.Status == "unique") != (s.Coverage == 1) {
				t.Errorf("document %d sentence %d: status %s with coverage %d", d, i, s.Status, s.Coverage)
			}
		}
	}
	if len(c.Links) == 0 {
		t.Fatal("no links")
	}
	for _, l := range c.Links {
		if l.A.Doc >= l.B.Doc || (l.Kind != "shared" && l.Kind != "paraphrased") || l.Score <= 0 || l.Score > 1 || len(l.Diff) == 0 {
			t.Errorf("bad link %+v", l)
		}
	}
	if c.Errors == nil {
		t.Error(`"errors" must be an array, even when empty`)
	}
}

func TestCompareDeterministicOutput(t *testing.T) {
	dir := sampleDir(t)
	_, a, _ := run(t, "", "compare", "--format", "json", dir)
	_, b, _ := run(t, "", "compare", "--format", "json", dir)
	if a != b {
		t.Error("two runs gave different JSON")
	}
}

func TestCompareExitStatus(t *testing.T) {
	dir := sampleDir(t)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"all read", []string{"compare", names[0], names[1]}, ExitOK, ""},
		{"one bad of three", []string{"compare", names[0], empty, names[1]}, ExitPartial, "empty.txt"},
		{"one readable", []string{"compare", names[0], empty}, ExitUsage, "at least two"},
		{"missing file", []string{"compare", names[0], filepath.Join(dir, "nope.txt")}, ExitUsage, "nope.txt"},
		{"no paths", []string{"compare"}, ExitUsage, "at least two"},
		{"bad format", []string{"compare", "--format", "xml", names[0], names[1]}, ExitUsage, "unknown format"},
		{"bad sensitivity", []string{"compare", "--sensitivity", "2", names[0], names[1]}, ExitUsage, "from 0 to 1"},
		{"NaN sensitivity", []string{"compare", "--sensitivity", "NaN", names[0], names[1]}, ExitUsage, "--sensitivity NaN is not"},
		{"Inf sensitivity", []string{"compare", "--sensitivity", "Inf", names[0], names[1]}, ExitUsage, "--sensitivity +Inf is not"},
		{"-Inf sensitivity", []string{"compare", "--sensitivity=-Inf", names[0], names[1]}, ExitUsage, "--sensitivity -Inf is not"},
		{"negative sensitivity", []string{"compare", names[0], names[1], "--sensitivity", "-0.1"}, ExitUsage, "from 0 to 1"},
		{"NaN sensitivity, eval", []string{"eval", "--sensitivity", "nan"}, ExitUsage, "--sensitivity NaN is not"},
		{"options after paths", []string{"compare", names[0], names[1], "--format", "xml"}, ExitUsage, "unknown format"},
		{"unknown option after paths", []string{"compare", names[0], names[1], "--colour"}, ExitUsage, "-colour"},
		{"over the article budget", []string{"compare", "--max-articles", "3", dir}, ExitUsage, "5 articles are more than the 3 compared at once; group them into stories with `parallax groups`"},
		{"over the sentence budget", []string{"compare", dir, "--max-sentences=20"}, ExitUsage, "sentences (in 5 articles) are more than the 20 compared at once"},
		{"budget raised", []string{"compare", "--max-articles", "0", dir}, ExitOK, ""},
		{"negative budget", []string{"compare", "--max-articles", "-1", dir}, ExitUsage, "no limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.err) {
				t.Errorf("stderr %q does not mention %q", errs, tt.err)
			}
		})
	}
	// The errors array names the bad file and the reason.
	_, out, _ := run(t, "", "compare", "--format", "json", names[0], empty, names[1])
	var c contract
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Errors) != 1 || c.Errors[0].Path != empty || c.Errors[0].Error == "" || len(c.Documents) != 2 {
		t.Errorf("errors %+v with %d documents", c.Errors, len(c.Documents))
	}
}

// TestOptionsAnywhere checks that options are read wherever they stand
// and that "--" ends them, so that a file whose name starts with "-" can
// be named.
func TestOptionsAnywhere(t *testing.T) {
	dir := sampleDir(t)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	code, out, errs := run(t, "", "compare", names[0], "--format", "json", names[1])
	if code != ExitOK || !json.Valid([]byte(out)) {
		t.Errorf("options between paths: exit %d, stderr %s, JSON %v", code, errs, json.Valid([]byte(out)))
	}
	data, _ := os.ReadFile(names[1])
	if err := os.WriteFile(filepath.Join(dir, "-dash.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errs = run(t, "", "compare", "--format=json", "--", filepath.Base(names[0]), "-dash.txt")
	if code != ExitOK || !strings.Contains(out, `-dash.txt"`) {
		t.Errorf("after --: exit %d, stderr %s", code, errs)
	}
	code, out, errs = run(t, "", "groups", dir, "--min-size", "7")
	if code != ExitOK || strings.Contains(out, filepath.Base(names[0])) {
		t.Errorf("groups with --min-size after the folder: exit %d, stderr %s, output %s", code, errs, out)
	}
}

// TestScoreLongLines scores lines longer than bufio.Scanner's buffers
// and a line over the limit (lowered for the test): the long line is
// named by its number and scored as unrelated, the others are scored.
func TestScoreLongLines(t *testing.T) {
	defer func(n int) { maxScoreLine = n }(maxScoreLine)
	maxScoreLine = 300 << 10
	long := strings.Repeat("word ", 20<<10) // 2 × 100 KB: longer than the reader's buffer, within the limit
	tooLong := strings.Repeat("x", 400<<10)
	in := "a cat sat\ta cat sat\n" + long + "\t" + long + "\r\n" + tooLong + "\tb\n" + "a dog ran\ta dog ran"
	code, out, errs := run(t, in, "score")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitPartial || len(lines) != 4 || !strings.Contains(errs, "line 3 is longer than 307200 bytes") {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
	if strings.Count(errs, "line") != 1 || lines[2] != "0\tunrelated" || !strings.HasSuffix(lines[3], "\tshared") {
		t.Errorf("output %q, stderr %q", lines, errs)
	}
}

// TestCompareTextGolden pins the readable report on two short articles.
func TestCompareTextGolden(t *testing.T) {
	dir := t.TempDir()
	a := "Mexico agrees to curb border crossings\n\nMexico's Supreme Court ruled last year that migrants could only be detained for 36 hours. Farmers in Oaxaca celebrated a record coffee harvest.\n\nBy Jane Doe"
	b := "Last year the Mexican Supreme Court ruled that migrants could only be detained for 36 hours. The city council of Monterrey approved a new budget for public parks."
	for name, text := range map[string]string{"a.txt": a, "b.txt": b} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, "", "compare", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out = strings.ReplaceAll(out, dir+string(filepath.Separator), "")
	golden := filepath.Join("testdata", "compare.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("report differs from %s (run with -update to accept):\n%s", golden, out)
	}
	// The text and the JSON give the same counts, as report.Count has them.
	_, js, _ := run(t, "", "compare", "--format", "json", dir)
	var r struct{ Totals report.Totals }
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	if line := "Parallax: " + r.Totals.String() + "\n"; !strings.HasPrefix(out, line) || r.Totals.Boilerplate != 1 {
		t.Errorf("text report starts %.120q, JSON totals %+v", out, r.Totals)
	}
}

func TestScoreCommand(t *testing.T) {
	in := "Netanyahu set to call early vote\tIsrael's Netanyahu set to call early vote\n" +
		"Saudi gas truck blast kills at least 22\tFarmers celebrate record coffee harvest\n" +
		"no tab here\n"
	code, out, errs := run(t, in, "score")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitPartial || len(lines) != 3 || !strings.Contains(errs, "line 3") {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
	}
	if !strings.HasSuffix(lines[0], "\tshared") && !strings.HasSuffix(lines[0], "\tparaphrased") {
		t.Errorf("line 1 = %q, want a link kind", lines[0])
	}
	if !strings.HasSuffix(lines[1], "\tunrelated") {
		t.Errorf("line 2 = %q, want unrelated", lines[1])
	}
}

func TestVersionAndHelp(t *testing.T) {
	for _, a := range []string{"--version", "version"} {
		if code, out, _ := run(t, "", a); code != ExitOK || out != "parallax 9.9.9\n" {
			t.Errorf("%s: exit %d, %q", a, code, out)
		}
	}
	if code, out, _ := run(t, "", "help"); code != ExitOK || !strings.Contains(out, "parallax compare") {
		t.Errorf("help: exit %d, %q", code, out)
	}
	if !IsCommand([]string{"compare"}) || IsCommand([]string{"articles/"}) || IsCommand(nil) {
		t.Error("IsCommand misjudges")
	}
}

// zipOf returns a zip archive holding one file.
func zipOf(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// badInput is a file that compare must skip and report.
type badInput struct {
	name   string
	data   []byte
	make   func(t *testing.T, path string) // instead of data
	reason string                          // fragment of the reported reason
}

// TestCompareTortureFolder runs `compare --format json` on the sample
// articles mixed with bad files and with good files in other encodings:
// each bad file is listed under "errors" with its path and reason (and
// reported on stderr), the good ones are compared, and the exit status
// is 1.
func TestCompareTortureFolder(t *testing.T) {
	dir := sampleDir(t)
	bad := []badInput{
		{name: "empty.txt", data: []byte{}, reason: "empty file"},
		{name: "image.txt", data: append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), reason: "binary file, not text (PNG image)"},
		{name: "huge.txt", reason: "file too large (200 MB; the limit is 20 MB)", make: func(t *testing.T, path string) {
			// Sparse: the size is refused before anything is read.
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, 200<<20); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "corrupt.pdf", data: []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"), reason: "corrupt PDF"},
		{name: "other.docx", data: zipOf(t, "content.xml", "<office/>"), reason: "not a DOCX file (no word/document.xml)"},
		{name: "loop.txt", reason: "symbolic link loop", make: func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Base(path), path); err != nil {
				t.Skipf("symbolic links unavailable: %v", err)
			}
		}},
	}
	// Good files in other encodings are compared with the samples.
	good := map[string][]byte{
		"cp1252.txt":  []byte("Mexico\x92s president met U.S. officials on Wednesday to discuss the \x93surge\x94 of migrants at the border.\n"),
		"utf16le.txt": {0xFF, 0xFE, 'M', 0, 'i', 0, 'g', 0, 'r', 0, 'a', 0, 'n', 0, 't', 0, 's', 0, ' ', 0, 'w', 0, 'a', 0, 'i', 0, 't', 0, '.', 0},
	}
	for name, data := range good {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range bad {
		path := filepath.Join(dir, b.name)
		if b.make != nil {
			b.make(t, path)
		} else if err := os.WriteFile(path, b.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	c, stderr := comparePartly(t, dir)
	if want := len(assets.SampleFiles()) + len(good); len(c.Documents) != want || len(c.Links) == 0 {
		t.Errorf("%d documents compared with %d links, want %d", len(c.Documents), len(c.Links), want)
	}
	for _, d := range c.Documents {
		if strings.ContainsRune(d.Text, '\uFFFD') || len(d.Sentences) == 0 {
			t.Errorf("%s: text %.60q with %d sentences", d.Path, d.Text, len(d.Sentences))
		}
	}
	if len(c.Errors) != len(bad) {
		t.Errorf("%d errors, want %d: %+v", len(c.Errors), len(bad), c.Errors)
	}
	reasons := map[string]string{}
	for _, e := range c.Errors {
		reasons[e.Path] = e.Error
	}
	for _, b := range bad {
		path := filepath.Join(dir, b.name)
		reason, ok := reasons[path]
		switch {
		case !ok:
			t.Errorf("%s not listed under errors", b.name)
		case !strings.Contains(reason, b.reason):
			t.Errorf("%s: reason %q, want it to hold %q", b.name, reason, b.reason)
		}
		if !strings.Contains(stderr, path+": "+reason) {
			t.Errorf("stderr does not report %s: %s", b.name, stderr)
		}
	}
}

// comparePartly runs `compare --format json` on dir, which holds some
// files that cannot be read, checks the partial exit status and returns
// the decoded report with what it wrote on standard error.
func comparePartly(t *testing.T, dir string) (contract, string) {
	t.Helper()
	code, out, stderr := run(t, "", "compare", "--format", "json", dir)
	if code != ExitPartial {
		t.Errorf("exit %d, want %d (stderr %s)", code, ExitPartial, stderr)
	}
	var c contract
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	return c, stderr
}
