package corpus

import "testing"

// TestSniffBinary checks the binary-file detector.
func TestSniffBinary(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"text", "Plain text.\nWith lines.\n", false},
		{"cp1252", "Caf\xe9 \x93q\x94", false},
		{"png", "\x89PNG\r\n\x1a\nrest", true},
		{"jpeg", "\xff\xd8\xff\xe0rest", true},
		{"gif", "GIF89a....", true},
		{"zip", "PK\x03\x04rest", true},
		{"pdf", "%PDF-1.7\n", true},
		{"elf", "\x7fELF\x02\x01", true},
		{"nul", "abc\x00def", true},
		{"controls", "a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0ej\x0fk", true},
		{"mp4", "\x00\x00\x00\x18ftypmp42", true},
	}
	for _, tc := range tests {
		if got := sniffBinary([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: sniffBinary = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCollapseSpace checks white-space normalisation inside paragraphs.
func TestCollapseSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a b", "a b"},
		{"  a  b  ", "a b"},
		{"a\u00a0\u2009b\tc\nd", "a b c d"},
		{"", ""},
		{" \t ", ""},
	}
	for _, tc := range tests {
		if got := collapseSpace(tc.in); got != tc.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNormalizeText checks line endings, controls and NFC.
func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"a\fb", "a\n\nb"},
		{"a\u2028b\u2029c", "a\nb\n\nc"},
		{"x\x07y\u0085z", "xy\nz"},
		{"e\u0301", "é"},
		{"\ufeffbom", "bom"},
		{"\ufb01nance \ufb02ow", "finance flow"},
	}
	for _, tc := range tests {
		if got := normalizeText(tc.in); got != tc.want {
			t.Errorf("normalizeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
