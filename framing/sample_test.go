package framing

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
)

// sample compares the bundled sample articles.
func sample(t testing.TB) ([]*corpus.Document, *compare.Result) {
	t.Helper()
	var docs []*corpus.Document
	for _, n := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		d, err := corpus.Parse(n, data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return docs, res
}

func TestDumpSample(t *testing.T) {
	if os.Getenv("FRAMING_DUMP") == "" {
		t.Skip()
	}
	docs, res := sample(t)
	a := Analyze(docs, res)
	b, _ := json.MarshalIndent(a, "", " ")
	os.WriteFile(os.Getenv("FRAMING_DUMP"), b, 0o644)
}
