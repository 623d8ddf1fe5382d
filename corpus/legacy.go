package corpus

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// legacyCandidate is an encoding that unlabelled non-Western text is
// tried in.
type legacyCandidate struct {
	enc encoding.Encoding
	// script is what the decoded letters must mostly be.
	script func(r rune) bool
	// japanese candidates also need kana.
	japanese bool
}

// isKana reports hiragana and full-width katakana.
func isKana(r rune) bool { return r >= 0x3040 && r <= 0x30FF }

// isHan reports CJK ideographs and the kana that Chinese text also uses
// (GB 2312 has them).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) || isKana(r) }

// isJapanese reports ideographs and kana.
func isJapanese(r rune) bool { return unicode.Is(unicode.Han, r) || isKana(r) || r == 'ー' }

// isCyrillic reports Cyrillic letters.
func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }

// legacyCandidates are tried in order: Japanese first (its kana tell it
// apart), then Chinese, then the two Russian code pages, which are told
// apart by case (Russian text is mostly lower case, and each code page
// puts the lower-case letters where the other has the capitals).
var legacyCandidates = []legacyCandidate{
	{enc: japanese.ShiftJIS, script: isJapanese, japanese: true},
	{enc: japanese.EUCJP, script: isJapanese, japanese: true},
	{enc: simplifiedchinese.GB18030, script: isHan},
	{enc: charmap.Windows1251, script: isCyrillic},
	{enc: charmap.KOI8R, script: isCyrillic},
}

// decodeLegacy decodes unlabelled text that is not UTF-8 and is not
// Western European either (many bytes above 0x7F) as the legacy Chinese,
// Japanese or Russian encoding it reads cleanly in (GB18030, Shift_JIS,
// EUC-JP, windows-1251, KOI8-R). ok is false when the text is not of that
// kind or no encoding fits.
func decodeLegacy(data []byte) (string, bool) {
	head := data[:min(len(data), 64<<10)]
	high := 0
	for _, c := range head {
		if c >= 0x80 {
			high++
		}
	}
	if high < 16 || high*5 < len(head) {
		return "", false // Western text: accents here and there
	}
	best, bestLower := -1, -1.0
	for i, c := range legacyCandidates {
		out, err := c.enc.NewDecoder().Bytes(head)
		if err != nil {
			continue
		}
		var nonASCII, bad, inScript, kana, half, letters, lower int
		for _, r := range string(out) {
			if r < utf8.RuneSelf {
				continue
			}
			nonASCII++
			switch {
			case r == utf8.RuneError || r == '\u001a':
				bad++
			case r >= 0xFF61 && r <= 0xFF9F:
				half++
			}
			if c.script(r) {
				inScript++
			}
			if isKana(r) {
				kana++
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsLower(r) {
					lower++
				}
			}
		}
		if nonASCII == 0 || bad*100 > nonASCII || inScript*10 < nonASCII*6 {
			continue
		}
		if c.japanese && (kana*10 < nonASCII || half*20 > nonASCII) {
			continue
		}
		if c.script(0x0416) { // Cyrillic: the code page with more lower case wins
			share := float64(lower) / float64(max(letters, 1))
			if share > bestLower {
				best, bestLower = i, share
			}
			continue
		}
		best = i
		break
	}
	if best < 0 {
		return "", false
	}
	out, err := legacyCandidates[best].enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return string(out), true
}
