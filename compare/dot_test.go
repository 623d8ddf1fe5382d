package compare

import (
	"math/rand/v2"
	"testing"
)

// dot32Plain is dot32 written plainly: four running sums, each taking every
// fourth product, then the rest into the first.
func dot32Plain(a, b []float32) float64 {
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return float64(s0 + s1 + s2 + s3)
}

// TestDot32 checks that dot32 sums in the plain order, to the last bit,
// for every length around its blocks of four and eight.
func TestDot32(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		for range 20 {
			a, b := make([]float32, n), make([]float32, n)
			for i := range a {
				a[i], b[i] = float32(r.NormFloat64()), float32(r.NormFloat64())
			}
			if got, want := dot32(a, b), dot32Plain(a, b); got != want {
				t.Fatalf("length %d: dot32 = %v, want %v", n, got, want)
			}
		}
	}
}
