// Command longpair writes a long article pair built from news_synth_dev
// (see package longpair) for timing whole processes:
//
//	go run ./devtools/longpair/cmd/longpair -n 160 -out /tmp/long160
//
// writes /tmp/long160/original.txt and /tmp/long160/rewrite.txt.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"parallax/devtools/longpair"
	"parallax/evaluate"
)

func main() {
	n := flag.Int("n", 160, "originals to join")
	seed := flag.Uint64("seed", 1, "seed of the rewrites' order")
	data := flag.String("data", "", "the evaluation folder (default: shared/eval in this or a parent folder)")
	out := flag.String("out", ".", "folder to write original.txt and rewrite.txt to")
	flag.Parse()
	if err := run(*data, *out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "longpair:", err)
		os.Exit(1)
	}
}

func run(data, out string, n int, seed uint64) error {
	dir, err := evaluate.FindData(data)
	if err != nil {
		return err
	}
	a, err := longpair.Load(dir)
	if err != nil {
		return err
	}
	orig, rewrite, err := a.Pair(n, seed)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "original.txt"), []byte(orig), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "rewrite.txt"), []byte(rewrite), 0o644)
}
