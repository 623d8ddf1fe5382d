package framing

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/corpus"
)

func TestFigures(t *testing.T) {
	cases := []struct {
		in   string
		want []string // Normal() of each figure
	}{
		{"Border agents encountered 5,000 migrants.", []string{"5000"}},
		{"more than two million people crossed", []string{">2000000"}},
		{"More than 10,000 people a day", []string{">10000"}},
		{"nearly 3,000 migrants and about 300 children", []string{"≲3000", "~300"}},
		{"a 40% rise, or 12 percent of the total", []string{"40%", "12%"}},
		{"$1.2 billion in aid and €30", []string{"$1200000000", "$30"}},
		{"In 2023 and on Dec. 12, and in January", []string{"2023", "December 12", "January"}},
		{"It began on Wednesday.", []string{"Wednesday"}},
		{"January 2024 was cold", []string{"2024"}},
		{"hundreds of immigration checkpoints", []string{"100"}},
		{"one of the leaders may say", nil},
		{"a caravan of 2.5 million", []string{"2500000"}},
		{"three people died", []string{"3"}},
		{"the two leaders met", []string{"2"}},
		{"two", nil},
	}
	for _, c := range cases {
		var got []string
		for _, f := range Figures(c.in) {
			got = append(got, f.Normal())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Figures(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFigureText(t *testing.T) {
	s := "There were more than 10,000 people at the border on Wednesday."
	fs := Figures(s)
	if len(fs) != 2 {
		t.Fatalf("got %+v", fs)
	}
	if fs[0].Text != "more than 10,000 people" || s[fs[0].Start:fs[0].End] != fs[0].Text || fs[0].Noun != "people" {
		t.Errorf("first figure %+v", fs[0])
	}
	if fs[1].Text != "Wednesday" || s[fs[1].Start:fs[1].End] != "Wednesday" {
		t.Errorf("second figure %+v", fs[1])
	}
}

func TestConflicts(t *testing.T) {
	cases := []struct {
		a, b string
		want []string // "A|B" of each conflict
	}{
		{"About 5,000 migrants crossed.", "Some 3,000 migrants crossed.", []string{"~5000|~3000"}},
		{"5,000 migrants crossed.", "3,000 migrants crossed.", []string{"5000|3000"}},
		{"5,000 migrants crossed.", "5,000 migrants crossed.", nil},
		{"22,464 migrants crossed.", "22,000 migrants crossed.", nil}, // within 3%
		{"More than 10,000 people crossed.", "12,000 people crossed.", nil},
		{"Nearly 5,000 people crossed.", "3,000 people crossed.", []string{"≲5000|3000"}},
		{"more than two million people", "1.5 million people", []string{">2000000|1500000"}},
		{"more than two million people", "2.3 million people", nil},
		{"The talks were on Wednesday.", "The talks were on Tuesday.", []string{"Wednesday|Tuesday"}},
		{"They met on Dec. 12.", "They met on Dec. 14.", []string{"December 12|December 14"}},
		{"They met in December.", "They met on Dec. 14.", nil},
		{"The law passed in 2022.", "The law passed in 2021.", []string{"2022|2021"}},
		{"Unemployment rose to 40%.", "Unemployment rose to 35 percent.", []string{"40%|35%"}},
		{"approximately 3,000 people", "roughly 1,000 miles south", nil},
		{"3 people and 2,000 cars", "5 dogs", nil},
		{"It cost $2 million.", "It cost $3 million.", []string{"$2000000|$3000000"}},
	}
	for _, c := range cases {
		var got []string
		for _, x := range Conflicts(c.a, c.b) {
			got = append(got, x.A.Normal()+"|"+x.B.Normal())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Conflicts(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func TestNames(t *testing.T) {
	known := map[string]bool{"blinken": true}
	cases := []struct {
		in   string
		want []string // "kind:text"
	}{
		{"Secretary of State Antony Blinken met them.", []string{"person:Antony Blinken"}},
		{"They met Mexican President Andrés Manuel López Obrador on Sunday.", []string{"person:Andrés Manuel López Obrador"}},
		{"He called Andrés Manuel López Obrador of Mexico.", []string{"person:Andrés Manuel López Obrador", "place:Mexico"}},
		{"Blinken arrived.", []string{"person:Blinken"}},
		{"Feeley arrived.", nil}, // a lone unknown word starting a sentence
		{"The U.S. Border Patrol said so.", []string{"organisation:U.S. Border Patrol"}},
		{"They flew to Mexico City and then to Latin America.", []string{"place:Mexico City", "place:Latin America"}},
		{"It was the White House’s plan.", []string{"organisation:White House"}},
		{"On Wednesday, officials met.", nil},
		{"Two-year-old Denver Gonzalez slept.", []string{"person:Denver Gonzalez"}},
		{"said Alicia Bárcena, the foreign minister.", []string{"person:Alicia Bárcena"}},
		{"the meeting with CBP officials", []string{"organisation:CBP"}},
		{"On Wednesday, Senior US officials held talks.", []string{"place:US"}},
		{"Secretary of State Antony Blinken and the State Department", []string{"person:Antony Blinken", "organisation:State Department"}},
		{"Actress Lindsay Lohan checked in.", []string{"person:Lindsay Lohan"}},
		{"Police said Congress would hear the Army.", []string{"organisation:Congress"}},
		{"It struck at 7:37 AM local time, or 00:37 GMT, said PM Tony Abbott.", []string{"person:Tony Abbott"}},
	}
	for _, c := range cases {
		var got []string
		for _, m := range Names(c.in, known) {
			got = append(got, string(m.Kind)+":"+m.Text)
			if c.in[m.Start:m.End] != m.Text {
				t.Errorf("%q: offsets %d..%d do not give %q", c.in, m.Start, m.End, m.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Names(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if k := EntityKey("Andrés Manuel López Obrador", Person); k != "obrador" {
		t.Errorf("person key %q", k)
	}
	if EntityKey("U.S.", Place) != EntityKey("United States", Place) {
		t.Error("U.S. and United States should share a key")
	}
}

// doc builds a document from paragraphs.
func doc(name string, paras ...string) *corpus.Document {
	return corpus.FromText(name, strings.Join(paras, "\n\n"))
}

func TestQuotes(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		speaker string
		attr    string
		quote   string
	}{
		{"curly after, verb first", "Officials met on Monday.\n\n“We will keep working on the border together,” said Alicia Bárcena, the foreign minister.",
			"Alicia Bárcena", AttrAfter, "We will keep working on the border together"},
		{"curly after, name first", "Officials met on Monday.\n\n“We appreciate Mexico’s commitment to this effort,” Mayorkas reported on X.",
			"Mayorkas", AttrAfter, "We appreciate Mexico’s commitment to this effort"},
		{"straight quotes", "Officials met on Monday.\n\n\"We appreciate Mexico's commitment to this effort,\" Mayorkas said.",
			"Mayorkas", AttrAfter, "We appreciate Mexico's commitment to this effort"},
		{"before with colon", "Officials met on Monday.\n\nAntony Blinken said: “We are committed to partnering with Mexico.”",
			"Antony Blinken", AttrBefore, "We are committed to partnering with Mexico."},
		{"before with comma", "In a post on X, Mexican President Andres Manuel Lopez Obrador stated, “Important agreements were reached for our people.”",
			"Andres Manuel Lopez Obrador", AttrBefore, "Important agreements were reached for our people."},
		{"pronoun after", "Andrés Manuel López Obrador spoke on Sunday.\n\n“The migration issue is going to intensify,” he said.",
			"Andrés Manuel López Obrador", AttrAfter, "The migration issue is going to intensify"},
		{"initial in the name after the verb", "Officials met on Monday.\n\n“We are searching for people under the rubble,” said Rusli M. Saleh, the deputy district chief.",
			"Rusli M. Saleh", AttrAfter, "We are searching for people under the rubble"},
		{"split around he said", "Adam Isacson works in Washington.\n\n“If forces violate rights along the way,” he said, “the United States is complicit.”",
			"Adam Isacson", AttrSplit, "If forces violate rights along the way the United States is complicit."},
		{"description", "Officials met.\n\n“We saw a pretty significant drop in crossings,” a senior administration official said.",
			"a senior administration official", AttrAfter, "We saw a pretty significant drop in crossings"},
		{"according to", "Officials met.\n\nThe plan “will reduce crossings in the short term,” according to Liz Sherwood-Randall.",
			"Liz Sherwood-Randall", AttrAfter, "will reduce crossings in the short term"},
		{"read statement", "Officials met.\n\n“The two leaders discussed how to manage migration,” read the joint statement.",
			"the joint statement", AttrAfter, "The two leaders discussed how to manage migration"},
		{"unattributed", "Officials met.\n\n“This is entirely the responsibility of others.” The crowd left.",
			"", AttrNone, "This is entirely the responsibility of others."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := corpus.FromText("a.txt", c.text)
			a := &Analysis{}
			ms := Names(d.Text, map[string]bool{"mayorkas": true})
			qs := docQuotes(0, d, ms)
			_ = a
			if len(qs) != 1 {
				t.Fatalf("got %d quotes: %+v", len(qs), qs)
			}
			q := qs[0]
			if q.Speaker != c.speaker || q.Attribution != c.attr || q.Text != c.quote {
				t.Errorf("got speaker %q (%s), text %q; want %q (%s), %q", q.Speaker, q.Attribution, q.Text, c.speaker, c.attr, c.quote)
			}
		})
	}
}

func TestShortQuotesAreNotQuotes(t *testing.T) {
	d := corpus.FromText("a.txt", "They held a “very productive meeting” under “Remain in Mexico” rules.")
	if qs := docQuotes(0, d, nil); len(qs) != 0 {
		t.Errorf("phrases taken for quotes: %+v", qs)
	}
}

func TestContinuedQuote(t *testing.T) {
	d := corpus.FromText("a.txt", "“At a certain point you put pressure on them and they go elsewhere,” said David Pérez Tejada, an official.\n\n“It’s all a cat and mouse game, and it’s hard to control.”")
	qs := docQuotes(0, d, Names(d.Text, nil))
	if len(qs) != 2 || qs[1].Speaker != "David Pérez Tejada" || qs[1].Attribution != AttrContinued {
		t.Fatalf("got %+v", qs)
	}
}

// compared builds and compares documents at the rewrite sensitivity.
func compared(t *testing.T, docs ...*corpus.Document) *compare.Result {
	t.Helper()
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.RewriteSensitivity})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestQuoteLedger(t *testing.T) {
	a := doc("a.txt", "Officials from Mexico and the United States met in Mexico City on Wednesday.",
		"“The regional challenge of migration requires regional solutions, and we appreciate the commitment,” said Alejandro Mayorkas.")
	b := doc("b.txt", "Mexican and American officials met in Mexico City on Wednesday for migration talks.",
		"“The regional challenge of migration requires regional solutions,” said Antony Blinken.")
	c := doc("c.txt", "Officials of Mexico and the United States talked in Mexico City on Wednesday.")
	docs := []*corpus.Document{a, b, c}
	an := Analyze(docs, compared(t, docs...))
	if len(an.QuoteGroups) != 1 {
		t.Fatalf("groups %+v", an.QuoteGroups)
	}
	g := an.QuoteGroups[0]
	if !slices.Equal(g.States, []string{QuoteVerbatim, QuoteTrimmed, QuoteAbsent}) {
		t.Errorf("states %v", g.States)
	}
	if !g.SpeakerConflict || !slices.Equal(g.Speakers, []string{"Alejandro Mayorkas", "Antony Blinken"}) {
		t.Errorf("speaker conflict not flagged: %+v", g)
	}
	// Sources: a quotes Mayorkas, c quotes no one and names no one.
	if len(an.Outlets[0].Quoted) != 1 || an.Outlets[0].Quoted[0].Key != "mayorkas" || len(an.Outlets[2].Quoted) != 0 {
		t.Errorf("sources %+v", an.Outlets)
	}
}

func TestLeftOutCommonCoreAndConflicts(t *testing.T) {
	a := doc("a.txt", "Border agents encountered 5,000 migrants near El Paso on Tuesday morning.",
		"The governor of Texas announced new razor wire along the river banks.",
		"Local shelters in El Paso said they had run out of beds for families.")
	b := doc("b.txt", "Border agents encountered 3,000 migrants near El Paso on Tuesday morning.",
		"The governor of Texas announced new razor wire along the river banks.",
		"A judge in Austin blocked the state law on arrests for a second time.")
	c := doc("c.txt", "The governor of Texas announced new razor wire along the river banks.",
		"Farmers near the border complained that the wire damaged their fences.")
	docs := []*corpus.Document{a, b, c}
	res := compared(t, docs...)
	an := Analyze(docs, res)
	if len(an.CommonCore) != 1 || !strings.Contains(an.Claims[an.CommonCore[0]].Text, "razor wire") {
		t.Fatalf("common core %v of %+v", an.CommonCore, an.Claims)
	}
	// c leaves out the encounter claim that a and b both carry.
	found := false
	for _, ci := range an.Outlets[2].LeftOut {
		if strings.Contains(an.Claims[ci].Text, "encountered") {
			found = true
		}
	}
	if !found {
		t.Errorf("c's left out: %v (claims %+v)", an.Outlets[2].LeftOut, an.Claims)
	}
	if len(an.Conflicts) != 1 || an.Conflicts[0].FigureA.Normal() != "5000" || an.Conflicts[0].FigureB.Normal() != "3000" {
		t.Fatalf("conflicts %+v", an.Conflicts)
	}
	if !an.ConflictAt(an.Conflicts[0].A) || len(an.ConflictsOn(an.Conflicts[0].Link)) != 1 {
		t.Error("ConflictAt / ConflictsOn miss the conflict")
	}
	if lc := LinkConflicts(docs, res); len(lc) != 1 || lc[0] != an.Conflicts[0] {
		t.Errorf("LinkConflicts %+v, Analyze %+v", lc, an.Conflicts)
	}
	// One index asked again, and for a comparison without links, reads
	// the same conflicts.
	x := NewFigureIndex(docs)
	for _, r := range []*compare.Result{res, {Sentences: res.Sentences}, res} {
		if got, want := x.LinkConflicts(r), LinkConflicts(docs, r); !reflect.DeepEqual(got, want) {
			t.Errorf("FigureIndex.LinkConflicts %+v, LinkConflicts %+v", got, want)
		}
	}
	// Leads: the first three sentences, with their categories.
	if l := an.Outlets[1].Lead; len(l.Sentences) != 3 || l.Sentences[2].Status != compare.Unique {
		t.Errorf("lead %+v", l)
	}
}

func TestWordChoices(t *testing.T) {
	a := doc("a.txt", "Illegal border crossings plummeted in January after Mexico increased enforcement at its southern checkpoints.")
	b := doc("b.txt", "Irregular border crossings dropped in January after Mexico increased enforcement at its southern checkpoints.")
	docs := []*corpus.Document{a, b}
	res := compared(t, docs...)
	if len(res.Links) != 1 {
		t.Fatalf("the engine did not link the pair: %+v", res.Links)
	}
	an := Analyze(docs, res)
	if len(an.WordChoices) != 1 {
		t.Fatalf("choices %+v", an.WordChoices)
	}
	var got []string
	for _, c := range an.WordChoices[0].Choices {
		got = append(got, c.A+"/"+c.B)
	}
	if !slices.Contains(got, "illegal/irregular") || !slices.Contains(got, "plummeted/dropped") {
		t.Errorf("choices %q", got)
	}
}

func TestSample(t *testing.T) {
	docs, res := sample(t)
	a := Analyze(docs, res)
	if len(a.Outlets) != 5 || len(a.Carries) != 5 {
		t.Fatalf("outlets %d", len(a.Outlets))
	}
	for d, o := range a.Outlets {
		if len(o.Lead.Sentences) != 3 {
			t.Errorf("outlet %d lead %+v", d, o.Lead)
		}
	}
	// 002 quotes Mayorkas and Blinken; 003 quotes John Feeley; 004 names
	// Mayorkas without quoting him.
	quoted := func(d int, key string) bool {
		for _, s := range a.Outlets[d].Quoted {
			if s.Key == key {
				return true
			}
		}
		return false
	}
	if !quoted(2, "mayorkas") || !quoted(2, "blinken") || !quoted(3, "feeley") || quoted(4, "mayorkas") {
		t.Errorf("sources: %+v", a.Outlets)
	}
	var mayorkas *Entity
	for i := range a.Entities {
		if a.Entities[i].Key == "mayorkas" {
			mayorkas = &a.Entities[i]
		}
	}
	if mayorkas == nil || mayorkas.States[2] != EntityQuoted || mayorkas.States[4] != EntityMentioned || mayorkas.States[0] != EntityAbsent {
		t.Errorf("Mayorkas: %+v", mayorkas)
	}
	// The Mayorkas quote of 002 is carried by 004 in a paraphrase.
	found := false
	for _, g := range a.QuoteGroups {
		if strings.HasPrefix(g.Text, "The regional challenge") && g.States[2] == QuoteVerbatim && g.States[4] == QuoteParaphrased {
			found = true
		}
	}
	if !found {
		t.Errorf("Mayorkas quote not in the ledger as expected: %+v", a.QuoteGroups)
	}
	if len(a.WordChoices) == 0 {
		t.Error("no word choices on the sample")
	}
	for _, o := range a.Outlets {
		if len(o.DistinctiveTerms) == 0 || len(o.DistinctiveNames) == 0 {
			t.Errorf("outlet %d has no distinctive terms or names: %+v", o.Doc, o)
		}
	}
	// No conflict is a false one between different quantities.
	for _, c := range a.Conflicts {
		if !comparable(c.FigureA, c.FigureB) {
			t.Errorf("conflict between incomparable figures %+v", c)
		}
	}
}

func TestAnalyzeWithoutComparison(t *testing.T) {
	d := doc("a.txt", "One article alone.")
	for _, res := range []*compare.Result{nil, {}} {
		a := Analyze([]*corpus.Document{d}, res)
		if len(a.Outlets) != 1 || a.Claims == nil || a.Conflicts == nil || a.QuoteGroups == nil {
			t.Errorf("%v gave %+v", res, a)
		}
	}
}

func BenchmarkAnalyzeSample(b *testing.B) {
	docs, res := sample(b)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(docs, res)
	}
}

// TestLeftOutOfTwo: with two articles, what one left out is what only the
// other carries.
func TestLeftOutOfTwo(t *testing.T) {
	a := doc("a.txt", "The governor of Texas announced new razor wire along the river banks.",
		"Local shelters in El Paso said they had run out of beds for families.")
	b := doc("b.txt", "The governor of Texas announced new razor wire along the river banks.")
	docs := []*corpus.Document{a, b}
	an := Analyze(docs, compared(t, docs...))
	if len(an.Outlets[0].LeftOut) != 0 || len(an.Outlets[1].LeftOut) != 1 ||
		!strings.Contains(an.Claims[an.Outlets[1].LeftOut[0]].Text, "shelters") {
		t.Errorf("left out %v / %v of %+v", an.Outlets[0].LeftOut, an.Outlets[1].LeftOut, an.Claims)
	}
	if len(an.CommonCore) != 1 {
		t.Errorf("common core %v", an.CommonCore)
	}
}

// TestTitleCase checks which sentences read as title-cased headlines, and
// that the names in one are cut at its capitalised common words.
func TestTitleCase(t *testing.T) {
	d := doc("a",
		"Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab",
		"Earthquake Of Magnitude 6.1 Strikes Indonesia's Aceh Province Killing One",
		"Secretary of State Antony Blinken met President Andrés Manuel López Obrador.",
		"Lindsay Lohan checks into Betty Ford Center",
		"HISTORIC WAREHOUSE BURNS",
		"On Friday Lindsay Lohan left the Betty Ford clinic for Malibu, after a strong earthquake struck Indonesia's Aceh province and killed one; the historic warehouse burns.")
	names, running := nameWords([]*corpus.Document{d})
	wantTitle := []bool{true, true, false, false, true, false}
	for i, want := range wantTitle {
		if got := titleCased(d.SentenceText(i), names); got != want {
			t.Errorf("titleCased(%q) = %v, want %v", d.SentenceText(i), got, want)
		}
	}
	var got []string
	for _, m := range namesIn(d.Text, splitTitleRuns(d, nameRuns(d.Text), names, running[0]), map[string]bool{"lohan": true}, nil) {
		if sentenceAt(d, m.Start) <= 1 {
			got = append(got, string(m.Kind)+":"+m.Text)
		}
	}
	// Lone words stay out unless known, as in running text: not
	// "Strikes Indonesia" but no "Indonesia" either.
	want := []string{"person:Lindsay Lohan", "person:Betty Ford"}
	if !slices.Equal(got, want) {
		t.Errorf("names in the title-cased headlines = %q, want %q", got, want)
	}
}

// TestPlaceContext checks that a name written where a place stands is a
// place wherever the articles write it, so that a pronoun's speaker is not
// a village.
func TestPlaceContext(t *testing.T) {
	text := "In Bener Meriah, about 300 people slept outdoors. “A man was working with his wife,” he said. " +
		"A Bukit Sama village resident saw it. Officials in Bukit Sama and Bener Meriah counted the dead. " +
		"Rescuers near Lukeville, Ariz. arrived. In Biden's plan, Bensu Elianita said so. Bensu Elianita left."
	runs := nameRuns(text)
	places := map[string]bool{}
	placeNames(text, runs, places)
	var got []string
	for _, m := range namesIn(text, runs, map[string]bool{"elianita": true, "biden": true}, places) {
		got = append(got, string(m.Kind)+":"+m.Text)
	}
	want := []string{"place:Bener Meriah", "place:Bukit Sama", "place:Bukit Sama", "place:Bener Meriah",
		"place:Lukeville", "person:Biden", "person:Bensu Elianita", "person:Bensu Elianita"}
	if !slices.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	d := doc("a", text)
	qs := docQuotes(0, d, namesIn(d.Text, nameRuns(d.Text), nil, places))
	if len(qs) != 1 || qs[0].Speaker != "" {
		t.Errorf("quotes %+v: want one without a speaker (he: no person named before it)", qs)
	}
}
