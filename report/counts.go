package report

import (
	"fmt"

	"parallax/compare"
	"parallax/corpus"
)

// Totals are the counts of a comparison as every surface shows them (the
// viewer's toolbar, status bar, sidebar and framing view, and every
// report): they are defined here once. Boilerplate is counted apart: the
// shared, paraphrased and unique sentences are sentences of reporting and
// add up to Sentences − Boilerplate. Links are counted apart from
// sentences, as one link joins two sentences.
type Totals struct {
	Articles int `json:"articles"`
	// Sentences counts every sentence, boilerplate included.
	Sentences   int `json:"sentences"`
	Boilerplate int `json:"boilerplate"`
	// Shared, Paraphrased and Unique count the sentences of reporting by
	// status.
	Shared      int `json:"shared"`
	Paraphrased int `json:"paraphrased"`
	Unique      int `json:"unique"`
	// Links counts the links, SharedLinks and ParaphrasedLinks them by kind.
	Links            int `json:"links"`
	SharedLinks      int `json:"shared_links"`
	ParaphrasedLinks int `json:"paraphrased_links"`
}

// Count adds up a comparison's totals; a nil result counts nothing.
func Count(res *compare.Result) Totals {
	var t Totals
	if res == nil {
		return t
	}
	t.Articles = len(res.Sentences)
	for _, c := range res.Summary() {
		t.Sentences += c.Sentences
		t.Boilerplate += c.Boilerplate
		t.Shared += c.Shared
		t.Paraphrased += c.Paraphrased
		t.Unique += c.Unique
	}
	t.Links = len(res.Links)
	for _, l := range res.Links {
		if l.Kind == compare.Shared {
			t.SharedLinks++
		} else {
			t.ParaphrasedLinks++
		}
	}
	return t
}

// Of returns the count of sentences of kind k (of reporting).
func (t Totals) Of(k compare.Kind) int {
	switch k {
	case compare.Shared:
		return t.Shared
	case compare.Paraphrased:
		return t.Paraphrased
	}
	return t.Unique
}

// Reporting is the number of sentences less boilerplate.
func (t Totals) Reporting() int { return t.Sentences - t.Boilerplate }

// String is the one line every surface gives the totals in: "3 articles ·
// 34 sentences = 31 + 3 boilerplate · 10 shared, 6 paraphrased, 15 unique ·
// 9 links (4 shared, 5 paraphrased)".
func (t Totals) String() string {
	return fmt.Sprintf("%s · %s · %s · %s (%d shared, %d paraphrased)", plural(t.Articles, "article"),
		SentencesText(t.Sentences, t.Boilerplate), StatusText(t.Shared, t.Paraphrased, t.Unique),
		plural(t.Links, "link"), t.SharedLinks, t.ParaphrasedLinks)
}

// SentencesText counts sentences with their boilerplate apart: "34
// sentences = 31 + 3 boilerplate", or "31 sentences" with none.
func SentencesText(all, boilerplate int) string {
	if boilerplate == 0 {
		return plural(all, "sentence")
	}
	return fmt.Sprintf("%s = %d + %d boilerplate", plural(all, "sentence"), all-boilerplate, boilerplate)
}

// DocSentencesText is SentencesText of a document, from its reader's
// boilerplate marks (before any comparison).
func DocSentencesText(doc *corpus.Document) string {
	bp := 0
	for _, s := range doc.Sentences {
		if s.Boilerplate {
			bp++
		}
	}
	return SentencesText(len(doc.Sentences), bp)
}

// StatusText is the sentences of reporting by status: "10 shared, 6
// paraphrased, 15 unique".
func StatusText(shared, paraphrased, unique int) string {
	return fmt.Sprintf("%d shared, %d paraphrased, %d unique", shared, paraphrased, unique)
}

// CountsText is one document's counts: "34 sentences = 31 + 3
// boilerplate: 10 shared, 6 paraphrased, 15 unique".
func CountsText(c compare.Counts) string {
	return SentencesText(c.Sentences, c.Boilerplate) + ": " + StatusText(c.Shared, c.Paraphrased, c.Unique)
}

// FramingText is one document's counts with the shares of its reporting in
// whole percent (adding up to 100): "34 sentences = 31 + 3 boilerplate: 10
// shared (32%), 6 paraphrased (19%), 15 unique (49%)".
func FramingText(f compare.Framing) string {
	if f.Sentences == f.Boilerplate {
		return SentencesText(f.Sentences, f.Boilerplate) + ": none of reporting"
	}
	p := Percents([]float64{f.SharedShare, f.ParaphrasedShare, f.UniqueShare})
	return fmt.Sprintf("%s: %d shared (%d%%), %d paraphrased (%d%%), %d unique (%d%%)",
		SentencesText(f.Sentences, f.Boilerplate), f.Shared, p[0], f.Paraphrased, p[1], f.Unique, p[2])
}
