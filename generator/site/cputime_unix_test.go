//go:build unix

package site

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process used so far, for
// benchmarks on machines where other work makes wall time noisy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
