package corpus

import (
	"errors"
	"fmt"
	"unicode"

	"parallax/analysis/sentence"
)

// Budgets on what one file may expand to. A file over a budget is refused
// with a reason that names the budget; nothing is silently cut.
const (
	// maxExtractedText bounds the text extracted from one file.
	maxExtractedText = MaxTextBytes
	// maxParagraphs bounds the paragraphs of one file.
	maxParagraphs = 50000
	// maxSentenceBytes bounds one sentence: no sentence of prose comes
	// near it, while a text without sentence breaks (megabytes of words on
	// one line) would make the comparison's work grow with the square of
	// the sentence's words.
	maxSentenceBytes = 64 << 10
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

// checkParas applies the budgets to a reader's paragraphs, the sentence
// budget too where a paragraph has a run longer than it without any
// sentence punctuation (found before the costlier sentence split).
func checkParas(paras []string) error {
	var b textBudget
	for _, p := range paras {
		if err := b.add(p); err != nil {
			return err
		}
		if len(p) > maxSentenceBytes && hasRunWithoutStop(p, maxSentenceBytes) {
			return errLongSentence
		}
	}
	return nil
}

// errLongSentence is the reason for a text with a sentence over the budget.
var errLongSentence = &budgetError{fmt.Sprintf("a sentence longer than %d KB (the limit; is the text missing its full stops?)", maxSentenceBytes>>10)}

// hasRunWithoutStop reports whether s holds more than n bytes in a row
// without a full stop, question or exclamation mark or line break: they
// can only be one sentence.
func hasRunWithoutStop(s string, n int) bool {
	last := 0
	for i, r := range s {
		if r == '.' || r == '…' || r == '\n' || sentence.IsStop(r) {
			last = i
		} else if i-last > n {
			return true
		}
	}
	return false
}

// checkSentences applies the sentence budget to a document.
func checkSentences(doc *Document) error {
	for _, s := range doc.Sentences {
		if s.End-s.Start > maxSentenceBytes {
			return errLongSentence
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
