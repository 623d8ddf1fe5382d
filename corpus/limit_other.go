//go:build !linux

package corpus

import "runtime/debug"

// limitChildMemory sets the Go runtime's soft memory limit of a reader
// child; hard address-space limits are applied on Linux only.
func limitChildMemory(limit int64) {
	debug.SetMemoryLimit(limit * 3 / 4)
}
