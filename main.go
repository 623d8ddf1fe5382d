// Command parallax compares news articles about one event sentence by
// sentence and shows what each outlet shares, paraphrases or carries alone.
//
//	parallax                  the viewer on the bundled sample articles
//	parallax PATH...          the viewer on files and folders
//	parallax compare PATH...  a headless report (text or JSON)
//	parallax score            sentence-pair scores for scripts
//	parallax eval             the engine's figures on the evaluation data
package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	ui "parallax/app"
	"parallax/assets"
	"parallax/cli"
	"parallax/compare"
	"parallax/corpus"
)

//go:embed FyneApp.toml
var fyneAppTOML string

// version is the application version that FyneApp.toml gives.
func version() string {
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindStringSubmatch(fyneAppTOML)
	if m == nil {
		return "unknown"
	}
	return m[1]
}

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Main(args, version()))
	}
	docs, errs, err := load(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "parallax: %v\n", err)
		for _, e := range errs {
			fmt.Fprintf(os.Stderr, "parallax: skipped %v\n", e)
		}
		os.Exit(cli.ExitUsage)
	}
	res, err := compare.Compare(context.Background(), docs, compare.DefaultOptions())
	if err != nil {
		fmt.Fprintf(os.Stderr, "parallax: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	// A plain `go build` does not read FyneApp.toml; give Fyne the same
	// metadata, above all the fyneDo migration (every UI change from a
	// goroutine goes through fyne.Do), without which Fyne checks threads on
	// every refresh.
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	app.SetMetadata(fyne.AppMetadata{ID: "io.parallax.app", Name: "Parallax", Version: version(),
		Icon: icon, Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID("io.parallax.app")
	a.SetIcon(icon)
	ui.Run(a, docs, res, errs)
}

// load reads the articles named on the command line, or the bundled sample
// when none are named.
func load(paths []string) ([]*corpus.Document, []*corpus.FileError, error) {
	if len(paths) == 0 {
		return cli.LoadSample(assets.Sample.ReadFile, assets.SampleFiles())
	}
	docs, errs, err := corpus.Load(context.Background(), paths, corpus.LoadOptions{})
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("no readable articles in %v", paths)
	}
	return docs, errs, err
}
