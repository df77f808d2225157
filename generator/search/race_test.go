//go:build race

package search

// raceEnabled skips the 10 000-document size test under the race detector,
// which makes it minutes long and has nothing to find in one goroutine.
const raceEnabled = true
