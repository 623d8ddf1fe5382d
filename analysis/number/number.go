// Package number recognises the numbers of running text. Each recogniser
// has its own notion of a number, named for what it accepts; none parses
// a value.
package number

import "strings"

// IsDigits reports whether s is one or more ASCII digits and nothing else
// ("2020", "007").
func IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// IsNumeral reports whether w is digits with optional group separators
// and decimal points, as a word tokenizer sees a number: "3,000", "1.5",
// "2020", "10 000" with a no-break or narrow no-break space. It needs at
// least one digit; signs, currency and percent marks are not part of it.
func IsNumeral(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.' || r == '\u00a0' || r == '\u202f':
		default:
			return false
		}
	}
	return digits > 0
}

// IsFigure reports whether s is a figure as news writes one, with its
// punctuation: "2018", "10,000", "3:16", "5.5", "1/2", "2019-20", with an
// optional leading currency, number or sign mark ("$1.5", "#3", "-3") and
// trailing percent signs ("40%"). It needs at least one ASCII digit.
func IsFigure(s string) bool {
	s = strings.TrimLeft(s, "$€£¥#+-−")
	s = strings.TrimRight(s, "%")
	if s == "" {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c == ',' || c == '.' || c == ':' || c == '/' || c == '-':
		default:
			return false
		}
	}
	return digit
}
