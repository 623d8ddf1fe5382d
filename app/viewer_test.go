package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/widgets"
)

// longest returns the column of the comparison with the most sentences.
func longest(c *Controller) int {
	best := 0
	for d, doc := range c.view.model.Docs {
		if len(doc.Sentences) > len(c.view.model.Docs[best].Sentences) {
			best = d
		}
	}
	return best
}

func TestOverviewStripJumpsAndFollowsTheView(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	d := longest(c)
	strip := v.strips[d]
	if got, want := strip.Sentences(), len(v.model.Docs[d].Sentences); got != want {
		t.Fatalf("strip has %d sentences, want %d", got, want)
	}
	if top, bottom := strip.Viewport(); top != 0 || !(bottom > 0 && bottom < 1) {
		t.Errorf("viewport at the top = [%.2f, %.2f], want [0, below 1]", top, bottom)
	}
	// A tap near the strip's bottom scrolls the column down to that part.
	last := len(v.model.Docs[d].Sentences) - 1
	test.TapAt(strip, fyne.NewPos(strip.Size().Width/2, strip.Size().Height/2))
	mid := v.scrolls[d].Offset.Y
	if mid <= 0 {
		t.Fatalf("tapping the strip's middle left the column at offset %v", mid)
	}
	test.TapAt(strip, fyne.NewPos(strip.Size().Width/2, strip.Size().Height-1))
	if v.scrolls[d].Offset.Y <= mid {
		t.Errorf("tapping the strip's bottom scrolled to %v, not below the middle's %v", v.scrolls[d].Offset.Y, mid)
	}
	y, ok := v.sentenceY(compare.Ref{Doc: d, Sentence: last})
	if !ok || y < v.scrolls[d].Offset.Y || y > v.scrolls[d].Offset.Y+v.scrolls[d].Size().Height {
		t.Errorf("last sentence at %v is not in view [%v, +%v]", y, v.scrolls[d].Offset.Y, v.scrolls[d].Size().Height)
	}
	// The frame followed: it now reaches the strip's bottom half.
	if top, bottom := strip.Viewport(); !(top > 0.4 && bottom > top) {
		t.Errorf("viewport after the jump = [%.2f, %.2f]", top, bottom)
	}
}

func TestOverviewStripColoursAndMarks(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	// Every sentence's mark has its category's colour.
	for d, doc := range v.model.Docs {
		for i, s := range doc.Sentences {
			want := stripFill(s.Boilerplate, statusOf(v.model.Res, d, i))
			if got := v.strips[d].Fill(i); !widgets.SameColour(got, want) {
				t.Fatalf("doc %d sentence %d: strip colour %v, want %v", d, i, got, want)
			}
		}
	}
	// Selecting a linked sentence ticks it and its counterparts.
	l := v.model.Res.Links[0]
	v.selectRef(&l.A)
	if got := v.strips[l.A.Doc].Marked(); !containsInt(got, l.A.Sentence) {
		t.Errorf("selected sentence's strip marks %v, want %d among them", got, l.A.Sentence)
	}
	if got := v.strips[l.B.Doc].Marked(); !containsInt(got, l.B.Sentence) {
		t.Errorf("counterpart's strip marks %v, want %d among them", got, l.B.Sentence)
	}
	v.selectRef(nil)
	for d, s := range v.strips {
		if len(s.Marked()) != 0 {
			t.Errorf("after clearing, strip %d still marks %v", d, s.Marked())
		}
	}
}

// containsInt reports whether xs holds x.
func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestFramingSummary(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	if c.framing.String() != "" {
		t.Error("the framing summary was written while its tab was hidden")
	}
	c.tabs.SelectIndex(framingTab)
	text := c.framing.String()
	for _, d := range c.view.model.Docs {
		if !strings.Contains(text, outletName(d)) {
			t.Errorf("framing summary lacks outlet %q", outletName(d))
		}
	}
	for _, want := range []string{"Only here (", " paraphrased (", "Sentences carried by 1 of 5", "Its sentences are also in: "} {
		if !strings.Contains(text, want) {
			t.Errorf("framing summary lacks %q", want)
		}
	}
	// Each "only here" link reveals its sentence, which is unique.
	var link *widget.HyperlinkSegment
	onlyHere := false
	for _, s := range c.framing.Segments {
		if t, ok := s.(*widget.TextSegment); ok && strings.HasPrefix(t.Text, "Only here (") {
			onlyHere = true
		}
		if l, ok := s.(*widget.ListSegment); ok && onlyHere && link == nil {
			link = l.Items[0].(*widget.HyperlinkSegment)
		}
	}
	if link == nil {
		t.Fatal("no sentence listed as only here")
	}
	link.OnTapped()
	r := c.view.selected
	if r == nil {
		t.Fatal("tapping an only-here sentence selected nothing")
	}
	if got := statusOf(c.res, r.Doc, r.Sentence); got != compare.Unique {
		t.Errorf("only-here sentence has status %s", got)
	}
	if !strings.HasPrefix(c.view.model.Docs[r.Doc].SentenceText(r.Sentence), strings.TrimSuffix(link.Text, "…")) {
		t.Errorf("link %q revealed %q", link.Text, c.view.model.Docs[r.Doc].SentenceText(r.Sentence))
	}
	// A new comparison rewrites the summary on view.
	c.SetIncluded(0, false)
	wait(t, changed)
	if got := c.framing.String(); strings.Contains(got, "of 5") || !strings.Contains(got, "of 4") {
		t.Errorf("after excluding an article the summary still counts five: %.200q", got)
	}
}

func TestFramingSummaryWithoutComparison(t *testing.T) {
	segs := framingSegments(sample(t)[:1], &compare.Result{}, nil, nil, nil, nil)
	if len(segs) != 1 || !strings.Contains(segs[0].(*widget.TextSegment).Text, "two or more") {
		t.Errorf("one article gave %v", segs)
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("word ", 60)
	for _, tc := range []struct {
		in      string
		maxRune int
		ellip   bool
	}{
		{"A short sentence.", maxQuote, false},
		{long, maxQuote + 1, true},
		{strings.Repeat("x", 300), maxQuote + 1, true},
	} {
		got := quote(tc.in)
		if n := len([]rune(got)); n > tc.maxRune {
			t.Errorf("quote(%.20q…) has %d runes", tc.in, n)
		}
		if strings.HasSuffix(got, "…") != tc.ellip {
			t.Errorf("quote(%.20q…) = %.30q…, ellipsis %v", tc.in, got, tc.ellip)
		}
	}
}

func TestDetailSaysHowManyCarryIt(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	l := c.res.Links[0]
	c.view.selectRef(&l.A)
	k := c.res.Sentences[l.A.Doc][l.A.Sentence].Coverage
	want := "carried by " + string(rune('0'+k)) + " of 5 articles"
	if got := c.view.detail.String(); !strings.Contains(got, want) {
		t.Errorf("detail %q lacks %q", got, want)
	}
}

func TestSynchronisedScrollingKeepsLinksLevel(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	v.sync = true
	// A link whose two ends can both be scrolled near the top of their
	// columns, with the first end's column scrolled by the user.
	scrollable := func(r compare.Ref) (float32, bool) {
		y, ok := v.sentenceY(r)
		sc := v.scrolls[r.Doc]
		return y, ok && y > 50 && y+100 < sc.Content.MinSize().Height-sc.Size().Height
	}
	for _, l := range v.model.Res.Links {
		ya, okA := scrollable(l.A)
		_, okB := scrollable(l.B)
		if !okA || !okB || len(v.counterparts(l.A)) != 1 {
			continue
		}
		sc := v.scrolls[l.A.Doc]
		sc.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -(ya - 40 - sc.Offset.Y)}})
		// The first linked sentence at or below the top may come before l.A.
		if levelled(t, v, l, "scrolling") {
			return
		}
	}
	t.Fatal("no link in the sample to test synchronised scrolling on")
}

func TestKeyboardMovesTheSelection(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	key := func(name fyne.KeyName) {
		c.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: name})
	}
	key(fyne.KeyDown) // nothing selected: the first sentence
	if v.selected == nil || *v.selected != (compare.Ref{}) {
		t.Fatalf("Down with nothing selected chose %v", v.selected)
	}
	// A linked sentence, and the nearest column to its right carrying it.
	l := v.model.Res.Links[0]
	v.selectRef(&l.A)
	nearest := -1
	for _, x := range v.counterparts(l.A) {
		if o := x.Other(l.A); o.Doc > l.A.Doc && (nearest < 0 || o.Doc < nearest) {
			nearest = o.Doc
		}
	}
	key(fyne.KeyRight)
	if v.selected.Doc != nearest {
		t.Fatalf("Right went to column %d, want %d", v.selected.Doc, nearest)
	}
	key(fyne.KeyLeft)
	if v.selected.Doc >= nearest {
		t.Errorf("Left stayed in column %d", v.selected.Doc)
	}
	// Down and Up move within the column, over boilerplate.
	at := *v.selected
	key(fyne.KeyDown)
	if v.selected.Doc != at.Doc || v.selected.Sentence <= at.Sentence || v.model.Docs[at.Doc].Sentences[v.selected.Sentence].Boilerplate {
		t.Errorf("Down from %v went to %v", at, *v.selected)
	}
	key(fyne.KeyUp)
	if *v.selected != at {
		t.Errorf("Up came back to %v, not %v", *v.selected, at)
	}
	// Right from a sentence no other column to the right carries stays.
	last := compare.Ref{Doc: len(v.model.Docs) - 1}
	v.selectRef(&last)
	key(fyne.KeyRight)
	if *v.selected != last {
		t.Errorf("Right from the last column moved to %v", *v.selected)
	}
}

// levelled reports whether link l's first end is the sentence that
// synchronised scrolling levels column l.A.Doc's view by; if it is, it
// checks that both ends stand as far below their columns' tops (after
// what, for the message).
func levelled(t *testing.T, v *viewer, l compare.Link, after string) bool {
	t.Helper()
	if firstLinkedInView(v, l.A.Doc) != l.A {
		return false
	}
	ya, _ := v.sentenceY(l.A)
	yb, _ := v.sentenceY(l.B)
	offA, offB := ya-v.scrolls[l.A.Doc].Offset.Y, yb-v.scrolls[l.B.Doc].Offset.Y
	if d := offA - offB; d > 1 || d < -1 {
		t.Errorf("after %s, linked sentences stand %v and %v below their columns' tops", after, offA, offB)
	}
	return true
}

// firstLinkedInView is the first linked sentence at or below the top of
// column d's view, the one synchronised scrolling levels the others by
// (Sentence -1 for none).
func firstLinkedInView(v *viewer, d int) compare.Ref {
	top := v.scrolls[d].Offset.Y
	for i := range v.model.Docs[d].Sentences {
		r := compare.Ref{Doc: d, Sentence: i}
		if y, _ := v.sentenceY(r); y >= top && len(v.counterparts(r)) > 0 {
			return r
		}
	}
	return compare.Ref{Doc: d, Sentence: -1}
}
