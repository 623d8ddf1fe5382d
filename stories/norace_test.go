//go:build !race

package stories

// raceEnabled is set when the race detector is on: the largest inputs are
// left to runs without it.
const raceEnabled = false
