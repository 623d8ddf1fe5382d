package corpus

import (
	"errors"
	"fmt"
	"unicode"
)

// Budgets on what one file may expand to. A file over a budget is refused
// with a reason that names the budget; nothing is silently cut.
const (
	// maxExtractedText bounds the text extracted from one file.
	maxExtractedText = MaxTextBytes
	// maxParagraphs bounds the paragraphs of one file.
	maxParagraphs = 50000
)

// errNoWords is the reason for a file whose text holds no letter
// (punctuation, symbols or numbers only).
var errNoWords = errors.New("no words (the text holds no letters)")

// budgetError is a file that expands past one of the budgets.
type budgetError struct{ what string }

// Error names the budget.
func (e *budgetError) Error() string { return "too big to read: " + e.what }

// textBudget counts the paragraphs and bytes of text a reader extracts.
type textBudget struct {
	paras, bytes int
}

// add counts one paragraph and reports a budget passed.
func (b *textBudget) add(p string) error {
	b.paras++
	b.bytes += len(p) + 2
	switch {
	case b.paras > maxParagraphs:
		return &budgetError{fmt.Sprintf("more than %d paragraphs (the limit)", maxParagraphs)}
	case b.bytes > maxExtractedText:
		return &budgetError{fmt.Sprintf("it expands to more than %d MB of text (the limit)", maxExtractedText>>20)}
	}
	return nil
}

// checkParas applies the budgets to a reader's paragraphs.
func checkParas(paras []string) error {
	var b textBudget
	for _, p := range paras {
		if err := b.add(p); err != nil {
			return err
		}
	}
	return nil
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
