//go:build !unix

package compare_test

import "time"

// processCPU is not measured on this system.
func processCPU() time.Duration { return 0 }
