package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	rtrace "runtime/trace"
)

// startProfiles starts the CPU profile and execution trace and arranges
// the heap profile that bench/run asks for; the returned function
// finishes them. Empty names turn a profile off.
func startProfiles(cpu, mem, trace string) (stop func(), err error) {
	var cpuFile, traceFile *os.File
	if trace != "" {
		if traceFile, err = os.Create(trace); err != nil {
			return nil, fmt.Errorf("trace: %w", err)
		}
		if err = rtrace.Start(traceFile); err != nil {
			traceFile.Close()
			return nil, fmt.Errorf("trace: %w", err)
		}
	}
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, fmt.Errorf("CPU profile: %w", err)
		}
		if err = pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, fmt.Errorf("CPU profile: %w", err)
		}
	}
	return func() {
		if traceFile != nil {
			rtrace.Stop()
			traceFile.Close()
		}
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem == "" {
			return
		}
		f, err := os.Create(mem)
		if err != nil {
			fmt.Fprintf(os.Stderr, "portal: heap profile: %v\n", err)
			return
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			fmt.Fprintf(os.Stderr, "portal: heap profile: %v\n", err)
		}
	}, nil
}
