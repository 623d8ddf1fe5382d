// Package app is Parallax's desktop user interface: one scrollable column
// per article, each sentence tinted by how the comparison classed it
// (shared, paraphrased, unique), with a legend and a status line that lists
// the files that could not be read.
//
// The widgets it builds on (a paragraph's flowing text, the overview
// strips, the sidebar rows, the hover tip) are in package widgets, which
// knows nothing of the comparison; app turns the comparison into their
// texts, colours and shares.
//
// What the window shows apart from how it is drawn (a selection's detail,
// the navigation and search positions, Copy Comparison's text) is
// parallax/viewmodel's; this package draws it with Fyne and keeps the
// controller that runs the comparisons. Each menu command and its keys
// are declared once, in commands.go.
//
// The package builds windows on a fyne.App it is given; it never creates
// the app itself, so it can be tested with Fyne's headless test driver.
package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
	"parallax/viewmodel"
	"parallax/widgets"
)

// windowTitle is the main window's title.
const windowTitle = "Parallax"

// maxListedErrors is how many load errors the status line spells out.
const maxListedErrors = 3

// paragraphGap is the extra space between two paragraphs of a column.
const paragraphGap = 10

// windowSize is the main window's initial size.
var windowSize = fyne.NewSize(1300, 850)

// iconResource is the window icon.
var iconResource = fyne.NewStaticResource("icon.png", assets.Icon)

// The sentence fills, from the Okabe-Ito colour-blind-safe palette. They are
// translucent so that the theme's text colour stays readable on them in both
// the light and the dark theme.
var (
	sharedFill      color.Color = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0x80}
	paraphrasedFill color.Color = color.NRGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0x80}
	uniqueFill      color.Color = color.Transparent
)

// fillFor returns the background of a sentence with the given status.
func fillFor(k compare.Kind) color.Color {
	switch k {
	case compare.Shared:
		return sharedFill
	case compare.Paraphrased:
		return paraphrasedFill
	default:
		return uniqueFill
	}
}

// statusOf returns the status of sentence i of document d, Unique when the
// result does not cover it.
func statusOf(res *compare.Result, d, i int) compare.Kind { return viewmodel.Status(res, d, i) }

// splitEvenly nests cols in horizontal splits so that each gets the same
// share of the width.
func splitEvenly(cols []fyne.CanvasObject) fyne.CanvasObject {
	if len(cols) == 1 {
		return cols[0]
	}
	s := container.NewHSplit(cols[0], splitEvenly(cols[1:]))
	s.Offset = 1 / float64(len(cols))
	return s
}

// paragraphLayout adds the gap below each paragraph of a column.
var paragraphLayout = layout.NewCustomPaddedLayout(0, paragraphGap, 0, 0)

// The text styles of a column.
var (
	outletStyle = widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}
	bodyStyle   = widget.RichTextStyle{}
	// dimStyle is for dates and boilerplate: grey, yet readable on the
	// sentence fills in both themes (unlike the theme's disabled colour).
	dimStyle = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}
)

// header names a column's document in lines that stay above its scrolling
// text: the outlet (bold), the title and the date, each on one line,
// truncated with an ellipsis when the column is narrow (the title is also
// the first line of most articles' text). The title and date lines are
// there when withTitle and withDate say so, empty if the document has
// none, so that the columns' texts start level. end, when not nil (the
// close button), sits beside the outlet line only.
func header(doc *corpus.Document, withTitle, withDate bool, end fyne.CanvasObject) fyne.CanvasObject {
	lines := []fyne.CanvasObject{widgets.OneLine(outletName(doc), outletStyle)}
	if withTitle {
		lines = append(lines, widgets.OneLine(doc.Title, bodyStyle))
	}
	if withDate {
		lines = append(lines, widgets.OneLine(doc.Date, dimStyle))
	}
	return widgets.NewHeadLines(end, lines...)
}

// swatch is a small square of a legend colour, outlined so that a
// transparent fill still shows.
func swatch(fill color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(fill)
	r.StrokeColor = theme.Color(theme.ColorNamePlaceHolder)
	r.StrokeWidth = 1
	r.CornerRadius = theme.InputRadiusSize()
	r.SetMinSize(fyne.NewSquareSize(18))
	return container.NewCenter(r)
}

// errorText is "N file(s) could not be read: " and the first few errors.
func errorText(errs []*corpus.FileError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s could not be read: ", plural(len(errs), "file", "files"))
	for i, e := range errs {
		if i == maxListedErrors {
			fmt.Fprintf(&b, "; and %d more", len(errs)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// plural formats a count with the singular or plural noun.
func plural(n int, one, many string) string { return viewmodel.Plural(n, one, many) }
