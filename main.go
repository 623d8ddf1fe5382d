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
	_ "embed"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	ui "parallax/app"
	"parallax/assets"
	"parallax/cli"
	"parallax/corpus"
	"parallax/internal/appinfo"
	"parallax/internal/gcfloor"    // no collection before 64 MB: a short run does without
	_ "parallax/internal/hugeheap" // the heap's first megabytes on huge pages: fewer page faults
)

// fyneAppTOML is the one place where the name, ID, version and build
// number are set; the packages are stamped from the same file.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// softMemoryLimit is the heap size near which the garbage collector works
// harder instead of letting the heap grow to twice what is live: a big
// folder (20,000 articles) then stays under 1 GB. GOMEMLIMIT overrides it.
const softMemoryLimit = 640 << 20

func main() {
	info := appinfo.Parse(fyneAppTOML)
	if os.Getenv("GOMEMLIMIT") == "" {
		gcfloor.SetMemoryLimit(softMemoryLimit)
	}
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Main(args, info.String()))
	}
	// The bundled sample is embedded and small: read it at once. Paths on
	// the command line are read by the viewer, in the background.
	var docs []*corpus.Document
	var errs []*corpus.FileError
	if len(args) == 0 {
		var err error
		docs, errs, err = assets.LoadSample()
		if err != nil {
			fmt.Fprintf(os.Stderr, "parallax: the bundled sample: %v\n", err)
			os.Exit(cli.ExitUsage)
		}
	}
	// A plain `go build` does not read FyneApp.toml; give Fyne the same
	// metadata, above all the fyneDo migration (every UI change from a
	// goroutine goes through fyne.Do), without which Fyne checks threads on
	// every refresh.
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	app.SetMetadata(fyne.AppMetadata{ID: info.ID, Name: info.Name, Version: info.Version, Build: info.Build,
		Icon: icon, Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID(info.ID)
	a.SetIcon(icon)
	ui.Run(a, docs, errs, args)
}
