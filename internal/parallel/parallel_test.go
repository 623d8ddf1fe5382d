package parallel

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestForCallsEachItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		var badWorker atomic.Bool
		err := For(context.Background(), n, func(w, i int) {
			if w < 0 || w >= Workers(n) {
				badWorker.Store(true)
			}
			counts[i].Add(1)
		})
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if badWorker.Load() {
			t.Errorf("n=%d: a worker number out of [0, %d)", n, Workers(n))
		}
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: item %d ran %d times", n, i, c)
			}
		}
	}
}

func TestForStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran, atCancel atomic.Int32
	err := For(ctx, 1_000_000, func(_, i int) {
		if ran.Add(1) == 10 {
			cancel()
			// The other workers go on while cancel runs: count from the
			// moment it has returned.
			atCancel.Store(ran.Load())
		}
	})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Each worker may finish the item it holds, no more.
	if n, at := ran.Load(), atCancel.Load(); n > at+int32(Workers(1_000_000)) {
		t.Errorf("%d items ran, %d when the cancel returned", n, at)
	}
}

func TestWorkers(t *testing.T) {
	if Workers(0) != 1 || Workers(1) != 1 || Workers(1_000_000) < 1 {
		t.Errorf("Workers(0, 1, 1e6) = %d, %d, %d", Workers(0), Workers(1), Workers(1_000_000))
	}
}

// TestBoth checks that Both runs both functions, in order when not
// together and at once when together (f sees g start).
func TestBoth(t *testing.T) {
	var order []string
	Both(false, func() { order = append(order, "f") }, func() { order = append(order, "g") })
	if len(order) != 2 || order[0] != "f" || order[1] != "g" {
		t.Errorf("not together: order %v, want [f g]", order)
	}
	gStarted := make(chan struct{})
	Both(true, func() {
		select {
		case <-gStarted:
		case <-time.After(10 * time.Second):
			t.Error("together: g did not start while f ran")
		}
	}, func() { close(gStarted) })
}
