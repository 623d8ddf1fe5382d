package gcfloor

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// settings reads the collector's pacing and memory limit.
func settings() (percent, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// collectUntilOff collects until the floor's cleanup has run.
func collectUntilOff(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); on(); {
		if time.Now().After(deadline) {
			t.Fatal("the floor holds after collections")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// TestFloor checks a floor: the collector is off
// with the limit at Bytes; a limit asked meanwhile waits; the first
// collection gives back the usual pacing and that limit. Then a limit
// below Bytes ends a floor at once.
func TestFloor(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: no floor")
	}
	defer debug.SetMemoryLimit(math.MaxInt64)
	collectUntilOff(t) // the floor of the initialisation, if it holds yet
	debug.SetMemoryLimit(math.MaxInt64)
	start()
	if !on() {
		t.Fatal("start made no floor")
	}
	if p, l := settings(); p != -1 || l != Bytes {
		t.Fatalf("under the floor: GOGC %d, limit %d; want -1, %d", p, l, Bytes)
	}
	SetMemoryLimit(512 << 20)
	if _, l := settings(); l != Bytes {
		t.Errorf("a limit asked under the floor was set at once: %d", l)
	}
	collectUntilOff(t)
	if p, l := settings(); p != 100 || l != 512<<20 {
		t.Errorf("after the floor: GOGC %d, limit %d; want 100, %d", p, l, 512<<20)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	start()
	if !on() {
		t.Fatal("start made no floor")
	}
	SetMemoryLimit(32 << 20)
	if p, l := settings(); on() || p != 100 || l != 32<<20 {
		t.Errorf("a limit below the floor: on %v, GOGC %d, limit %d; want false, 100, %d", on(), p, l, 32<<20)
	}
	SetMemoryLimit(256 << 20)
	if _, l := settings(); l != 256<<20 {
		t.Errorf("a limit after the floor: %d, want %d", l, 256<<20)
	}
}

// TestNoFloorUnderLowLimit checks that a memory limit already below Bytes
// (GOMEMLIMIT) leaves the collector alone.
func TestNoFloorUnderLowLimit(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	collectUntilOff(t)
	debug.SetMemoryLimit(16 << 20)
	start()
	if on() {
		t.Error("a floor above a 16 MB limit")
	}
	if p, l := settings(); p != 100 || l != 16<<20 {
		t.Errorf("GOGC %d, limit %d; want 100, %d", p, l, 16<<20)
	}
}
