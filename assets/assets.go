// Package assets embeds the files Parallax ships inside its binary: the
// application icon and the sample corpus opened when no paths are given.
package assets

import (
	"embed"
	"io/fs"
	"slices"

	"parallax/corpus"
)

// Sample holds the bundled sample articles, under "sample/".
//
//go:embed sample/*.txt
var Sample embed.FS

// Icon is the application icon, a 512x512 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleFiles returns the paths of the sample articles within Sample
// ("sample/..."), sorted.
func SampleFiles() []string {
	paths, err := fs.Glob(Sample, "sample/*.txt")
	if err != nil {
		// The pattern is a constant and valid; Glob cannot fail on it.
		panic(err)
	}
	slices.Sort(paths)
	return paths
}

// LoadSample reads the bundled sample articles, reporting any it could
// not read without stopping (see corpus.ParseFiles).
func LoadSample() ([]*corpus.Document, []*corpus.FileError, error) {
	return corpus.ParseFiles(Sample.ReadFile, SampleFiles())
}
