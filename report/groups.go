package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"parallax/corpus"
	"parallax/stories"
)

// Grouping is what `parallax groups` reports: articles, the stories they
// form and the inputs that could not be read.
type Grouping struct {
	Docs    []*corpus.Document
	Stories []stories.Story // largest first
	Errors  []*corpus.FileError
	MinSize int // stories of fewer articles are left out
}

// shown returns the stories of at least minSize articles and counts the
// articles of the others.
func (g *Grouping) shown() (shown []stories.Story, hiddenStories, hiddenDocs int) {
	for _, s := range g.Stories {
		if s.Size() >= g.MinSize {
			shown = append(shown, s)
		} else {
			hiddenStories++
			hiddenDocs += s.Size()
		}
	}
	return shown, hiddenStories, hiddenDocs
}

// groupsJSON is the JSON of `parallax groups --format json`.
type groupsJSON struct {
	Stories []storyJSON `json:"stories"`
	Errors  []jsonError `json:"errors"`
}

// storyJSON is one story in the JSON output.
type storyJSON struct {
	Label     string    `json:"label"`
	Size      int       `json:"size"`
	Title     string    `json:"title"`
	Terms     []string  `json:"terms"`
	Cohesion  float64   `json:"cohesion"`
	Documents []docJSON `json:"documents"`
}

// docJSON is one article of a story in the JSON output.
type docJSON struct {
	Path   string `json:"path"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
}

// WriteGroupsJSON writes the stories of at least g.MinSize articles,
// largest first, and the inputs that could not be read, as JSON.
func WriteGroupsJSON(w io.Writer, g Grouping) error {
	out := groupsJSON{Stories: []storyJSON{}, Errors: jsonErrors(g.Errors)}
	shown, _, _ := g.shown()
	for _, s := range shown {
		js := storyJSON{Label: s.Label, Size: s.Size(), Title: s.Title, Terms: s.Terms,
			Cohesion: float64(int(s.Cohesion*1000+0.5)) / 1000, Documents: []docJSON{}}
		if js.Terms == nil {
			js.Terms = []string{}
		}
		for _, m := range s.Members {
			d := g.Docs[m]
			js.Documents = append(js.Documents, docJSON{Path: d.Path, Title: d.Title, Outlet: d.Outlet})
		}
		out.Stories = append(out.Stories, js)
	}
	return encodeJSON(w, out)
}

// WriteGroupsText writes a readable list: a summary line, each story of
// two or more articles with its label and members (outlet, title, path),
// then the articles that are stories of their own, one a line.
func WriteGroupsText(w io.Writer, g Grouping) error {
	shown, hiddenStories, hiddenDocs := g.shown()
	var b strings.Builder
	alone := 0
	for _, s := range g.Stories {
		if s.Size() == 1 {
			alone++
		}
	}
	fmt.Fprintf(&b, "Parallax: %s in %s (%s in no story with another)\n",
		plural(len(g.Docs), "article"), plural(len(g.Stories), "story"), plural(alone, "article"))
	writeSkipped(&b, g.Errors)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	var singles []stories.Story
	for k, s := range shown {
		if s.Size() == 1 {
			singles = append(singles, s)
			continue
		}
		tw.Flush()
		fmt.Fprintf(&b, "\n[%d] %s  (%s, cohesion %.2f)\n", k+1, s.Label, plural(s.Size(), "article"), s.Cohesion)
		for _, m := range s.Members {
			writeDoc(tw, g.Docs[m])
		}
	}
	if len(singles) > 0 {
		tw.Flush()
		fmt.Fprintf(&b, "\nIn no story with another (%d):\n", len(singles))
		for _, s := range singles {
			writeDoc(tw, g.Docs[s.Members[0]])
		}
	}
	tw.Flush()
	if hiddenStories > 0 {
		fmt.Fprintf(&b, "\n%s of fewer than %d articles (%s) not shown.\n",
			plural(hiddenStories, "story"), g.MinSize, plural(hiddenDocs, "article"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDoc writes one article's line: outlet, title and path.
func writeDoc(tw io.Writer, d *corpus.Document) {
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.Outlet, clipRunes(title, 72), corpus.DisplayPath(d.Path))
}

// clipRunes shortens s to at most n runes, marking a cut with "…".
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
