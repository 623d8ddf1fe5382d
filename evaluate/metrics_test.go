package evaluate

import (
	"math"
	"slices"
	"testing"

	"parallax/analysis"
	"parallax/corpus"
)

func TestCorrelations(t *testing.T) {
	tests := []struct {
		x, y           []float64
		pearson, spear float64
	}{
		{[]float64{1, 2, 3, 4}, []float64{2, 4, 6, 8}, 1, 1},
		{[]float64{1, 2, 3, 4}, []float64{8, 6, 4, 2}, -1, -1},
		{[]float64{1, 2, 3, 4}, []float64{1, 4, 9, 16}, 0.984, 1},
		{[]float64{1, 1, 2, 2}, []float64{1, 2, 3, 4}, 0.894, 0.894},
	}
	for _, tt := range tests {
		if p := Pearson(tt.x, tt.y); math.Abs(p-tt.pearson) > 0.001 {
			t.Errorf("Pearson(%v, %v) = %.4f, want %.3f", tt.x, tt.y, p, tt.pearson)
		}
		if s := Spearman(tt.x, tt.y); math.Abs(s-tt.spear) > 0.001 {
			t.Errorf("Spearman(%v, %v) = %.4f, want %.3f", tt.x, tt.y, s, tt.spear)
		}
	}
}

// lineBuild splits text at ". " so that tests control segmentation.
func lineBuild(name, text string) *corpus.Document {
	d := &corpus.Document{Path: name, Text: text, Language: "en"}
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			d.Sentences = append(d.Sentences, corpus.Sentence{Index: len(d.Sentences), Span: analysis.Span{Start: start, End: i + 1}})
			start = i + 2
		}
	}
	d.Sentences = append(d.Sentences, corpus.Sentence{Index: len(d.Sentences), Span: analysis.Span{Start: start, End: len(text)}})
	return d
}

func TestCountMapsOwnSentencesToGold(t *testing.T) {
	// Document B's builder merges gold sentences 1 and 2 into one sentence.
	a, toA := buildJoined("a", map[string]string{"0": "Alpha one.", "1": "Beta two."}, lineBuild)
	merge := func(name, text string) *corpus.Document {
		return &corpus.Document{Path: name, Text: text, Sentences: []corpus.Sentence{{Span: analysis.Span{Start: 0, End: 10}}, {Index: 1, Span: analysis.Span{Start: 11, End: len(text)}}}}
	}
	b, toB := buildJoined("b", map[string]string{"0": "Alpha uno.", "1": "Beta dos and", "2": "more beta."}, merge)
	if len(a.Sentences) != 2 || toA[0] != 0 || toA[1] != 1 {
		t.Fatalf("A mapped as %v", toA)
	}
	if toB[1] != 1 {
		t.Fatalf("B's merged sentence maps to gold %d, want 1 (largest overlap)", toB[1])
	}
	p := Pair{A: a, B: b, toGoldA: toA, toGoldB: toB, gold: map[[2]int]bool{{0, 0}: true, {1, 1}: true, {1, 2}: true}}
	g, pr, c := p.Count([][2]int{{0, 0}, {1, 1}, {0, 1}})
	if g != 3 || pr != 3 || c != 2 {
		t.Errorf("Count = gold %d predicted %d correct %d, want 3 3 2", g, pr, c)
	}
	if !p.IsGold(1, 1) || p.IsGold(0, 1) {
		t.Error("IsGold wrong")
	}
}

func TestCountIgnoresRelatedAndUnannotated(t *testing.T) {
	a, toA := buildJoined("a", map[string]string{"0": "Alpha one.", "1": "Beta two.", "2": "Gamma three."}, lineBuild)
	b, toB := buildJoined("b", map[string]string{"0": "Alpha uno.", "1": "Beta dos.", "2": "Gamma tres."}, lineBuild)
	p := Pair{A: a, B: b, toGoldA: toA, toGoldB: toB, gold: map[[2]int]bool{{0, 0}: true}, related: map[[2]int]bool{{1, 1}: true}}
	// The related pair is neither a hit nor a false link.
	if g, pr, c := p.Count([][2]int{{0, 0}, {1, 1}, {2, 2}}); g != 1 || pr != 2 || c != 1 {
		t.Errorf("related: Count = %d %d %d, want 1 2 1", g, pr, c)
	}
	// Only links between annotated sentences count as predictions.
	p.related = nil
	p.annotatedA, p.annotatedB = map[int]bool{0: true, 1: true}, map[int]bool{0: true}
	if g, pr, c := p.Count([][2]int{{0, 0}, {1, 1}, {1, 0}, {2, 2}}); g != 1 || pr != 2 || c != 1 {
		t.Errorf("annotated: Count = %d %d %d, want 1 2 1", g, pr, c)
	}
}

func TestJoinKeepsHeadlinesApart(t *testing.T) {
	d, to := buildJoined("a", map[string]string{"0": "Quake hits city", "1": "A quake hit the city."}, corpus.FromText)
	if len(d.Sentences) != 2 || to[0] != 0 || to[1] != 1 {
		t.Errorf("headline merged with the lead: %d sentences, map %v", len(d.Sentences), to)
	}
}

// TestJoinFindsGoldDespiteSpacing maps gold sentences whose white space the
// build changes: two spaces where a name was blanked (collapsed) and a
// paragraph break inside a gold sentence (kept). Before, neither was found,
// and their links were lost from the count.
func TestJoinFindsGoldDespiteSpacing(t *testing.T) {
	d, to := buildJoined("a", map[string]string{
		"0": "Journalists were honoured in the  in Washington.",
		"1": "\"\n\nDeputies used phones to talk to the suspects.",
		"2": "The fire spread.",
	}, corpus.FromText)
	for n, g := range to {
		if g < 0 {
			s := d.Sentences[n]
			t.Errorf("sentence %d %q maps to no gold sentence (map %v)", n, d.Text[s.Start:s.End], to)
		}
	}
	for _, g := range []int{0, 1, 2} {
		if !slices.Contains(to, g) {
			t.Errorf("gold sentence %d has no sentence of its own (map %v)", g, to)
		}
	}
}

func TestFindSpaced(t *testing.T) {
	for _, tc := range []struct {
		text, s string
		at, n   int
	}{
		{"a b c", "b c", 2, 3},
		{"in the in Washington.", "the  in", 3, 6},
		{"x.\"\n\nDeputies used", "\"\n\nDeputies", 2, 11},
		{"x. \"\n\nDeputies used", "\" Deputies", 3, 11},
		{"a (b) c", "(b)", 2, 3}, // metacharacters are literal
		{"a b c", "d", -1, 0},
		{"a b c", "  ", -1, 0},
	} {
		at, n := findSpaced(tc.text, tc.s)
		if at != tc.at || n != tc.n {
			t.Errorf("findSpaced(%q, %q) = %d, %d, want %d, %d", tc.text, tc.s, at, n, tc.at, tc.n)
		}
	}
}
