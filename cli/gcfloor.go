package cli

import (
	"os"
	"runtime"
	"runtime/debug"
)

// gcFloorBytes is the memory below which a headless comparison runs
// without collecting garbage: the five sample articles compare in about
// 30 MB, and collecting on the way cost a fifth of the whole process's
// processor time. Past it, the collector works as usual.
const gcFloorBytes = 64 << 20

// gcFloor turns the garbage collector off until the process's memory
// reaches gcFloorBytes (a soft limit), then, at that first collection,
// back to its usual pacing and limit. It does nothing when GOGC is set,
// or when the memory limit is already below the floor.
func gcFloor() {
	if os.Getenv("GOGC") != "" {
		return
	}
	limit := debug.SetMemoryLimit(-1) // -1 reads the limit
	if limit < gcFloorBytes {
		return
	}
	percent := debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcFloorBytes)
	// The cleanup runs after the first collection that finds the sentinel
	// unreachable.
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}, struct{}{})
}
