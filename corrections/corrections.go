// Package corrections keeps an analyst's hand corrections of comparisons
// (links made and removed, sentences marked boilerplate or not) in one file
// of Parallax's own data folder, never beside the articles. A correction
// names its sentences by their article's content hash, so that reopening
// the same articles, from wherever they lie, restores it. Corrections are
// undone and redone in the order they were made. The package has no user
// interface; compare.ApplyEdits applies what it returns.
package corrections

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"parallax/compare"
	"parallax/corpus"
)

// FileName is the name of the corrections file in the data folder.
const FileName = "corrections.json"

// Sentence names one sentence of one article by the article's content hash.
type Sentence struct {
	Doc   string `json:"doc"`
	Index int    `json:"sentence"`
}

// Correction is one hand correction. B is set for a link or an unlink.
type Correction struct {
	Op compare.EditOp `json:"op"`
	A  Sentence       `json:"a"`
	B  *Sentence      `json:"b,omitempty"`
}

// Hash is the content hash of an article: of its extracted text, so that
// the same article read from another path (or another copy) has the same
// hash.
func Hash(doc *corpus.Document) string {
	sum := sha256.Sum256([]byte(doc.Text))
	return hex.EncodeToString(sum[:16])
}

// Store is the corrections of one data folder, with the corrections undone
// since the last new one (for redo, kept in memory only).
type Store struct {
	path   string
	list   []Correction
	undone []Correction
}

// fileFormat is the corrections file.
type fileFormat struct {
	Version     int          `json:"version"`
	Corrections []Correction `json:"corrections"`
}

// Open reads the corrections kept in folder dir (none when the file does
// not exist yet). A file that cannot be read or parsed is an error naming
// it.
func Open(dir string) (*Store, error) {
	s := &Store{path: filepath.Join(dir, FileName)}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("%s: %w", s.path, err)
	}
	var f fileFormat
	if err := json.Unmarshal(data, &f); err != nil {
		return s, fmt.Errorf("%s: not a corrections file: %w", s.path, err)
	}
	s.list = f.Corrections
	return s, nil
}

// InMemory is an empty store kept nowhere, for windows that must leave no
// trace (tests, screenshots).
func InMemory() *Store { return &Store{} }

// Path is the file the store is kept in, "" for one kept in memory.
func (s *Store) Path() string { return s.path }

// save writes the store through a temporary file renamed into place.
func (s *Store) save() error {
	if s.path == "" {
		return nil
	}
	data, err := json.MarshalIndent(fileFormat{Version: 1, Corrections: s.list}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".corrections-*.json")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(data, '\n'))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return nil
}

// Make is the correction of edit e of the comparison of docs.
func Make(docs []*corpus.Document, e compare.Edit) Correction {
	c := Correction{Op: e.Op, A: Sentence{Hash(docs[e.A.Doc]), e.A.Sentence}}
	if e.Op == compare.EditLink || e.Op == compare.EditUnlink {
		c.B = &Sentence{Hash(docs[e.B.Doc]), e.B.Sentence}
	}
	return c
}

// Add records a correction and saves the store; the corrections undone
// before are forgotten.
func (s *Store) Add(c Correction) error {
	s.list = append(s.list, c)
	s.undone = nil
	return s.save()
}

// Undo takes back the latest correction of the comparison of docs and
// saves the store; ok is false when there is none.
func (s *Store) Undo(docs []*corpus.Document) (c Correction, ok bool, err error) {
	return s.move(docs, &s.list, &s.undone)
}

// Redo makes again the latest correction of the comparison of docs that
// Undo took back, and saves the store; ok is false when there is none.
func (s *Store) Redo(docs []*corpus.Document) (c Correction, ok bool, err error) {
	return s.move(docs, &s.undone, &s.list)
}

// move moves the latest correction of the comparison of docs from the end
// of from to the end of to, and saves the store.
func (s *Store) move(docs []*corpus.Document, from, to *[]Correction) (c Correction, ok bool, err error) {
	in := index(docs)
	for k := len(*from) - 1; k >= 0; k-- {
		if _, ok := edit(in, (*from)[k]); ok {
			c = (*from)[k]
			*from = append((*from)[:k:k], (*from)[k+1:]...)
			*to = append(*to, c)
			return c, true, s.save()
		}
	}
	return c, false, nil
}

// CanUndo and CanRedo report whether Undo and Redo have a correction of the
// comparison of docs to take back or make again.
func (s *Store) CanUndo(docs []*corpus.Document) bool { return len(s.edits(docs, s.list)) > 0 }

// CanRedo: see CanUndo.
func (s *Store) CanRedo(docs []*corpus.Document) bool { return len(s.edits(docs, s.undone)) > 0 }

// Edits are the corrections of the comparison of docs (those whose
// sentences all lie in docs), in the order they were made, in terms of
// docs' indexes.
func (s *Store) Edits(docs []*corpus.Document) []compare.Edit { return s.edits(docs, s.list) }

func (s *Store) edits(docs []*corpus.Document, list []Correction) []compare.Edit {
	in := index(docs)
	var out []compare.Edit
	for _, c := range list {
		if e, ok := edit(in, c); ok {
			out = append(out, e)
		}
	}
	return out
}

// index maps content hashes to the indexes of docs (the first of equal
// hashes).
func index(docs []*corpus.Document) map[string]int {
	in := make(map[string]int, len(docs))
	for d := len(docs) - 1; d >= 0; d-- {
		in[Hash(docs[d])] = d
	}
	return in
}

// edit is c in terms of the documents of in; ok is false when one of its
// articles is not there.
func edit(in map[string]int, c Correction) (compare.Edit, bool) {
	a, ok := in[c.A.Doc]
	if !ok {
		return compare.Edit{}, false
	}
	e := compare.Edit{Op: c.Op, A: compare.Ref{Doc: a, Sentence: c.A.Index}}
	if c.B != nil {
		b, ok := in[c.B.Doc]
		if !ok {
			return compare.Edit{}, false
		}
		e.B = compare.Ref{Doc: b, Sentence: c.B.Index}
	}
	return e, true
}

// EditOf is correction c in terms of docs' indexes; ok is false when one
// of its articles is not among docs.
func EditOf(docs []*corpus.Document, c Correction) (compare.Edit, bool) {
	return edit(index(docs), c)
}
