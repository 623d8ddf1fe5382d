package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/compare"
	"parallax/corpus"
	"parallax/framing"
	"parallax/report"
	"parallax/widgets"
)

// warnInline is vermillion bold text continued on the same line.
var warnInline = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}

// chartBarWidth and chartBarHeight size one outlet's bar in the category
// chart, heatCellSize a cell of the heat map and chartNameWidth the
// outlets' names beside them.
const (
	chartBarWidth  = 180
	chartBarHeight = 14
	heatCellSize   = 40
	chartNameWidth = 150
)

// chartBar is the sidebar's share bar of a framing, at the chart's size.
func chartBar(f compare.Framing) fyne.CanvasObject {
	b := widgets.NewShareBar(sharedFill, paraphrasedFill)
	b.SetShares(f.SharedShare, f.ParaphrasedShare, f.UniqueShare)
	return container.NewGridWrap(fyne.NewSize(chartBarWidth, chartBarHeight), b)
}

// fixedName is an outlet's name as a label cut to the chart's name column.
func fixedName(s string, width float32) fyne.CanvasObject {
	l := widget.NewLabel(s)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}

// categoryChart draws one stacked bar per outlet with its percents.
func categoryChart(docs []*corpus.Document, fs []compare.Framing) fyne.CanvasObject {
	rows := container.NewVBox(widget.NewRichText(&widget.TextSegment{Text: "Sentences by category", Style: outletStyle}))
	for d, f := range fs {
		p := report.Percents([]float64{f.SharedShare, f.ParaphrasedShare, f.UniqueShare})
		rows.Add(container.NewHBox(fixedName(fmt.Sprintf("%d. %s", d+1, outletName(docs[d])), chartNameWidth),
			container.NewCenter(chartBar(f)),
			widget.NewLabel(fmt.Sprintf("%d%% · %d%% · %d%%", p[0], p[1], p[2]))))
	}
	return rows
}

// heatMap draws the outlet × outlet matrix of how much of the row's
// reporting the column's article carries, each cell shaded by the share.
func heatMap(docs []*corpus.Document, carries [][]float64) fyne.CanvasObject {
	n := len(docs)
	cell := fyne.NewSize(heatCellSize, heatCellSize*0.6)
	var rows []fyne.CanvasObject
	head := container.NewHBox(container.NewGridWrap(fyne.NewSize(chartNameWidth, cell.Height), widget.NewLabel("")))
	for e := 0; e < n; e++ {
		head.Add(container.NewGridWrap(cell, widget.NewLabelWithStyle(fmt.Sprint(e+1), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})))
	}
	rows = append(rows, head)
	for d := 0; d < n; d++ {
		row := container.NewHBox(fixedName(fmt.Sprintf("%d. %s", d+1, outletName(docs[d])), chartNameWidth))
		for e := 0; e < n; e++ {
			var bg *canvas.Rectangle
			text := "—"
			if d == e {
				bg = canvas.NewRectangle(color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x40})
			} else {
				v := 0.0
				if d < len(carries) && e < len(carries[d]) {
					v = carries[d][e]
				}
				bg = canvas.NewRectangle(color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: uint8(math.Round(255 * math.Min(v, 1)))})
				text = fmt.Sprintf("%d%%", int(math.Round(100*v)))
			}
			bg.StrokeColor = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x60}
			bg.StrokeWidth = 1
			row.Add(container.NewGridWrap(cell, container.NewStack(bg, container.NewCenter(canvas.NewText(text, theme.Color(theme.ColorNameForeground))))))
		}
		rows = append(rows, row)
	}
	box := container.NewVBox(widget.NewRichText(&widget.TextSegment{Text: "Who carries whom (row's sentences the column also carries)", Style: outletStyle}))
	for _, r := range rows {
		box.Add(r)
	}
	return box
}

// ledgerCell sizes the cells of the quote ledger and the names matrix.
var (
	ledgerTextWidth    float32 = 380
	ledgerSpeakerWidth float32 = 160
	ledgerStateWidth   float32 = 92
)

// stateColours are the backgrounds of a quote's or a name's state in one
// outlet.
var stateColours = map[string]color.Color{
	framing.QuoteVerbatim:    color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xA0},
	framing.QuoteTrimmed:     color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0x50},
	framing.QuoteParaphrased: color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0x80},
	framing.EntityQuoted:     color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xA0},
	framing.EntityMentioned:  color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0x80},
}

// stateCell is one outlet's state of a quote or a name, coloured.
func stateCell(state string, h float32) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	if c, ok := stateColours[state]; ok {
		bg.FillColor = c
	}
	l := widget.NewLabel(state)
	if state == framing.QuoteAbsent {
		l.Importance = widget.LowImportance
	}
	return container.NewGridWrap(fyne.NewSize(ledgerStateWidth, h), container.NewStack(bg, l))
}

// ledgerHeader is the header row of a ledger table: the first columns'
// names, then the outlets' numbers and names.
func ledgerHeader(docs []*corpus.Document, first ...string) fyne.CanvasObject {
	row := container.NewHBox()
	widths := []float32{ledgerTextWidth, ledgerSpeakerWidth}
	for i, f := range first {
		row.Add(fixedBold(f, widths[i]))
	}
	for d, doc := range docs {
		row.Add(fixedBold(fmt.Sprintf("%d. %s", d+1, outletName(doc)), ledgerStateWidth))
	}
	return row
}

// fixedBold is a bold label cut to width.
func fixedBold(s string, width float32) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}

// quoteLedger is the table of quotes grouped across outlets: the quote (a
// link to its sentence), its speaker (flagged when the outlets disagree)
// and its state in each outlet. It shows framingShown quotes unless all,
// then a "show all" button calling expand.
func quoteLedger(docs []*corpus.Document, fa *framing.Analysis, all bool, reveal func(compare.Ref), expand func()) fyne.CanvasObject {
	box := container.NewVBox(widget.NewRichText(&widget.TextSegment{Text: fmt.Sprintf("Quote ledger (%d quotes)", len(fa.QuoteGroups)), Style: outletStyle}))
	if len(fa.QuoteGroups) == 0 {
		box.Add(widget.NewLabel("No direct quotations."))
		return box
	}
	box.Add(ledgerHeader(docs, "Quote", "Speaker"))
	for k, g := range fa.QuoteGroups {
		if k == 2*framingShown && !all {
			box.Add(widget.NewButton(fmt.Sprintf("Show all %d quotes", len(fa.QuoteGroups)), expand))
			break
		}
		var ref compare.Ref
		for _, r := range g.Refs {
			if r != nil {
				ref = *r
				break
			}
		}
		text := widget.NewHyperlink("“"+quote(g.Text)+"”", nil)
		text.Truncation = fyne.TextTruncateEllipsis
		text.OnTapped = func() { reveal(ref) }
		h := text.MinSize().Height
		speaker := g.Speaker
		if speaker == "" {
			speaker = "—"
		}
		sp := widget.NewLabel(speaker)
		sp.Truncation = fyne.TextTruncateEllipsis
		if g.SpeakerConflict {
			sp.SetText("⚠ " + fmt.Sprint(len(g.Speakers)) + " speakers: " + joinOr(g.Speakers))
			sp.Importance = widget.DangerImportance
		}
		row := container.NewHBox(container.NewGridWrap(fyne.NewSize(ledgerTextWidth, h), text),
			container.NewGridWrap(fyne.NewSize(ledgerSpeakerWidth, h), sp))
		for _, st := range g.States {
			row.Add(stateCell(st, h))
		}
		box.Add(row)
	}
	return box
}

// namesMatrix is the table of people, organisations and places by outlet:
// quoted, mentioned (with how often) or absent.
func namesMatrix(docs []*corpus.Document, fa *framing.Analysis, all bool, expand func()) fyne.CanvasObject {
	box := container.NewVBox(widget.NewRichText(&widget.TextSegment{Text: fmt.Sprintf("Names (%d people, organisations and places)", len(fa.Entities)), Style: outletStyle}))
	if len(fa.Entities) == 0 {
		box.Add(widget.NewLabel("No names found."))
		return box
	}
	box.Add(ledgerHeader(docs, "Name", "Kind"))
	for k, e := range fa.Entities {
		if k == 3*framingShown && !all {
			box.Add(widget.NewButton(fmt.Sprintf("Show all %d names", len(fa.Entities)), expand))
			break
		}
		name := widget.NewLabel(e.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		h := name.MinSize().Height
		kind := widget.NewLabel(string(e.Kind))
		kind.Importance = widget.LowImportance
		row := container.NewHBox(container.NewGridWrap(fyne.NewSize(ledgerTextWidth, h), name),
			container.NewGridWrap(fyne.NewSize(ledgerSpeakerWidth, h), kind))
		for _, st := range e.States {
			row.Add(stateCell(st, h))
		}
		box.Add(row)
	}
	return box
}

// leadsGrid shows the leads side by side: one column per outlet with its
// headline and first three sentences of reporting (links to them) and
// their categories.
func leadsGrid(docs []*corpus.Document, fa *framing.Analysis, reveal func(compare.Ref)) fyne.CanvasObject {
	cols := make([]fyne.CanvasObject, len(docs))
	for d, o := range fa.Outlets {
		segs := []widget.RichTextSegment{&widget.TextSegment{Text: fmt.Sprintf("%d. %s", d+1, outletName(docs[d])), Style: outletStyle}}
		if o.Lead.Headline != "" {
			segs = append(segs, &widget.TextSegment{Text: o.Lead.Headline, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}})
		}
		for _, l := range o.Lead.Sentences {
			r := compare.Ref{Doc: d, Sentence: l.Sentence}
			segs = append(segs, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{
				&widget.HyperlinkSegment{Text: quote(l.Text), OnTapped: func() { reveal(r) }},
				&widget.TextSegment{Text: fmt.Sprintf("  (%s, %d of %d)", l.Status, max(l.Coverage, 1), len(docs)), Style: dimStyle},
			}})
		}
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		cols[d] = rt
	}
	return container.NewVBox(widget.NewRichText(&widget.TextSegment{Text: "Leads side by side", Style: outletStyle}),
		container.NewGridWithColumns(len(cols), cols...))
}
