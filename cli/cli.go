// Package cli implements Parallax's headless subcommands: compare (a text,
// JSON, HTML, CSV or Markdown report of how N articles align and frame the
// story), groups (the stories a folder of
// articles forms), score (sentence-pair scores for scripts), eval (the
// engine's figures on the evaluation data) and version.
package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"parallax/compare"
	"parallax/corpus"
	"parallax/evaluate"
	"parallax/evaluate/engine"
	"parallax/report"
)

// Exit statuses of the compare subcommand.
const (
	ExitOK      = 0 // every input was read
	ExitPartial = 1 // some inputs failed, but two or more were compared
	ExitUsage   = 2 // a usage error, or fewer than two readable documents
)

// Commands are the subcommand names Run understands.
var Commands = []string{"compare", "groups", "score", "eval", "version", "help"}

// IsCommand reports whether args (without the program name) start with a
// subcommand or a flag that Run handles, rather than paths for the viewer.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "--version", "-version", "-v", "--help", "-help", "-h", corpus.ReaderSubcommand:
		return true
	}
	for _, c := range Commands {
		if args[0] == c {
			return true
		}
	}
	return false
}

// Env is what a subcommand reads and writes.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Version is the application version (from FyneApp.toml).
	Version string
}

// Run runs the subcommand in args and returns the process exit status.
func Run(args []string, env Env) int {
	switch args[0] {
	case "--version", "-version", "-v", "version":
		fmt.Fprintf(env.Stdout, "parallax %s\n", env.Version)
		return ExitOK
	case "--help", "-help", "-h", "help":
		usage(env.Stdout)
		return ExitOK
	case "compare":
		return runCompare(args[1:], env)
	case "groups":
		return runGroups(args[1:], env)
	case "score":
		return runScore(args[1:], env)
	case "eval":
		return runEval(args[1:], env)
	case corpus.ReaderSubcommand: // hidden: a reader child (see corpus.ParseContext)
		return corpus.ServeReader(os.Stdin, os.Stdout)
	}
	usage(env.Stderr)
	return ExitUsage
}

// usage prints the command summary.
func usage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  parallax                         open the viewer on the bundled sample articles
  parallax PATH...                 open the viewer on files and folders
  parallax compare [--format text|json|html|csv|md] [--out FILE] [--sensitivity X]
                   [--max-articles N] [--max-sentences N] PATH...
                                   compare articles headlessly (at most 50
                                   articles and 3,000 sentences unless raised;
                                   0 is no limit); html is a self-contained
                                   report with the framing analysis, csv the
                                   links, md a summary
  parallax groups [--format text|json] [--min-size N] PATH...
                                   group articles into stories (articles about
                                   the same event) and list them
  parallax score                   read "sentence1<TAB>sentence2" lines on stdin,
                                   print "score<TAB>kind" for each
  parallax eval [--data DIR]       measure the engine on the evaluation data
  parallax --version               print the version

Options may come before or after the paths; "--" ends them (for a path
that starts with "-").
`)
}

// runCompare implements `parallax compare`.
func runCompare(args []string, env Env) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "", "output format: text, json, html, csv or md (default: from --out's extension, else text)")
	out := fs.String("out", "", "write the report to FILE (through a temporary file) instead of standard output")
	sens := fs.Float64("sensitivity", compare.DefaultOptions().Sensitivity, "linking sensitivity from 0 (strict) to 1 (lenient)")
	maxArts := fs.Int("max-articles", compare.DefaultBudget.Articles, "compare at most N articles at once (0: no limit)")
	maxSents := fs.Int("max-sentences", compare.DefaultBudget.Sentences, "compare at most N sentences, summed over the articles (0: no limit)")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return ExitUsage
	}
	if *format == "" {
		*format = "text"
		if *out != "" {
			*format = report.FormatOf(*out)
		}
	}
	if !slices.Contains(report.Formats, *format) {
		fmt.Fprintf(env.Stderr, "parallax compare: unknown format %q (want %s)\n", *format, strings.Join(report.Formats, ", "))
		return ExitUsage
	}
	if !checkSensitivity(env, "compare", *sens) {
		return ExitUsage
	}
	if *maxArts < 0 || *maxSents < 0 {
		fmt.Fprintln(env.Stderr, "parallax compare: --max-articles and --max-sentences take 0 (no limit) or more")
		return ExitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(env.Stderr, "parallax compare: name at least two articles, or a folder of them")
		return ExitUsage
	}
	compare.Preload() // the engine's tables decode while the articles are read
	ctx := context.Background()
	docs, errs, err := corpus.Load(ctx, paths, corpus.LoadOptions{})
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax compare: %v\n", err)
		return ExitUsage
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "parallax: skipped %v\n", e)
	}
	if len(docs) < 2 {
		fmt.Fprintf(env.Stderr, "parallax compare: %d readable article(s); at least two are needed\n", len(docs))
		return ExitUsage
	}
	if err := (compare.Budget{Articles: *maxArts, Sentences: *maxSents}).Check(docs); err != nil {
		fmt.Fprintf(env.Stderr, "parallax compare: %v; group them into stories with `parallax groups`, "+
			"pass fewer articles, or raise --max-articles / --max-sentences (0: no limit)\n", err)
		return ExitUsage
	}
	res, err := compare.Compare(ctx, docs, compare.Options{Sensitivity: *sens})
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax compare: %v\n", err)
		return ExitUsage
	}
	c := report.Comparison{Docs: docs, Result: res, Errors: errs, Sensitivity: *sens, Version: env.Version}
	if *out != "" {
		err = report.WriteFile(*out, *format, c)
	} else {
		err = report.Write(env.Stdout, *format, c)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax compare: %v\n", err)
		return ExitUsage
	}
	if len(errs) > 0 {
		return ExitPartial
	}
	return ExitOK
}

// maxScoreLine is the longest line `parallax score` scores; a longer one
// is named and skipped. Tests lower it.
var maxScoreLine = corpus.MaxTextBytes

// runScore implements `parallax score`.
func runScore(args []string, env Env) int {
	if len(args) > 0 {
		fmt.Fprintln(env.Stderr, "parallax score: takes no arguments; give sentence pairs on standard input")
		return ExitUsage
	}
	in := bufio.NewReaderSize(env.Stdin, 64*1024)
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	status := ExitOK
	for line := 1; ; line++ {
		text, long, err := readLine(in, maxScoreLine)
		if err == io.EOF && text == "" && !long {
			break
		}
		if err != nil && err != io.EOF {
			fmt.Fprintf(env.Stderr, "parallax score: line %d: %v\n", line, err)
			return ExitUsage
		}
		a, b, ok := strings.Cut(text, "\t")
		switch {
		case long:
			fmt.Fprintf(env.Stderr, "parallax score: line %d is longer than %s; not scored\n", line, sizeText(maxScoreLine))
			fmt.Fprintln(out, "0\tunrelated")
			status = ExitPartial
		case !ok:
			fmt.Fprintf(env.Stderr, "parallax score: line %d has no tab; want sentence1<TAB>sentence2\n", line)
			fmt.Fprintln(out, "0\tunrelated")
			status = ExitPartial
		default:
			s, kind := compare.Score(a, b)
			fmt.Fprintf(out, "%.3f\t%s\n", s, kind)
		}
		if err == io.EOF {
			break
		}
	}
	return status
}

// sizeText is a size in bytes as a reader says it ("20 MB", "1000 bytes").
func sizeText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readLine reads one line from r without its line ending ("\n" or
// "\r\n"). A line longer than limit bytes is read to its end but not
// kept: long is set and text is empty. At the end of the input err is
// io.EOF (text holds a last line without a line break, if any).
func readLine(r *bufio.Reader, limit int) (text string, long bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !long {
			if len(buf)+len(chunk) > limit+2 { // +2: room for the line ending
				long, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if long {
			return "", true, err
		}
		line := strings.TrimSuffix(strings.TrimSuffix(string(buf), "\n"), "\r")
		if len(line) > limit {
			return "", true, err
		}
		return line, false, err
	}
}

// checkSensitivity reports whether s is a sensitivity (a number from 0 to
// 1: not NaN nor infinite), else prints a usage error for the command.
func checkSensitivity(env Env, command string, s float64) bool {
	if math.IsNaN(s) || s < 0 || s > 1 {
		fmt.Fprintf(env.Stderr, "parallax %s: --sensitivity %v is not a number from 0 to 1\n", command, s)
		return false
	}
	return true
}

// runEval implements `parallax eval`: every development set at the
// default sensitivity and at the rewrite regime's (and at --sensitivity
// when another is given).
func runEval(args []string, env Env) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := fs.String("data", "", "the evaluation folder (default: shared/eval in this or a parent folder)")
	sens := fs.Float64("sensitivity", compare.DefaultSensitivity,
		"also measure at this linking sensitivity from 0 to 1 (the default and 0.75 are always measured)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "parallax eval: unexpected argument %q (give the folder with --data)\n", rest[0])
		return ExitUsage
	}
	if !checkSensitivity(env, "eval", *sens) {
		return ExitUsage
	}
	dir, err := evaluate.FindData(*data)
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax eval: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "Evaluation data: %s\n", dir)
	senses := []float64{compare.DefaultSensitivity, compare.RewriteSensitivity}
	if !slices.Contains(senses, *sens) {
		senses = append(senses, *sens)
	}
	for n, s := range senses {
		r, err := evaluate.Run(dir, engine.Parallax(compare.Options{Sensitivity: s}))
		if err != nil {
			fmt.Fprintf(env.Stderr, "parallax eval: %v\n", err)
			return ExitUsage
		}
		fmt.Fprintf(env.Stdout, "\nAt sensitivity %.2f:\n", s)
		if n == 0 {
			r.Write(env.Stdout)
		} else {
			r.WriteLinks(env.Stdout)
		}
	}
	return ExitOK
}

// stdEnv is the process's own standard streams.
func stdEnv(version string) Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
}

// Main runs a subcommand with the process's standard streams and returns
// its exit status.
func Main(args []string, version string) int { return Run(args, stdEnv(version)) }
