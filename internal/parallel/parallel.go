// Package parallel spreads independent work items over the processors,
// for the loops of Parallax that read, tokenise or compare many things at
// once. Results are the caller's to store by index, so that they never
// depend on scheduling.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines For uses for n items: one per processor
// (GOMAXPROCS), never more than n, at least one.
func Workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n))
}

// For calls work(worker, i) once for every i in [0, n), from Workers(n)
// goroutines, and returns when all calls have returned. worker, in
// [0, Workers(n)), names the goroutine making the call, so that work can
// keep scratch state per goroutine without locks. Once ctx is cancelled no
// further item is started and For returns ctx.Err().
func For(ctx context.Context, n int, work func(worker, i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range Workers(n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(w, i)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// Both calls f and g and returns when both have returned: at once, g on a
// second goroutine, when together is set (the caller has a processor to
// spare), else one after the other.
func Both(together bool, f, g func()) {
	if !together {
		f()
		g()
		return
	}
	var wg sync.WaitGroup
	wg.Go(g)
	f()
	wg.Wait()
}
