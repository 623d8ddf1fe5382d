package compare

// Options tunes a comparison.
type Options struct {
	// Sensitivity, from 0 to 1, moves the linking threshold: the
	// analyst's dial, lower is stricter. At DefaultSensitivity a link
	// needs the threshold the link model was fitted for, on rewrites and
	// independent outlets together; the model itself weighs each pair of
	// articles' background (how far they are from a rewrite), so that one
	// setting serves both kinds of comparison. Below StrictSensitivity
	// every link also needs a shared common word, not only names.
	Sensitivity float64
	// Closest asks for Result.Closest, each sentence's strongest rejected
	// candidate: what the viewer offers to link by hand. Scoring the near
	// misses costs about a tenth of a comparison, so reports, which do not
	// show them, go without.
	Closest bool
}

// The sensitivities of the two regimes, and the default between them.
const (
	// StrictSensitivity is the setting below which every link needs a
	// shared common word.
	StrictSensitivity = 0.5
	// DefaultSensitivity is the fitted threshold, for rewrites and
	// independent outlets alike.
	DefaultSensitivity = 0.6
	// RewriteSensitivity is a lenient setting, 0.45 logits under the
	// default, that `parallax eval` also reports.
	RewriteSensitivity = 0.75
)

// DefaultOptions returns the options used when none are given.
func DefaultOptions() Options { return Options{Sensitivity: DefaultSensitivity} }
