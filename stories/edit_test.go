package stories

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/corpus"
)

// groupSmall groups the small folder and returns the documents, the
// stories and the index of the story holding each named file.
func groupSmall(t *testing.T) ([]*corpus.Document, []Story, func(name string) int) {
	t.Helper()
	docs := smallDocs(t)
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return docs, sts, func(name string) int {
		i := slices.IndexFunc(docs, func(d *corpus.Document) bool { return d.Path == name })
		return StoryOf(sts, i)
	}
}

// checkStories checks what every edit keeps: each of n documents in one
// story, members sorted, the representative and the compared among the
// members, the title the representative's.
func checkStories(t *testing.T, sts []Story, docs []*corpus.Document) {
	t.Helper()
	seen := map[int]bool{}
	for k, s := range sts {
		if len(s.Members) == 0 || !slices.IsSorted(s.Members) {
			t.Errorf("story %d: members %v", k, s.Members)
		}
		for _, m := range s.Members {
			if seen[m] {
				t.Errorf("article %d is in two stories", m)
			}
			seen[m] = true
		}
		if !slices.Contains(s.Members, s.Representative) || s.Title != titleOf(docs[s.Representative]) {
			t.Errorf("story %d: representative %d (title %q) of %v", k, s.Representative, s.Title, s.Members)
		}
		if len(s.Compared) != min(len(s.Members), DefaultCompare) {
			t.Errorf("story %d: %d compared of %d", k, len(s.Compared), len(s.Members))
		}
		for _, m := range s.Compared {
			if !slices.Contains(s.Members, m) {
				t.Errorf("story %d: compares %d, not a member of %v", k, m, s.Members)
			}
		}
		if s.Label == "" {
			t.Errorf("story %d has no label", k)
		}
	}
	if len(seen) != len(docs) {
		t.Errorf("stories hold %d articles, want %d", len(seen), len(docs))
	}
}

func TestMerge(t *testing.T) {
	docs, sts, storyOf := groupSmall(t)
	before := fmt.Sprint(sts)
	bridge, snow := storyOf("a1.txt"), storyOf("d1.txt")
	got, err := Merge(sts, bridge, snow)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sts) != before {
		t.Error("Merge changed its input")
	}
	checkStories(t, got, docs)
	if len(got) != len(sts)-1 {
		t.Fatalf("%d stories after a merge of %d", len(got), len(sts))
	}
	at := bridge
	if snow < bridge {
		at--
	}
	want := slices.Sorted(slices.Values(slices.Concat(sts[bridge].Members, sts[snow].Members)))
	if !slices.Equal(got[at].Members, want) {
		t.Errorf("merged story %v, want %v", got[at].Members, want)
	}
	if got[at].Cohesion >= sts[bridge].Cohesion {
		t.Errorf("cohesion %.2f after adding an article on another event, was %.2f", got[at].Cohesion, sts[bridge].Cohesion)
	}
	for _, tt := range []struct{ into, from int }{{0, 0}, {-1, 0}, {0, len(sts)}} {
		if _, err := Merge(sts, tt.into, tt.from); err == nil {
			t.Errorf("Merge(%d, %d) of %d stories: no error", tt.into, tt.from, len(sts))
		}
	}
}

func TestMove(t *testing.T) {
	docs, sts, storyOf := groupSmall(t)
	before := fmt.Sprint(sts)
	a1 := slices.IndexFunc(docs, func(d *corpus.Document) bool { return d.Path == "a1.txt" })
	bridge, snow := storyOf("a1.txt"), storyOf("d1.txt")

	got, err := Move(sts, a1, snow)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sts) != before {
		t.Error("Move changed its input")
	}
	checkStories(t, got, docs)
	if StoryOf(got, a1) != snow || slices.Contains(got[bridge].Members, a1) || got[bridge].Size() != sts[bridge].Size()-1 {
		t.Errorf("after moving a1 to the snow story: %v", got)
	}

	// To a story of its own, last.
	got, err = Move(sts, a1, len(sts))
	if err != nil {
		t.Fatal(err)
	}
	checkStories(t, got, docs)
	if len(got) != len(sts)+1 || !slices.Equal(got[len(sts)].Members, []int{a1}) {
		t.Errorf("a1 alone: %v", got)
	}

	// The only article of a story: the story goes.
	d1 := sts[snow].Members[0]
	got, err = Move(sts, d1, bridge)
	if err != nil {
		t.Fatal(err)
	}
	checkStories(t, got, docs)
	if len(got) != len(sts)-1 {
		t.Errorf("%d stories after emptying one of %d", len(got), len(sts))
	}

	if got, err := Move(sts, a1, bridge); err != nil || !reflect.DeepEqual(got, sts) {
		t.Errorf("a move to its own story changed the stories (%v)", err)
	}
	for _, tt := range []struct{ article, to int }{{len(docs), 0}, {a1, len(sts) + 1}, {a1, -1}} {
		if _, err := Move(sts, tt.article, tt.to); err == nil {
			t.Errorf("Move(%d, %d): no error", tt.article, tt.to)
		}
	}
}

func TestDrop(t *testing.T) {
	docs, sts, storyOf := groupSmall(t)
	for _, name := range []string{"a1.txt", "d1.txt", "r1.txt"} {
		t.Run(name, func(t *testing.T) {
			i := slices.IndexFunc(docs, func(d *corpus.Document) bool { return d.Path == name })
			got := Drop(sts, i)
			rest := slices.Delete(slices.Clone(docs), i, i+1)
			checkStories(t, got, rest)
			if name == "d1.txt" && len(got) != len(sts)-1 {
				t.Errorf("the story of d1 alone stays: %d stories of %d", len(got), len(sts))
			}
			// The stories edited afterwards are of the remaining documents.
			if len(got) > 1 {
				merged, err := Merge(got, 0, 1)
				if err != nil {
					t.Fatal(err)
				}
				checkStories(t, merged, rest)
			}
		})
	}
	_ = storyOf
}

// TestCompared groups one story of many articles, five of them copies of
// one report: the articles compared are the story's most representative
// and distinct, so at most one of the copies is among them.
func TestCompared(t *testing.T) {
	facts := []string{
		"Mount Etna erupted overnight near Catania.",
		"Ash from Etna closed Catania airport.",
		"The INGV observatory said lava flowed into the Valle del Bove.",
		"Residents of Zafferana swept black ash from their roofs.",
		"Flights were diverted to Palermo as Etna erupted.",
		"INGV volcanologists expect the Etna eruption to wane.",
	}
	var docs []*corpus.Document
	add := func(text string) {
		docs = append(docs, corpus.FromText(fmt.Sprintf("%02d.txt", len(docs)), text))
	}
	// What each of the other reports has of its own.
	locals := [][3]string{
		{"Bianchi", "farmers", "vineyards"}, {"Russo", "pilots", "runways"}, {"Ferrari", "hoteliers", "bookings"},
		{"Esposito", "geologists", "tremors"}, {"Romano", "firefighters", "forests"}, {"Colombo", "teachers", "schools"},
		{"Ricci", "fishermen", "harbour"}, {"Marino", "bakers", "ovens"},
	}
	copyText := strings.Join(facts[:4], " ") + " Tourists filmed the glow from Taormina."
	for range 5 {
		add(copyText)
	}
	for k := range 8 {
		var b []string
		for j, f := range facts {
			if (j+k)%3 != 0 {
				b = append(b, f)
			}
		}
		add(strings.Join(b, " ") + fmt.Sprintf(" Reporter %s spoke to %s about the %s.", locals[k][0], locals[k][1], locals[k][2]))
	}
	sts, err := Group(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 1 {
		t.Fatalf("%d stories, want 1", len(sts))
	}
	s := sts[0]
	checkStories(t, sts, docs)
	copies := 0
	for _, m := range s.Compared {
		if m < 5 {
			copies++
		}
	}
	if copies > 1 || !slices.Contains(s.Compared, s.Representative) {
		t.Errorf("compared %v (representative %d): %d copies of one report", s.Compared, s.Representative, copies)
	}
	// Fewer to compare: a smaller choice, still one copy at most.
	opts := DefaultOptions()
	opts.Compare = 3
	small, err := Group(context.Background(), docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(small[0].Compared) != 3 {
		t.Errorf("compared %v, want 3", small[0].Compared)
	}
}
