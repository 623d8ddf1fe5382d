package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
	"parallax/widgets"
)

// sample reads the bundled sample articles.
func sample(t *testing.T) []*corpus.Document {
	t.Helper()
	docs, _, err := assets.LoadSample()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// headlessController builds a controller on docs in a headless window of
// a desktop size, comparing nothing yet.
func headlessController(tb testing.TB, docs []*corpus.Document) *Controller {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := a.NewWindow("test")
	tb.Cleanup(w.Close)
	c := NewController(a, w, docs, nil, compare.DefaultSensitivity)
	c.corr.dir = tb.TempDir() // never the shared temporary folder of the test app's storage
	c.build()
	w.Resize(fyne.NewSize(1400, 900))
	return c
}

// newTestController builds a controller on docs in a headless window and
// waits for the first comparison.
func newTestController(t *testing.T, docs []*corpus.Document) (*Controller, chan struct{}) {
	t.Helper()
	c := headlessController(t, docs)
	changed := make(chan struct{}, 16)
	c.OnChanged = func() { changed <- struct{}{} }
	c.Recompute()
	wait(t, changed)
	return c, changed
}

// wait waits for a change notification.
func wait(t *testing.T, ch chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Fatal("no comparison arrived")
	}
}

func TestControllerSensitivity(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	strict := len(c.res.Links)
	c.SetSensitivity(1)
	wait(t, changed)
	lenient := len(c.res.Links)
	if lenient <= strict {
		t.Errorf("sensitivity 1 gave %d links, not more than %d at the default", lenient, strict)
	}
	if !strings.Contains(c.sensLabel.Text, "1.00") {
		t.Errorf("sensitivity label %q", c.sensLabel.Text)
	}
}

func TestControllerIncludeExclude(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	if len(c.view.model.Docs) != 5 {
		t.Fatalf("%d columns, want 5", len(c.view.model.Docs))
	}
	c.SetIncluded(2, false)
	wait(t, changed)
	if len(c.view.model.Docs) != 4 || len(c.shown) != 4 {
		t.Errorf("after excluding one: %d columns", len(c.view.model.Docs))
	}
	for _, i := range c.shown {
		if i == 2 {
			t.Error("excluded article still shown")
		}
	}
	c.SetIncluded(2, true)
	wait(t, changed)
	if len(c.view.model.Docs) != 5 {
		t.Errorf("after including it again: %d columns", len(c.view.model.Docs))
	}
}

func TestControllerNavigation(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	uniques := c.view.model.OfKind(compare.Unique)
	if len(uniques) < 2 {
		t.Fatalf("%d unique sentences in the sample", len(uniques))
	}
	c.Step(compare.Unique, 1)
	if c.view.selected == nil || *c.view.selected != uniques[0] {
		t.Fatalf("next unique selected %v, want %v", c.view.selected, uniques[0])
	}
	want := "unique 1 of "
	if !strings.HasPrefix(c.nav[compare.Unique].Text, want) {
		t.Errorf("navigation label %q, want %q…", c.nav[compare.Unique].Text, want)
	}
	c.Step(compare.Unique, 1)
	if *c.view.selected != uniques[1] {
		t.Errorf("second next unique selected %v, want %v", *c.view.selected, uniques[1])
	}
	c.Step(compare.Unique, -1)
	c.Step(compare.Unique, -1) // wraps to the last
	if *c.view.selected != uniques[len(uniques)-1] {
		t.Errorf("previous from the first selected %v, want the last %v", *c.view.selected, uniques[len(uniques)-1])
	}
	// Every selected unique sentence is outlined.
	p := c.view.places[c.view.selected.Doc][c.view.selected.Sentence]
	if p.flow.Spans[p.span].Emphasis != widgets.EmphasisSelected {
		t.Error("navigated sentence is not outlined")
	}
}

func TestControllerFilter(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	c.SetFilter(compare.Unique)
	for d := range c.view.model.Docs {
		for i, p := range c.view.places[d] {
			sp := p.flow.Spans[p.span]
			if statusOf(c.res, d, i) != compare.Unique && sp.Fill != nil {
				t.Fatalf("filtered-out sentence %d/%d keeps its fill", d, i)
			}
		}
	}
	c.SetFilter("")
	found := false
	for d := range c.view.model.Docs {
		for _, p := range c.view.places[d] {
			found = found || sameTint(p.flow.Spans[p.span].Fill, paraphrasedFill)
		}
	}
	if !found {
		t.Error("clearing the filter did not restore the fills")
	}
}

// writeSamples writes the first n sample articles into dir.
func writeSamples(t *testing.T, dir string, n int) {
	t.Helper()
	for _, name := range assets.SampleFiles()[:n] {
		data, _ := assets.Sample.ReadFile(name)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// openWithBadFile opens a folder of three sample articles and one bad
// file in a headless viewer, and checks that the three open and the bad
// one is named. It returns the controller and the folder.
func openWithBadFile(t *testing.T, name string, data []byte) (*Controller, string, chan struct{}) {
	t.Helper()
	dir := t.TempDir()
	writeSamples(t, dir, 3)
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, changed := newTestController(t, nil)
	c.Open([]string{dir}, false)
	wait(t, changed)
	if len(c.docs) != 3 || len(c.view.model.Docs) != 3 {
		t.Errorf("%d articles open, %d shown; want 3", len(c.docs), len(c.view.model.Docs))
	}
	if len(c.errs) != 1 || !strings.Contains(c.errLabel.Text, name) || !c.errLabel.Visible() {
		t.Errorf("errors %v, label %q", c.errs, c.errLabel.Text)
	}
	return c, dir, changed
}

func TestControllerOpenFolderWithBadFile(t *testing.T) {
	c, dir, _ := openWithBadFile(t, "broken.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0})
	if rec := c.app.Preferences().StringList(prefRecent); len(rec) == 0 || rec[0] != dir {
		t.Errorf("recent list %v does not start with %s", rec, dir)
	}
}

func TestPreferencesPersist(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	p := c.app.Preferences()

	c.SetSensitivity(0.7)
	wait(t, changed)
	if got := p.Float(prefSensitivity); got != 0.7 {
		t.Errorf("stored sensitivity %v, want 0.7", got)
	}

	c.win.Resize(fyne.NewSize(1111, 777))
	c.saveSize()
	w2 := c.app.NewWindow("again")
	defer w2.Close()
	c2 := NewController(c.app, w2, nil, nil, p.Float(prefSensitivity))
	c2.build()
	c2.restoreSize()
	if got := w2.Canvas().Size(); got != fyne.NewSize(1111, 777) {
		t.Errorf("restored window size %v, want 1111x777", got)
	}

	// The View menu's theme items are stored and applied.
	for _, tc := range []struct {
		item    string
		stored  string
		variant fyne.ThemeVariant
	}{
		{"Dark", "dark", theme.VariantDark},
		{"Light", "light", theme.VariantLight},
	} {
		menuItem(t, c.win.MainMenu(), "View", tc.item).Action()
		if got := p.String(prefTheme); got != tc.stored {
			t.Errorf("after %s: stored theme %q", tc.item, got)
		}
		bg := c.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight+theme.VariantDark+7)
		if want := theme.DefaultTheme().Color(theme.ColorNameBackground, tc.variant); bg != want {
			t.Errorf("after %s: background %v, want %v", tc.item, bg, want)
		}
	}
	menuItem(t, c.win.MainMenu(), "View", "Follow the System").Action()
	if got := p.String(prefTheme); got != "" {
		t.Errorf("following the system stored %q", got)
	}
}

// menuItem finds an item of a menu by labels.
func menuItem(t *testing.T, m *fyne.MainMenu, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, mm := range m.Items {
		if mm.Label != menu {
			continue
		}
		for _, it := range mm.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s > %s", menu, label)
	return nil
}

func TestCloseArticle(t *testing.T) {
	docs := sample(t)
	c, changed := newTestController(t, docs)
	c.CloseArticle(1)
	wait(t, changed)
	if len(c.docs) != 4 || len(c.view.model.Docs) != 4 || len(c.rows) != 4 {
		t.Fatalf("after closing one of five: %d open, %d columns, %d rows", len(c.docs), len(c.view.model.Docs), len(c.rows))
	}
	for _, d := range c.docs {
		if d == docs[1] {
			t.Error("the closed article is still open")
		}
	}
	c.CloseArticle(-1) // out of range: nothing happens
	c.CloseArticle(4)
	if len(c.docs) != 4 {
		t.Errorf("closing out of range changed the articles: %d", len(c.docs))
	}
}

func TestOpenFolderWithManyBadFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range assets.SampleFiles()[:2] {
		data, _ := assets.Sample.ReadFile(name)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := map[string][]byte{
		"empty.txt":      nil,
		"image.txt":      {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0},
		"broken.pdf":     []byte("%PDF-1.4\n1 0 obj\n<<"),
		"other.docx":     []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), // an empty zip
		"line\nbreak.md": nil,
	}
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("loop-b.txt", filepath.Join(dir, "loop-a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop-a.txt", filepath.Join(dir, "loop-b.txt")); err != nil {
		t.Fatal(err)
	}
	c, changed := newTestController(t, nil)
	c.Open([]string{dir}, false)
	wait(t, changed)
	if len(c.view.model.Docs) != 2 {
		t.Errorf("%d articles compared, want the 2 good ones", len(c.view.model.Docs))
	}
	if !c.errBox.Visible() || !strings.HasPrefix(c.errLabel.Text, "7 files could not be read") {
		t.Errorf("error line %q (visible %v)", c.errLabel.Text, c.errBox.Visible())
	}
	test.Tap(c.errButton)
	if c.errDialog == nil {
		t.Fatal("the button opened no list")
	}
	var shown []string
	for i := 0; i < c.errList.Length(); i++ {
		row := c.errList.CreateItem().(*fyne.Container)
		c.errList.UpdateItem(i, row)
		shown = append(shown, row.Objects[0].(*widget.Label).Text+": "+row.Objects[1].(*widget.Label).Text)
	}
	names := append([]string{"loop-a.txt", "loop-b.txt"}, "empty.txt", "image.txt", "broken.pdf", "other.docx", `line\nbreak.md`)
	all := strings.Join(shown, "\n")
	for _, n := range names {
		if !strings.Contains(all, n) {
			t.Errorf("the list of skipped files lacks %s:\n%s", n, all)
		}
	}
	if got := corpus.DisplayPath(filepath.Join(dir, "line\nbreak.md")); strings.Contains(got, "\n") {
		t.Errorf("DisplayPath kept the line break: %q", got)
	}
}

func TestExportReport(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	var js bytes.Buffer
	if err := c.ExportReport(&js, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Documents []struct{ Path string }
		Links     []json.RawMessage
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatalf("exported JSON: %v", err)
	}
	if len(got.Documents) != 5 || len(got.Links) != len(c.res.Links) {
		t.Errorf("exported %d documents and %d links; on screen 5 and %d", len(got.Documents), len(got.Links), len(c.res.Links))
	}
	var txt bytes.Buffer
	if err := c.ExportReport(&txt, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(txt.String(), "Parallax: 5 articles") {
		t.Errorf("text report starts %.60q", txt.String())
	}
	if menuItem(t, c.win.MainMenu(), "File", "Export Report…") == nil {
		t.Error("no Export Report item")
	}
	empty, _ := newTestController(t, nil)
	if err := empty.ExportReport(&txt, "text"); err == nil {
		t.Error("exporting with nothing compared gave no error")
	}
}

// TestRapidChangesShowTheLatest makes three requests in one turn of the
// UI goroutine: only the latest is shown, though the first two (a new
// sensitivity only decides the kept analysis again) may be done before
// the third is made.
func TestRapidChangesShowTheLatest(t *testing.T) {
	docs := sample(t)
	c, changed := newTestController(t, docs)
	// The three requests are made in one turn of the UI goroutine, as a
	// user's are: no result is shown before the turn ends.
	var turn sync.Mutex
	c.deliver = func(f func()) {
		turn.Lock()
		defer turn.Unlock()
		f()
	}
	turn.Lock()
	c.SetSensitivity(0.3)
	c.SetSensitivity(0.95)
	c.SetIncluded(4, false)
	turn.Unlock()
	// (State is read only after a change notification: the test driver
	// runs fyne.Do on the calling goroutine.)
	wait(t, changed)
	if len(c.shown) != 4 || c.sens != 0.95 || len(c.res.Sentences) != 4 {
		t.Fatalf("first comparison on screen: %d articles at %.2f, not the latest request", len(c.shown), c.sens)
	}
	want, err := compare.Compare(context.Background(), docs[:4], compare.Options{Sensitivity: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	// Let any stale result that was still running arrive, then check.
	time.Sleep(200 * time.Millisecond)
	for len(changed) > 0 {
		<-changed
	}
	if len(c.res.Links) != len(want.Links) {
		t.Errorf("on screen %d links, the latest request gives %d", len(c.res.Links), len(want.Links))
	}
}

func TestFind(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	var want []compare.Ref
	for d, doc := range c.view.model.Docs {
		for i := range doc.Sentences {
			if strings.Contains(strings.ToLower(doc.SentenceText(i)), "mayorkas") {
				want = append(want, compare.Ref{Doc: d, Sentence: i})
			}
		}
	}
	if len(want) < 2 {
		t.Fatalf("the sample names Mayorkas %d times", len(want))
	}
	// Enter in the field steps through every match in reading order, then
	// wraps around.
	c.findEntry.SetText("MAYORKAS")
	for k := 0; k <= len(want); k++ {
		c.findEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		got := c.view.selected
		if got == nil || *got != want[k%len(want)] {
			t.Fatalf("find %d selected %v, want %v", k+1, got, want[k%len(want)])
		}
		if !strings.Contains(c.status.Text, fmt.Sprintf("match %d of %d", k%len(want)+1, len(want))) {
			t.Errorf("status %q", c.status.Text)
		}
	}
	// Every match is highlighted, and nothing else.
	for d, doc := range c.view.model.Docs {
		for i := range doc.Sentences {
			p := c.view.places[d][i]
			r := compare.Ref{Doc: d, Sentence: i}
			if found := p.flow.Spans[p.span].Found; found != slices.Contains(want, r) {
				t.Errorf("sentence %v highlighted %v", r, found)
			}
		}
	}
	// Shift+Enter goes back, wrapping around.
	at := *c.view.selected
	k := slices.Index(want, at)
	c.findEntry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for step := 1; step <= len(want); step++ {
		c.findEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		w := want[((k-step)%len(want)+len(want))%len(want)]
		if got := c.view.selected; got == nil || *got != w {
			t.Fatalf("Shift+Enter %d selected %v, want %v", step, got, w)
		}
	}
	c.findEntry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	// The highlights survive a new comparison, and go with the text.
	c.SetSensitivity(0.7)
	wait(t, changed)
	if p := c.view.places[want[0].Doc][want[0].Sentence]; !p.flow.Spans[p.span].Found {
		t.Error("the highlights went with a new comparison")
	}
	c.findEntry.SetText("")
	if p := c.view.places[want[0].Doc][want[0].Sentence]; p.flow.Spans[p.span].Found {
		t.Error("the highlights stay once the search is cleared")
	}
	if c.Find("no such words anywhere") || !strings.HasPrefix(c.status.Text, "No sentence holds") {
		t.Errorf("a search for nothing: status %q", c.status.Text)
	}
}

func TestCopySelection(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	if c.CopySelection() {
		t.Error("copied with nothing selected")
	}
	var l compare.Link
	for _, x := range c.res.Links {
		if strings.Contains(c.view.model.Docs[x.A.Doc].SentenceText(x.A.Sentence), "record numbers") {
			l = x
			break
		}
	}
	c.view.selectRef(&l.A)
	if !c.CopySelection() {
		t.Fatal("nothing copied")
	}
	got := c.app.Clipboard().Content()
	for _, want := range []string{
		c.view.model.Docs[l.A.Doc].SentenceText(l.A.Sentence),
		outletName(c.view.model.Docs[l.B.Doc]) + ", sentence " + fmt.Sprint(l.B.Sentence+1),
		"[+", "[-", "Shared: ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("clipboard lacks %q:\n%s", want, got)
		}
	}
}

func TestCancelOpeningAFolder(t *testing.T) {
	dir := councilFolder(t, func(i int) string {
		return fmt.Sprintf("Article %d\n\nThe council met on day %d and voted on item %d.", i, i, i)
	})
	docs := sample(t)
	c, _ := newTestController(t, docs)
	opened := make(chan bool, 1)
	c.onOpened = func(cancelled bool) { opened <- cancelled }
	start := time.Now()
	c.Open([]string{dir}, false)
	c.loadDialog.Hide() // as the dialog's Cancel button does
	select {
	case cancelled := <-opened:
		if !cancelled {
			t.Fatal("the folder opened although Cancel was pressed at once")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("cancelling did not end the opening")
	}
	t.Logf("cancelled after %v", time.Since(start))
	if len(c.docs) != len(docs) || c.docs[0] != docs[0] || !strings.Contains(c.status.Text, "cancelled") {
		t.Errorf("after cancelling: %d articles open, status %q; want the %d before", len(c.docs), c.status.Text, len(docs))
	}
}

// TestCrashingReaderLeavesViewerAlive opens a folder where the HTML
// reader's child process runs out of memory (its limit is lowered for the
// test): the window stays up, the page is named with the reason and the
// other articles open. The page is 12 MB: read under the child's soft
// memory limit, it takes about 190 MB of heap, so the child fails whatever
// the collector's timing; a 4 MB page took about 67 MB, at the limit's
// edge, and was now and then read whole (the test then timed out).
func TestCrashingReaderLeavesViewerAlive(t *testing.T) {
	old := corpus.ReaderMemoryLimit
	corpus.ReaderMemoryLimit = 48 << 20
	corpus.StopReaders()
	t.Cleanup(func() { corpus.ReaderMemoryLimit = old; corpus.StopReaders() })

	var page strings.Builder
	page.WriteString("<html><body>")
	for i := 0; page.Len() < 12<<20; i++ {
		fmt.Fprintf(&page, "<div><p>Paragraph %d of a page far too big for its reader, with <b>some</b> <i>markup</i>.</p></div>\n", i)
	}
	page.WriteString("</body></html>")
	c, _, changed := openWithBadFile(t, "huge.html", []byte(page.String()))
	if len(c.errs) != 1 || !strings.Contains(c.errs[0].Error(), "HTML reader ran out of memory") {
		t.Errorf("errors %v", c.errs)
	}
	if c.win.Content() == nil || c.win.Canvas() == nil {
		t.Error("the window lost its content")
	}
	// The viewer still works: the comparison can be run again.
	c.Recompute()
	wait(t, changed)
}

// TestRecentAbsolute opens a folder by a relative, unclean path: the
// recent list keeps it absolute and clean, and the menu shows a name
// holding a right-to-left override escaped.
func TestRecentAbsolute(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "news\u202etxt.exe")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range assets.SampleFiles()[:2] {
		data, _ := assets.Sample.ReadFile(name)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(parent)
	c, changed := newTestController(t, nil)
	c.Open([]string{"./news\u202etxt.exe/../news\u202etxt.exe/"}, false)
	wait(t, changed)
	if rec := c.app.Preferences().StringList(prefRecent); len(rec) == 0 || rec[0] != dir {
		t.Errorf("recent list %q does not start with %q", rec, dir)
	}
	var recent *fyne.MenuItem
	for _, it := range c.menu().Items[0].Items {
		if it.Label == "Open Recent" {
			recent = it
		}
	}
	if recent == nil || len(recent.ChildMenu.Items) == 0 || recent.ChildMenu.Items[0].Label != corpus.DisplayPath(dir) ||
		strings.ContainsRune(recent.ChildMenu.Items[0].Label, '\u202e') {
		t.Errorf("Open Recent does not show %q escaped", dir)
	}
}

// TestCancelGrouping opens a folder of 1,000 articles, which the viewer
// groups into stories in the background: the grouping reports progress
// (counting up, one call at a time) and Cancel pressed while it runs
// ends it, keeping the articles open before.
func TestCancelGrouping(t *testing.T) {
	dir := councilFolder(t, func(i int) string {
		return fmt.Sprintf("Article %d\n\nThe council of ward %d met on day %d and voted on item %d.", i, i%50, i, i)
	})
	docs := sample(t)
	c, _ := newTestController(t, docs)
	opened := make(chan bool, 1)
	c.onOpened = func(cancelled bool) { opened <- cancelled }
	grouping, hidden := make(chan struct{}), make(chan struct{})
	last := 0
	c.onGroupProgress = func(done, total int) {
		if done <= last || total != 4000 {
			t.Errorf("grouping progress went from %d to %d of %d", last, done, total)
		}
		if last == 0 {
			close(grouping)
			<-hidden // the grouping goes on once Cancel was pressed
		}
		last = done
	}
	c.Open([]string{dir}, false)
	select {
	case <-grouping:
	case <-time.After(60 * time.Second):
		t.Fatal("no grouping progress")
	}
	c.loadDialog.Hide() // as the dialog's Cancel button does
	close(hidden)
	select {
	case cancelled := <-opened:
		if !cancelled {
			t.Fatal("the folder opened although Cancel was pressed while grouping")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("cancelling did not end the grouping")
	}
	if len(c.docs) != len(docs) {
		t.Errorf("after cancelling: %d articles open, want the %d before", len(c.docs), len(docs))
	}
}

// councilFolder writes a folder of 1,000 small articles, the i-th with
// text(i), named a0000.txt to a0999.txt.
func councilFolder(t *testing.T, text func(i int) string) string {
	t.Helper()
	dir := t.TempDir()
	for i := range 1000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
