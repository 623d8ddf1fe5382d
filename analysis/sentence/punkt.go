package sentence

// This file owns the English Punkt model used by Split.
//
// punkt_en.json is the English training data of github.com/neurosnap/sentences
// v1.1.2 (data/english.json, MIT licence, see PUNKT_LICENSE), stored verbatim
// apart from key order and white space. The upstream data was trained on
// 1980s Wall Street Journal text and has a few entries that hurt news
// segmentation; newsPunktFixes lists every change made to it when it is
// loaded, so the JSON file can be diffed against upstream at any time.

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
)

//go:embed punkt_en.json
var punktEnglishJSON []byte

// punktModel is the loaded, fixed English Punkt model plus the library
// machinery that uses it. It is built once and only read afterwards, so it
// is safe for concurrent use.
type punktModel struct {
	storage *sentences.Storage
	word    *sentences.DefaultWordTokenizer
	ortho   *sentences.OrthoContext
	// tokenAnn is Punkt's token-based pass (collocation, orthographic and
	// frequent-sentence-starter heuristics, section 4 of Kiss & Strunk).
	tokenAnn *sentences.TokenBasedAnnotation
}

var (
	punktOnce sync.Once
	punkt     *punktModel
)

// englishPunkt returns the shared English model, loading it on first use.
func englishPunkt() *punktModel {
	punktOnce.Do(func() {
		st, err := decodePunkt(punktEnglishJSON)
		if err != nil {
			// The data is embedded and covered by tests.
			panic("sentence: bad embedded punkt_en.json: " + err.Error())
		}
		newsPunktFixes(st)
		lang := sentences.NewPunctStrings()
		word := sentences.NewWordTokenizer(lang)
		ortho := &sentences.OrthoContext{
			Storage:      st,
			PunctStrings: lang,
			TokenType:    word,
			TokenFirst:   word,
		}
		punkt = &punktModel{
			storage: st,
			word:    word,
			ortho:   ortho,
			tokenAnn: &sentences.TokenBasedAnnotation{
				Storage:      st,
				PunctStrings: lang,
				TokenParser:  word,
				TokenGrouper: &sentences.DefaultTokenGrouper{},
				Ortho:        ortho,
			},
		}
	})
	return punkt
}

// newsPunktFixes adapts the upstream English training data to news text.
func newsPunktFixes(st *sentences.Storage) {
	// Collocations "##number##,<word>" make Punkt treat any number followed
	// by a period as an ordinal ("in 2020. He" would not split). News
	// writes ordinals as "1st"; a number before a period ends a sentence.
	for c := range st.Collocations {
		if strings.Contains(c, "##number##") {
			delete(st.Collocations, c)
		}
	}
	// Entries that are ordinary sentence-final words in news, or junk.
	for _, a := range []string{". . ", "ok", "ill"} {
		st.AbbrevTypes.Remove(a)
	}
	// Abbreviations common in news (AP style) missing from the WSJ data.
	// The english package of the library adds "sgt", "gov" and "no".
	for _, group := range [][]string{
		punktTitleAbbrevs, punktMonthAbbrevs, punktStateAbbrevs, punktNumberAbbrevs,
		punktOtherNewsAbbrevs,
	} {
		for _, a := range group {
			st.AbbrevTypes.Add(a)
		}
	}
	for _, w := range punktStrongStarters {
		st.SentStarters.Add(w)
	}
}

// The lists below hold abbreviations in Punkt "type" form: lower case,
// without the final period. Split gives each class its own rule.

// punktTitleAbbrevs precede a name ("Mr. Biden", "Gov. Greg Abbott",
// "Lt. Gen. Smith", "St. Louis") and so are almost never sentence-final.
var punktTitleAbbrevs = []string{
	"mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "profs",
	"sen", "sens", "rep", "reps", "gov", "govs", "pres", "lt", "gen", "gens",
	"col", "maj", "capt", "cmdr", "cmdt", "adm", "brig", "sgt", "cpl", "pvt",
	"pfc", "spc", "ens", "rev", "msgr", "fr", "hon", "supt", "det", "insp",
	"atty", "sec", "secs", "amb", "st", "ste", "mt", "ft",
	// Spanish, French and German titles seen in foreign-language news.
	"sra", "srta", "mme", "mlle", "hr",
}

// punktMonthAbbrevs are AP month abbreviations, used before a day ("Oct. 1").
var punktMonthAbbrevs = []string{
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec",
}

// punktStateAbbrevs are AP state and province abbreviations; they mostly follow a
// city and a comma ("Lukeville, Ariz.") and end a sentence when the next
// word is capitalised.
var punktStateAbbrevs = []string{
	"ala", "ariz", "ark", "calif", "cal", "colo", "conn", "del", "fla", "ga",
	"ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss",
	"mo", "mont", "neb", "nebr", "nev", "okla", "ore", "pa", "penn", "tenn",
	"tex", "vt", "va", "wash", "wis", "wisc", "wyo", "alta", "ont", "que",
	"sask", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "r.i", "s.c", "s.d",
	"w.va",
}

// punktNumberAbbrevs precede a number ("No. 2", "Vol. 3", "p. 12").
var punktNumberAbbrevs = []string{
	"no", "nos", "vol", "vols", "art", "arts", "ch", "chap", "fig", "figs",
	"p", "pp", "op", "pt", "pts", "para", "ex",
}

// punktOtherNewsAbbrevs are left to Punkt's ordinary heuristics: they are
// abbreviations, but may end a sentence ("Apple Inc. The company").
var punktOtherNewsAbbrevs = []string{
	"inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "mfg", "assn",
	"dept", "univ", "intl", "natl", "govt", "jr", "sr", "esq", "etc", "vs",
	"v", "e.g", "i.e", "a.k.a", "approx", "est", "ave", "blvd", "rd", "hwy",
	"pkwy", "sq", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "ph.d", "m.d", "b.a", "m.a", "u.s", "u.n", "u.k", "e.u", "d.c",
}

// punktStrongStarters are capitalised words that begin sentences and cannot
// continue a name or a noun phrase after an abbreviation: "the U.S. The
// next" splits, "the U.S. Border Patrol" does not.
var punktStrongStarters = []string{
	"a", "an", "the", "this", "that", "these", "those", "he", "she", "it",
	"they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
	"your", "but", "and", "or", "so", "yet", "nor", "if", "when", "while",
	"whereas", "after", "before", "since", "although", "though", "because",
	"as", "in", "on", "at", "for", "with", "without", "by", "from", "during",
	"despite", "among", "according", "meanwhile", "however", "moreover",
	"nevertheless", "nonetheless", "still", "also", "then", "now", "there",
	"here", "what", "who", "why", "how", "where", "which", "some", "many",
	"most", "several", "few", "all", "both", "each", "such", "instead",
	"indeed", "thus", "earlier", "later", "separately", "similarly",
	"additionally", "further", "furthermore", "even", "just", "only",
	"asked", "yesterday", "today", "tomorrow", "last", "next", "not",
}
