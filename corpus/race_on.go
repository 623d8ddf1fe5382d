//go:build race

package corpus

// raceBuild reports a build with the race detector.
const raceBuild = true
