package wordvec

import "testing"

// BenchmarkDecode is the first-use cost: decoding the embedded table.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	load()
	words := []string{"president", "qzxvbn", "troops", "the", "so-called", "automobile"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Lookup(w)
		}
	}
}

func BenchmarkSimilarity(b *testing.B) {
	load()
	b.ReportAllocs()
	for b.Loop() {
		Similarity("president", "leader")
	}
}

// BenchmarkAlign aligns two headline-length sentences (10 and 12 words).
func BenchmarkAlign(b *testing.B) {
	load()
	x := words("troops killed dozens of protesters in the capital on friday night")
	y := words("soldiers shot at least thirty demonstrators in the city late on friday")
	idf := func(w string) float64 { return float64(len(w)) }
	b.ReportAllocs()
	for b.Loop() {
		Align(x, y, idf)
	}
}

func BenchmarkSentenceVector(b *testing.B) {
	load()
	x := words("troops killed dozens of protesters in the capital on friday night")
	b.ReportAllocs()
	for b.Loop() {
		SentenceVector(x, nil)
	}
}
