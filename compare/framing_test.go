package compare

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/corpus"
)

// sr is a shorthand for a SentenceResult in hand-built results.
func sr(status Kind, coverage int) SentenceResult {
	return SentenceResult{Status: status, Coverage: coverage}
}

// bp is a boilerplate sentence as the engine leaves it: unique, coverage 1.
var bp = SentenceResult{Status: Unique, Coverage: 1, Boilerplate: true}

func TestFramings(t *testing.T) {
	tests := []struct {
		name string
		res  Result
		want []Framing
	}{{
		name: "empty",
		res:  Result{},
		want: []Framing{},
	}, {
		name: "boilerplate excluded",
		res: Result{Sentences: [][]SentenceResult{
			{sr(Shared, 2), bp, sr(Unique, 1), bp},
			{sr(Shared, 2), sr(Unique, 1)},
		}},
		want: []Framing{{
			Doc:         0,
			Counts:      Counts{Doc: 0, Sentences: 4, Shared: 1, Unique: 1, Boilerplate: 2},
			SharedShare: 0.5, UniqueShare: 0.5,
			OnlyHere:  []int{2},
			CarriedBy: []int{2, 0, 1, 0},
			Histogram: []int{0, 1, 1},
		}, {
			Doc:         1,
			Counts:      Counts{Doc: 1, Sentences: 2, Shared: 1, Unique: 1},
			SharedShare: 0.5, UniqueShare: 0.5,
			OnlyHere:  []int{1},
			CarriedBy: []int{2, 1},
			Histogram: []int{0, 1, 1},
		}},
	}, {
		name: "three documents, histogram by coverage",
		res: Result{Sentences: [][]SentenceResult{
			{sr(Unique, 1), sr(Shared, 3), sr(Paraphrased, 2), sr(Paraphrased, 3), sr(Unique, 1)},
			{sr(Shared, 3), sr(Paraphrased, 2), sr(Unique, 1), sr(Paraphrased, 3)},
			{sr(Shared, 3), sr(Paraphrased, 3), bp},
		}},
		want: []Framing{{
			Doc:         0,
			Counts:      Counts{Doc: 0, Sentences: 5, Shared: 1, Paraphrased: 2, Unique: 2},
			SharedShare: 0.2, ParaphrasedShare: 0.4, UniqueShare: 0.4,
			OnlyHere:  []int{0, 4},
			CarriedBy: []int{1, 3, 2, 3, 1},
			Histogram: []int{0, 2, 1, 2},
		}, {
			Doc:         1,
			Counts:      Counts{Doc: 1, Sentences: 4, Shared: 1, Paraphrased: 2, Unique: 1},
			SharedShare: 0.25, ParaphrasedShare: 0.5, UniqueShare: 0.25,
			OnlyHere:  []int{2},
			CarriedBy: []int{3, 2, 1, 3},
			Histogram: []int{0, 1, 1, 2},
		}, {
			Doc:         2,
			Counts:      Counts{Doc: 2, Sentences: 3, Shared: 1, Paraphrased: 1, Boilerplate: 1},
			SharedShare: 0.5, ParaphrasedShare: 0.5,
			CarriedBy: []int{3, 3, 0},
			Histogram: []int{0, 0, 0, 2},
		}},
	}, {
		name: "only boilerplate: shares all zero",
		res: Result{Sentences: [][]SentenceResult{
			{bp, bp},
			{},
		}},
		want: []Framing{{
			Doc:       0,
			Counts:    Counts{Doc: 0, Sentences: 2, Boilerplate: 2},
			CarriedBy: []int{0, 0},
			Histogram: []int{0, 0, 0},
		}, {
			Doc:       1,
			Counts:    Counts{Doc: 1},
			CarriedBy: []int{},
			Histogram: []int{0, 0, 0},
		}},
	}, {
		name: "zero-value sentences count as unique, coverage clamped to 1..N",
		res: Result{Sentences: [][]SentenceResult{
			{{}, sr(Shared, 5)},
			{sr(Shared, 2)},
		}},
		want: []Framing{{
			Doc:         0,
			Counts:      Counts{Doc: 0, Sentences: 2, Shared: 1, Unique: 1},
			SharedShare: 0.5, UniqueShare: 0.5,
			OnlyHere:  []int{0},
			CarriedBy: []int{1, 2},
			Histogram: []int{0, 1, 1},
		}, {
			Doc:         1,
			Counts:      Counts{Doc: 1, Sentences: 1, Shared: 1},
			SharedShare: 1,
			CarriedBy:   []int{2},
			Histogram:   []int{0, 0, 1},
		}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.res.Framings()
			if len(got) != len(tt.want) {
				t.Fatalf("%d framings, want %d", len(got), len(tt.want))
			}
			for d := range got {
				g, w := got[d], tt.want[d]
				for _, s := range []struct {
					name      string
					got, want float64
				}{
					{"SharedShare", g.SharedShare, w.SharedShare},
					{"ParaphrasedShare", g.ParaphrasedShare, w.ParaphrasedShare},
					{"UniqueShare", g.UniqueShare, w.UniqueShare},
				} {
					if math.Abs(s.got-s.want) > 1e-12 {
						t.Errorf("doc %d: %s = %v, want %v", d, s.name, s.got, s.want)
					}
				}
				g.SharedShare, g.ParaphrasedShare, g.UniqueShare = w.SharedShare, w.ParaphrasedShare, w.UniqueShare
				// These results have no links: no other document carries any
				// sentence through one.
				if len(g.CarriedIn) != len(got) || slices.ContainsFunc(g.CarriedIn, func(n int) bool { return n != 0 }) {
					t.Errorf("doc %d: CarriedIn %v without links", d, g.CarriedIn)
				}
				g.CarriedIn = w.CarriedIn
				if !reflect.DeepEqual(g, w) {
					t.Errorf("doc %d:\n got %+v\nwant %+v", d, g, w)
				}
				checkFramingInvariants(t, tt.res, g)
			}
		})
	}
}

// checkFramingInvariants checks what must hold of any framing: it agrees
// with Summary, its shares sum to 1 (or are all 0 when the document has no
// reporting), OnlyHere and the histogram account for every non-boilerplate
// sentence and boilerplate is left out of both.
func checkFramingInvariants(t *testing.T, res Result, f Framing) {
	t.Helper()
	ss := res.Sentences[f.Doc]
	if want := res.Summary()[f.Doc]; f.Counts != want {
		t.Errorf("doc %d: counts %+v, Summary gives %+v", f.Doc, f.Counts, want)
	}
	reporting := f.Sentences - f.Boilerplate
	sum := f.SharedShare + f.ParaphrasedShare + f.UniqueShare
	if reporting > 0 && math.Abs(sum-1) > 1e-9 {
		t.Errorf("doc %d: shares sum to %v, want 1", f.Doc, sum)
	}
	if reporting == 0 && sum != 0 {
		t.Errorf("doc %d: no reporting, yet shares sum to %v", f.Doc, sum)
	}
	if f.UniqueShare != f.Counts.UniqueShare() {
		t.Errorf("doc %d: UniqueShare %v, Counts.UniqueShare() %v", f.Doc, f.UniqueShare, f.Counts.UniqueShare())
	}
	if len(f.OnlyHere) != f.Unique {
		t.Errorf("doc %d: %d sentences only here, %d unique", f.Doc, len(f.OnlyHere), f.Unique)
	}
	for k, i := range f.OnlyHere {
		if k > 0 && i <= f.OnlyHere[k-1] {
			t.Errorf("doc %d: OnlyHere %v not in order", f.Doc, f.OnlyHere)
		}
		if ss[i].Boilerplate {
			t.Errorf("doc %d: boilerplate sentence %d listed as only here", f.Doc, i)
		}
	}
	if len(f.Histogram) != len(res.Sentences)+1 || f.Histogram[0] != 0 {
		t.Errorf("doc %d: histogram %v, want length %d and nothing at 0", f.Doc, f.Histogram, len(res.Sentences)+1)
	}
	total := 0
	for _, h := range f.Histogram {
		total += h
	}
	if total != reporting {
		t.Errorf("doc %d: histogram holds %d sentences, want %d", f.Doc, total, reporting)
	}
	if len(f.CarriedBy) != len(ss) {
		t.Fatalf("doc %d: %d CarriedBy entries for %d sentences", f.Doc, len(f.CarriedBy), len(ss))
	}
	for i, c := range f.CarriedBy {
		if ss[i].Boilerplate != (c == 0) {
			t.Errorf("doc %d sentence %d: carried by %d, boilerplate %v", f.Doc, i, c, ss[i].Boilerplate)
		}
	}
}

func TestFramingsOnComparison(t *testing.T) {
	promo := "For the latest news, weather, sports, and streaming video, head to The Hill."
	a := corpus.FromText("a.txt", "Mexico’s Supreme Court ruled last year that migrants could only be detained for 36 hours. "+
		"Officials in Tijuana raided hotels and safe houses used by smugglers.\n\n"+
		"The caravan of about 3,000 people left Tapachula on Sunday, heading north toward the United States.\n\n"+
		"Farmers in Oaxaca celebrated a record coffee harvest this autumn.\n\n"+promo)
	b := corpus.FromText("b.txt", "Last year the Mexican Supreme Court ruled that migrants could only be detained for 36 hours. "+
		"A caravan of roughly 3,000 migrants set off from Tapachula on Sunday toward the U.S. border.\n\n"+
		"The city council of Monterrey approved a new budget for public parks.\n\n"+promo)
	c := corpus.FromText("c.txt", "Mexico’s Supreme Court ruled last year that migrants could only be detained for 36 hours.\n\n"+
		"A storm closed schools across Yucatán on Tuesday.")
	docs := []*corpus.Document{a, b, c}
	res, err := Compare(context.Background(), docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	fs := res.Framings()
	if len(fs) != len(docs) {
		t.Fatalf("%d framings for %d documents", len(fs), len(docs))
	}
	for _, f := range fs {
		// Every carrier of a sentence is one other document carrying it.
		carriers := 0
		for i, c := range f.CarriedBy {
			if !docs[f.Doc].Sentences[i].Boilerplate {
				carriers += c - 1
			}
		}
		sum := 0
		for _, n := range f.CarriedIn {
			sum += n
		}
		if len(f.CarriedIn) != len(docs) || f.CarriedIn[f.Doc] != 0 || sum != carriers {
			t.Errorf("doc %d: CarriedIn %v, want %d carriers in all and none at itself", f.Doc, f.CarriedIn, carriers)
		}
	}
	if fs[0].CarriedIn[1] < 2 || fs[0].CarriedIn[2] < 1 {
		t.Errorf("a's court and caravan sentences: CarriedIn %v, want b ≥ 2, c ≥ 1", fs[0].CarriedIn)
	}
	for d, f := range fs {
		if f.Doc != d {
			t.Errorf("framing %d has Doc %d", d, f.Doc)
		}
		checkFramingInvariants(t, *res, f)
	}
	// The court ruling is in all three; the coffee harvest in a alone.
	court := -1
	coffee := -1
	for i := range a.Sentences {
		switch s := a.SentenceText(i); {
		case strings.HasPrefix(s, "Mexico’s Supreme Court"):
			court = i
		case strings.HasPrefix(s, "Farmers"):
			coffee = i
		}
	}
	if court < 0 || coffee < 0 {
		t.Fatal("fixture sentences not found")
	}
	if got := fs[0].CarriedBy[court]; got != 3 {
		t.Errorf("court ruling carried by %d documents, want 3", got)
	}
	if fs[0].Histogram[3] < 1 {
		t.Errorf("doc a histogram %v: nothing carried by all three", fs[0].Histogram)
	}
	found := false
	for _, i := range fs[0].OnlyHere {
		found = found || i == coffee
		if i == court {
			t.Error("court ruling listed as only in a")
		}
	}
	if !found {
		t.Errorf("coffee harvest (sentence %d) not in OnlyHere %v", coffee, fs[0].OnlyHere)
	}
	// The promo is boilerplate in a and b: counted apart, carried by none,
	// though both carry it word for word.
	for d := range 2 {
		if fs[d].Boilerplate != 1 {
			t.Errorf("doc %d: %d boilerplate sentences, want 1 (the promo)", d, fs[d].Boilerplate)
		}
		last := len(docs[d].Sentences) - 1
		if got := fs[d].CarriedBy[last]; got != 0 {
			t.Errorf("doc %d: promo carried by %d, want 0", d, got)
		}
	}
}
