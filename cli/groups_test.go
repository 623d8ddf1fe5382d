package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// groupsContract is the JSON of `parallax groups --format json`.
type groupsContract struct {
	Stories []struct {
		Label     string
		Size      int
		Title     string
		Terms     []string
		Cohesion  float64
		Documents []struct{ Path, Title, Outlet string }
	}
	Errors []struct{ Path, Error string }
}

// groupsDir writes a folder with the five sample articles (one story) and
// two articles on other events, and returns it with a path to an empty
// file beside it (unreadable) and the number of articles.
func groupsDir(t *testing.T) (dir, empty string, articles int) {
	t.Helper()
	dir = sampleDir(t)
	others := map[string]string{
		"snow.txt":  "Snow closes Oslo airport\n\nHeavy snow closed Oslo airport for six hours on Friday, stranding thousands of travellers. Ploughs worked through the night to clear the runways at Gardermoen, and Norwegian and SAS cancelled more than 200 flights.",
		"nobel.txt": "Chemist wins Nobel for enzyme work\n\nThe Nobel Prize in Chemistry went to the chemist Amara Okafor for her work on enzymes that break down plastic. The Royal Swedish Academy said the enzymes could digest polyethylene in days rather than centuries.",
	}
	for name, text := range others {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty = filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, empty, 7
}

func TestGroupsCommand(t *testing.T) {
	dir, empty, n := groupsDir(t)
	missing := filepath.Join(dir, "nope.txt")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string   // a part of the standard error
		stdout []string // parts of the standard output (text runs)
		json   bool     // the standard output is the JSON contract
		docs   int      // articles in the JSON stories
		errors int      // entries in the JSON errors
	}{
		{name: "text", args: []string{"groups", dir}, code: ExitOK,
			stdout: []string{"7 articles in 3 stories", "[1] ", "(5 articles, cohesion", "000_eca36a054186f027.txt", "In no story with another (2):", "Snow closes Oslo airport"}},
		{name: "text, stories of one left out", args: []string{"groups", "--min-size", "2", dir}, code: ExitOK,
			stdout: []string{"7 articles in 3 stories", "(5 articles,", "2 stories of fewer than 2 articles (2 articles) not shown."}},
		{name: "json", args: []string{"groups", "--format", "json", dir}, code: ExitOK, json: true, docs: n},
		{name: "json, stories of one left out", args: []string{"groups", "--format", "json", "--min-size", "2", dir}, code: ExitOK, json: true, docs: 5},
		{name: "json with an unreadable file", args: []string{"groups", "--format", "json", dir, empty}, code: ExitPartial,
			stderr: "empty.txt", json: true, docs: n, errors: 1},
		{name: "text with a missing file", args: []string{"groups", dir, missing}, code: ExitPartial,
			stderr: "nope.txt", stdout: []string{"skipped " + missing}},
		{name: "nothing readable", args: []string{"groups", empty}, code: ExitUsage, stderr: "no readable articles"},
		{name: "no paths", args: []string{"groups"}, code: ExitUsage, stderr: "name articles"},
		{name: "bad format", args: []string{"groups", "--format", "xml", dir}, code: ExitUsage, stderr: "unknown format"},
		{name: "bad minimum size", args: []string{"groups", "--min-size", "0", dir}, code: ExitUsage, stderr: "below 1"},
		{name: "unknown flag", args: []string{"groups", "--sensitivity", "0.5", dir}, code: ExitUsage, stderr: "sensitivity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", errs, tt.stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if tt.json {
				checkGroupsJSON(t, out, tt.docs, tt.errors)
			}
		})
	}
}

// checkGroupsJSON checks the JSON contract: stories largest first, each
// with a label and as many documents as its size, docs articles in all,
// and an errors array (never null) of nErrors entries.
func checkGroupsJSON(t *testing.T, out string, docs, nErrors int) {
	t.Helper()
	var c groupsContract
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if c.Errors == nil || len(c.Errors) != nErrors {
		t.Errorf("errors %+v, want %d entries (an array, even when empty)", c.Errors, nErrors)
	}
	for _, e := range c.Errors {
		if e.Path == "" || e.Error == "" {
			t.Errorf("error entry %+v lacks its path or reason", e)
		}
	}
	total := 0
	var paths []string
	for k, s := range c.Stories {
		total += s.Size
		if s.Label == "" || s.Label != strings.Join(s.Terms, " · ") || len(s.Documents) != s.Size {
			t.Errorf("story %d: label %q, terms %q, size %d with %d documents", k, s.Label, s.Terms, s.Size, len(s.Documents))
		}
		if k > 0 && s.Size > c.Stories[k-1].Size {
			t.Errorf("story %d (%d articles) after a smaller one (%d)", k, s.Size, c.Stories[k-1].Size)
		}
		if s.Cohesion < 0 || s.Cohesion > 1 || (s.Size == 1) != (s.Cohesion == 0) {
			t.Errorf("story %d of %d articles: cohesion %v", k, s.Size, s.Cohesion)
		}
		for _, d := range s.Documents {
			if d.Path == "" || d.Outlet == "" {
				t.Errorf("story %d: document %+v lacks its path or outlet", k, d)
			}
			paths = append(paths, d.Path)
		}
	}
	if total != docs {
		t.Errorf("%d articles in the stories, want %d", total, docs)
	}
	slices.Sort(paths)
	if len(slices.Compact(paths)) != len(paths) {
		t.Error("an article is in two stories")
	}
}

func TestGroupsDeterministicAndListed(t *testing.T) {
	dir, _, _ := groupsDir(t)
	_, a, _ := run(t, "", "groups", "--format", "json", dir)
	_, b, _ := run(t, "", "groups", "--format", "json", dir)
	if a != b {
		t.Error("two runs gave different JSON")
	}
	if !IsCommand([]string{"groups", dir}) {
		t.Error("groups is not a command")
	}
	if _, out, _ := run(t, "", "help"); !strings.Contains(out, "parallax groups [--format text|json] [--min-size N] PATH...") {
		t.Errorf("help does not list groups:\n%s", out)
	}
}
