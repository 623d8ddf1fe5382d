package corpus

import "time"

// hangLimit turns the time a test's work takes on an idle machine into a
// limit that only catches a hang (or a lost bound): the race detector
// slows this code 5-10 times and a shared, loaded machine as much again,
// so the limits are generous. Speed itself is measured in benchmarks.
func hangLimit(idle time.Duration) time.Duration {
	if raceBuild {
		return 20 * idle
	}
	return 5 * idle
}
