package corpus_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"parallax/compare"
	"parallax/corpus"
	"parallax/report"
)

// TestOwnReportNotRead writes every report format package report has
// into a folder beside two articles and loads the folder: the articles
// are read, each report is refused with a reason (the HTML, Markdown and
// text reports as "a Parallax report, not an article"; CSV and JSON have
// no reader), and nothing else is lost.
func TestOwnReportNotRead(t *testing.T) {
	a, err := corpus.Parse("a.txt", []byte("Ministers met in Paris on Monday. They agreed on a plan."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := corpus.Parse("b.txt", []byte("Ministers met in Paris on Monday. The talks ran late."))
	if err != nil {
		t.Fatal(err)
	}
	docs := []*corpus.Document{a, b}
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	c := report.Comparison{Docs: docs, Result: res, Sensitivity: compare.DefaultSensitivity, Version: "0.1.0 (build 3)"}
	dir := t.TempDir()
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Path), []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	formats := map[string]string{"html": "report.html", "md": "report.md", "text": "report.txt", "csv": "report.csv", "json": "report.json"}
	for format, name := range formats {
		var buf bytes.Buffer
		if err := report.Write(&buf, format, c); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, errs, err := corpus.Load(context.Background(), []string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("read %d documents, want the 2 articles", len(got))
	}
	refused := map[string]string{}
	for _, e := range errs {
		refused[filepath.Base(e.Path)] = e.Err.Error()
	}
	for _, name := range []string{"report.html", "report.md", "report.txt"} {
		if refused[name] != "a Parallax report, not an article" {
			t.Errorf("%s: reason %q, want %q", name, refused[name], "a Parallax report, not an article")
		}
	}
	for _, name := range []string{"report.csv", "report.json"} {
		if refused[name] == "" {
			t.Errorf("%s was read as an article", name)
		}
	}
	if _, err := corpus.ReadFile(filepath.Join(dir, "report.html")); err == nil {
		t.Errorf("ReadFile of the HTML report: %v, want a refusal", err)
	}
}

// TestOwnReportLookalikes checks that articles that only mention Parallax
// are still read.
func TestOwnReportLookalikes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":  "Parallax: a new film opens. Parallax 2, sensitivity aside, is long.",
		"b.md":   "# Parallax: how we built it\n\nA story about a telescope.",
		"c.html": `<html><head><meta name="generator" content="Hugo"></head><body><p>Parallax is an effect.</p></body></html>`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := corpus.ReadFile(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v, want it read", name, err)
		}
	}
}
