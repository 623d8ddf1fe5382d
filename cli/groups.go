package cli

import (
	"context"
	"flag"
	"fmt"

	"parallax/corpus"
	"parallax/report"
	"parallax/stories"
)

// runGroups implements `parallax groups`: it reads articles and prints
// the stories they form.
func runGroups(args []string, env Env) int {
	fs := flag.NewFlagSet("groups", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output format: text or json")
	minSize := fs.Int("min-size", 1, "leave out stories of fewer than N articles")
	paths, err := parseArgs(fs, args)
	if err != nil {
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
	if len(paths) == 0 {
		fmt.Fprintln(env.Stderr, "parallax groups: name articles, or folders of them")
		return ExitUsage
	}
	ctx := context.Background()
	prog := newProgress(env.Stderr)
	docs, errs, err := corpus.Load(ctx, paths, corpus.LoadOptions{
		Listing:  func(n int) { prog.show("listing files: %d found", n) },
		Progress: func(done, total int) { prog.show("reading: %d of %d articles", done, total) },
	})
	prog.done()
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
	opts := stories.DefaultOptions()
	opts.Progress = func(done, total int) { prog.show("grouping: %d%%", 100*done/max(total, 1)) }
	sts, err := stories.Group(ctx, docs, opts)
	prog.done()
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax groups: %v\n", err)
		return ExitUsage
	}
	g := report.Grouping{Docs: docs, Stories: sts, Errors: errs, MinSize: *minSize}
	if *format == "json" {
		err = report.WriteGroupsJSON(env.Stdout, g)
	} else {
		err = report.WriteGroupsText(env.Stdout, g)
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
