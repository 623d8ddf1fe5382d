// Package gcfloor lets a short run finish without collecting garbage:
// from the process's initialisation until its memory reaches Bytes, the
// collector is off; at that first collection it returns to its usual
// pacing and to the memory limit the program asked for.
//
// The five sample articles compare in about 40 MB, and collecting on the
// way (three collections, one of them during the packages'
// initialisation, when the translation tables and models fill the first
// 4 MB) cost a fifth of the whole process's processor time. A big folder
// passes the floor early and is collected as usual from there.
//
// Importing the package does the work, in its initialisation; only the
// main package imports it, beside internal/hugeheap. The two are apart
// because this one needs runtime/debug, which Go initialises too late for
// the huge pages (see that package). GOGC in the environment turns the
// floor off (the user's setting wins), and so does a GOMEMLIMIT below
// Bytes.
package gcfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// Bytes is the memory (Go's soft memory limit) below which the process
// runs without collecting.
const Bytes = 64 << 20

// floor is the state of the process's floor.
var floor struct {
	sync.Mutex
	on      bool  // the collector is off until the first collection
	limit   int64 // the memory limit to set when it ends
	percent int   // the collector's pacing (GOGC) to set when it ends
}

func init() { start() }

// start turns the collector off until the memory reaches Bytes, unless the
// environment says otherwise; the first collection ends the floor.
func start() {
	if os.Getenv("GOGC") != "" {
		return
	}
	limit := debug.SetMemoryLimit(-1) // -1 reads the limit
	if limit < Bytes {
		return
	}
	floor.Lock()
	defer floor.Unlock()
	floor.on, floor.limit = true, limit
	floor.percent = debug.SetGCPercent(-1)
	debug.SetMemoryLimit(Bytes)
	// The cleanup runs after the first collection, which finds the
	// sentinel unreachable.
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) { end() }, struct{}{})
}

// end gives the collector back its pacing and limit.
func end() {
	floor.Lock()
	defer floor.Unlock()
	if !floor.on {
		return
	}
	floor.on = false
	debug.SetMemoryLimit(floor.limit)
	debug.SetGCPercent(floor.percent)
}

// on reports whether the floor holds: the collector has not run since the
// initialisation.
func on() bool {
	floor.Lock()
	defer floor.Unlock()
	return floor.on
}

// SetMemoryLimit sets the process's soft memory limit, as
// debug.SetMemoryLimit does, from the end of the floor: while the floor
// holds, the limit waits for the first collection, unless it is below
// Bytes, which ends the floor at once.
func SetMemoryLimit(n int64) {
	floor.Lock()
	if floor.on && n >= Bytes {
		floor.limit = n
		floor.Unlock()
		return
	}
	floor.Unlock()
	end()
	debug.SetMemoryLimit(n)
}
