package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/assets"
	"parallax/corpus"
	"parallax/widgets"
)

// openAndWait opens paths (adding them when add is set) and waits for the
// comparison.
func openAndWait(t *testing.T, c *Controller, changed chan struct{}, paths []string, add bool) {
	t.Helper()
	c.Open(paths, add)
	wait(t, changed)
}

// TestDropSameFolderTwice opens a folder of three articles and a copy of
// one under another name, then drops the folder again: the copy and the
// second drop add nothing, and the status line says so.
func TestDropSameFolderTwice(t *testing.T) {
	dir := t.TempDir()
	writeSamples(t, dir, 3)
	data, _ := assets.Sample.ReadFile(assets.SampleFiles()[0])
	if err := os.WriteFile(filepath.Join(dir, "zz-copy.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, changed := newTestController(t, nil)
	openAndWait(t, c, changed, []string{dir}, false)
	if len(c.docs) != 3 || !strings.Contains(c.status.Text, "1 article already open") {
		t.Fatalf("first open: %d articles, status %q; want 3 and the copy named", len(c.docs), c.status.Text)
	}
	openAndWait(t, c, changed, []string{dir + "/./"}, true)
	if len(c.docs) != 3 || len(c.view.model.Docs) != 3 {
		t.Fatalf("second drop: %d articles, %d columns; want 3", len(c.docs), len(c.view.model.Docs))
	}
	if !strings.Contains(c.status.Text, "4 articles already open") {
		t.Errorf("status %q does not say 4 articles were already open", c.status.Text)
	}
	c.Recompute()
	wait(t, changed)
	if strings.Contains(c.status.Text, "already open") {
		t.Errorf("the note outlived its comparison: %q", c.status.Text)
	}
}

func TestDedupe(t *testing.T) {
	doc := func(path, text string) *corpus.Document { return &corpus.Document{Path: path, Text: text} }
	open := []*corpus.Document{doc("/a/1.txt", "one"), doc("/a/2.txt", "two")}
	tests := []struct {
		name  string
		added []*corpus.Document
		want  []string
		dups  int
	}{
		{"new", []*corpus.Document{doc("/a/3.txt", "three")}, []string{"/a/3.txt"}, 0},
		{"same path", []*corpus.Document{doc("/a/./1.txt", "changed")}, nil, 1},
		{"same text", []*corpus.Document{doc("/b/copy.txt", "two")}, nil, 1},
		{"twice in one drop", []*corpus.Document{doc("/c/x.txt", "x"), doc("/c/y.txt", "x")}, []string{"/c/x.txt"}, 1},
	}
	for _, tt := range tests {
		got, dups := dedupe(open, tt.added)
		var paths []string
		for _, d := range got {
			paths = append(paths, d.Path)
		}
		if !slices.Equal(paths, tt.want) || dups != tt.dups {
			t.Errorf("%s: kept %q with %d left out, want %q and %d", tt.name, paths, dups, tt.want, tt.dups)
		}
	}
}

// TestFolderNaturalOrder opens a folder whose names sort differently by
// bytes and naturally: the columns follow natural order.
func TestFolderNaturalOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"1_10.txt", "1_2.txt", "1_1.txt"}
	for i, name := range names {
		data, _ := assets.Sample.ReadFile(assets.SampleFiles()[i])
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, changed := newTestController(t, nil)
	openAndWait(t, c, changed, []string{dir}, false)
	var got []string
	for _, d := range c.docs {
		got = append(got, filepath.Base(d.Path))
	}
	if want := []string{"1_1.txt", "1_2.txt", "1_10.txt"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

func TestTitleOf(t *testing.T) {
	docs := sample(t)
	tests := []struct {
		n    int
		want string
	}{
		{0, "Parallax"},
		{1, "Parallax — " + outletName(docs[0])},
		{2, "Parallax — " + outletName(docs[0]) + ", " + outletName(docs[1])},
		{5, "Parallax — " + outletName(docs[0]) + ", " + outletName(docs[1]) + ", +3"},
	}
	for _, tt := range tests {
		if got := titleOf(docs[:tt.n]); got != tt.want {
			t.Errorf("%d articles: %q, want %q", tt.n, got, tt.want)
		}
	}
	c, changed := newTestController(t, docs)
	if got := c.win.Title(); got != titleOf(docs) {
		t.Errorf("window title %q, want %q", got, titleOf(docs))
	}
	c.CloseArticle(0)
	wait(t, changed)
	if got := c.win.Title(); got != titleOf(docs[1:]) {
		t.Errorf("after closing one: title %q, want %q", got, titleOf(docs[1:]))
	}
}

// TestColumnCloseButton taps the close button in the second column's
// header: that article is closed, as File > Close Article does.
func TestColumnCloseButton(t *testing.T) {
	docs := sample(t)
	c, changed := newTestController(t, docs)
	var buttons []*widget.Button
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b)
		}
		if tip, ok := o.(*widgets.HoverTip); ok {
			find(tip.Content())
		}
		if box, ok := o.(*fyne.Container); ok {
			for _, child := range box.Objects {
				find(child)
			}
		}
	}
	find(c.view.column(1))
	if len(buttons) != 1 {
		t.Fatalf("the column has %d buttons, want its close button", len(buttons))
	}
	test.Tap(buttons[0])
	wait(t, changed)
	if len(c.docs) != 4 || slices.Contains(c.docs, docs[1]) {
		t.Errorf("after the close button: %d open, closed one still open: %v", len(c.docs), slices.Contains(c.docs, docs[1]))
	}
}

// TestOpenRecentRestoresComparison opens a folder, adds a file from
// elsewhere, and checks that Open Recent lists the pair as one entry
// that opens both again.
func TestOpenRecentRestoresComparison(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	writeSamples(t, dir, 2)
	data, _ := assets.Sample.ReadFile(assets.SampleFiles()[3])
	file := filepath.Join(other, "extra.txt")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, changed := newTestController(t, nil)
	openAndWait(t, c, changed, []string{dir}, false)
	openAndWait(t, c, changed, []string{file}, true)
	rec := c.app.Preferences().StringList(prefRecent)
	if len(rec) != 2 || rec[0] != dir+recentSep+file || rec[1] != dir {
		t.Fatalf("recent %q, want the comparison then the folder", rec)
	}
	c.setDocs(nil)
	c.Recompute()
	wait(t, changed)
	var recent *fyne.MenuItem
	for _, it := range c.menu().Items[0].Items {
		if it.Label == "Open Recent" {
			recent = it
		}
	}
	first := recent.ChildMenu.Items[0]
	if first.Label != filepath.Base(dir)+", extra.txt" {
		t.Errorf("entry %q", first.Label)
	}
	first.Action()
	wait(t, changed)
	if len(c.docs) != 3 {
		t.Errorf("Open Recent restored %d articles, want 3", len(c.docs))
	}
}

// TestQuit checks File > Quit with Ctrl+Q: the window's size is
// remembered on the way out.
func TestQuit(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	var quit *fyne.MenuItem
	for _, it := range c.menu().Items[0].Items {
		if it.Label == "Quit" {
			quit = it
		}
	}
	want := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	if quit == nil || !quit.IsQuit || quit.Shortcut == nil || quit.Shortcut.ShortcutName() != want.ShortcutName() {
		t.Fatalf("File menu has no Quit item with Ctrl+Q: %+v", quit)
	}
	// The headless canvas does not take typed shortcuts; the menu item
	// and the window's shortcut share quitShortcut and c.quit.
	quit.Action()
	if w := c.app.Preferences().Float(prefWidth); w != 1400 {
		t.Errorf("Quit did not remember the size: width %v", w)
	}
}
