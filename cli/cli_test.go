package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/assets"
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
		{"bad sensitivity", []string{"compare", "--sensitivity", "2", names[0], names[1]}, ExitUsage, "outside"},
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

func TestLoadSample(t *testing.T) {
	docs, errs, err := LoadSample(assets.Sample.ReadFile, append(assets.SampleFiles(), "sample/missing.txt"))
	if err != nil || len(docs) != 5 || len(errs) != 1 || errs[0].Path != "sample/missing.txt" {
		t.Errorf("LoadSample: %d docs, errs %v, err %v", len(docs), errs, err)
	}
}
