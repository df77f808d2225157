package chart

import "math"

// niceTicks returns between 4 and 6 evenly spaced axis values that cover
// [lo, hi], at a "nice" step of 1, 2, 2.5 or 5 × 10^n, and the number of
// decimals their labels need. With zero the range is widened to include 0
// (bar charts). A range of one value is widened to include 0 (or to 0…1
// for 0). When no nice step exists (ranges near the limits of float64) it
// returns lo and hi themselves. It returns nil only for infinite or NaN
// input.
func niceTicks(lo, hi float64, zero bool) (ticks []float64, decimals int) {
	if !finite(lo) || !finite(hi) {
		return nil, 0
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	if lo == hi {
		switch {
		case lo == 0:
			hi = 1
		case lo > 0:
			lo = 0
		default:
			hi = 0
		}
	}
	half := hi/2 - lo/2 // half the span: finite even when hi-lo is not
	mag := math.Floor(math.Log10(half * 2))
	if math.IsInf(mag, 0) || math.IsNaN(mag) {
		mag = math.Floor(math.Log10(half)) + 1
	}
	found := false
	best, bestCount, bestExtent := 0.0, 0.0, math.Inf(1)
	bestE, bestM := 0, 0.0
	for e := int(mag) - 2; e <= int(mag)+1; e++ {
		for _, m := range [...]float64{1, 2, 2.5, 5} {
			step := m * math.Pow(10, float64(e))
			if step == 0 || math.IsInf(step, 0) {
				continue
			}
			kLo := math.Floor(lo/step + 1e-9)
			kHi := math.Ceil(hi/step - 1e-9)
			count := kHi - kLo + 1
			if !(count >= 2 && count <= 50) {
				continue
			}
			first, last := tickAt(kLo, m, e), tickAt(kHi, m, e)
			slack := step * 1e-9 // tick and data computed differently
			if !finite(first) || !finite(last) || first > lo+slack || last < hi-slack {
				continue
			}
			// The tightest cover wins; a step of 2.5 must be a bit tighter
			// than 1, 2 or 5 to be chosen, as its labels are longer.
			extent := last/2 - first/2
			if m == 2.5 {
				extent *= 1.08
			}
			better := false
			inRange := count >= 4 && count <= 6
			bestInRange := bestCount >= 4 && bestCount <= 6
			switch {
			case !found:
				better = true
			case inRange != bestInRange:
				better = inRange
			case inRange:
				better = extent < bestExtent || extent == bestExtent && math.Abs(count-5) < math.Abs(bestCount-5)
			default:
				better = math.Abs(count-5) < math.Abs(bestCount-5)
			}
			if better {
				found, best, bestCount, bestExtent, bestE, bestM = true, kLo, count, extent, e, m
			}
		}
	}
	if !found {
		return []float64{lo, hi}, 0
	}
	ticks = make([]float64, 0, int(bestCount))
	for k := best; k < best+bestCount; k++ {
		t := tickAt(k, bestM, bestE)
		if len(ticks) > 0 && !(t > ticks[len(ticks)-1]) {
			return []float64{lo, hi}, 0 // steps below float64 resolution
		}
		ticks = append(ticks, t)
	}
	decimals = -bestE
	if bestM == 2.5 {
		decimals++
	}
	return ticks, max(0, decimals)
}

// tickAt returns k × m × 10^e, dividing by a power of ten for negative e so
// that 3 × 0.1 is 0.3, not 0.30000000000000004.
func tickAt(k, m float64, e int) float64 {
	if e < 0 {
		return k * m / math.Pow(10, float64(-e))
	}
	return k * m * math.Pow(10, float64(e))
}
