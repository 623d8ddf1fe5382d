package stories

import (
	"context"
	"slices"
	"testing"

	"parallax/analysis/token"
	"parallax/corpus"
)

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"klitschko", "klitchko", true},   // a letter left out
		{"klitschko", "klitscjko", true},  // one replaced
		{"klitschko", "kiltschko", true},  // two swapped
		{"klitschko", "klitschko", false}, // the same
		{"klitschko", "kltschkko", false}, // two edits
		{"austrian", "austria", false},    // the ending differs: a derived word
		{"pakistani", "pakistan", false},  // likewise
		{"klitschko", "blitschko", false}, // the first letter differs
		{"capaldis", "capaldix", false},   // the ending
		{"mcdermott", "mcdermot", false},  // the ending
		{"mcdermott", "mcdermmott", true}, // a letter doubled
		{"ab", "abc", false},              // too short to have a tail
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// termKeys are the keys of the terms of texts after mergeVariants, one
// list per text.
func termKeys(texts ...string) [][]string {
	tz := token.New()
	raw := make([][]rawTerm, len(texts))
	for i, s := range texts {
		raw[i] = extract(corpus.FromText("a.txt", s), tz)
	}
	mergeVariants(raw)
	out := make([][]string, len(raw))
	for i, ts := range raw {
		for _, t := range ts {
			out[i] = append(out[i], t.key)
		}
	}
	return out
}

func TestMergeVariants(t *testing.T) {
	tests := []struct {
		name      string
		texts     []string
		has, lack [][]string // per text: keys it has, keys it lacks
	}{
		{"joined, split and hyphenated names are one term",
			[]string{"Shares rose after AMD bought SeaMicro on Monday.", "Analysts said AMD paid well for Sea Micro.", "The deal for Sea-Micro closed."},
			[][]string{{"seamicro"}, {"seamicro"}, {"seamicro"}},
			[][]string{nil, {"sea micro", "sea", "micro"}, {"sea micro", "sea", "micro"}}},
		{"a misspelt long name goes to the commoner spelling",
			[]string{"The boxer Klitschko won.", "Fans cheered for Klitschko there.", "Reporters asked Klitchko about it."},
			[][]string{{"klitschko"}, {"klitschko"}, {"klitschko"}}, [][]string{nil, nil, {"klitchko"}}},
		{"derived words stay apart",
			[]string{"The vote in Austria was close.", "An Austrian minister spoke."},
			[][]string{{"austria"}, {"austrian"}}, nil},
		{"a lone word stays when no name is written with its letters",
			[]string{"A sea change came to Micro Focus.", "The Sea Micro deal."},
			[][]string{{"sea", "micro"}, {"sea micro"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := termKeys(tt.texts...)
			for i := range got {
				if i < len(tt.has) {
					for _, k := range tt.has[i] {
						if !slices.Contains(got[i], k) {
							t.Errorf("text %d: terms %q lack %q", i, got[i], k)
						}
					}
				}
				if i < len(tt.lack) {
					for _, k := range tt.lack[i] {
						if slices.Contains(got[i], k) {
							t.Errorf("text %d: terms %q have %q", i, got[i], k)
						}
					}
				}
			}
		})
	}
}

// TestGroupNameVariants groups reports of one event that write its name
// in different ways, among reports of another: the variants make one
// story.
func TestGroupNameVariants(t *testing.T) {
	texts := []string{
		"AMD buys SeaMicro\n\nAMD agreed to buy SeaMicro on Wednesday, its chief executive said.",
		"Sea Micro sold to AMD\n\nInvestors in Sea Micro welcomed the offer from AMD.",
		"AMD deal for Sea-Micro\n\nThe Sea-Micro board backed AMD in a statement.",
		"Oslo airport shut by snow\n\nHeavy snow closed Oslo airport at Gardermoen and SAS cancelled 200 flights.",
		"Snow strands travellers at Gardermoen\n\nSAS cancelled 200 flights as snow shut Oslo airport.",
	}
	docs := make([]*corpus.Document, len(texts))
	for i, s := range texts {
		docs[i] = corpus.FromText(string(rune('a'+i))+".txt", s)
	}
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 || !slices.Equal(sts[0].Members, []int{0, 1, 2}) {
		for _, s := range sts {
			t.Logf("%v %q", s.Members, s.Label)
		}
		t.Fatalf("%d stories, want the three on the purchase together and the two on the snow", len(sts))
	}
	named := 0
	for _, term := range sts[0].Terms {
		if squash(term) == "seamicro" {
			named++
		}
	}
	if named != 1 {
		t.Errorf("label %q names SeaMicro %d times, want once", sts[0].Label, named)
	}
}
