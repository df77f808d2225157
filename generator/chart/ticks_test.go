package chart

import (
	"math"
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		name     string
		lo, hi   float64
		zero     bool
		want     []float64
		decimals int
	}{
		{"simple", 12.1, 30, false, []float64{10, 15, 20, 25, 30}, 0},
		{"bar includes zero", 12.1, 30, true, []float64{0, 10, 20, 30}, 0},
		{"percent", 0, 100, false, []float64{0, 20, 40, 60, 80, 100}, 0},
		{"step 2.5", 0, 12, false, []float64{0, 2.5, 5, 7.5, 10, 12.5}, 1},
		{"tenths", 0.3, 0.9, false, []float64{0.2, 0.4, 0.6, 0.8, 1}, 1},
		{"negative", -8, -3, false, []float64{-8, -7, -6, -5, -4, -3}, 0},
		{"negative bar", -8, -3, true, []float64{-8, -6, -4, -2, 0}, 0},
		{"across zero", -1.5, 1.25, true, []float64{-2, -1, 0, 1, 2}, 0},
		{"huge", 1.1e9, 1.52e9, false, []float64{1.1e9, 1.2e9, 1.3e9, 1.4e9, 1.5e9, 1.6e9}, 0},
		{"huge bar", 1.1e9, 1.52e9, true, []float64{0, 0.5e9, 1e9, 1.5e9, 2e9}, 0},
		{"tiny", 0.003, 0.0055, false, []float64{0.003, 0.0035, 0.004, 0.0045, 0.005, 0.0055}, 4},
		{"all equal", 5, 5, false, []float64{0, 1, 2, 3, 4, 5}, 0},
		{"all equal negative", -5, -5, false, []float64{-5, -4, -3, -2, -1, 0}, 0},
		{"all zero", 0, 0, true, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, 1},
		{"reversed", 30, 12.1, false, []float64{10, 15, 20, 25, 30}, 0},
		{"single large", 2345.25, 2345.25, true, []float64{0, 500, 1000, 1500, 2000, 2500}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dec := niceTicks(tt.lo, tt.hi, tt.zero)
			checkTicks(t, got, tt.lo, tt.hi, tt.zero)
			if len(tt.want) > 0 && !slices.Equal(got, tt.want) {
				t.Errorf("niceTicks(%v, %v, %v) = %v, want %v", tt.lo, tt.hi, tt.zero, got, tt.want)
			}
			if dec != tt.decimals {
				t.Errorf("decimals = %d, want %d", dec, tt.decimals)
			}
		})
	}
}

// checkTicks checks what every tick list must satisfy.
func checkTicks(t *testing.T, ticks []float64, lo, hi float64, zero bool) {
	t.Helper()
	if len(ticks) < 4 || len(ticks) > 7 {
		t.Errorf("%d ticks for [%v, %v]: %v", len(ticks), lo, hi, ticks)
	}
	lo, hi = min(lo, hi), max(lo, hi)
	if len(ticks) < 2 || ticks[0] > lo+(ticks[1]-ticks[0])*1e-6 || ticks[len(ticks)-1] < hi-(ticks[1]-ticks[0])*1e-6 {
		t.Errorf("ticks %v do not cover [%v, %v]", ticks, lo, hi)
		return
	}
	if zero && !slices.Contains(ticks, 0) {
		t.Errorf("ticks %v lack 0", ticks)
	}
	step := ticks[1] - ticks[0]
	m := step / math.Pow(10, math.Floor(math.Log10(step)))
	nice := false
	for _, n := range []float64{1, 2, 2.5, 5, 10} {
		nice = nice || math.Abs(m-n) < 1e-6
	}
	if !nice {
		t.Errorf("step %v of %v is not 1, 2, 2.5 or 5 × 10^n", step, ticks)
	}
	for i := 1; i < len(ticks); i++ {
		if math.Abs(ticks[i]-ticks[i-1]-step) > step*1e-6 {
			t.Errorf("uneven ticks %v", ticks)
		}
	}
}

// TestNiceTicksSweep checks many ranges for coverage, count and nice steps.
func TestNiceTicksSweep(t *testing.T) {
	for e := -6; e <= 12; e++ {
		for _, a := range []float64{0, 0.13, 1, 1.7, 3.3, 7.9, -2.2, -9.1} {
			for _, span := range []float64{0.01, 0.1, 0.5, 1, 2.2, 3.7, 6, 9.99} {
				s := math.Pow(10, float64(e))
				lo, hi := a*s, (a+span)*s
				for _, zero := range []bool{false, true} {
					got, _ := niceTicks(lo, hi, zero)
					checkTicks(t, got, lo, hi, zero)
				}
			}
		}
	}
}

func TestNiceTicksLimits(t *testing.T) {
	if got, _ := niceTicks(math.NaN(), 1, false); got != nil {
		t.Errorf("NaN: %v", got)
	}
	if got, _ := niceTicks(1, math.Inf(1), false); got != nil {
		t.Errorf("Inf: %v", got)
	}
	for _, r := range [][2]float64{
		{-math.MaxFloat64, math.MaxFloat64}, {0, math.MaxFloat64}, {5e-324, 1e-323}, {1e17, 1e17 + 32},
	} {
		got, _ := niceTicks(r[0], r[1], false)
		if len(got) < 2 || got[0] > r[0] || got[len(got)-1] < r[1] {
			t.Errorf("niceTicks(%v, %v) = %v", r[0], r[1], got)
		}
		for _, v := range got {
			if !finite(v) {
				t.Errorf("niceTicks(%v, %v) = %v", r[0], r[1], got)
			}
		}
	}
}
