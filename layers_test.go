package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers are the project's packages from the bottom up, as the README's
// layout table lists them: a package may import only packages of a lower
// layer, never one of its own layer or above. devtools sits on top: the
// developers' programs may use anything, each other included, and nothing
// imports them.
var layers = [][]string{
	{"analysis"},
	{"analysis/number", "analysis/clock", "analysis/stem"},
	{"analysis/token", "analysis/sentence"},
	{"internal/parallel", "internal/lazyre", "internal/wordvec", "internal/appinfo", "internal/hugeheap", "internal/gcfloor"},
	{"corpus"},
	{"assets"},
	{"compare"},
	{"framing", "stories", "corrections", "evaluate"},
	{"evaluate/engine"},
	{"report", "viewmodel", "widgets"},
	{"app", "cli"},
	{"."},
	{"devtools"},
}

// layerOf is the layer of the package in directory dir (relative to the
// module root, with slashes, "." for main); a directory under a listed one
// shares its layer, and the longest listed prefix wins.
func layerOf(dir string) (int, bool) {
	best, length := -1, -1
	for k, layer := range layers {
		for _, p := range layer {
			if (dir == p || p != "." && strings.HasPrefix(dir, p+"/")) && len(p) > length {
				best, length = k, len(p)
			}
		}
	}
	return best, best >= 0
}

// TestImportsFlowDown checks that every package's non-test files import
// only packages of lower layers: no import runs sideways or back up.
func TestImportsFlowDown(t *testing.T) {
	const module = "parallax"
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		from, ok := layerOf(dir)
		if !ok {
			t.Errorf("%s: package %s is in no layer; add it to layers and to the README's layout table", path, dir)
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != module && !strings.HasPrefix(p, module+"/") {
				continue
			}
			target := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
			if target == "" {
				target = "."
			}
			if target == dir {
				continue
			}
			to, ok := layerOf(target)
			if !ok || to > from || to == from && from != len(layers)-1 {
				t.Errorf("%s imports %s: layer %d may import only lower layers, and %s is in layer %d", path, p, from, target, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
