package compare

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"parallax/corpus"
)

// story builds a document from paragraphs of text.
func story(name string, paras ...string) *corpus.Document {
	text := ""
	for i, p := range paras {
		if i > 0 {
			text += "\n\n"
		}
		text += p
	}
	return corpus.FromText(name, text)
}

// sentenceOf returns the index of the sentence of d that starts with prefix.
func sentenceOf(t *testing.T, d *corpus.Document, prefix string) int {
	t.Helper()
	for i := range d.Sentences {
		s := d.SentenceText(i)
		if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
			return i
		}
	}
	t.Fatalf("%s has no sentence starting %q", d.Path, prefix)
	return -1
}

var (
	docA = story("a.txt",
		"Mexico’s Supreme Court ruled last year that migrants could only be detained for 36 hours. Officials in Tijuana raided hotels and safe houses used by smugglers.",
		"The caravan of about 3,000 people left Tapachula on Sunday, heading north toward the United States.",
		"Farmers in Oaxaca celebrated a record coffee harvest this autumn.")
	docB = story("b.txt",
		"Last year the Mexican Supreme Court ruled that migrants could only be detained for 36 hours. A caravan of roughly 3,000 migrants set off from Tapachula on Sunday toward the U.S. border.",
		"The city council of Monterrey approved a new budget for public parks.")
)

func TestCompareCategories(t *testing.T) {
	res, err := Compare(context.Background(), []*corpus.Document{docA, docB}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	court := sentenceOf(t, docA, "Mexico’s Supreme Court")
	caravan := sentenceOf(t, docA, "The caravan")
	coffee := sentenceOf(t, docA, "Farmers")
	parks := sentenceOf(t, docB, "The city council")
	if got := res.Sentences[0][court].Status; got == Unique {
		t.Errorf("court ruling: status %s, want shared or paraphrased", got)
	}
	if got := res.Sentences[0][caravan].Status; got == Unique {
		t.Errorf("caravan: status %s, want linked", got)
	}
	if got := res.Sentences[0][coffee].Status; got != Unique {
		t.Errorf("coffee harvest: status %s, want unique", got)
	}
	if got := res.Sentences[1][parks].Status; got != Unique {
		t.Errorf("parks budget: status %s, want unique", got)
	}
	for _, l := range res.Links {
		if l.A.Doc >= l.B.Doc {
			t.Errorf("link %+v: a.doc must be < b.doc", l)
		}
		if l.Score <= 0 || l.Score > 1 {
			t.Errorf("link %+v: score out of (0,1]", l)
		}
		if len(l.Diff) == 0 || len(l.Evidence) < 2 {
			t.Errorf("link %+v: diff and evidence (two stems or more) required", l)
		}
	}
	if c := res.Sentences[0][court].Coverage; c != 2 {
		t.Errorf("court ruling coverage = %d, want 2", c)
	}
	if c := res.Sentences[0][coffee].Coverage; c != 1 {
		t.Errorf("coffee coverage = %d, want 1", c)
	}
}

func TestCompareSharedVerbatim(t *testing.T) {
	quote := "“The regional challenge of migration requires regional solutions,” Mayorkas wrote on X after the meeting."
	a := story("a.txt", quote, "Officials discussed fentanyl trafficking and the reopening of rail crossings in Texas.")
	b := story("b.txt", "Senators debated a farm bill late into the night.", quote)
	res, err := Compare(context.Background(), []*corpus.Document{a, b}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	qa, qb := sentenceOf(t, a, "“The regional"), sentenceOf(t, b, "“The regional")
	found := false
	for _, l := range res.Links {
		if l.A.Sentence == qa && l.B.Sentence == qb {
			found = true
			if l.Kind != Shared {
				t.Errorf("identical quote linked as %s, want shared", l.Kind)
			}
		}
	}
	if !found {
		t.Fatalf("identical quote not linked; links: %+v", res.Links)
	}
}

func TestCompareBoilerplateNeverLinked(t *testing.T) {
	promo := "For the latest news, weather, sports, and streaming video, head to The Hill."
	a := story("a.txt", "Border crossings fell sharply in January after Mexico stepped up enforcement.", promo)
	b := story("b.txt", "Illegal border crossings fell sharply in January as Mexico stepped up enforcement.", promo)
	res, err := Compare(context.Background(), []*corpus.Document{a, b}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for d, doc := range []*corpus.Document{a, b} {
		for i, s := range doc.Sentences {
			if s.Boilerplate && len(res.Sentences[d][i].Links) > 0 {
				t.Errorf("boilerplate %q was linked", doc.SentenceText(i))
			}
			if s.Boilerplate != res.Sentences[d][i].Boilerplate {
				t.Errorf("boilerplate flag of %q not carried", doc.SentenceText(i))
			}
		}
	}
	if len(res.Links) == 0 {
		t.Error("the two reports of falling crossings were not linked")
	}
}

func TestCompareTopicOverlapIsNotALink(t *testing.T) {
	// Two independent articles on one story: they share one fact (the
	// court ruling) and otherwise only the story's topic words and names.
	a, b := topicA, topicB
	res, err := Compare(context.Background(), []*corpus.Document{a, b}, Options{Sensitivity: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	court := [2]int{sentenceOf(t, a, "Mexico's Supreme Court"), sentenceOf(t, b, "Under a court ruling")}
	found := false
	for _, l := range res.Links {
		if [2]int{l.A.Sentence, l.B.Sentence} == court {
			found = true
			continue
		}
		t.Errorf("unexpected link %q ~ %q (%v)", a.SentenceText(l.A.Sentence), b.SentenceText(l.B.Sentence), l.Evidence)
	}
	if !found {
		t.Error("the shared court ruling was not linked")
	}
}

var (
	topicA = story("a.txt",
		"Who could sway the US election?",
		"The president of Mexico",
		"López Obrador met Biden at the border to talk about migration and trade.",
		"Mexico's Supreme Court ruled last year that migrants could only be detained for 36 hours.",
		"A new refinery in Tabasco will open next spring, the energy ministry said.",
		"Farmers in Oaxaca celebrated a record coffee harvest this autumn.",
		"Opposition leaders called the talks a photo opportunity.")
	topicB = story("b.txt",
		"Mexico's president López Obrador has long criticised the border wall.",
		"Biden plans to visit Ukraine in the spring.",
		"Migration was the topic of a regional summit in Panama last month.",
		"Under a court ruling last year, Mexico can detain migrants for only 36 hours.",
		"The city council of Monterrey approved a new budget for public parks.",
		"Rail traffic resumed in El Paso after a week of closures.")
)

func TestSensitivityMonotone(t *testing.T) {
	docs := []*corpus.Document{docA, docB}
	prev := -1
	for _, s := range []float64{0, 0.25, 0.5, 0.75, 1} {
		res, err := Compare(context.Background(), docs, Options{Sensitivity: s})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Links) < prev {
			t.Errorf("sensitivity %.2f gave %d links, fewer than %d at a lower setting", s, len(res.Links), prev)
		}
		prev = len(res.Links)
	}
}

func TestCompareDeterministic(t *testing.T) {
	c := story("c.txt", "Mexico agreed to take back migrants from Venezuela, officials said.", "Rail crossings in El Paso reopened on Friday.")
	docs := []*corpus.Document{docA, docB, c}
	var first []byte
	for i := 0; i < 5; i++ {
		res, err := Compare(context.Background(), docs, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = out
		} else if string(out) != string(first) {
			t.Fatal("Compare is not deterministic")
		}
	}
}

func TestCompareCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, []*corpus.Document{docA, docB}, DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		a, b string
		kind Kind
	}{
		{"Netanyahu set to call early vote", "Netanyahu set to call early vote", Shared},
		{"Green Lantern to be reintroduced as gay by DC Comics", "Green Lantern to be relaunched as gay superhero", Paraphrased},
		{"Saudi gas truck blast kills at least 22", "Farmers celebrate record coffee harvest", Unrelated},
	}
	for _, tt := range tests {
		s, k := Score(tt.a, tt.b)
		if k != tt.kind {
			t.Errorf("Score(%q, %q) = %.3f %s, want %s", tt.a, tt.b, s, k, tt.kind)
		}
	}
	hi, _ := Score("Israel's Netanyahu set to call early vote", "Netanyahu set to call early vote")
	lo, _ := Score("Military plane crashes in south France", "Military plane crashes in southeastern Turkey, 1 dead")
	if hi <= lo {
		t.Errorf("near paraphrase scored %.3f, not above partial overlap %.3f", hi, lo)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("Mexico agreed to deport migrants. The caravan left on Sunday.", "The caravan left Sunday. Mexico will deport migrants, officials said.")
	f.Add("", "x")
	f.Add("“Quote.” He said.\n\nNew paragraph 3,000.", "U.S.-Mexico border 3000 crossings")
	// The shapes of the red team's inputs, small: one word on every line,
	// one sentence of many distinct words, near-copies with ties, runs of
	// numbers within 3% of each other, words that begin each other.
	f.Add(strings.Repeat("word\n", 300), strings.Repeat("word\n", 200))
	f.Add("w1a w2b w3c w4d w5e w6f w7g w8h w9i w10j w11k w12l.", "w1a w2b w3c w4d w5e w6f w7g w8h w9i w10j w11k w12m.")
	f.Add(strings.Repeat("Troops crossed the river at dawn. ", 40), strings.Repeat("Troops crossed a river at dawn. ", 40))
	f.Add("Counts 1000 1001 1002 1003 1004 1005 1006 1007 1008 1009 rose.", "Counts 1000 1010 1020 1030 1040 fell.")
	f.Add("reform reforms reformer reformist reformation reformed.", "reformers reforming reformists reformations.")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []*corpus.Document{corpus.FromText("a", a), corpus.FromText("b", b)}
		r1, err := Compare(context.Background(), docs, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range r1.Links {
			if l.A.Doc != 0 || l.B.Doc != 1 || l.A.Sentence >= len(docs[0].Sentences) || l.B.Sentence >= len(docs[1].Sentences) {
				t.Fatalf("link out of range: %+v", l)
			}
		}
		for d := range docs {
			if len(r1.Sentences[d]) != len(docs[d].Sentences) {
				t.Fatalf("doc %d: %d results for %d sentences", d, len(r1.Sentences[d]), len(docs[d].Sentences))
			}
		}
		r2, _ := Compare(context.Background(), docs, DefaultOptions())
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if string(j1) != string(j2) {
			t.Fatal("not deterministic")
		}
		// One analysis decided at another sensitivity, then at the
		// default, gives what Compare gives at each.
		an, err := Analyze(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		for _, opts := range []Options{{Sensitivity: 0.3, Closest: true}, DefaultOptions()} {
			got, _ := an.Result(context.Background(), opts)
			want, _ := Compare(context.Background(), docs, opts)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("at %v, Analysis.Result differs from Compare", opts.Sensitivity)
			}
		}
	})
}
