package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/corpus"
)

// comparison compares two short articles, the first with an awkward path.
func comparison(t *testing.T) Comparison {
	t.Helper()
	docs := []*corpus.Document{
		corpus.FromText("odd\nname.txt", "The council approved the new budget of 4 million euros on Monday. Residents protested outside."),
		corpus.FromText("plain.txt", "On Monday the council approved a budget of 4 million euros. The mayor was absent."),
	}
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.RewriteSensitivity})
	if err != nil {
		t.Fatal(err)
	}
	return Comparison{Docs: docs, Result: res,
		Errors: []*corpus.FileError{{Path: "bad.pdf", Err: errors.New("corrupt PDF")}}}
}

func TestWriteTextKeepsEachPathOnOneLine(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, comparison(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"odd\nname.txt"`, "plain.txt", "skipped bad.pdf: corrupt PDF", "2 articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "odd\nname") {
		t.Error("a path's line break went into the report raw")
	}
}

func TestWriteJSONOffsetsAndLinks(t *testing.T) {
	c := comparison(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, c); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Documents []struct {
			Path      string
			Text      string
			Sentences []struct {
				Start, End int
				Text       string
				Status     string
			}
		}
		Links []struct {
			A, B struct{ Doc, Sentence int }
			Kind string
		}
		Errors []struct{ Path, Error string }
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 2 || got.Documents[0].Path != "odd\nname.txt" {
		t.Fatalf("documents %+v", got.Documents)
	}
	for _, d := range got.Documents {
		for _, s := range d.Sentences {
			if d.Text[s.Start:s.End] != s.Text {
				t.Errorf("text[%d:%d] = %q, sentence %q", s.Start, s.End, d.Text[s.Start:s.End], s.Text)
			}
		}
	}
	if len(got.Links) == 0 || got.Links[0].A.Doc >= got.Links[0].B.Doc || got.Documents[0].Sentences[0].Status == "unique" {
		t.Errorf("the budget sentences are not linked: %+v", got.Links)
	}
	if len(got.Errors) != 1 || got.Errors[0].Path != "bad.pdf" || got.Errors[0].Error != "corrupt PDF" {
		t.Errorf("errors %+v", got.Errors)
	}
}
