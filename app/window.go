package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/corrections"
	"parallax/report"
	"parallax/stories"
	"parallax/viewmodel"
	"parallax/widgets"
)

// Preference keys.
const (
	prefSensitivity = "sensitivity"
	prefTheme       = "theme" // "", "light" or "dark"
	prefRecent      = "recent"
	prefWidth       = "windowWidth"
	prefHeight      = "windowHeight"
)

// maxRecent is how many recent folders and files the File menu keeps.
const maxRecent = 8

// navKinds are the categories the navigation steps through, in the order
// of the toolbar.
var navKinds = []compare.Kind{compare.Unique, compare.Paraphrased, compare.Shared}

// Run opens the main window on docs (or, when paths are given, loads them
// in the background with progress) and runs the app (blocks).
func Run(a fyne.App, docs []*corpus.Document, errs []*corpus.FileError, paths []string) {
	compare.Preload() // the engine's tables decode while the window is built and the articles read
	w := a.NewWindow(windowTitle)
	p := a.Preferences()
	sens := p.FloatWithFallback(prefSensitivity, compare.DefaultSensitivity)
	c := NewController(a, w, docs, errs, sens)
	c.note = rememberedText(sens)
	ApplyTheme(a, p.String(prefTheme))
	c.build()
	c.restoreSize()
	w.SetCloseIntercept(func() {
		c.saveSize()
		w.Close()
	})
	if len(paths) > 0 {
		c.Open(paths, false)
	} else {
		c.Recompute()
	}
	w.ShowAndRun()
}

// restoreSize gives the window the size it had when last closed, or the
// default size the first time.
func (c *Controller) restoreSize() {
	p := c.app.Preferences()
	c.win.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, float64(windowSize.Width))),
		float32(p.FloatWithFallback(prefHeight, float64(windowSize.Height)))))
}

// saveSize remembers the window's size for the next start.
func (c *Controller) saveSize() {
	s := c.win.Canvas().Size()
	p := c.app.Preferences()
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
}

// NewWindow builds (but does not show) the main window on docs with a
// finished comparison res; used by tests and screenshots.
func NewWindow(a fyne.App, docs []*corpus.Document, res *compare.Result, errs []*corpus.FileError) fyne.Window {
	w := a.NewWindow(windowTitle)
	c := NewController(a, w, docs, errs, compare.DefaultSensitivity)
	c.corr.store = corrections.InMemory()
	c.build()
	idx := c.included()
	if res == nil || len(res.Sentences) != len(idx) {
		res = &compare.Result{Sentences: emptyResults(docs[:len(idx)])}
	}
	c.show(idx, res)
	w.Resize(windowSize)
	return w
}

// build lays the window out and installs menus and shortcuts.
func (c *Controller) build() {
	w := c.win
	w.SetIcon(iconResource)
	c.columnsBox = container.NewStack()
	c.detailBox = container.NewStack()
	c.docList = container.NewVBox()
	c.status = widget.NewLabel("")
	c.status.Truncation = fyne.TextTruncateEllipsis
	c.errLabel = widget.NewLabel("")
	c.errLabel.Importance = widget.DangerImportance
	c.errLabel.Truncation = fyne.TextTruncateEllipsis
	c.busy = widget.NewProgressBarInfinite()
	c.busy.Stop()
	c.busy.Hide()

	c.sensLabel = widget.NewLabel(sensitivityLabel(c.sens))
	slider := widget.NewSlider(0, 1)
	slider.Step = 0.05
	slider.Value = c.sens
	slider.OnChanged = c.DragSensitivity
	slider.OnChangeEnded = c.SetSensitivity
	filter := widget.NewSelect([]string{"All sentences", "Only unique", "Only paraphrased", "Only shared"}, func(s string) {
		c.SetFilter(map[string]compare.Kind{"Only unique": compare.Unique, "Only paraphrased": compare.Paraphrased, "Only shared": compare.Shared}[s])
	})
	filter.SetSelected("All sentences")

	sidebar := container.NewVBox(
		c.sensitivityBox(slider, filter),
		widget.NewSeparator(),
		c.buildStories(),
		widget.NewRichText(&widget.TextSegment{Text: "Articles", Style: outletStyle}),
		c.docList,
		widget.NewSeparator(),
		legendColumn(),
	)
	c.framing = widget.NewRichText()
	c.framing.Wrapping = fyne.TextWrapWord
	c.framingTop, c.framingTables = container.NewVBox(), container.NewVBox()
	c.framingAll = framingLists{}
	c.framingScroll = container.NewVScroll(container.NewPadded(container.NewVBox(c.framingTop, c.framing, c.framingTables)))
	c.tabs = container.NewAppTabs(
		container.NewTabItem("Detail", c.detailBox),
		container.NewTabItem("Framing summary", c.framingScroll),
	)
	main := container.NewVSplit(c.columnsBox, c.tabs)
	main.Offset = detailOffset
	c.tabs.OnSelected = func(*container.TabItem) {
		// The framing view gets more of the window than the detail panel.
		if c.tabs.SelectedIndex() == framingTab {
			main.SetOffset(framingOffset)
		} else {
			main.SetOffset(detailOffset)
		}
		c.refreshFraming()
	}
	c.side = newCollapsible(container.NewVScroll(container.NewPadded(sidebar)), main)
	c.side.onShown = func(bool) { c.win.SetMainMenu(c.menu()) }
	body := c.side.box
	c.errButton = widget.NewButton("All skipped files…", c.showErrorList)
	c.errBox = container.NewBorder(nil, nil, nil, c.errButton, c.errLabel)
	bottom := container.NewVBox(widget.NewSeparator(), c.errBox, container.NewBorder(nil, nil, nil, c.busy, c.status))
	c.errBox.Hide()
	if len(c.errs) > 0 {
		c.showErrors()
	}
	w.SetContent(widgets.WithTips(w.Canvas(), container.NewBorder(c.navBar(), bottom, nil, nil, body)))
	w.SetMainMenu(c.menu())
	c.shortcuts()
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, u := range uris {
			paths = append(paths, u.Path())
		}
		slices.SortFunc(paths, corpus.NaturalCompare)
		c.Open(paths, true)
	})
}

// detailOffset and framingOffset are the columns' share of the height
// above the tabs while the detail panel and the framing view are shown.
const (
	detailOffset  = 0.74
	framingOffset = 0.38
)

// legendColumn explains the colours, one per line, for the sidebar.
func legendColumn() fyne.CanvasObject {
	row := func(fill color.Color, text string) fyne.CanvasObject {
		return container.NewHBox(swatch(fill), widget.NewLabel(text))
	}
	return container.NewVBox(
		row(sharedFill, "Shared: same wording"),
		row(paraphrasedFill, "Paraphrased: same claim"),
		row(uniqueFill, "Unique: this outlet only"),
		widget.NewRichText(&widget.TextSegment{Text: "Boilerplate: dimmed", Style: dimStyle}),
		strengthLegend(),
	)
}

// navBar is the toolbar: previous / next sentence of each category with
// its position ("unique 3 of 12").
func (c *Controller) navBar() fyne.CanvasObject {
	box := container.NewHBox(c.side.button, widget.NewSeparator())
	for _, k := range navKinds {
		k := k
		c.nav[k] = widget.NewLabel("")
		box.Add(widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.Step(k, -1) }))
		box.Add(c.nav[k])
		box.Add(widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.Step(k, 1) }))
		box.Add(widget.NewSeparator())
	}
	syncCheck := widget.NewCheck("Sync scroll", func(on bool) {
		c.sync = on
		if c.view != nil {
			c.view.sync = on
		}
	})
	syncCheck.Checked = c.sync
	box.Add(syncCheck)
	return container.NewPadded(container.NewBorder(nil, nil, box, findBox(c.newFindEntry()), c.toolbarCounts()))
}

// refreshNav writes each category's position and count.
func (c *Controller) refreshNav() {
	var t report.Totals
	if c.view != nil {
		t = report.Count(c.res)
	}
	c.refreshCounts(t)
	for _, k := range navKinds {
		n := t.Of(k)
		pos := c.navPos[k]
		if pos == 0 {
			c.nav[k].SetText(fmt.Sprintf("%s: %d", k, n))
		} else {
			c.nav[k].SetText(fmt.Sprintf("%s %d of %d", k, pos, n))
		}
	}
}

// Step selects the next (dir 1) or previous (dir -1) sentence of kind k,
// wrapping around.
func (c *Controller) Step(k compare.Kind, dir int) {
	if c.view == nil {
		return
	}
	refs := c.view.model.OfKind(k)
	if len(refs) == 0 {
		return
	}
	pos := viewmodel.Cycle(c.navPos[k], dir, len(refs))
	c.navPos[k] = pos
	c.view.reveal(refs[pos-1])
	c.refreshNav()
}

// SetFilter dims every sentence that is not of kind k ("" shows all).
func (c *Controller) SetFilter(k compare.Kind) {
	c.filter = k
	if c.view != nil {
		c.view.filter = k
		c.view.restyleAll()
	}
}

// refreshSidebar lists the open articles with their include boxes and
// shares.
func (c *Controller) refreshSidebar() {
	framings := map[int]compare.Framing{}
	if c.res != nil && len(c.res.Sentences) == len(c.shown) {
		for k, f := range c.res.Framings() {
			framings[c.shown[k]] = f
		}
	}
	// Rows are kept while the listed articles stay the same, and only
	// their boxes and shares change.
	scope := c.scope()
	more := len(scope) - maxRows
	if more > 0 {
		scope = scope[:maxRows]
	}
	same := len(c.rows) == len(scope)
	for k := 0; same && k < len(scope); k++ {
		same = c.rows[k].doc == c.docs[scope[k]]
	}
	if !same {
		c.rows = make([]*DocRow, len(scope))
		objs := make([]fyne.CanvasObject, 0, len(scope)+1)
		for k, i := range scope {
			i := i
			c.rows[k] = NewDocRow(c.docs[i], c.incl[i], func(in bool) { c.SetIncluded(i, in) })
			objs = append(objs, c.rows[k].row)
		}
		if more > 0 {
			objs = append(objs, widget.NewLabel(fmt.Sprintf("… and %d more articles", more)))
		}
		c.docList.Objects = objs
		c.docList.Refresh()
	}
	for k, row := range c.rows {
		i := scope[k]
		row.SetIncluded(c.incl[i])
		if f, ok := framings[i]; ok {
			row.SetFraming(f)
		} else {
			row.ClearFraming()
		}
	}
}

// showErrors lists the files that could not be read, without blocking.
func (c *Controller) showErrors() {
	if len(c.errs) == 0 {
		c.errBox.Hide()
		return
	}
	c.errLabel.SetText(errorText(c.errs))
	c.errBox.Show()
}

// showErrorList opens a window-modal list of every file that could not be
// read, with the reason.
func (c *Controller) showErrorList() {
	errs := c.errs
	list := widget.NewList(
		func() int { return len(errs) },
		func() fyne.CanvasObject {
			path := widget.NewLabel("")
			path.TextStyle.Bold = true
			path.Truncation = fyne.TextTruncateEllipsis
			reason := widget.NewLabel("")
			reason.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(path, reason)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(corpus.DisplayPath(errs[id].Path))
			box.Objects[1].(*widget.Label).SetText(errs[id].Err.Error())
		},
	)
	d := dialog.NewCustom(fmt.Sprintf("%s could not be read", plural(len(errs), "file", "files")), "Close", list, c.win)
	d.Resize(fyne.NewSize(800, 480))
	c.errList, c.errDialog = list, d
	d.Show()
}

// Open loads paths in the background, with progress and Cancel; when add
// is false the loaded articles replace the open ones.
func (c *Controller) Open(paths []string, add bool) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Reading " + displayPaths(paths))
	label.Truncation = fyne.TextTruncateEllipsis
	d := dialog.NewCustom("Opening articles", "Cancel", container.NewVBox(label, bar), c.win)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(520, 180)) // room for the path being read
	d.Show()
	c.loadDialog = d
	var before []*corpus.Document
	var beforeErrs []*corpus.FileError
	together := paths
	if add {
		before, beforeErrs = c.docs, c.errs
		together = append(append([]string(nil), c.openPaths...), paths...)
	}
	c.addRecent(together)
	go func() {
		shown := -1 // the percentage on the bar: a big folder updates it 100 times, not once a file
		reading := "Reading " + displayPaths(paths)
		docs, errs, err := corpus.Load(ctx, paths, corpus.LoadOptions{Listing: func(found int) {
			fyne.Do(func() { label.SetText(fmt.Sprintf("Listing files: %d found…", found)) })
		}, Progress: func(done, total int) {
			if done == 1 {
				fyne.Do(func() { label.SetText(reading) })
			}
			if pct := 100 * done / max(total, 1); pct != shown {
				shown = pct
				fyne.Do(func() { bar.SetValue(float64(pct) / 100) })
			}
		}})
		docs, dups := dedupe(before, docs)
		docs = append(append([]*corpus.Document(nil), before...), docs...)
		errs = append(append([]*corpus.FileError(nil), beforeErrs...), errs...)
		var st []stories.Story
		if err == nil && needsStories(len(docs)) {
			fyne.Do(func() {
				label.SetText(fmt.Sprintf("Grouping %d articles into stories…", len(docs)))
				bar.SetValue(0)
			})
			shown = -1
			st, err = stories.Group(ctx, docs, stories.Options{Progress: func(done, total int) {
				if c.onGroupProgress != nil {
					c.onGroupProgress(done, total)
				}
				if pct := 100 * done / max(total, 1); pct != shown {
					shown = pct
					fyne.Do(func() { bar.SetValue(float64(pct) / 100) })
				}
			}})
		}
		fyne.Do(func() {
			d.Hide()
			if err != nil && ctx.Err() != nil {
				c.status.SetText("Opening cancelled.")
				if c.onOpened != nil {
					c.onOpened(true)
				}
				return
			}
			if c.onOpened != nil {
				defer c.onOpened(false)
			}
			c.errs = errs
			c.showErrors()
			c.openPaths = together
			c.note = joinNotes(alreadyOpenText(dups), rememberedText(c.sens))
			c.setDocs(docs)
			c.setStories(st)
			if len(st) == 0 {
				c.Recompute()
			}
		})
	}()
}

// CloseArticle removes article i.
func (c *Controller) CloseArticle(i int) {
	if i < 0 || i >= len(c.docs) {
		return
	}
	c.docs = append(c.docs[:i:i], c.docs[i+1:]...)
	c.incl = append(c.incl[:i:i], c.incl[i+1:]...)
	c.dropFromStories(i)
	c.Recompute()
}

// shortcuts installs the commands' keys and the arrow and Escape keys.
func (c *Controller) shortcuts() {
	cv := c.win.Canvas()
	c.installCommandKeys(cv.AddShortcut)
	cv.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if c.view == nil {
			return
		}
		switch k.Name {
		case fyne.KeyEscape:
			c.cancelPick()
			c.view.selectRef(nil)
		case fyne.KeyDown:
			c.view.moveSelection(1)
		case fyne.KeyUp:
			c.view.moveSelection(-1)
		case fyne.KeyRight:
			c.view.jumpToCounterpart(1)
		case fyne.KeyLeft:
			c.view.jumpToCounterpart(-1)
		}
	})
}

// quitShortcut quits Parallax (Ctrl+Q, Cmd+Q on macOS).
var quitShortcut = key(fyne.KeyQ, ctrl)

// quit remembers the window's size and quits.
func (c *Controller) quit() {
	c.saveSize()
	c.app.Quit()
}

// openFolderDialog asks for a folder and opens it.
func (c *Controller) openFolderDialog() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			c.Open([]string{u.Path()}, false)
		}
	}, c.win)
}

// openFileDialog asks for a file and opens it, or adds it.
func (c *Controller) openFileDialog(add bool) {
	d := dialog.NewFileOpen(func(u fyne.URIReadCloser, err error) {
		if err == nil && u != nil {
			path := u.URI().Path()
			u.Close()
			c.Open([]string{path}, add)
		}
	}, c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}))
	d.Show()
}

// closeDialog asks which article to close.
func (c *Controller) closeDialog() {
	if len(c.docs) == 0 {
		return
	}
	var names []string
	for _, d := range c.docs {
		names = append(names, outletName(d)+": "+d.Title)
	}
	sel := widget.NewSelect(names, nil)
	dialog.ShowCustomConfirm("Close Article", "Close", "Cancel", sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			c.CloseArticle(sel.SelectedIndex())
		}
	}, c.win)
}

// displayPaths is paths as shown, joined by commas.
func displayPaths(paths []string) string {
	shown := make([]string, len(paths))
	for i, p := range paths {
		shown[i] = corpus.DisplayPath(p)
	}
	return strings.Join(shown, ", ")
}

// addRecent remembers the paths of a comparison for Open Recent, as one
// entry, absolute and clean (a relative path would name another folder
// once the working folder changes).
func (c *Controller) addRecent(paths []string) {
	p := c.app.Preferences()
	abs := make([]string, len(paths))
	for i, path := range paths {
		abs[i] = absClean(path)
	}
	entry := strings.Join(abs, recentSep)
	list := []string{entry}
	for _, old := range p.StringList(prefRecent) {
		if old != entry {
			list = append(list, old)
		}
	}
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.SetStringList(prefRecent, list)
	c.win.SetMainMenu(c.menu())
}
