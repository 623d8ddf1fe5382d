package report

import (
	"slices"
	"testing"
)

// TestPercents checks the largest-remainder rounding the viewer and the
// reports share: whole percents that add up to 100.
func TestPercents(t *testing.T) {
	tests := []struct {
		in   []float64
		want []int
	}{
		{[]float64{0.34, 0.20, 0.46}, []int{34, 20, 46}},
		{[]float64{1, 1, 1}, []int{34, 33, 33}},
		{[]float64{0.005, 0.005, 0.99}, []int{1, 0, 99}},
		{[]float64{2, 0, 0}, []int{100, 0, 0}},
		{[]float64{1, 6, 0}, []int{14, 86, 0}},
	}
	for _, tt := range tests {
		got := Percents(tt.in)
		sum := 0
		for _, p := range got {
			sum += p
		}
		if !slices.Equal(got, tt.want) || sum != 100 {
			t.Errorf("Percents(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
