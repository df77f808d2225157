package render

import (
	"fmt"
	"testing"
)

func TestPagerWindow(t *testing.T) {
	tests := []struct {
		page, n int
		want    string // 0 is a gap
	}{
		{1, 1, "[1]"},
		{2, 3, "[1 2 3]"},
		{5, 9, "[1 2 3 4 5 6 7 8 9]"},
		{1, 10, "[1 2 3 4 5 0 10]"},
		{3, 10, "[1 2 3 4 5 0 10]"},
		{4, 10, "[1 2 3 4 5 6 0 10]"},
		{5, 10, "[1 2 3 4 5 6 7 0 10]"},
		{6, 10, "[1 0 4 5 6 7 8 9 10]"},
		{8, 10, "[1 0 6 7 8 9 10]"},
		{10, 10, "[1 0 6 7 8 9 10]"},
		{1, 500, "[1 2 3 4 5 0 500]"},
		{250, 500, "[1 0 248 249 250 251 252 0 500]"},
		{496, 500, "[1 0 494 495 496 497 498 499 500]"},
		{500, 500, "[1 0 496 497 498 499 500]"},
	}
	for _, tt := range tests {
		got := fmt.Sprint(pagerWindow(tt.page, tt.n))
		if got != tt.want {
			t.Errorf("pagerWindow(%d, %d) = %s, want %s", tt.page, tt.n, got, tt.want)
		}
	}
}

// Every page of a list must be reachable: from each page the pager links
// the next unlinked page in either direction, and a gap never hides a
// single page.
func TestPagerReachesEveryPage(t *testing.T) {
	for n := 1; n <= 40; n++ {
		for page := 1; page <= n; page++ {
			w := pagerWindow(page, n)
			seen := map[int]bool{}
			prev := 0
			for i, k := range w {
				if k == 0 {
					if i == 0 || i == len(w)-1 || w[i+1]-w[i-1] < 3 {
						t.Fatalf("pagerWindow(%d, %d) = %v: a gap at %d hides fewer than two pages", page, n, w, i)
					}
					continue
				}
				if k <= prev {
					t.Fatalf("pagerWindow(%d, %d) = %v: not ascending", page, n, w)
				}
				prev, seen[k] = k, true
			}
			for _, k := range []int{1, n, page, max(page-1, 1), min(page+1, n)} {
				if !seen[k] {
					t.Fatalf("pagerWindow(%d, %d) = %v: page %d is not linked", page, n, w, k)
				}
			}
		}
	}
}
