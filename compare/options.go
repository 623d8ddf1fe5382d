package compare

// Options tunes a comparison.
type Options struct {
	// Sensitivity, from 0 to 1, moves the linking threshold and the
	// engine between two regimes. At StrictSensitivity and below, the
	// regime of independent articles on one story: each pair of articles
	// is calibrated against its background similarity, so that topic
	// overlap (the story's words, a name) never makes a link. At
	// RewriteSensitivity and above, the regime of rewrites of one source,
	// where most sentences have a counterpart. Lower is stricter.
	Sensitivity float64
}

// The sensitivities of the two regimes, and the default between them.
const (
	// StrictSensitivity suits independent articles on one story: every
	// link is calibrated in full against its articles' background.
	StrictSensitivity = 0.5
	// DefaultSensitivity leans to the strict regime, for articles from
	// different outlets, but keeps clear paraphrases.
	DefaultSensitivity = 0.6
	// RewriteSensitivity suits rewrites, summaries and wire copies of one
	// source; the evaluation on news_synth (an article and its rewrite)
	// runs here.
	RewriteSensitivity = 0.75
)

// DefaultOptions returns the options used when none are given.
func DefaultOptions() Options { return Options{Sensitivity: DefaultSensitivity} }
