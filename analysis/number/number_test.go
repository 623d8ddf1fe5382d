package number

import "testing"

// TestRecognisers shows where the three notions of a number differ.
func TestRecognisers(t *testing.T) {
	tests := []struct {
		in                      string
		digits, numeral, figure bool
	}{
		{"2020", true, true, true},
		{"007", true, true, true},
		{"3,000", false, true, true},
		{"1.5", false, true, true},
		{"10\u00a0000", false, true, false},
		{"10\u202f000", false, true, false},
		{"3:16", false, false, true},
		{"2019-20", false, false, true},
		{"1/2", false, false, true},
		{"$1.5", false, false, true},
		{"-3", false, false, true},
		{"#3", false, false, true},
		{"40%", false, false, true},
		{"", false, false, false},
		{",.", false, false, false},
		{"$%", false, false, false},
		{"3a", false, false, false},
		{"٣", false, false, false}, // Arabic-Indic digit: ASCII digits only
	}
	for _, tc := range tests {
		if got := IsDigits(tc.in); got != tc.digits {
			t.Errorf("IsDigits(%q) = %v, want %v", tc.in, got, tc.digits)
		}
		if got := IsNumeral(tc.in); got != tc.numeral {
			t.Errorf("IsNumeral(%q) = %v, want %v", tc.in, got, tc.numeral)
		}
		if got := IsFigure(tc.in); got != tc.figure {
			t.Errorf("IsFigure(%q) = %v, want %v", tc.in, got, tc.figure)
		}
	}
}
