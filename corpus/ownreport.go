package corpus

import (
	"bytes"
	"errors"

	"parallax/internal/lazyre"
)

// errOwnReport is the reason a report Parallax exported is not read back
// as an article.
var errOwnReport = errors.New("a Parallax report, not an article")

// ownReportSniff is how much of a file isOwnReport looks at.
const ownReportSniff = 2048

// ownReportLine matches the line every text and Markdown report of
// package report carries near its top ("Parallax v1.2, sensitivity 0.50").
var ownReportLine = lazyre.New(`(?m)^Parallax .+, sensitivity [0-9]`)

// isOwnReport reports whether data is a report written by package report:
// HTML with <meta name="generator" content="Parallax …">, or a text or
// Markdown report, which begins "Parallax: N documents" or "# Parallax:
// how N outlets" and names Parallax's version and sensitivity below.
// (CSV and JSON reports have no reader and are refused by type.)
func isOwnReport(data []byte) bool {
	head := data[:min(len(data), ownReportSniff)]
	if bytes.Contains(bytes.ToLower(head), []byte(`<meta name="generator" content="parallax`)) {
		return true
	}
	if !bytes.HasPrefix(head, []byte("Parallax: ")) && !bytes.HasPrefix(head, []byte("# Parallax: how ")) {
		return false
	}
	return ownReportLine.MatchString(string(head))
}
