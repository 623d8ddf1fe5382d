package token

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	type want struct{ norm, stem string }
	tests := []struct {
		name, text, lang string
		content          []want // non-stop tokens, in order
	}{
		{"numbers lose separators", "More than 3,000 migrants and 10,000 people.", "en",
			[]want{{"3000", "3000"}, {"migrants", "migrant"}, {"10000", "10000"}, {"people", "peopl"}}},
		{"dotted acronym is not the pronoun", "The U.S. told us nothing.", "en",
			[]want{{"us", "us"}, {"nothing", "noth"}}},
		{"capital acronym", "US officials met", "en",
			[]want{{"us", "us"}, {"officials", "offici"}, {"met", "met"}}},
		{"reporting verbs are stop words", "Biden said the talks went well, according to aides.", "en",
			[]want{{"biden", "biden"}, {"talks", "talk"}, {"went", "went"}, {"well", "well"}, {"aides", "aid"}}},
		{"curly apostrophe possessive", "López Obrador’s cooperation", "en",
			[]want{{"lópez", "lópez"}, {"obrador's", "obrador"}, {"cooperation", "cooper"}}},
		{"spanish stems and stop words", "Los migrantes cruzaron la frontera", "es",
			[]want{{"migrantes", "migrant"}, {"cruzaron", "cruz"}, {"frontera", "fronter"}}},
		{"french stems and stop words", "Les migrants ont traversé la frontière", "fr",
			[]want{{"migrants", "migr"}, {"traversé", "travers"}, {"frontière", "fronti"}}},
		{"number words are figures", "Nine dead, seventeen hurt and twenty-three missing.", "en",
			[]want{{"nine", "9"}, {"dead", "dead"}, {"seventeen", "17"}, {"hurt", "hurt"}, {"twenty-three", "23"}, {"missing", "miss"}}},
		{"spaced hyphen joins tens too", "twenty - three", "en",
			[]want{{"twenty - three", "23"}}},
		{"a number word after a hyphened word is a term", "a pick-six and a top - ten", "en",
			[]want{{"pick", "pick"}, {"six", "six"}, {"top", "top"}, {"ten", "ten"}}},
		{"tens and units apart; two is a word", "twenty three and thirty-thirty, the two", "en",
			[]want{{"twenty", "20"}, {"three", "3"}, {"thirty", "30"}, {"thirty", "30"}, {"two", "two"}}},
		{"number words only in English", "nueve muertos", "es",
			[]want{{"nueve", "nuev"}, {"muertos", "muert"}}},
		{"unknown language keeps words", "Merkel trifft Macron", "de",
			[]want{{"merkel", "merkel"}, {"trifft", "trifft"}, {"macron", "macron"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, tok := range Tokenize(tt.text, tt.lang) {
				if tt.text[tok.Start:tok.End] == "" {
					t.Fatalf("empty token span %+v", tok)
				}
				if tok.Number != strings.ContainsAny(tok.Stem, "0123456789") {
					t.Errorf("token %q: Number %v, stem %q", tok.Norm, tok.Number, tok.Stem)
				}
				if !tok.Stop {
					got = append(got, want{tok.Norm, tok.Stem})
				}
			}
			if len(got) != len(tt.content) {
				t.Fatalf("content tokens = %v, want %v", got, tt.content)
			}
			for i := range got {
				if got[i] != tt.content[i] {
					t.Errorf("token %d = %v, want %v", i, got[i], tt.content[i])
				}
			}
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "“In the short term,” the two leaders — Biden and AMLO — agreed on 3:16 p.m."
	for _, tok := range Tokenize(text, "en") {
		w := text[tok.Start:tok.End]
		if strings.TrimSpace(w) != w || w == "" {
			t.Errorf("token %q has space or is empty", w)
		}
	}
}
