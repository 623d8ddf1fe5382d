package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"

	"parallax/report"
)

// TestOneCountEverywhere checks that the toolbar, the status bar, the
// sidebar, the framing view and every report format give the sample's
// counts as report.Count defines them, boilerplate apart.
func TestOneCountEverywhere(t *testing.T) {
	docs := sample(t)
	// Mark a sentence of each article boilerplate, so that it is counted
	// apart everywhere.
	for _, d := range docs {
		d.Sentences[len(d.Sentences)-1].Boilerplate = true
	}
	c, _ := newTestController(t, docs)
	tot := report.Count(c.res)
	if tot.Boilerplate < len(c.shown) || tot.Shared+tot.Paraphrased+tot.Unique != tot.Reporting() {
		t.Fatalf("totals do not add up: %+v", tot)
	}
	line := tot.String()
	want := fmt.Sprintf("%d sentences = %d + %d boilerplate", tot.Sentences, tot.Reporting(), tot.Boilerplate)
	if !strings.Contains(line, want) {
		t.Fatalf("totals line %q lacks %q", line, want)
	}

	// Status bar.
	if !strings.HasPrefix(c.status.Text, line) {
		t.Errorf("status bar %q does not start with %q", c.status.Text, line)
	}
	// Toolbar: each category's count, as the navigation steps through it.
	for _, k := range navKinds {
		if got, want := c.nav[k].Text, fmt.Sprintf("%s: %d", k, tot.Of(k)); got != want {
			t.Errorf("toolbar says %q, want %q", got, want)
		}
		if n := len(c.view.model.OfKind(k)); n != tot.Of(k) {
			t.Errorf("the toolbar steps through %d %s sentences, counts %d", n, k, tot.Of(k))
		}
	}
	if !strings.Contains(c.countsLabel.Text, want) {
		t.Errorf("toolbar counts %q lack %q", c.countsLabel.Text, want)
	}
	// Sidebar: each row's sentence count, and its shares.
	sum := c.res.Summary()
	for k, row := range c.rows {
		if got, want := row.row.Lines()[2], report.SentencesText(sum[k].Sentences, sum[k].Boilerplate); !strings.HasSuffix(got, want) {
			t.Errorf("sidebar row %d says %q, want it to end in %q", k, got, want)
		}
	}
	// Framing view: the totals and each outlet's counts.
	c.tabs.SelectIndex(framingTab)
	fv := c.framing.String()
	if !strings.Contains(fv, line) {
		t.Errorf("framing view lacks the totals %q", line)
	}
	for _, f := range c.res.Framings() {
		if !strings.Contains(fv, report.FramingText(f)) {
			t.Errorf("framing view lacks %q", report.FramingText(f))
		}
	}
	// Every report.
	for _, format := range report.Formats {
		var b bytes.Buffer
		if err := c.ExportReport(&b, format); err != nil {
			t.Fatal(err)
		}
		if format == "json" {
			var r struct{ Totals report.Totals }
			if err := json.Unmarshal(b.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			if r.Totals != tot {
				t.Errorf("json totals %+v, want %+v", r.Totals, tot)
			}
			continue
		}
		text := b.String()
		if format == "html" {
			text = html.UnescapeString(text)
		}
		if !strings.Contains(text, line) {
			t.Errorf("%s report lacks the totals %q", format, line)
		}
		if format == "csv" {
			continue // links only, one a row
		}
		for k := range c.shown {
			if !strings.Contains(text, report.SentencesText(sum[k].Sentences, sum[k].Boilerplate)) {
				t.Errorf("%s report lacks article %d's count %q", format, k+1, report.SentencesText(sum[k].Sentences, sum[k].Boilerplate))
			}
		}
	}
}
