package corrections_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/corpus"
	"parallax/corrections"
)

func doc(t *testing.T, path, text string) *corpus.Document {
	t.Helper()
	d, err := corpus.Parse(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestStore makes corrections, reopens the store from its folder with the
// same articles read from other paths and in another order, and checks that
// the corrections come back in terms of the new order; undo and redo take
// back and make again the latest; an article left out leaves its
// corrections aside; the articles' own folder is never written to.
func TestStore(t *testing.T) {
	dir := t.TempDir()
	a := doc(t, "one/a.txt", "The council voted on Monday to close the bridge. Repairs will cost 4 million.")
	b := doc(t, "one/b.txt", "On Monday the council decided the bridge will shut. The mayor was absent.")
	c := doc(t, "one/c.txt", "A third article about something else entirely. It rained.")
	s, err := corrections.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*corpus.Document{a, b, c}
	made := []compare.Edit{
		{Op: compare.EditLink, A: compare.Ref{Doc: 0, Sentence: 1}, B: compare.Ref{Doc: 1, Sentence: 1}},
		{Op: compare.EditBoilerplate, A: compare.Ref{Doc: 2, Sentence: 1}},
		{Op: compare.EditUnlink, A: compare.Ref{Doc: 0, Sentence: 0}, B: compare.Ref{Doc: 1, Sentence: 0}},
	}
	for _, e := range made {
		if err := s.Add(corrections.Make(docs, e)); err != nil {
			t.Fatal(err)
		}
	}
	// The same articles, elsewhere and reversed.
	a2, b2, c2 := doc(t, "two/x.txt", a.Text), doc(t, "two/y.txt", b.Text), doc(t, "two/z.txt", c.Text)
	re, err := corrections.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := re.Edits([]*corpus.Document{c2, b2, a2})
	want := []compare.Edit{
		{Op: compare.EditLink, A: compare.Ref{Doc: 2, Sentence: 1}, B: compare.Ref{Doc: 1, Sentence: 1}},
		{Op: compare.EditBoilerplate, A: compare.Ref{Doc: 0, Sentence: 1}},
		{Op: compare.EditUnlink, A: compare.Ref{Doc: 2, Sentence: 0}, B: compare.Ref{Doc: 1, Sentence: 0}},
	}
	if !slices.Equal(got, want) {
		t.Errorf("reopened: %+v\nwant %+v", got, want)
	}
	if e := re.Edits([]*corpus.Document{a2, b2}); len(e) != 2 {
		t.Errorf("without c: %d edits, want 2 (c's boilerplate mark aside)", len(e))
	}
	if !re.CanUndo(docs) || re.CanRedo(docs) {
		t.Error("can undo, cannot redo, at first")
	}
	u, ok, err := re.Undo([]*corpus.Document{c2})
	if err != nil || !ok || u.Op != compare.EditBoilerplate {
		t.Errorf("undo on c alone: %+v %v %v, want the boilerplate mark", u, ok, err)
	}
	if e := re.Edits(docs); len(e) != 2 || e[1].Op != compare.EditUnlink {
		t.Errorf("after undo: %+v", e)
	}
	if _, ok, _ := re.Redo(docs); !ok {
		t.Error("redo found nothing")
	}
	if _, ok, _ := re.Redo(docs); ok {
		t.Error("a second redo found something")
	}
	third, _ := corrections.Open(dir)
	if e := third.Edits(docs); len(e) != 3 || e[2].Op != compare.EditBoilerplate {
		t.Errorf("after undo and redo, saved: %+v", e)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != corrections.FileName {
		t.Errorf("data folder holds %v, want only %s", entries, corrections.FileName)
	}
}

// TestOpenBadFile names the file that is not a corrections file.
func TestOpenBadFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, corrections.FileName), []byte("{nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := corrections.Open(dir)
	if err == nil || !strings.Contains(err.Error(), corrections.FileName) {
		t.Errorf("error %v, want one naming %s", err, corrections.FileName)
	}
}
