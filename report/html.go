package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
)

//go:embed report.html.tmpl
var htmlTemplate string

// page is what the HTML template is filled from.
type page struct {
	Title       string
	Version     string
	Sensitivity string
	// Totals is the comparison's totals line (Totals.String).
	Totals     string
	Inputs     []string
	Skipped    []string
	N          int
	Outlets    []string
	Columns    []column
	Cards      []card
	Heat       [][]heatCell
	CommonCore []claimRow
	Placed     []claimRow // claims of two or more articles, with their zones
	MorePlaced []claimRow // the rest of them, collapsed
	LeadRows   []leadsRow // the leads side by side
	Moves      []moveRow
	Quotes     []quoteRow // the first maxQuotesShown
	MoreQuotes []quoteRow // the rest, collapsed
	Entities   []entityRow
	Conflicts  []conflictRow
	Choices    []choicePair
	Links      int
}

// column is one article as the HTML report shows it.
type column struct {
	Outlet, Title, Date, Path string
	Bar                       bar
	Paragraphs                [][]sentenceView
}

// bar is a stacked bar of shares, in whole percents.
type bar struct{ Shared, Paraphrased, Unique int }

// sentenceView is one sentence of a column.
type sentenceView struct {
	ID, Class, Text, Tip string
	Conflict             bool
	Corrected            bool // corrected by hand
	Counterparts         []anchor
}

// anchor is a link to a sentence of the report; Also are the links to the
// other sentences of the same claim.
type anchor struct {
	Href, Label, Text string
	Also              []anchor
}

// card is one outlet's framing.
type card struct {
	Outlet, Headline string
	Bar              bar
	// Counts is the outlet's counts and shares (FramingText).
	Counts                      string
	Lead                        []leadRow
	LeftOut                     []anchor
	LeftOutMore, LeftOutTotal   int
	OnlyHere                    []anchor
	OnlyHereMore, OnlyHereTotal int
	Quoted, Mentioned           []string
	Names, Numbers, Terms       []string
}

// leadRow is one sentence of a lead.
type leadRow struct {
	Anchor anchor
	Class  string
	Label  string
}

// heatCell is one cell of the "carries how much of" matrix.
type heatCell struct {
	Percent int
	Level   int // 0..10, for the shade
	Self    bool
}

// claimRow is a claim with where each outlet has it.
type claimRow struct {
	Text  string
	Refs  []anchor // per outlet; empty Href when absent
	Zones []string // per outlet: lead, body, end or ""
}

// leadsRow is one line of the leads table: the headlines, or the k-th
// sentence of every lead.
type leadsRow struct {
	Label string
	Cells []leadRow
}

// moveRow is a claim one outlet leads with and another buries.
type moveRow struct {
	Text              string
	Early, Late       string
	EarlyRef, LateRef anchor
	Shift             int
}

// quoteRow is one quote of the ledger.
type quoteRow struct {
	Text, Speaker string
	Conflict      string
	States        []stateCell
}

// stateCell is one outlet's treatment of a quote or a name.
type stateCell struct {
	State, Class, Href string
}

// entityRow is one name of the names matrix.
type entityRow struct {
	Name, Kind string
	States     []stateCell
}

// conflictRow is one pair of figures that disagree across a link.
type conflictRow struct {
	A, B       anchor
	FigA, FigB string
	OutA, OutB string
}

// choicePair is the word choices of one pair of outlets.
type choicePair struct {
	A, B    string
	Total   int
	Choices []string
}

// maxListed is how many entries of a long list the reports show; the rest
// are counted.
const maxListed = 12

// sentenceID is the HTML id of a sentence: "d1s5" (both from 1).
func sentenceID(r compare.Ref) string { return fmt.Sprintf("d%ds%d", r.Doc+1, r.Sentence+1) }

// ref makes the anchor of a sentence, labelled "outlet ¶ n".
func (c *Comparison) ref(r compare.Ref, text bool) anchor {
	a := anchor{Href: "#" + sentenceID(r), Label: fmt.Sprintf("%d:%d", r.Doc+1, r.Sentence+1)}
	if text {
		a.Text = clip(c.Docs[r.Doc].SentenceText(r.Sentence), 220)
	}
	return a
}

// clip shortens s to at most n runes, at a word, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// OutletName is the name a report gives document d: its outlet, else its
// file name.
func OutletName(d *corpus.Document) string {
	if d.Outlet != "" {
		return d.Outlet
	}
	return corpus.DisplayPath(d.Path)
}

// shareBar turns a framing's shares into whole percents that sum to 100.
func shareBar(sh, pa, un float64) bar {
	p := Percents([]float64{sh, pa, un})
	return bar{Shared: p[0], Paraphrased: p[1], Unique: p[2]}
}

// Percents rounds shares (summing to 1, or all 0) to whole percents that
// sum to 100 (largest remainders), or are all 0.
func Percents(xs []float64) []int {
	out := make([]int, len(xs))
	total := 0.0
	for _, x := range xs {
		total += x
	}
	if total <= 0 {
		return out
	}
	sum := 0
	rem := make([]float64, len(xs))
	for i, x := range xs {
		v := 100 * x / total
		out[i] = int(math.Floor(v))
		rem[i] = v - float64(out[i])
		sum += out[i]
	}
	for ; sum < 100; sum++ {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

// statusClass is the CSS class of a sentence's category.
func statusClass(k compare.Kind, boilerplate bool) string {
	switch {
	case boilerplate:
		return "bp"
	case k == compare.Shared:
		return "sh"
	case k == compare.Paraphrased:
		return "pa"
	}
	return "un"
}

// buildPage fills the HTML report's page from a comparison.
func buildPage(c *Comparison) page {
	fa := c.Analysis()
	n := len(c.Docs)
	m := c.meta()
	p := page{Version: m.Version, Sensitivity: fmt.Sprintf("%.2f", c.Sensitivity), N: n, Links: len(c.Result.Links),
		Totals: Count(c.Result).String()}
	for _, d := range c.Docs {
		p.Inputs = append(p.Inputs, corpus.DisplayPath(d.Path))
		p.Outlets = append(p.Outlets, OutletName(d))
	}
	for _, e := range c.Errors {
		p.Skipped = append(p.Skipped, e.Error())
	}
	p.Title = fmt.Sprintf("Parallax: %d articles compared", n)
	conflictAt := map[compare.Ref]bool{}
	for _, x := range fa.Conflicts {
		conflictAt[x.A], conflictAt[x.B] = true, true
	}
	for d, doc := range c.Docs {
		o := fa.Outlets[d]
		col := column{Outlet: p.Outlets[d], Title: doc.Title, Date: doc.Date, Path: corpus.DisplayPath(doc.Path),
			Bar: shareBar(o.SharedShare, o.ParaphrasedShare, o.UniqueShare)}
		para := -1
		for i, s := range doc.Sentences {
			if s.Paragraph != para || len(col.Paragraphs) == 0 {
				col.Paragraphs = append(col.Paragraphs, nil)
				para = s.Paragraph
			}
			sr := c.Result.Sentences[d][i]
			r := compare.Ref{Doc: d, Sentence: i}
			sv := sentenceView{ID: sentenceID(r), Class: statusClass(sr.Status, sr.Boilerplate), Text: doc.SentenceText(i),
				Conflict: conflictAt[r]}
			switch {
			case sr.Boilerplate:
				sv.Tip = "boilerplate"
			default:
				sv.Tip = fmt.Sprintf("%s, carried by %d of %d", sr.Status, max(sr.Coverage, 1), n)
			}
			if sv.Conflict {
				sv.Tip += "; figures conflict with a counterpart"
			}
			if sr.Corrected {
				sv.Corrected = true
				sv.Tip += "; corrected by hand"
			}
			for _, li := range sr.Links {
				sv.Counterparts = append(sv.Counterparts, c.ref(c.Result.Links[li].Other(r), false))
			}
			k := len(col.Paragraphs) - 1
			col.Paragraphs[k] = append(col.Paragraphs[k], sv)
		}
		p.Columns = append(p.Columns, col)
	}
	framings := c.Result.Framings()
	for d, o := range fa.Outlets {
		cd := card{Outlet: p.Outlets[d], Headline: o.Lead.Headline, Bar: p.Columns[d].Bar,
			Counts: FramingText(framings[d]),
			Names:  o.DistinctiveNames, Numbers: o.DistinctiveNumbers, Terms: o.DistinctiveTerms}
		for _, l := range o.Lead.Sentences {
			cov := max(l.Coverage, 1)
			cd.Lead = append(cd.Lead, leadRow{Anchor: c.ref(compare.Ref{Doc: d, Sentence: l.Sentence}, true),
				Class: statusClass(l.Status, false), Label: fmt.Sprintf("%s · %d/%d", l.Status, cov, n)})
		}
		cd.LeftOutTotal, cd.OnlyHereTotal = len(o.LeftOut), len(o.OnlyHere)
		for k, ci := range o.LeftOut {
			if k == maxListed {
				cd.LeftOutMore = len(o.LeftOut) - k
				break
			}
			refs := fa.Claims[ci].Refs
			a := c.ref(*firstRef(refs), true)
			for _, r := range refs {
				if r != nil && "#"+sentenceID(*r) != a.Href {
					a.Also = append(a.Also, c.ref(*r, false))
				}
			}
			cd.LeftOut = append(cd.LeftOut, a)
		}
		for k, i := range o.OnlyHere {
			if k == maxListed {
				cd.OnlyHereMore = len(o.OnlyHere) - k
				break
			}
			cd.OnlyHere = append(cd.OnlyHere, c.ref(compare.Ref{Doc: d, Sentence: i}, true))
		}
		for _, s := range o.Quoted {
			cd.Quoted = append(cd.Quoted, fmt.Sprintf("%s (%d)", s.Name, s.Count))
		}
		for _, s := range o.Mentioned {
			cd.Mentioned = append(cd.Mentioned, s.Name)
		}
		p.Cards = append(p.Cards, cd)
	}
	for d := range c.Docs {
		row := make([]heatCell, n)
		for e := range c.Docs {
			v := fa.Carries[d][e]
			row[e] = heatCell{Percent: int(math.Round(100 * v)), Level: int(math.Round(10 * v)), Self: d == e}
		}
		p.Heat = append(p.Heat, row)
	}
	for _, ci := range fa.CommonCore {
		p.CommonCore = append(p.CommonCore, c.claimRow(fa.Claims[ci]))
	}
	for _, cl := range fa.Claims {
		if cl.Carriers < 2 {
			continue
		}
		if len(p.Placed) < maxListed {
			p.Placed = append(p.Placed, c.claimRow(cl))
		} else {
			p.MorePlaced = append(p.MorePlaced, c.claimRow(cl))
		}
	}
	heads := leadsRow{Label: "Headline"}
	for _, k := range p.Cards {
		heads.Cells = append(heads.Cells, leadRow{Anchor: anchor{Text: k.Headline}})
	}
	p.LeadRows = append(p.LeadRows, heads)
	for i := 0; i < 3; i++ {
		row := leadsRow{Label: fmt.Sprintf("Sentence %d", i+1)}
		for _, k := range p.Cards {
			var cell leadRow
			if i < len(k.Lead) {
				cell = k.Lead[i]
			}
			row.Cells = append(row.Cells, cell)
		}
		p.LeadRows = append(p.LeadRows, row)
	}
	for _, mv := range fa.Moves {
		cl := fa.Claims[mv.Claim]
		p.Moves = append(p.Moves, moveRow{Text: clip(cl.Text, 220), Early: p.Outlets[mv.Early], Late: p.Outlets[mv.Late],
			EarlyRef: c.ref(*cl.Refs[mv.Early], false), LateRef: c.ref(*cl.Refs[mv.Late], false), Shift: int(math.Round(100 * mv.Shift))})
	}
	for _, g := range fa.QuoteGroups {
		q := quoteRow{Text: clip(g.Text, 300), Speaker: g.Speaker}
		if g.SpeakerConflict {
			q.Conflict = "given to " + strings.Join(g.Speakers, " and ")
		}
		for d, st := range g.States {
			cell := stateCell{State: st, Class: "q-" + st}
			if g.Refs[d] != nil {
				cell.Href = "#" + sentenceID(*g.Refs[d])
			}
			q.States = append(q.States, cell)
		}
		if len(p.Quotes) < maxQuotesShown {
			p.Quotes = append(p.Quotes, q)
		} else {
			p.MoreQuotes = append(p.MoreQuotes, q)
		}
	}
	for _, e := range fa.Entities {
		if nonzero(e.Counts) < 2 && len(p.Entities) >= maxEntities {
			continue
		}
		row := entityRow{Name: e.Name, Kind: string(e.Kind)}
		for d, st := range e.States {
			label := st
			if e.Counts[d] > 0 {
				label = fmt.Sprintf("%s ×%d", st, e.Counts[d])
			}
			row.States = append(row.States, stateCell{State: label, Class: "e-" + st})
		}
		p.Entities = append(p.Entities, row)
	}
	for _, x := range fa.Conflicts {
		p.Conflicts = append(p.Conflicts, conflictRow{A: c.ref(x.A, true), B: c.ref(x.B, true),
			FigA: x.FigureA.Text, FigB: x.FigureB.Text, OutA: p.Outlets[x.A.Doc], OutB: p.Outlets[x.B.Doc]})
	}
	for _, pc := range fa.WordChoices {
		cp := choicePair{A: p.Outlets[pc.A], B: p.Outlets[pc.B], Total: pc.Total}
		for k, ch := range pc.Choices {
			if k == maxListed {
				break
			}
			s := fmt.Sprintf("“%s” / “%s”", ch.A, ch.B)
			if ch.Count > 1 {
				s += fmt.Sprintf(" ×%d", ch.Count)
			}
			cp.Choices = append(cp.Choices, s)
		}
		p.Choices = append(p.Choices, cp)
	}
	return p
}

// maxQuotesShown is how many quote groups the HTML report shows before
// "show all" (the most widely carried first).
const maxQuotesShown = 10

// maxEntities is how many names the matrix lists at least; names only one
// outlet has are left out past it.
const maxEntities = 30

// nonzero counts the non-zero entries of xs.
func nonzero(xs []int) int {
	k := 0
	for _, x := range xs {
		if x > 0 {
			k++
		}
	}
	return k
}

// firstRef is the first non-nil ref of a claim.
func firstRef(refs []*compare.Ref) *compare.Ref {
	for _, r := range refs {
		if r != nil {
			return r
		}
	}
	return &compare.Ref{}
}

// claimRow shows a claim with a link to each outlet's sentence.
func (c *Comparison) claimRow(cl framing.Claim) claimRow {
	row := claimRow{Text: clip(cl.Text, 220), Zones: cl.Zones}
	for _, r := range cl.Refs {
		if r == nil {
			row.Refs = append(row.Refs, anchor{})
			continue
		}
		row.Refs = append(row.Refs, c.ref(*r, false))
	}
	return row
}

// reportTemplate returns the parsed HTML template, parsed on first use so
// that package initialisation (paid by every run of the binary) does not.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"add1": func(i int) int { return i + 1 },
	}).Parse(htmlTemplate))
})

// WriteHTML writes a self-contained HTML report: the articles in columns
// coloured by category with links between counterparts, and the framing
// analysis with its charts and tables. It loads nothing from elsewhere,
// and every text from the articles is escaped.
func WriteHTML(w io.Writer, c Comparison) error {
	return reportTemplate().Execute(w, buildPage(&c))
}
