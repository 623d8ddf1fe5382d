package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"parallax/corpus"
)

// csvHeader is the first row of the CSV of links.
var csvHeader = []string{"link", "kind", "score", "doc_a", "outlet_a", "sentence_a", "text_a",
	"doc_b", "outlet_b", "sentence_b", "text_b", "evidence", "conflicts", "corrected"}

// WriteCSV writes the links as CSV, one a row: kind, score, both sentences
// (document and sentence numbers from 1, outlet, text), the evidence and
// the conflicting figures ("5,000 / 3,000"), and "yes" for a link made by
// hand (corrected; "" otherwise). Comment rows starting with
// "#" (one field each; encoding/csv's Reader skips them with Comment set
// to '#') record the version, the sensitivity and the inputs.
func WriteCSV(w io.Writer, c Comparison) error {
	fa := c.Analysis()
	cw := csv.NewWriter(w)
	m := c.meta()
	comments := []string{fmt.Sprintf("parallax %s; sensitivity %.2f", m.Version, c.Sensitivity), Count(c.Result).String()}
	for d, doc := range c.Docs {
		comments = append(comments, fmt.Sprintf("input %d: %s (%s)", d+1, corpus.DisplayPath(doc.Path), OutletName(doc)))
	}
	for _, e := range c.Errors {
		comments = append(comments, "skipped: "+e.Error())
	}
	for _, s := range comments {
		if _, err := io.WriteString(w, "# "+strings.NewReplacer("\n", " ", "\r", " ").Replace(s)+"\n"); err != nil {
			return err
		}
	}
	var rows [][]string
	rows = append(rows, csvHeader)
	for li, l := range c.Result.Links {
		var conf []string
		for _, x := range fa.ConflictsOn(li) {
			conf = append(conf, x.FigureA.Text+" / "+x.FigureB.Text)
		}
		rows = append(rows, []string{strconv.Itoa(li + 1), string(l.Kind), strconv.FormatFloat(l.Score, 'f', 3, 64),
			strconv.Itoa(l.A.Doc + 1), OutletName(c.Docs[l.A.Doc]), strconv.Itoa(l.A.Sentence + 1), c.Docs[l.A.Doc].SentenceText(l.A.Sentence),
			strconv.Itoa(l.B.Doc + 1), OutletName(c.Docs[l.B.Doc]), strconv.Itoa(l.B.Sentence + 1), c.Docs[l.B.Doc].SentenceText(l.B.Sentence),
			strings.Join(l.Evidence, " "), strings.Join(conf, "; "), yesIf(l.Corrected)})
	}
	for _, r := range rows {
		for i, f := range r {
			r[i] = csvSafe(f)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// yesIf is "yes" when b holds, else "".
func yesIf(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// csvSafe keeps a spreadsheet from reading a field of article text as a
// formula: a field starting with =, +, - or @ gets a leading apostrophe.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) && !parsesAsFloat(s) {
		return "'" + s
	}
	return s
}

// parsesAsFloat reports whether s is a plain number to strconv.ParseFloat
// (a CSV cell that must not be quoted as a formula; not a recogniser of
// numbers in running text, which is package analysis/number).
func parsesAsFloat(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// mdEscape keeps article text from being read as Markdown: the characters
// Markdown gives a meaning are escaped, HTML's < and > written as entities,
// and line breaks become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteMarkdown writes a summary of the framing analysis for pasting into a
// memo: per outlet its shares, lead, what it left out, its sources and its
// distinctive names, numbers and terms; then the quotes carried by several
// outlets, the conflicting figures and the word choices.
func WriteMarkdown(w io.Writer, c Comparison) error {
	p := buildPage(&c)
	fa := c.Analysis()
	var b strings.Builder
	e := mdEscape
	fmt.Fprintf(&b, "# Parallax: how %d outlets tell the story\n\n", p.N)
	fmt.Fprintf(&b, "Parallax %s, sensitivity %s. %s. Inputs:\n\n", e(p.Version), p.Sensitivity, p.Totals)
	for i, in := range p.Inputs {
		fmt.Fprintf(&b, "%d. %s (%s)\n", i+1, e(p.Outlets[i]), e(in))
	}
	for _, s := range p.Skipped {
		fmt.Fprintf(&b, "- skipped: %s\n", e(s))
	}
	if sents, links := c.Corrections(); sents > 0 {
		fmt.Fprintf(&b, "\nCorrected by hand: %s, %s made by hand.\n", plural(sents, "sentence"), plural(links, "link"))
	}
	for d, k := range p.Cards {
		fmt.Fprintf(&b, "\n## %d. %s\n\n", d+1, e(k.Outlet))
		fmt.Fprintf(&b, "%s.\n\n", k.Counts)
		if k.Headline != "" {
			fmt.Fprintf(&b, "**Headline:** %s\n\n", e(k.Headline))
		}
		b.WriteString("**Lead:**\n\n")
		for _, l := range k.Lead {
			fmt.Fprintf(&b, "- %s *(%s)*\n", e(l.Anchor.Text), e(l.Label))
		}
		fmt.Fprintf(&b, "\n**Left out here** (%s at least half of the others carry)", plural(len(fa.Outlets[d].LeftOut), "claim"))
		if len(k.LeftOut) == 0 {
			b.WriteString(": none.\n")
		} else {
			b.WriteString(":\n\n")
			for _, a := range k.LeftOut {
				fmt.Fprintf(&b, "- %s\n", e(a.Text))
			}
			if k.LeftOutMore > 0 {
				fmt.Fprintf(&b, "- … and %d more\n", k.LeftOutMore)
			}
		}
		fmt.Fprintf(&b, "\n**Quotes:** %s  \n**Names without quoting:** %s\n\n", e(listOr(k.Quoted, "no one")), e(listOr(k.Mentioned, "no one")))
		fmt.Fprintf(&b, "**Distinctive** names: %s; numbers: %s; terms: %s.\n", e(listOr(k.Names, "none")), e(listOr(k.Numbers, "none")), e(listOr(k.Terms, "none")))
	}
	b.WriteString("\n## Quotes in more than one outlet\n\n")
	shared := 0
	for _, q := range p.Quotes {
		var in []string
		for d, st := range q.States {
			if st.State != "absent" {
				in = append(in, fmt.Sprintf("%s %s", p.Outlets[d], st.State))
			}
		}
		if len(in) < 2 {
			continue
		}
		shared++
		fmt.Fprintf(&b, "- “%s” — %s (%s)", e(q.Text), e(orDash(q.Speaker)), e(strings.Join(in, ", ")))
		if q.Conflict != "" {
			fmt.Fprintf(&b, " **⚠ %s**", e(q.Conflict))
		}
		b.WriteString("\n")
	}
	if shared == 0 {
		b.WriteString("None.\n")
	}
	b.WriteString("\n## Conflicting figures\n\n")
	if len(p.Conflicts) == 0 {
		b.WriteString("None on linked sentences.\n")
	}
	for _, x := range p.Conflicts {
		fmt.Fprintf(&b, "- **%s** (%s) vs **%s** (%s): %s\n", e(x.FigA), e(x.OutA), e(x.FigB), e(x.OutB), e(x.A.Text))
	}
	b.WriteString("\n## Word choices\n\n")
	if len(p.Choices) == 0 {
		b.WriteString("None.\n")
	}
	for _, cp := range p.Choices {
		fmt.Fprintf(&b, "- %s / %s (%d): %s\n", e(cp.A), e(cp.B), cp.Total, e(strings.Join(cp.Choices, " · ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// listOr joins a list with commas, or gives none when it is empty.
func listOr(xs []string, none string) string {
	if len(xs) == 0 {
		return none
	}
	return strings.Join(xs, ", ")
}

// orDash is s, or "—" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Formats are the report formats Write knows.
var Formats = []string{"text", "json", "html", "csv", "md"}

// Write writes the comparison in the named format (one of Formats).
func Write(w io.Writer, format string, c Comparison) error {
	switch format {
	case "text":
		return WriteText(w, c)
	case "json":
		return WriteJSON(w, c)
	case "html":
		return WriteHTML(w, c)
	case "csv":
		return WriteCSV(w, c)
	case "md":
		return WriteMarkdown(w, c)
	}
	return fmt.Errorf("unknown report format %q (want %s)", format, strings.Join(Formats, ", "))
}

// FormatOf is the report format a file name asks for by its extension:
// .json, .html or .htm, .csv, .md or .markdown; text otherwise.
func FormatOf(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".json"):
		return "json"
	case strings.HasSuffix(n, ".html"), strings.HasSuffix(n, ".htm"):
		return "html"
	case strings.HasSuffix(n, ".csv"):
		return "csv"
	case strings.HasSuffix(n, ".md"), strings.HasSuffix(n, ".markdown"):
		return "md"
	}
	return "text"
}
