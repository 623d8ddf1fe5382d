package corpus

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Short news texts in Chinese, Japanese and Russian.
const (
	chineseText  = "北京市政府周二宣布，将在明年增加公共交通投资。官员表示，新的地铁线路将在三年内完工。市民对这一计划表示欢迎。"
	japaneseText = "東京都は火曜日、来年度の予算案を発表した。関係者によると、新しい地下鉄の路線は三年以内に完成する見込みだという。"
	russianText  = "Правительство объявило во вторник о новых мерах поддержки. По словам чиновников, программа начнёт работать в следующем году."
)

// TestLegacyEncodings reads Chinese, Japanese and Russian articles saved
// in their legacy encodings, without a label: each is decoded as the
// encoding it was written in, not as garbled Western text.
func TestLegacyEncodings(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"gb18030.txt", simplifiedchinese.GB18030, chineseText},
		{"gbk.txt", simplifiedchinese.GBK, chineseText},
		{"shift_jis.txt", japanese.ShiftJIS, japaneseText},
		{"euc-jp.txt", japanese.EUCJP, japaneseText},
		{"koi8-r.txt", charmap.KOI8R, russianText},
		{"windows-1251.txt", charmap.Windows1251, russianText},
		{"windows-1251.md", charmap.Windows1251, russianText},
		{"shift_jis.html", japanese.ShiftJIS, japaneseText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := tc.enc.NewEncoder().Bytes([]byte(tc.text + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(tc.name, ".html") {
				data = append(append([]byte("<html><body><p>"), data...), "</p></body></html>"...)
			}
			d, err := Parse(tc.name, data)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(tc.text, "。")
			first, _, _ = strings.Cut(first, ".")
			if !strings.Contains(d.Text, first) {
				t.Errorf("text %q lacks %q", d.Text, first)
			}
		})
	}
	// Western text with accents stays Windows-1252.
	d, err := Parse("cp1252.txt", []byte("Le ministre a d\xe9clar\xe9 mardi que la r\xe9forme serait appliqu\xe9e en ao\xfbt.\n"))
	if err != nil || !strings.Contains(d.Text, "déclaré") {
		t.Errorf("Windows-1252 text: %v %v", d, err)
	}
}

// TestLowReaderItems covers the small reader defects of issue 8: a file
// of punctuation only is refused, and HTML in Markdown never shows as
// tags (raw HTML blocks are dropped, as ads are; a file read as plain
// text loses its tags).
func TestLowReaderItems(t *testing.T) {
	if _, err := Parse("dots.txt", []byte("... !!! ??? --- *** ...\n\n;;; ,,,\n")); err == nil || !strings.Contains(err.Error(), "no words") {
		t.Errorf("punctuation only: err %v, want no words", err)
	}
	md := "# Council votes\n\n<div class=\"note\">\nThe council met on Monday.\n</div>\n\nSome text <span>inline</span> here.\n"
	d, err := Parse("div.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "<") || !strings.Contains(d.Text, "Some text inline here.") {
		t.Errorf("Markdown text %q", d.Text)
	}
	huge := "# Title\n\n<div>" + strings.Repeat("Word after word. ", 6000) + "</div>\n"
	d, err = Parse("huge.md", []byte(huge))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "<div>") || strings.Contains(d.Text, "</div>") {
		t.Errorf("huge Markdown block keeps its tags: %q…", d.Text[:80])
	}
}

// TestMarkdownTableBudget refuses a Markdown table of more rows than the
// paragraph budget before the Markdown parser builds it.
func TestMarkdownTableBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Table\n\n| a | b |\n|---|---|\n")
	for i := range maxParagraphs + 1 {
		fmt.Fprintf(&b, "| row %d | council |\n", i)
	}
	_, err := Parse("table.md", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 50000 paragraphs (table rows; the limit)") {
		t.Errorf("err %v", err)
	}
}
