// Package engine is Parallax's engine as the evaluation sees it: corpus's
// text builder and sentence splitter, compare's aligner and scorer. It is
// apart from evaluate, which measures any engine, so that the engine's own
// tuning tests can use evaluate.
package engine

import (
	"context"

	"parallax/compare"
	"parallax/corpus"
	"parallax/evaluate"
)

// Parallax returns the engine comparing with opts.
func Parallax(opts compare.Options) evaluate.Engine {
	return evaluate.Engine{
		Build: corpus.FromText,
		Align: func(a, b *corpus.Document) [][2]int {
			res, err := compare.Compare(context.Background(), []*corpus.Document{a, b}, opts)
			if err != nil {
				return nil
			}
			out := make([][2]int, 0, len(res.Links))
			for _, l := range res.Links {
				out = append(out, [2]int{l.A.Sentence, l.B.Sentence})
			}
			return out
		},
		Score: func(a, b string) float64 {
			s, _ := compare.Score(a, b)
			return s
		},
	}
}
