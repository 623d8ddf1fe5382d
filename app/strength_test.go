package app

import (
	"context"
	"image/color"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/viewmodel"
	"parallax/widgets"
)

// sameTint reports whether two fills have the same colour, whatever their
// opacity (which the link's strength sets); nil and transparent match.
func sameTint(a, b color.Color) bool {
	if widgets.Transparent(a) || widgets.Transparent(b) {
		return widgets.Transparent(a) == widgets.Transparent(b)
	}
	x, y := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	return x.R == y.R && x.G == y.G && x.B == y.B
}

// TestStrengthShading checks that a sentence's tint is paler the weaker
// its strongest link, and that the shading is monotone and bounded.
func TestStrengthShading(t *testing.T) {
	alpha := func(s float64) uint8 { return color.NRGBAModel.Convert(shade(paraphrasedFill, s)).(color.NRGBA).A }
	last := uint8(0)
	for _, s := range []float64{0, 0.3, 0.45, 0.6, 0.75, 0.9, 1} {
		a := alpha(s)
		if a < last || a < palestAlpha || a > fullAlpha {
			t.Errorf("strength %.2f: opacity %#x after %#x", s, a, last)
		}
		last = a
	}
	if alpha(0.45) >= alpha(0.95)/2 {
		t.Errorf("a weak link (%#x) is not clearly paler than a strong one (%#x)", alpha(0.45), alpha(0.95))
	}
	if shade(uniqueFill, 1) != uniqueFill {
		t.Error("an untinted sentence got a tint")
	}
	c, _ := newTestController(t, sample(t))
	v := c.view
	weak, strong := -1, -1
	for li, l := range v.model.Res.Links {
		if weak < 0 || l.Score < v.model.Res.Links[weak].Score {
			weak = li
		}
		if strong < 0 || l.Score > v.model.Res.Links[strong].Score {
			strong = li
		}
	}
	fill := func(li int) uint8 {
		r := v.model.Res.Links[li].A
		best, _ := v.strongest(r)
		p := v.places[r.Doc][r.Sentence]
		got := color.NRGBAModel.Convert(p.flow.Spans[p.span].Fill).(color.NRGBA).A
		if want := alpha(linkStrength(best)); got != want {
			t.Errorf("%v: opacity %#x, want %#x for strength %.2f", r, got, want, linkStrength(best))
		}
		return got
	}
	if fill(weak) >= fill(strong) {
		t.Error("the weakest link's sentence is not paler than the strongest's")
	}
}

// hoverSpan moves the mouse pointer onto span i of f.
func hoverSpan(f *widgets.FlowText, i int) {
	pos, _ := f.SpanPosition(i)
	f.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos.AddXY(2, 2)}})
}

// TestHoverShowsStrength moves the pointer onto a linked sentence and a
// unique one: the status line gives the link's score and band, or the
// closest candidate below the threshold, and comes back when the pointer
// leaves.
func TestHoverShowsStrength(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	before := c.status.Text
	l := v.model.Res.Links[0]
	p := v.places[l.A.Doc][l.A.Sentence]
	hoverSpan(p.flow, p.span)
	best, _ := v.strongest(l.A)
	if want := viewmodel.StrengthBand(linkStrength(best)); !strings.Contains(c.status.Text, "score") || !strings.Contains(c.status.Text, want) {
		t.Errorf("hovering a linked sentence: status %q, want its score and %q", c.status.Text, want)
	}
	var lone compare.Ref
	found := false
	for r := range v.model.Res.Closest {
		if len(v.counterparts(r)) == 0 && !v.boilerplate(r.Doc, r.Sentence) {
			lone, found = r, true
			break
		}
	}
	if !found {
		t.Fatal("no unique sentence with a closest candidate")
	}
	q := v.places[lone.Doc][lone.Sentence]
	p.flow.MouseOut()
	hoverSpan(q.flow, q.span)
	if !strings.Contains(c.status.Text, "closest below the threshold: "+v.refName(v.model.Res.Closest[lone].Ref)) {
		t.Errorf("hovering a unique sentence: status %q", c.status.Text)
	}
	q.flow.MouseOut()
	if c.status.Text != before {
		t.Errorf("after the pointer left: status %q, want %q back", c.status.Text, before)
	}
}

// TestStrengthFixedAcrossSlider checks that moving the slider from strict
// to lenient moves only the threshold: a link found at two sensitivities
// keeps its strength.
func TestStrengthFixedAcrossSlider(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	at := map[[2]compare.Ref]float64{}
	for _, sens := range []float64{0.3, 0.45, 0.6, 0.75, 0.9} {
		c.SetSensitivity(sens)
		wait(t, changed)
		same := 0
		for _, l := range c.res.Links {
			k := [2]compare.Ref{l.A, l.B}
			if s, ok := at[k]; ok {
				same++
				if s != linkStrength(l) {
					t.Errorf("%v–%v: strength %.3f before, %.3f at %.2f", l.A, l.B, s, linkStrength(l), sens)
				}
			}
			at[k] = linkStrength(l)
		}
		if sens > 0.3 && same == 0 {
			t.Errorf("no link in common with the sensitivity before %.2f", sens)
		}
	}
}

// TestClosestInDetail selects a unique sentence with a closest candidate:
// the detail panel names it ("Closest: … s4, 0.43") and its one click
// accepts it as a link made by hand, shown corrected.
func TestClosestInDetail(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	v := c.view
	var lone compare.Ref
	var best compare.Closest
	for r, cl := range v.model.Res.Closest {
		if len(v.counterparts(r)) == 0 && !v.boilerplate(r.Doc, r.Sentence) && cl.Score > best.Score {
			lone, best = r, cl
		}
	}
	v.reveal(lone)
	accept := findLink(t, c.view.detail, "Accept as a link")
	if text := v.detailPlainText(); !strings.Contains(text, "Closest: "+v.refName(best.Ref)) {
		t.Errorf("detail lacks the closest candidate:\n%s", text)
	}
	accept.OnTapped()
	v = c.view
	ls := v.counterparts(lone)
	if len(ls) != 1 || ls[0].Other(lone) != best.Ref || !ls[0].Corrected || !v.corrected(lone) {
		t.Fatalf("after accepting: links %+v", ls)
	}
	if v.selected == nil || *v.selected != lone {
		t.Errorf("selection %v after accepting, want %v kept", v.selected, lone)
	}
	p := v.places[lone.Doc][lone.Sentence]
	if sp := p.flow.Spans[p.span]; !strings.HasPrefix(sp.Text, correctedMark) || widgets.Transparent(sp.Fill) {
		t.Errorf("accepted sentence drawn %+v, want the corrected mark and a tint", sp)
	}
}

// findLink returns the detail panel's action called text.
func findLink(t *testing.T, rt *widget.RichText, text string) *widget.HyperlinkSegment {
	t.Helper()
	for _, s := range rt.Segments {
		if h, ok := s.(*widget.HyperlinkSegment); ok && h.Text == text {
			return h
		}
	}
	t.Fatalf("no %q in the detail panel", text)
	return nil
}

// TestSensitivityDecidesKeptAnalysis moves the sensitivity: the viewer
// decides its kept analysis again rather than comparing anew, and shows
// what a comparison at that sensitivity gives; a change of articles
// analyses them anew.
func TestSensitivityDecidesKeptAnalysis(t *testing.T) {
	docs := sample(t)
	c, changed := newTestController(t, docs)
	first := c.kept()
	if first == nil {
		t.Fatal("no analysis kept after the first comparison")
	}
	for _, sens := range []float64{0.3, 0.9, compare.DefaultSensitivity} {
		c.SetSensitivity(sens)
		wait(t, changed)
		if c.kept() != first {
			t.Fatalf("at %.2f the articles were analysed again", sens)
		}
		want, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: sens, Closest: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.res, want) {
			t.Errorf("at %.2f the viewer shows %d links, a comparison gives %d", sens, len(c.res.Links), len(want.Links))
		}
	}
	c.SetIncluded(len(docs)-1, false)
	wait(t, changed)
	if c.kept() == first {
		t.Error("an article excluded, and the old analysis was decided again")
	}
}

// kept is the controller's kept analysis.
func (c *Controller) kept() *compare.Analysis {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.measured
}

// TestDragFollowsDial drags the sensitivity dial in steps: the links
// follow each step without a new analysis, the status line counts the
// change from where the drag started, and letting go remembers the
// setting without comparing again.
func TestDragFollowsDial(t *testing.T) {
	docs := sample(t)
	c, changed := newTestController(t, docs)
	first, start := c.kept(), c.linkKeys()
	for _, sens := range []float64{0.65, 0.7, 0.75, 0.8} {
		c.DragSensitivity(sens)
		wait(t, changed)
		want, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: sens, Closest: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.res.Links) != len(want.Links) || c.kept() != first {
			t.Errorf("dragged to %.2f: %d links shown, a comparison gives %d (analysed again: %v)",
				sens, len(c.res.Links), len(want.Links), c.kept() != first)
		}
	}
	if moved := movedText(start, c.linkKeys()); !strings.Contains(c.status.Text, moved) {
		t.Errorf("status %q does not count the whole drag (%s)", c.status.Text, moved)
	}
	c.SetSensitivity(0.8)
	if got := c.app.Preferences().Float(prefSensitivity); got != 0.8 {
		t.Errorf("let go at 0.80, remembered %.2f", got)
	}
	select {
	case <-changed:
		t.Error("letting go of the dial where it was compared again")
	case <-time.After(100 * time.Millisecond):
	}
	// The next change counts from what is on screen, not from the drag's
	// start.
	before := c.linkKeys()
	c.SetSensitivity(0.6)
	wait(t, changed)
	if moved := movedText(before, c.linkKeys()); !strings.Contains(c.status.Text, moved) {
		t.Errorf("status %q after the drag, want %s", c.status.Text, moved)
	}
}

// TestRedecideKeepsColumns selects a sentence and moves the sensitivity:
// the columns are not built again, their scroll stays, and the outlines
// follow the new links (the counterparts dropped lose theirs).
func TestRedecideKeepsColumns(t *testing.T) {
	c, changed := newTestController(t, sample(t))
	c.SetSensitivity(0.9)
	wait(t, changed)
	v := c.view
	// The sentence with the most links at 0.9.
	var sel compare.Ref
	for d, doc := range v.model.Docs {
		for i := range doc.Sentences {
			r := compare.Ref{Doc: d, Sentence: i}
			if len(v.counterparts(r)) > len(v.counterparts(sel)) {
				sel = r
			}
		}
	}
	v.reveal(sel)
	before := v.counterparts(sel)
	v.scrollColumn(sel.Doc, 200)
	offset := v.scrolls[sel.Doc].Offset.Y
	c.SetSensitivity(0.3)
	wait(t, changed)
	if c.view != v {
		t.Fatal("the columns were built again for a new sensitivity")
	}
	if v.selected == nil || *v.selected != sel {
		t.Fatalf("selection %v, want %v", v.selected, sel)
	}
	if got := v.scrolls[sel.Doc].Offset.Y; got != offset {
		t.Errorf("the selection's column scrolled from %v to %v", offset, got)
	}
	after := map[compare.Ref]bool{}
	for _, l := range v.counterparts(sel) {
		after[l.Other(sel)] = true
	}
	if len(after) >= len(before) {
		t.Fatalf("%d counterparts at 0.3 against %d at 0.9: the test needs fewer", len(after), len(before))
	}
	emphasis := func(r compare.Ref) widgets.Emphasis {
		p := v.places[r.Doc][r.Sentence]
		return p.flow.Spans[p.span].Emphasis
	}
	for _, l := range before {
		o := l.Other(sel)
		want := widgets.EmphasisNone
		if after[o] {
			want = widgets.EmphasisCounterpart
		}
		if got := emphasis(o); got != want {
			t.Errorf("%v: emphasis %v, want %v", o, got, want)
		}
	}
	if got := emphasis(sel); got != widgets.EmphasisSelected {
		t.Errorf("the selection's emphasis %v", got)
	}
}
