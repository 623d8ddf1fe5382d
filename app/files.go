package app

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"parallax/corpus"
)

// docKeys are the two identities of an open article: its cleaned absolute
// path and the hash of its text.
type docKeys struct {
	paths  map[string]bool
	hashes map[[sha256.Size]byte]bool
}

// absClean is path made absolute and clean (path itself, cleaned, when it
// cannot be made absolute).
func absClean(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return filepath.Clean(path)
}

// dedupe returns added without the articles already in open or earlier in
// added, by path or by content, and how many were left out.
func dedupe(open, added []*corpus.Document) ([]*corpus.Document, int) {
	k := docKeys{paths: map[string]bool{}, hashes: map[[sha256.Size]byte]bool{}}
	seen := func(d *corpus.Document) bool {
		p, h := absClean(d.Path), sha256.Sum256([]byte(d.Text))
		dup := k.paths[p] || k.hashes[h]
		k.paths[p], k.hashes[h] = true, true
		return dup
	}
	for _, d := range open {
		seen(d)
	}
	out := make([]*corpus.Document, 0, len(added))
	for _, d := range added {
		if !seen(d) {
			out = append(out, d)
		}
	}
	return out, len(added) - len(out)
}

// alreadyOpenText is the status note for n articles not added twice.
func alreadyOpenText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s already open", plural(n, "article", "articles"))
}

// recentSep separates the paths of one Open Recent entry: a comparison is
// remembered whole, as the paths opened together.
const recentSep = "\x00"

// recentLabel is how an Open Recent entry is listed: its one path, or the
// names of its paths ("a.txt, b.txt +2").
func recentLabel(entry string) string {
	paths := strings.Split(entry, recentSep)
	if len(paths) == 1 {
		return corpus.DisplayPath(paths[0])
	}
	names := make([]string, 0, 2)
	for _, p := range paths[:2] {
		names = append(names, corpus.DisplayPath(filepath.Base(p)))
	}
	label := strings.Join(names, ", ")
	if len(paths) > 2 {
		label += fmt.Sprintf(" +%d", len(paths)-2)
	}
	return label
}

// titleOf is the window title for the articles shown: "Parallax — The
// Hill, Reuters, +3".
func titleOf(docs []*corpus.Document) string {
	if len(docs) == 0 {
		return windowTitle
	}
	const named = 2
	var names []string
	for _, d := range docs[:min(len(docs), named)] {
		names = append(names, outletName(d))
	}
	if len(docs) > named {
		names = append(names, fmt.Sprintf("+%d", len(docs)-named))
	}
	return windowTitle + " — " + strings.Join(names, ", ")
}

// closeDoc closes the open article doc (a column's close button).
func (c *Controller) closeDoc(doc *corpus.Document) {
	c.CloseArticle(slices.Index(c.docs, doc))
}
