package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"parallax/corpus"
	"parallax/stories"
)

// runGroups implements `parallax groups`: it reads articles and prints
// the stories they form.
func runGroups(args []string, env Env) int {
	fs := flag.NewFlagSet("groups", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output format: text or json")
	minSize := fs.Int("min-size", 1, "leave out stories of fewer than N articles")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(env.Stderr, "parallax groups: unknown format %q (want text or json)\n", *format)
		return ExitUsage
	}
	if *minSize < 1 {
		fmt.Fprintf(env.Stderr, "parallax groups: --min-size %d is below 1\n", *minSize)
		return ExitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "parallax groups: name articles, or folders of them")
		return ExitUsage
	}
	ctx := context.Background()
	docs, errs, err := corpus.Load(ctx, fs.Args(), corpus.LoadOptions{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax groups: %v\n", err)
		return ExitUsage
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "parallax: skipped %v\n", e)
	}
	if len(docs) == 0 {
		fmt.Fprintln(env.Stderr, "parallax groups: no readable articles")
		return ExitUsage
	}
	sts, err := stories.Group(ctx, docs, stories.DefaultOptions())
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax groups: %v\n", err)
		return ExitUsage
	}
	g := grouping{docs: docs, stories: sts, errors: errs, minSize: *minSize}
	if *format == "json" {
		err = g.writeJSON(env.Stdout)
	} else {
		err = g.writeText(env.Stdout)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax groups: %v\n", err)
		return ExitUsage
	}
	if len(errs) > 0 {
		return ExitPartial
	}
	return ExitOK
}

// grouping is what `parallax groups` reports.
type grouping struct {
	docs    []*corpus.Document
	stories []stories.Story // largest first
	errors  []*corpus.FileError
	minSize int // stories of fewer articles are left out
}

// shown returns the stories of at least minSize articles and counts the
// articles of the others.
func (g *grouping) shown() (shown []stories.Story, hiddenStories, hiddenDocs int) {
	for _, s := range g.stories {
		if s.Size() >= g.minSize {
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
	Errors  []errorJSON `json:"errors"`
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

// errorJSON is one unreadable input in the JSON output.
type errorJSON struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// writeJSON writes the stories of at least minSize articles, largest
// first, and the inputs that could not be read.
func (g *grouping) writeJSON(w io.Writer) error {
	out := groupsJSON{Stories: []storyJSON{}, Errors: []errorJSON{}}
	shown, _, _ := g.shown()
	for _, s := range shown {
		js := storyJSON{Label: s.Label, Size: s.Size(), Title: s.Title, Terms: s.Terms,
			Cohesion: float64(int(s.Cohesion*1000+0.5)) / 1000, Documents: []docJSON{}}
		if js.Terms == nil {
			js.Terms = []string{}
		}
		for _, m := range s.Members {
			d := g.docs[m]
			js.Documents = append(js.Documents, docJSON{Path: d.Path, Title: d.Title, Outlet: d.Outlet})
		}
		out.Stories = append(out.Stories, js)
	}
	for _, e := range g.errors {
		out.Errors = append(out.Errors, errorJSON{Path: e.Path, Error: e.Err.Error()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeText writes a readable list: a summary line, each story of two or
// more articles with its label and members (outlet, title, path), then
// the articles that are stories of their own, one a line.
func (g *grouping) writeText(w io.Writer) error {
	shown, hiddenStories, hiddenDocs := g.shown()
	var b strings.Builder
	alone := 0
	for _, s := range g.stories {
		if s.Size() == 1 {
			alone++
		}
	}
	fmt.Fprintf(&b, "Parallax: %s in %s (%s in no story with another)\n",
		count(len(g.docs), "article"), count(len(g.stories), "story"), count(alone, "article"))
	for _, e := range g.errors {
		fmt.Fprintf(&b, "  skipped %s\n", e.Error())
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	var singles []stories.Story
	for k, s := range shown {
		if s.Size() == 1 {
			singles = append(singles, s)
			continue
		}
		tw.Flush()
		fmt.Fprintf(&b, "\n[%d] %s  (%s, cohesion %.2f)\n", k+1, s.Label, count(s.Size(), "article"), s.Cohesion)
		for _, m := range s.Members {
			g.writeDoc(tw, m)
		}
	}
	if len(singles) > 0 {
		tw.Flush()
		fmt.Fprintf(&b, "\nIn no story with another (%d):\n", len(singles))
		for _, s := range singles {
			g.writeDoc(tw, s.Members[0])
		}
	}
	tw.Flush()
	if hiddenStories > 0 {
		fmt.Fprintf(&b, "\n%s of fewer than %d articles (%s) not shown.\n",
			count(hiddenStories, "story"), g.minSize, count(hiddenDocs, "article"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDoc writes one article's line: outlet, title and path.
func (g *grouping) writeDoc(tw io.Writer, m int) {
	d := g.docs[m]
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

// count writes a count with its noun, in the plural where it needs one.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
