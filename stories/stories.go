// Package stories groups a folder of news articles into stories: sets of
// articles about the same event. Articles of one story share rare terms,
// names and numbers ("Dizaei", "Southwark", "£600"), while articles of
// different stories share at most the generic words of news.
//
// Each article is described by a sparse vector of its most distinctive
// content terms: Snowball stems (package analysis/token: stop words dropped,
// numbers normalised) and two-word names, weighted by tf-idf over the
// folder (a folder of fewer than a hundred articles counting as part of a
// hundred), capitalised names boosted. Neighbours are found through an
// inverted index of the rarer terms and compared by cosine similarity, and
// the articles are joined by average-linkage clustering: two groups merge
// only when their articles are similar on average, so that one generic
// term or one round-up article cannot chain unrelated stories together.
//
// Group is deterministic: the same documents give the same stories in the
// same order.
package stories

import (
	"context"
	"slices"
	"sync"

	"parallax/corpus"
)

// Options tunes Group.
type Options struct {
	// Threshold is the average cosine similarity, from 0 to 1, that the
	// articles of two groups need to be merged into one story. Higher
	// makes smaller, tighter stories.
	Threshold float64
	// Terms is how many of its most distinctive terms describe each
	// article.
	Terms int
	// MaxDocShare is the share of the folder's articles above which a term
	// is too common to find neighbours by (it still counts in the
	// similarity of articles found through rarer terms).
	MaxDocShare float64
	// LabelTerms is how many terms a story's label names.
	LabelTerms int
	// Compare is how many articles of a story are chosen for the
	// comparison (Story.Compared) when it has more.
	Compare int
	// Progress, if set, is called as Group works with the steps done and
	// the total (four steps per article: reading its terms, weighing
	// them, finding its neighbours, describing its story), every few
	// hundred steps and at the end. It may be called from worker
	// goroutines, but one call at a time, with done counting up.
	Progress func(done, total int)
}

// Default option values.
const (
	// DefaultThreshold is the default Options.Threshold. Rewrites of one
	// source (the evaluation data) are more alike than independent
	// outlets' reports of one event, which share the event's names and
	// numbers but little else; 0.2 keeps the latter together (the five
	// sample articles in a folder of other stories) at almost the same
	// B-cubed F1 on the rewrites (0.957 against 0.960 at 0.25).
	DefaultThreshold = 0.2
	// DefaultTerms is the default Options.Terms.
	DefaultTerms = 100
	// DefaultMaxDocShare is the default Options.MaxDocShare.
	DefaultMaxDocShare = 0.05
	// DefaultLabelTerms is the default Options.LabelTerms.
	DefaultLabelTerms = 3
	// DefaultCompare is the default Options.Compare: the articles the
	// viewer compares side by side at most.
	DefaultCompare = 8
)

// DefaultOptions returns the options Group uses for zero fields.
func DefaultOptions() Options {
	return Options{
		Threshold:   DefaultThreshold,
		Terms:       DefaultTerms,
		MaxDocShare: DefaultMaxDocShare,
		LabelTerms:  DefaultLabelTerms,
		Compare:     DefaultCompare,
	}
}

// withDefaults fills the zero fields of o from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.Terms <= 0 {
		o.Terms = d.Terms
	}
	if o.MaxDocShare <= 0 {
		o.MaxDocShare = d.MaxDocShare
	}
	if o.LabelTerms <= 0 {
		o.LabelTerms = d.LabelTerms
	}
	if o.Compare <= 0 {
		o.Compare = d.Compare
	}
	return o
}

// Story is one group of articles about the same event.
type Story struct {
	// Members are the indexes into the grouped documents of the story's
	// articles, in increasing order.
	Members []int
	// Terms are the story's most distinctive shared terms, in their
	// surface form ("López Obrador", "border"), most distinctive first.
	Terms []string
	// Label is Terms joined by " · ", a short name for the story.
	Label string
	// Representative is the index of the member most similar to the
	// others (the first member of a story of one article).
	Representative int
	// Title is the representative's title, or when it has none the
	// beginning of its first sentence.
	Title string
	// Cohesion is the mean cosine similarity, from 0 to 1, over the pairs
	// of the story's articles; 0 for a story of one article.
	Cohesion float64
	// Compared are the members chosen for the comparison, in increasing
	// order: all of them when they are at most Options.Compare, else that
	// many, the most representative and distinct (close to the story's
	// other articles, far from one another: maximal marginal relevance).
	Compared []int

	sp *space // for editing: see Merge
}

// Size is the number of articles in the story.
func (s *Story) Size() int { return len(s.Members) }

// Group sorts docs into stories. Every document is in exactly one story;
// an article that shares its story with no other is a story of one.
// Stories come largest first, then by their first member. Zero fields of
// opts take their default values. Group checks ctx as it works and, when
// it is cancelled, stops promptly and returns ctx.Err().
func Group(ctx context.Context, docs []*corpus.Document, opts Options) ([]Story, error) {
	opts = opts.withDefaults()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	prog := &progress{report: opts.Progress, total: 4 * len(docs)}
	raw, err := extractAll(ctx, docs, prog)
	if err != nil {
		return nil, err
	}
	vs, err := buildVectors(ctx, raw, opts.Terms, prog)
	if err != nil {
		return nil, err
	}
	edges, err := neighbours(ctx, vs, opts.MaxDocShare, prog)
	if err != nil {
		return nil, err
	}
	cl, err := averageLinkage(ctx, len(docs), edges, opts.Threshold)
	if err != nil {
		return nil, err
	}
	sp := &space{docs: docs, vs: vs, opts: opts}
	sp.opts.Progress = nil // the stories keep no callback
	out := make([]Story, 0, len(cl))
	for _, c := range cl {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out = append(out, describe(sp, c))
		prog.add(len(c))
	}
	slices.SortFunc(out, func(a, b Story) int {
		if len(a.Members) != len(b.Members) {
			return len(b.Members) - len(a.Members)
		}
		return a.Members[0] - b.Members[0]
	})
	return out, nil
}

// progress counts Group's steps for Options.Progress, one call at a time.
type progress struct {
	mu          sync.Mutex
	report      func(done, total int)
	done, total int
}

// progressEvery is how many steps pass between calls of Options.Progress.
const progressEvery = 256

// add counts k more steps done.
func (p *progress) add(k int) {
	if p.report == nil || k == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	before := p.done
	p.done += k
	if p.done/progressEvery != before/progressEvery || p.done == p.total {
		p.report(p.done, p.total)
	}
}
