package app

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
	"parallax/report"
	"parallax/stories"
	"parallax/viewmodel"
)

// maxColumns is how many articles the main area shows side by side.
const maxColumns = 8

// Controller holds the open articles, which of them are compared, the
// sensitivity and the latest comparison, and keeps the window in step with
// them. Loading and comparing run off the UI goroutine; their results come
// back through fyne.Do.
type Controller struct {
	app    fyne.App
	win    fyne.Window
	docs   []*corpus.Document // every open article
	incl   []bool             // per article: included in the comparison
	errs   []*corpus.FileError
	sens   float64
	shown  []int           // indexes into docs of the compared articles, in order
	res    *compare.Result // comparison of shown
	view   *viewer
	filter compare.Kind // "" for all
	sync   bool         // synchronised scrolling
	corr   correctionState

	mu     sync.Mutex
	cancel context.CancelFunc // of the comparison under way
	gen    int                // generation of the latest comparison request
	// shownGen is the generation of the comparison on screen (gen when
	// none is under way).
	shownGen int
	// measured is the latest comparison measured for every sensitivity,
	// of the articles analysed (in order): a new sensitivity for the same
	// articles only decides it again (see Recompute). Both are guarded by
	// mu.
	measured *compare.Analysis
	analysed []*corpus.Document
	figures  *framing.FigureIndex // of the articles analysed
	// sensPending is set when the dial moved without the links following
	// (see DragSensitivity).
	sensPending bool
	// dragging is set while the dial moves; dragFrom holds the links
	// shown before it started, which the status line counts the change
	// from until the drag's last step is shown.
	dragging bool
	dragFrom map[linkKey]bool

	// Widgets.
	columnsBox *fyne.Container  // holds the article columns
	detailBox  *fyne.Container  // holds the detail panel
	framing    *widget.RichText // the framing summary
	// framingTop holds the framing charts, framingTables the quote ledger
	// and the names matrix.
	framingTop, framingTables *fyne.Container
	framingScroll             *container.Scroll // the framing tab's content
	// framingAll names the framing lists shown in full.
	framingAll framingLists
	// fa is the framing analysis of faFor (the comparison it was made of),
	// made when first needed; conflicts are the figure conflicts of
	// conflictsFor, found with every comparison.
	fa           *framing.Analysis
	faFor        *compare.Result
	conflicts    []framing.Conflict
	conflictsFor *compare.Result
	// conflictPos is the position (from 1) of the conflicting figure last
	// stepped to, 0 for none.
	conflictPos int
	// framingStale is set when the framing summary no longer matches the
	// comparison; it is written again when its tab is next shown.
	framingStale bool
	rows         []*DocRow // the sidebar's rows, one per listed article

	headers   map[headerKey]fyne.CanvasObject // column headers, kept across comparisons
	findEntry *findField                      // the toolbar's search field
	findFrom  *compare.Ref                    // the last match, where the next search goes on

	// Stories, when the open articles are too many to compare at once.
	stories   []stories.Story
	story     int // the chosen story, -1 for none
	storyHead *widget.RichText
	storyList *widget.List
	storyBox  *fyne.Container
	tabs      *container.AppTabs
	docList   *fyne.Container // sidebar rows
	sensLabel *widget.Label
	side      *collapsible // the sidebar, which the toolbar collapses
	// countsLabel and regimeLabel are the toolbar's sentence counts and
	// sensitivity with its regime.
	countsLabel, regimeLabel *widget.Label
	countsRow                *fyne.Container // holds them
	status                   *widget.Label
	errLabel                 *widget.Label   // the first few files that could not be read
	errButton                *widget.Button  // opens the list of them all
	errBox                   *fyne.Container // holds both
	errDialog                dialog.Dialog   // the list, once opened
	errList                  *widget.List    // in errDialog
	busy                     *widget.ProgressBarInfinite
	nav                      map[compare.Kind]*widget.Label
	navPos                   map[compare.Kind]int

	// OnChanged, when set, is called on the UI goroutine after every new
	// comparison is shown (tests wait on it).
	OnChanged func()
	// deliver, when set, runs a comparison's result on the UI goroutine
	// instead of fyne.Do: for tests, whose driver runs fyne.Do at once on
	// the calling goroutine, to hold results back as a busy main loop
	// does.
	deliver func(func())

	// allowed is the set of articles (fmt.Sprint of their indexes) the
	// analyst chose to compare although over the budget.
	allowed   string
	budgetAsk *budgetChoice // the latest budget dialog

	loadDialog dialog.Dialog        // the progress of the latest Open
	onOpened   func(cancelled bool) // for tests: an Open has ended
	// openPaths are the paths the open articles were opened from, for
	// Open Recent.
	openPaths []string
	// moved, when set, names a change ("sensitivity 0.70 · lenient"), and
	// has the status line say after the next comparison how its links
	// differ from the last one's ("+15 links, −2").
	moved string
	// showRelated keeps the detail panel's related words shown.
	showRelated bool
	// note, when set, is said once in the status line after the next
	// comparison ("3 articles already open").
	note string
	// onGroupProgress, for tests, sees the grouping's progress calls.
	onGroupProgress func(done, total int)
}

// NewController makes a controller for window w on docs, which are all
// included (up to maxColumns), compared at sensitivity sens.
func NewController(a fyne.App, w fyne.Window, docs []*corpus.Document, errs []*corpus.FileError, sens float64) *Controller {
	c := &Controller{app: a, win: w, errs: errs, sens: sens, story: -1, sync: true,
		nav: map[compare.Kind]*widget.Label{}, navPos: map[compare.Kind]int{}}
	c.setDocs(docs)
	return c
}

// setDocs replaces the open articles; the first maxColumns are included.
func (c *Controller) setDocs(docs []*corpus.Document) {
	c.docs = docs
	c.allowed = ""
	c.headers = map[headerKey]fyne.CanvasObject{}
	c.incl = make([]bool, len(docs))
	for i := range docs {
		c.incl[i] = i < maxColumns
	}
}

// included returns the indexes of the included articles.
func (c *Controller) included() []int {
	var out []int
	for i, in := range c.incl {
		if in {
			out = append(out, i)
		}
	}
	return out
}

// SetIncluded includes or excludes article i and compares again.
func (c *Controller) SetIncluded(i int, in bool) {
	if i < 0 || i >= len(c.incl) || c.incl[i] == in {
		return
	}
	if in && len(c.included()) >= maxColumns {
		c.status.SetText(fmt.Sprintf("At most %d articles are compared side by side; exclude one first.", maxColumns))
		c.refreshSidebar()
		return
	}
	c.incl[i] = in
	c.moved = outletName(c.docs[i]) + map[bool]string{true: " included", false: " excluded"}[in]
	c.Recompute()
}

// SetSensitivity changes the sensitivity, compares again and remembers it
// for the next start.
func (c *Controller) SetSensitivity(s float64) {
	again := c.showSensitivity(s) || c.sensPending
	c.sensPending, c.dragging = false, false
	c.app.Preferences().SetFloat(prefSensitivity, s)
	if again {
		c.Recompute() // its result ends the drag's count (see show)
		return
	}
	c.mu.Lock()
	if c.shownGen == c.gen {
		c.dragFrom = nil // the drag's last step is on screen
	}
	c.mu.Unlock()
}

// DragSensitivity follows the sensitivity dial while it moves: when the
// kept analysis is of the compared articles, the links follow at once
// (deciding it again takes milliseconds); otherwise they wait until the
// dial is let go (SetSensitivity).
func (c *Controller) DragSensitivity(s float64) {
	if !c.showSensitivity(s) {
		return
	}
	if !c.dragging {
		c.dragging, c.dragFrom = true, c.linkKeys()
	}
	if an, _ := c.keptFor(c.includedDocs()); an != nil {
		c.Recompute()
	} else {
		c.sensPending = true
	}
}

// showSensitivity makes s the sensitivity and shows it; false when it
// already was.
func (c *Controller) showSensitivity(s float64) bool {
	if s == c.sens {
		return false
	}
	c.sens = s
	c.sensLabel.SetText(sensitivityLabel(s))
	c.regimeLabel.SetText(sensitivityText(s))
	c.moved = sensitivityText(s)
	return true
}

// Recompute compares the included articles in the background and shows
// the result when it is ready. A newer request cancels an older one. When
// the articles are those of the latest analysis (only the sensitivity
// moved), it decides that analysis again, which takes a few percent of
// the time of a comparison.
func (c *Controller) Recompute() {
	idx := c.included()
	docs := c.includedDocs()
	c.mu.Lock()
	if c.cancel != nil {
		c.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.gen++
	gen := c.gen
	c.mu.Unlock()
	an, figs := c.keptFor(docs)
	if len(docs) < 2 {
		c.idle(gen)
		c.show(idx, &compare.Result{Sentences: emptyResults(docs)})
		return
	}
	if msg := c.overBudget(idx, docs); msg != "" {
		c.idle(gen)
		c.show(idx, &compare.Result{Sentences: emptyResults(docs)})
		c.status.SetText(msg)
		return
	}
	c.busy.Show()
	c.busy.Start()
	opts := compare.Options{Sensitivity: c.sens, Closest: true}
	go func() {
		var err error
		if an == nil {
			an, err = compare.Analyze(ctx, docs)
		}
		var res *compare.Result
		if err == nil {
			res, err = an.Result(ctx, opts)
		}
		var conflicts []framing.Conflict
		if err == nil {
			// Only the conflicts, for the columns' marks: the whole framing
			// analysis waits until its tab or a report asks for it.
			conflicts = figs.LinkConflicts(res)
		}
		deliver := fyne.Do
		if c.deliver != nil {
			deliver = c.deliver
		}
		deliver(func() {
			c.mu.Lock()
			latest := gen == c.gen && err == nil
			if latest {
				c.measured, c.analysed, c.figures = an, docs, figs
			}
			c.mu.Unlock()
			if !latest {
				return
			}
			c.idle(gen)
			c.conflicts, c.conflictsFor = conflicts, res
			c.show(idx, res)
		})
	}()
}

// idle hides the progress bar: the comparison of generation gen is
// shown.
func (c *Controller) idle(gen int) {
	c.mu.Lock()
	c.shownGen = gen
	c.mu.Unlock()
	c.busy.Stop()
	c.busy.Hide()
}

// keptFor is the kept analysis and figure index when they are of docs; else
// no analysis and a new index.
func (c *Controller) keptFor(docs []*corpus.Document) (*compare.Analysis, *framing.FigureIndex) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if slices.Equal(c.analysed, docs) && c.measured != nil {
		return c.measured, c.figures
	}
	return nil, framing.NewFigureIndex(docs)
}

// includedDocs are the articles to compare, in order.
func (c *Controller) includedDocs() []*corpus.Document { return c.docsOf(c.included()) }

// docsOf are the open articles idx, in order.
func (c *Controller) docsOf(idx []int) []*corpus.Document {
	docs := make([]*corpus.Document, len(idx))
	for k, i := range idx {
		docs[k] = c.docs[i]
	}
	return docs
}

// emptyResults is a result with every sentence unique, for fewer than two
// articles.
func emptyResults(docs []*corpus.Document) [][]compare.SentenceResult {
	out := make([][]compare.SentenceResult, len(docs))
	for d, doc := range docs {
		out[d] = make([]compare.SentenceResult, len(doc.Sentences))
		for i, s := range doc.Sentences {
			out[d][i] = compare.SentenceResult{Status: compare.Unique, Coverage: 1, Boilerplate: s.Boilerplate}
		}
	}
	return out
}

// show puts a comparison of the articles idx on screen.
func (c *Controller) show(idx []int, res *compare.Result) {
	res = c.corrected(idx, res)
	was, before := c.view.place(), c.linkKeys()
	if c.dragFrom != nil {
		before = c.dragFrom
		if !c.dragging {
			c.dragFrom = nil
		}
	}
	c.shown, c.res = idx, res
	c.findFrom = nil
	docs := c.docsOf(idx)
	if len(docs) == 0 {
		c.view = nil
		c.columnsBox.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel(
			"No articles to compare. Open a folder (Ctrl+O) or files, or include articles in the sidebar."))}
		c.detailBox.Objects = nil
	} else if c.view != nil && slices.Equal(c.view.model.Docs, docs) {
		// The same articles decided again: the columns stay as they are.
		c.view.filter = c.filter
		c.view.redecide(viewmodel.New(docs, res, c.conflictsOf(docs, res)))
	} else {
		c.view = newViewer(docs, res, c.headers, c.closeDoc)
		c.view.model = viewmodel.New(docs, res, c.conflictsOf(docs, res))
		c.view.filter = c.filter
		c.view.sync = c.sync
		c.view.restyleAll()
		cols := make([]fyne.CanvasObject, len(c.view.scrolls))
		for d := range c.view.scrolls {
			cols[d] = c.view.column(d)
		}
		// Narrow columns keep their words whole: past the columns' minimum
		// width, the columns scroll sideways.
		c.columnsBox.Objects = []fyne.CanvasObject{container.NewHScroll(splitEvenly(cols))}
		c.detailBox.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(c.view.detail))}
		c.view.onTap = func() { c.tabs.SelectIndex(0) }
		c.view.hooks = c.viewerHooks()
		c.columnsBox.Objects = append(c.columnsBox.Objects, newConnectors(c.view, c.columnsBox))
		c.view.showRelated, c.view.onShowRelated = c.showRelated, func(on bool) { c.showRelated = on }
		c.view.restorePlace(was)
		if c.findEntry != nil && c.findEntry.Text != "" {
			c.view.setFound(c.view.model.Matches(c.findEntry.Text))
		}
	}
	c.framingStale = true
	c.framingAll = framingLists{}
	c.conflictPos = 0
	c.refreshFraming()
	c.columnsBox.Refresh()
	c.detailBox.Refresh()
	c.navPos = map[compare.Kind]int{}
	c.refreshSidebar()
	c.refreshNav()
	status := report.Count(res).String()
	if c.moved != "" {
		status += " · " + c.moved + ": " + movedText(before, c.linkKeys())
		c.moved = ""
	}
	if c.note != "" {
		status += " · " + c.note
		c.note = ""
	}
	c.status.SetText(status)
	c.win.SetTitle(titleOf(docs))
	if c.OnChanged != nil {
		c.OnChanged()
	}
}

// conflictsOf are the figure conflicts of the comparison res of docs,
// found now unless they came with it.
func (c *Controller) conflictsOf(docs []*corpus.Document, res *compare.Result) []framing.Conflict {
	if len(docs) < 2 {
		return nil
	}
	if c.conflictsFor != res {
		_, figs := c.keptFor(docs)
		c.conflicts, c.conflictsFor = figs.LinkConflicts(res), res
	}
	return c.conflicts
}

// linkKeys are the keys of the links shown.
func (c *Controller) linkKeys() map[linkKey]bool {
	if c.view == nil {
		return nil
	}
	return linkKeys(c.view.model.Docs, c.res)
}

// analysis is the framing analysis of the comparison shown, made now when
// the comparison came without one; nil with fewer than two articles.
func (c *Controller) analysis() *framing.Analysis {
	if c.view == nil || c.res == nil || len(c.view.model.Docs) < 2 {
		return nil
	}
	if c.faFor != c.res || c.fa == nil {
		c.fa, c.faFor = framing.Analyze(c.view.model.Docs, c.res), c.res
	}
	return c.fa
}

// refreshFraming writes the framing summary of the comparison shown, when
// it is stale and its tab is the one on screen: the charts, the text and
// the tables.
func (c *Controller) refreshFraming() {
	if !c.framingStale || c.tabs.SelectedIndex() != framingTab {
		return
	}
	c.framingStale = false
	var docs []*corpus.Document
	if c.view != nil {
		docs = c.view.model.Docs
	}
	reveal := func(r compare.Ref) {
		if c.view != nil {
			c.view.reveal(r)
		}
	}
	expand := func(key string) {
		c.framingAll[key] = true
		c.framingStale = true
		c.refreshFraming()
	}
	fa := c.analysis()
	c.framing.Segments = framingSegments(docs, c.res, fa, c.framingAll, reveal, expand)
	c.framing.Refresh()
	c.framingTop.Objects, c.framingTables.Objects = nil, nil
	if fa != nil {
		c.framingTop.Objects = []fyne.CanvasObject{container.NewHBox(
			categoryChart(docs, c.res.Framings()), widget.NewSeparator(), heatMap(docs, fa.Carries)),
			widget.NewSeparator(), leadsGrid(docs, fa, reveal), widget.NewSeparator()}
		c.framingTables.Objects = []fyne.CanvasObject{
			widget.NewSeparator(),
			// The tables scroll sideways on their own, not the whole view.
			container.NewHScroll(quoteLedger(docs, fa, c.framingAll["quotes"], reveal, func() { expand("quotes") })),
			widget.NewSeparator(),
			container.NewHScroll(namesMatrix(docs, fa, c.framingAll["names"], func() { expand("names") })),
		}
	}
	c.framingTop.Refresh()
	c.framingTables.Refresh()
	c.framingScroll.Content.Refresh()
	c.framingScroll.Refresh()
}

// StepConflict selects the sentence at one end of the next (dir 1) or
// previous (dir -1) link whose figures disagree, wrapping around, and
// shows it in its column with its counterpart in the detail panel. It
// reports whether there was one.
func (c *Controller) StepConflict(dir int) bool {
	if c.view == nil || c.conflictsFor != c.res || len(c.conflicts) == 0 {
		c.status.SetText("No linked sentences disagree on a figure.")
		return false
	}
	pos := viewmodel.Cycle(c.conflictPos, dir, len(c.conflicts))
	c.conflictPos = pos
	x := c.conflicts[pos-1]
	c.view.reveal(x.A)
	c.tabs.SelectIndex(0)
	c.status.SetText(fmt.Sprintf("Conflicting figure %d of %d: %s (%s) vs %s (%s)", pos, len(c.conflicts),
		x.FigureA.Text, outletName(c.view.model.Docs[x.A.Doc]), x.FigureB.Text, outletName(c.view.model.Docs[x.B.Doc])))
	return true
}

// framingTab is the index of the framing summary's tab.
const framingTab = 1
