// Package widgets holds Parallax's reusable Fyne widgets: FlowText
// (word-wrapped text whose sentences have their own fills, outlines and
// taps),
// OverviewStrip (a diff viewer's change map beside a column), DocRow (an
// article's row in the sidebar) with its ShareBar, a column head's lines
// beside its close button (NewHeadLines), the hover tip of a truncated
// header, and the colour arithmetic they share.
//
// The widgets take plain data (texts, colours, shares, counts) and
// callbacks; they know nothing of the controller, the comparison or the
// articles, and never import the app package.
package widgets
