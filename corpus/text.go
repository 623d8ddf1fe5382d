package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// Reasons given for input that is not text.
var (
	errEmpty     = errors.New("empty file")
	errBinary    = errors.New("binary file, not text")
	errNoText    = errors.New("no text extracted")
	errUndecoded = errors.New("cannot decode text")
)

// binaryMagics are the leading bytes of common binary formats, with the
// name of the format for error messages.
var binaryMagics = []struct {
	magic []byte
	kind  string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG image"},
	{[]byte{0xFF, 0xD8, 0xFF}, "JPEG image"},
	{[]byte("GIF87a"), "GIF image"},
	{[]byte("GIF89a"), "GIF image"},
	{[]byte("%PDF-"), "PDF document"},
	{[]byte("PK\x03\x04"), "zip archive"}, // also docx, xlsx, epub, jar
	{[]byte("PK\x05\x06"), "zip archive"}, // empty zip
	{[]byte("\x7fELF"), "executable program"},
	{[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "old Microsoft Office document"}, // .doc, .xls
	{[]byte{0x1F, 0x8B}, "gzip archive"},
	{[]byte("BZh"), "bzip2 archive"}, // followed by binary
	{[]byte{'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}, "7z archive"},
	{[]byte("Rar!\x1a\x07"), "rar archive"},
	{[]byte{0xFD, '7', 'z', 'X', 'Z', 0x00}, "xz archive"},
	{[]byte{0x28, 0xB5, 0x2F, 0xFD}, "zstd archive"},
	{[]byte("OggS"), "Ogg audio or video"},
	{[]byte("fLaC"), "FLAC audio"},
	{[]byte("ID3"), "MP3 audio"},
	{[]byte{0xCA, 0xFE, 0xBA, 0xBE}, "executable program"}, // Mach-O fat / Java class
	{[]byte{0xCF, 0xFA, 0xED, 0xFE}, "executable program"}, // Mach-O 64
	{[]byte("wOFF"), "web font"},
	{[]byte("wOF2"), "web font"},
	{[]byte("SQLite format 3\x00"), "SQLite database"},
}

// binaryKind names the binary format data starts with ("PNG image"), or
// returns "" when it starts like none of the known ones.
func binaryKind(data []byte) string {
	for _, m := range binaryMagics {
		if bytes.HasPrefix(data, m.magic) {
			return m.kind
		}
	}
	if len(data) >= 12 && string(data[0:4]) == "RIFF" {
		return "RIFF media file" // wav, avi, webp
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "MP4 or QuickTime media file" // mp4, mov, heic
	}
	return ""
}

// binaryErr is the reason given for binary data read as text: it names
// the format when binaryKind knows it ("binary file, not text (PNG
// image)").
func binaryErr(data []byte) error {
	if kind := binaryKind(data); kind != "" {
		return fmt.Errorf("%w (%s)", errBinary, kind)
	}
	return errBinary
}

// sniffBinary reports whether data starts like a known binary format or
// holds bytes that plain text never holds (NUL) or many control bytes.
// It must be called on data that is not UTF-16/32 (see decodeBytes).
func sniffBinary(data []byte) bool {
	if binaryKind(data) != "" {
		return true
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctrl++
		}
	}
	return ctrl > 8 && ctrl*100 > len(head)
}

// utf16Guess detects BOM-less UTF-16 from the pattern of NUL bytes that
// ASCII-range characters leave in it. It returns nil when data does not look
// like UTF-16.
func utf16Guess(data []byte) encoding.Encoding {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if len(head) < 8 {
		return nil
	}
	var even, odd int
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd*10 >= half*6 && even*20 < half:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= half*6 && odd*20 < half:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// decodeBytes turns raw file bytes into a UTF-8 string: UTF-8 with or
// without BOM, UTF-16 and UTF-32 with BOM (and BOM-less UTF-16 by its NUL
// pattern), else Windows-1252 (a superset of Latin-1's printable range).
// Binary data gives errBinary (see binaryErr). The result is not yet normalised.
func decodeBytes(data []byte) (string, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		enc = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		enc = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	default:
		if sniffBinary(data) {
			enc = utf16Guess(data)
			if enc == nil {
				return "", binaryErr(data)
			}
		}
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", errUndecoded
		}
		s := string(out)
		if decodedLooksBinary(s) {
			return "", binaryErr(data)
		}
		return s, nil
	}
	return decodeUnlabelled(data), nil
}

// decodeUnlabelled decodes bytes with no BOM or declared charset: valid
// UTF-8 as is; UTF-8 with a few broken sequences (a character cut in two,
// a stray byte) as UTF-8 with one U+FFFD for each run of broken bytes;
// Chinese, Japanese or Russian text in a legacy encoding in that encoding
// (see decodeLegacy); anything else as Windows-1252.
//
// Broken runs are weighed against valid multi-byte characters: in
// Windows-1252 text nearly every accented letter or curly quote is a
// broken run and valid UTF-8 sequences occur only by accident, while
// damaged UTF-8 has at least as many valid characters as broken runs.
func decodeUnlabelled(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var good, badRuns int
	inBad := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			inBad = false
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			if !inBad {
				badRuns++
			}
			inBad = true
			i++
			continue
		}
		inBad = false
		good++
		i += n
	}
	if good >= 2 && badRuns*10 <= good {
		return strings.ToValidUTF8(string(data), "\uFFFD") // a few breaks
	}
	// Legacy double-byte text forms valid UTF-8 sequences by accident
	// (a lead byte and two continuation bytes), often enough to pass the
	// weighing below: it is tried first.
	if s, ok := decodeLegacy(data); ok {
		return s
	}
	if good >= 2 && badRuns <= good {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// decodedLooksBinary reports whether decoded text is mostly control
// characters or replacement characters: the sign of a wrong decoding.
func decodedLooksBinary(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r == 0 || (unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		if n >= 4096 {
			break
		}
	}
	return n > 0 && bad*10 > n
}

// normalizeText prepares decoded text for segmentation: CRLF and lone CR
// become LF, Unicode line and paragraph separators become LF, form feeds
// become paragraph breaks, control and invisible format characters are
// removed, typographic ligatures (ﬁ, ﬂ) are spelled out, and the result is
// NFC-normalised.
func normalizeText(s string) string {
	if !needsCleaning(s) {
		if norm.NFC.IsNormalString(s) {
			return s
		}
		return norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\u2029':
			b.WriteString("\n\n")
		case r == '\v' || r == '\u2028' || r == '\u0085':
			b.WriteByte('\n')
		case isInvisible(r):
			// dropped
		case r >= '\uFB00' && r <= '\uFB06':
			b.WriteString(ligatures[r-'\uFB00'])
		case unicode.IsControl(r):
			// dropped (C0 and C1 controls)
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// ligatures spells out the Latin typographic ligatures U+FB00..U+FB06
// that PDFs often contain.
var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// needsCleaning reports whether normalizeText has any character to replace
// or drop in s.
func needsCleaning(s string) bool {
	for _, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029' || isInvisible(r) || (r >= '\uFB00' && r <= '\uFB06') {
			return true
		}
	}
	return false
}

// isInvisible reports zero-width and other invisible format characters that
// carry no text: BOM, zero-width space/joiners, soft hyphen, word joiner,
// bidirectional marks.
func isInvisible(r rune) bool {
	switch r {
	case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u200E', '\u200F',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return false
}

// collapseSpace trims s and replaces every run of white space (including
// no-break and other Unicode spaces, tabs and newlines) with one ASCII
// space.
func collapseSpace(s string) string {
	simple := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			simple = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			simple = false
			break
		}
		prevSpace = sp
	}
	if simple && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
