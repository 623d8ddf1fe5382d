package compare

// Options tunes a comparison.
type Options struct {
	// Sensitivity, from 0 to 1, moves the linking threshold between a
	// strict regime (0: only strong, clearly shared content links, right
	// for independent articles) and a lenient one (1: weak paraphrases too,
	// right for rewrites of one source). 0.5 is the default.
	Sensitivity float64
}

// DefaultOptions returns the options used when none are given.
func DefaultOptions() Options { return Options{Sensitivity: 0.5} }
