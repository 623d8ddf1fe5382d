//go:build unix

package compare_test

import (
	"syscall"
	"time"
)

// processCPU is the processor time the process has used so far (user and
// system, all threads): on a shared machine it varies less than wall
// time, which waits for other processes.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
