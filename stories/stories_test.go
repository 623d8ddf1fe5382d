package stories

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/analysis/token"
	"parallax/corpus"
)

// The small folder of the unit tests: three stories of three articles,
// one article on its own, and a round-up that reports on two stories.
var smallFolder = []struct{ name, story, text string }{
	{"a1.txt", "bridge", `Bridge collapse in Duluth kills four

A highway bridge over the St. Louis River in Duluth collapsed on Tuesday evening, killing four people. Mayor Karen Olsen said 12 people were injured and rescue divers searched the water into the night. The steel bridge, opened in 1962, carried 40,000 vehicles a day. Engineers had flagged corrosion on the span in a 2019 inspection.`},
	{"b1.txt", "nobel", `Chemist wins Nobel for enzyme work

The Nobel Prize in Chemistry went to the Nigerian-born chemist Amara Okafor for her work on enzymes that break down plastic. The Royal Swedish Academy said the enzymes could digest polyethylene in days rather than centuries. Professor Amara Okafor leads a laboratory at the University of Edinburgh and will share the prize money of 11 million kronor with her team.`},
	{"c1.txt", "transfer", `Benfica sell Mendes to Bayern

Benfica have agreed to sell the striker Tiago Mendes to Bayern Munich for 80 million euros, the Lisbon club said. The 21-year-old scored 34 goals last season. Bayern coach Vincent Kompany had wanted a new striker since the winter, and Tiago Mendes is expected to sign a five-year contract on Monday.`},
	{"a2.txt", "bridge", `Four dead as Duluth span gives way

Four people died when the Duluth bridge over the St. Louis River gave way during the evening rush. Divers pulled survivors from the river, and Mayor Olsen said a dozen were in hospital. A 2019 inspection had found corrosion on the steel span, which opened in 1962 and carried 40,000 vehicles daily.`},
	{"d1.txt", "snow", `Snow closes Oslo airport

Heavy snow closed Oslo airport for six hours on Friday, stranding thousands of travellers. Ploughs worked through the night to clear the runways at Gardermoen, and Norwegian and SAS cancelled more than 200 flights. Forecasters expect another 30 centimetres of snow before Sunday.`},
	{"b2.txt", "nobel", `Plastic-eating enzymes earn Nobel

Amara Okafor, a chemist at the University of Edinburgh, has won the Nobel Prize in Chemistry. The Royal Swedish Academy of Sciences praised enzymes from her laboratory that digest polyethylene plastic. Amara Okafor, born in Nigeria, said the 11 million kronor prize belonged to her whole team.`},
	{"c2.txt", "transfer", `Bayern land Tiago Mendes for 80 million

Bayern Munich have signed Tiago Mendes from Benfica in a deal worth 80 million euros. The striker, 21, scored 34 goals for the Lisbon side last season. Vincent Kompany said Tiago Mendes was the striker Bayern needed and the player will sign a five-year contract.`},
	{"a3.txt", "bridge", `Safety board investigates Duluth bridge collapse

Investigators from the National Transportation Safety Board arrived in Duluth to examine the collapsed bridge over the St. Louis River. The span, built in 1962, had corrosion noted in a 2019 inspection, Mayor Karen Olsen said. Divers recovered a fourth body from the river as traffic for 40,000 vehicles a day was rerouted.`},
	{"b3.txt", "nobel", `Edinburgh celebrates Nobel chemist

Students at the University of Edinburgh cheered as Amara Okafor returned to her laboratory after winning the Nobel Prize in Chemistry. Her enzymes digest polyethylene, and the Royal Swedish Academy called the work a turning point. Amara Okafor will share the 11 million kronor with colleagues.`},
	{"c3.txt", "transfer", `Mendes deal done

Tiago Mendes completed his move from Benfica to Bayern Munich on Monday, signing a five-year contract. The 80 million euro fee is a record for the Lisbon club. Vincent Kompany welcomed the 21-year-old striker, who scored 34 goals last season.`},
	{"r1.txt", "roundup", `Evening briefing

A highway bridge over the St. Louis River in Duluth collapsed on Tuesday, killing four people, and Mayor Karen Olsen said divers searched the river. The Nobel Prize in Chemistry went to Amara Okafor for enzymes that digest polyethylene, the Royal Swedish Academy said. Markets closed higher.`},
}

// smallDocs builds the documents of smallFolder, in the given order of
// indexes (all, in order, when none is given).
func smallDocs(t *testing.T, order ...int) []*corpus.Document {
	t.Helper()
	if order == nil {
		for i := range smallFolder {
			order = append(order, i)
		}
	}
	docs := make([]*corpus.Document, len(order))
	for k, i := range order {
		docs[k] = corpus.FromText(smallFolder[i].name, smallFolder[i].text)
	}
	return docs
}

// storyNames describes a grouping by file names: one string per story,
// its members' names sorted and joined by "+", the stories sorted.
func storyNames(sts []Story, docs []*corpus.Document) []string {
	var out []string
	for _, s := range sts {
		var names []string
		for _, m := range s.Members {
			names = append(names, docs[m].Path)
		}
		slices.Sort(names)
		out = append(out, strings.Join(names, "+"))
	}
	slices.Sort(out)
	return out
}

func TestGroupSmallFolder(t *testing.T) {
	docs := smallDocs(t)
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := storyNames(sts, docs)
	t.Logf("stories: %q", got)
	for _, s := range sts {
		t.Logf("%d  %.2f  %-40q %q", s.Size(), s.Cohesion, s.Label, s.Title)
	}
	for _, want := range []string{"a1.txt+a2.txt+a3.txt", "b1.txt+b2.txt+b3.txt", "c1.txt+c2.txt+c3.txt", "d1.txt"} {
		found := false
		for _, g := range got {
			// The round-up may join one of the stories it reports on.
			if g == want || strings.ReplaceAll(g, "+r1.txt", "") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no story %s in %q", want, got)
		}
	}
	if len(sts) < 4 {
		t.Errorf("%d stories, want at least 4: the round-up must not chain two stories", len(sts))
	}
}

func TestGroupLabelsAndOrder(t *testing.T) {
	docs := smallDocs(t)
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range sts {
		if k > 0 {
			prev := sts[k-1]
			if prev.Size() < s.Size() || (prev.Size() == s.Size() && prev.Members[0] > s.Members[0]) {
				t.Errorf("story %d (size %d, first %d) comes after story %d (size %d, first %d)",
					k, s.Size(), s.Members[0], k-1, prev.Size(), prev.Members[0])
			}
		}
		if !slices.IsSorted(s.Members) {
			t.Errorf("story %d: members %v not sorted", k, s.Members)
		}
		if !slices.Contains(s.Members, s.Representative) {
			t.Errorf("story %d: representative %d is not a member of %v", k, s.Representative, s.Members)
		}
		if s.Title != docs[s.Representative].Title || s.Title == "" {
			t.Errorf("story %d: title %q, want the representative's %q", k, s.Title, docs[s.Representative].Title)
		}
		if len(s.Terms) == 0 || len(s.Terms) > DefaultLabelTerms || s.Label != strings.Join(s.Terms, " · ") {
			t.Errorf("story %d: label %q from terms %q", k, s.Label, s.Terms)
		}
		if s.Size() == 1 && s.Cohesion != 0 || s.Size() > 1 && (s.Cohesion <= 0 || s.Cohesion > 1) {
			t.Errorf("story %d of %d articles: cohesion %v", k, s.Size(), s.Cohesion)
		}
	}
	// Stories are named by their shared names, in their written form, a
	// two-word name in place of its words, and by what happened.
	tests := []struct {
		member       string
		want, reject []string
	}{
		{"a1.txt", []string{"Duluth", "collapse"}, []string{"duluth"}}, // what happened, not "bridge"
		{"c1.txt", []string{"sign"}, nil},
		{"b1.txt", []string{"Amara Okafor"}, []string{"Okafor", "Amara"}},
		{"c1.txt", []string{"Tiago Mendes"}, []string{"Mendes", "Tiago"}},
	}
	for _, tt := range tests {
		for _, s := range sts {
			if docs[s.Members[0]].Path != tt.member {
				continue
			}
			for _, w := range tt.want {
				if !slices.Contains(s.Terms, w) {
					t.Errorf("story of %s: label %q lacks %q", tt.member, s.Label, w)
				}
			}
			for _, r := range tt.reject {
				if slices.Contains(s.Terms, r) {
					t.Errorf("story of %s: label %q has %q", tt.member, s.Label, r)
				}
			}
		}
	}
}

func TestGroupDeterministic(t *testing.T) {
	docs := smallDocs(t)
	first, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	again, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, again) {
		t.Errorf("two runs differ:\n%+v\n%+v", first, again)
	}
	// The same folder in another order gives the same stories.
	var rev []int
	for i := len(smallFolder) - 1; i >= 0; i-- {
		rev = append(rev, i)
	}
	revDocs := smallDocs(t, rev...)
	reversed, err := Group(context.Background(), revDocs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if a, b := storyNames(first, docs), storyNames(reversed, revDocs); !slices.Equal(a, b) {
		t.Errorf("reversed input gives other stories:\n%q\n%q", a, b)
	}
}

func TestGroupEdgeCases(t *testing.T) {
	one := smallDocs(t, 0)
	tests := []struct {
		name  string
		docs  []*corpus.Document
		opts  Options
		sizes []int
	}{
		{"no documents", nil, DefaultOptions(), nil},
		{"one document", one, DefaultOptions(), []int{1}},
		{"zero options take the defaults", smallDocs(t, 0, 3, 4), Options{}, []int{2, 1}},
		{"a threshold of 1 keeps every article apart", smallDocs(t, 0, 3, 7), Options{Threshold: 1}, []int{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts, err := Group(context.Background(), tt.docs, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var sizes []int
			for _, s := range sts {
				sizes = append(sizes, s.Size())
			}
			if !slices.Equal(sizes, tt.sizes) {
				t.Errorf("story sizes %v, want %v", sizes, tt.sizes)
			}
		})
	}
}

// TestAverageLinkageDoesNotChain checks the clustering on similarity
// graphs where joining every similar pair would chain groups together.
func TestAverageLinkageDoesNotChain(t *testing.T) {
	clique := func(from, to int, sim float64) []edge {
		var es []edge
		for a := from; a < to; a++ {
			for b := a + 1; b < to; b++ {
				es = append(es, edge{int32(a), int32(b), sim})
			}
		}
		return es
	}
	tests := []struct {
		name  string
		n     int
		edges []edge
		want  [][]int
	}{
		{"no edges", 3, nil, [][]int{{0}, {1}, {2}}},
		{"weak edge", 2, []edge{{0, 1, 0.1}}, [][]int{{0}, {1}}},
		{"strong edge", 2, []edge{{0, 1, 0.5}}, [][]int{{0, 1}}},
		{"chain of similar pairs", 4, []edge{{0, 1, 0.4}, {1, 2, 0.3}, {2, 3, 0.4}}, [][]int{{0, 1}, {2, 3}}},
		{"two stories and a bridge", 9, append(append(clique(0, 4, 0.6), clique(4, 8, 0.6)...),
			edge{3, 8, 0.5}, edge{4, 8, 0.5}, edge{5, 8, 0.5}, edge{6, 8, 0.5}),
			[][]int{{0, 1, 2, 3}, {4, 5, 6, 7, 8}}},
		{"a loose story stays whole", 4, clique(0, 4, 0.3), [][]int{{0, 1, 2, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := averageLinkage(context.Background(), tt.n, tt.edges, DefaultThreshold)
			if err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(got, func(a, b []int) int { return a[0] - b[0] })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("groups %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCalendarWord(t *testing.T) {
	for term, want := range map[string]bool{
		"Wednesday": true, "Tuesday's": true, "december": true, "October’s": true,
		"March": false, "May": false, "Mexico": false, "López Obrador": false, "Sunday Times": false,
	} {
		if got := calendarWord(term); got != want {
			t.Errorf("calendarWord(%q) = %v, want %v", term, got, want)
		}
	}
}

func TestEventTerm(t *testing.T) {
	tests := []struct {
		term rawTerm
		want bool
	}{
		{rawTerm{key: "quak", lead: true}, true},                   // an event word of news
		{rawTerm{key: "acquir", lead: true}, true},                 // "acquires"
		{rawTerm{key: "charg", lead: true, verb: true}, true},      // "charged"
		{rawTerm{key: "driver", lead: true}, false},                // a descriptor
		{rawTerm{key: "quak"}, false},                              // not in the lead
		{rawTerm{key: "fire", lead: true, name: true}, false},      // a name ("Fire Brigade")
		{rawTerm{key: "sea micro", lead: true, verb: true}, false}, // two words
	}
	for _, tt := range tests {
		if got := eventTerm(tt.term); got != tt.want {
			t.Errorf("eventTerm(%+v) = %v, want %v", tt.term, got, tt.want)
		}
	}
	for norm, want := range map[string]bool{"charged": true, "erupted": true, "erupting": false, "crossings": false, "red": false, "ring": false} {
		stem := token.Tokenize(norm, "en")[0].Stem
		if got := verbForm(norm, stem); got != want {
			t.Errorf("verbForm(%q, %q) = %v, want %v", norm, stem, got, want)
		}
	}
}
