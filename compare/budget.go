package compare

import (
	"errors"
	"fmt"

	"parallax/corpus"
)

// Budget bounds the articles compared at once interactively (the viewer)
// or in one `parallax compare`: every pair of articles is aligned, so the
// work grows with the square of their number and with their sentences. A
// zero field is no limit.
type Budget struct {
	// Articles is the most articles compared at once.
	Articles int
	// Sentences is the most sentences, summed over the articles.
	Sentences int
}

// DefaultBudget is the budget of `parallax compare` and of the viewer:
// seconds and a few hundred MB. 50 articles of 30 sentences take 2 s of
// CPU and 81 MB; 200 took 42 s and 722 MB; two near-copies of 2,000
// sentences each took 969 MB (before the engine's alignment was bounded).
var DefaultBudget = Budget{Articles: 50, Sentences: 3000}

// ErrOverBudget is the error (under *BudgetError) of a comparison over
// its budget.
var ErrOverBudget = errors.New("over the budget for comparing at once")

// BudgetError says which part of a budget a set of articles is over.
type BudgetError struct {
	// Articles and Sentences are what was asked for.
	Articles, Sentences int
	// Budget is what was allowed.
	Budget Budget
}

// Error names the figures.
func (e *BudgetError) Error() string {
	if e.Budget.Articles > 0 && e.Articles > e.Budget.Articles {
		return fmt.Sprintf("%d articles are more than the %d compared at once", e.Articles, e.Budget.Articles)
	}
	return fmt.Sprintf("%d sentences (in %d articles) are more than the %d compared at once",
		e.Sentences, e.Articles, e.Budget.Sentences)
}

// Unwrap returns ErrOverBudget.
func (e *BudgetError) Unwrap() error { return ErrOverBudget }

// Check returns a *BudgetError when docs are over the budget, else nil.
func (b Budget) Check(docs []*corpus.Document) error {
	sents := 0
	for _, d := range docs {
		sents += len(d.Sentences)
	}
	if (b.Articles > 0 && len(docs) > b.Articles) || (b.Sentences > 0 && sents > b.Sentences) {
		return &BudgetError{Articles: len(docs), Sentences: sents, Budget: b}
	}
	return nil
}

// Fit returns the longest prefix of docs within the budget (at least
// one article).
func (b Budget) Fit(docs []*corpus.Document) []*corpus.Document {
	sents := 0
	for i, d := range docs {
		sents += len(d.Sentences)
		if i > 0 && ((b.Articles > 0 && i+1 > b.Articles) || (b.Sentences > 0 && sents > b.Sentences)) {
			return docs[:i]
		}
	}
	return docs
}
