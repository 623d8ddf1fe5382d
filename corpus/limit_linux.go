//go:build linux

package corpus

import (
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"
)

// limitChildMemory caps a reader child's address space (RLIMIT_AS) at
// what it uses when it starts plus limit, so that an allocation past it
// fails ("fatal error: out of memory", which the parent names) instead of
// taking the machine's memory. The Go runtime's soft limit is set a
// little lower so that the garbage collector works harder first. Race
// detector builds reserve terabytes of shadow memory and get only the
// soft limit.
func limitChildMemory(limit int64) {
	debug.SetMemoryLimit(limit * 3 / 4)
	if raceBuild {
		watchResident(limit)
		return
	}
	base := statusField("VmSize:")
	if base <= 0 {
		return
	}
	lim := uint64(base + limit)
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}

// statusField returns a size field of /proc/self/status ("VmSize:",
// "VmRSS:") in bytes, or 0.
func statusField(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte(field)); ok {
			f := bytes.Fields(v)
			if len(f) == 0 {
				return 0
			}
			kb, err := strconv.ParseInt(string(f[0]), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// watchResident ends a reader child whose resident memory grows by more
// than limit over what it was at the start (checked every 10 ms), for the
// builds where RLIMIT_AS cannot be set.
func watchResident(limit int64) {
	base := statusField("VmRSS:")
	go func() {
		for {
			if rss := statusField("VmRSS:"); rss > base+limit {
				os.Stderr.WriteString("fatal error: out of memory (resident memory over the reader's limit)\n")
				os.Exit(2)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
}
