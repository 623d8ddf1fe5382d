package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/kljensen/snowball"
)

func wordnetStem(t testing.TB, word string) string {
	t.Helper()
	s, err := snowball.Stem(word, "english", false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWordnetDecode(t *testing.T) {
	table, err := decodeWordnet(wordnetData)
	if err != nil {
		t.Fatalf("decodeWordnet: %v", err)
	}
	if err := table.check(); err != nil {
		t.Fatalf("check: %v", err)
	}
	if table.len() < 20000 {
		t.Errorf("table has %d stems, want more than 20000", table.len())
	}
	holders := map[uint32]int{}
	for stem, ids := range table.all() {
		if got := table.concepts(stem); !slices.Equal(got, ids) {
			t.Fatalf("looking %q up gives %v, want %v", stem, got, ids)
		}
		if stem == "" || len(ids) == 0 || len(ids) > 8 {
			t.Fatalf("stem %q has %d concepts, want 1..8", stem, len(ids))
		}
		if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
			t.Fatalf("concepts of %q not strictly ascending: %v", stem, ids)
		}
		for _, id := range ids {
			holders[id]++
		}
	}
	for id, n := range holders {
		if n < 2 {
			t.Fatalf("concept %d is held by %d stem, want at least 2", id, n)
		}
	}
	// The lazily decoded table is the same one, and decoded without error.
	if got := wordnetConcepts(); got.len() != table.len() || wordnetErr != nil {
		t.Errorf("wordnetConcepts: %d stems, error %v; want %d stems", got.len(), wordnetErr, table.len())
	}
}

func TestWordnetDecodeMalformed(t *testing.T) {
	raw := wordnetData
	for _, tc := range []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"not the table", "PWN3 plain"},
		{"truncated", wordnetData[:len(wordnetData)/2]},
		{"bad magic", "XXXX" + raw[4:]},
		{"body truncated", raw[:len(raw)-3]},
		{"trailing bytes", raw + "\x00"},
		{"magic only", "PWN3"},
		{"no stems", "PWN3" + strings.Repeat("\x00", 12)},
		{"stems out of order", outOfOrder(raw)},
		{"a concept of no part of speech", raw[:len(raw)-1] + "\x00"},
		{"a concept of an unknown part of speech", raw[:len(raw)-1] + "\x20"},
	} {
		table, err := decodeWordnet(tc.data)
		if err == nil {
			err = table.check()
		}
		if err == nil {
			t.Errorf("%s: decoded %d stems, want an error", tc.name, table.len())
		}
	}
}

// outOfOrder is the table raw with two neighbouring stems of one length
// swapped, so that the stems are no longer ascending.
func outOfOrder(raw string) string {
	t, err := decodeWordnet(raw)
	if err != nil {
		panic(err)
	}
	for k := 1; k < t.len(); k++ {
		a, b := t.stem(k-1), t.stem(k)
		if len(a) == len(b) {
			at := wordnetHeader + 8*t.len() + strings.Index(t.names, a+b)
			return raw[:at] + b + a + raw[at+len(a)+len(b):]
		}
	}
	panic("no two neighbouring stems of one length")
}

func TestWordnetRelated(t *testing.T) {
	for _, tc := range []struct {
		a, b string // words; the test stems them
		want bool
	}{
		// Synonyms and near-synonyms of news paraphrase.
		{"migrant", "immigrant", true},
		{"migrants", "migrate", true},
		{"migrant", "migration", true},
		{"buy", "purchase", true},
		{"bought", "purchased", true},
		{"kill", "slay", true},
		{"big", "large", true},
		{"huge", "large", true},
		{"begin", "start", true},
		{"began", "started", true},
		{"begin", "commence", true},
		{"talks", "negotiations", true},
		{"car", "automobile", true},
		{"said", "stated", true},
		{"say", "state", true},
		{"help", "assist", true},
		{"aid", "assistance", true},
		{"reduce", "decrease", true},
		{"reduce", "cut", true},
		{"jail", "prison", true},
		{"arrested", "apprehended", true},
		{"election", "vote", true},
		{"attack", "assault", true},
		{"injured", "wounded", true},
		{"died", "death", true},
		{"film", "movie", true},
		{"pope", "pontiff", true},
		{"quake", "earthquake", true},
		{"demonstration", "protest", true},
		{"mistake", "error", true},
		{"shop", "store", true},
		{"victory", "win", true},
		{"country", "nation", true},
		{"Russian", "Russia", true},
		{"presidential", "president", true},
		{"doctor", "physician", true},
		{"lawyer", "attorney", true},
		{"border", "boundary", true},
		{"soldier", "troops", true},
		{"children", "kids", true},
		// Unrelated words.
		{"border", "president", false},
		{"migrant", "fentanyl", false},
		{"car", "tree", false},
		{"say", "buy", false},
		{"kill", "buy", false},
		{"begin", "end", false},
		{"president", "election", false},
		{"bank", "slope", false},
		{"one", "two", false},
		{"weather", "court", false},
		{"the", "and", false},
		// Spurious relations through a derived word of another part of
		// speech or a rare sense (promptly, implemental, insider).
		{"prompting", "quickly", false},
		{"implement", "help", false},
		{"insider", "president", false},
		// Words with the same stem are not "related": identity is not evidence.
		{"deport", "deportation", false},
		{"migrate", "migration", false},
	} {
		a, b := wordnetStem(t, tc.a), wordnetStem(t, tc.b)
		if got := related(a, b); got != tc.want {
			t.Errorf("related(%q, %q) [%s/%s] = %v, want %v", a, b, tc.a, tc.b, got, tc.want)
		}
		if got := related(b, a); got != tc.want {
			t.Errorf("related(%q, %q) [%s/%s] = %v, want %v", b, a, tc.b, tc.a, got, tc.want)
		}
	}
}

func TestWordnetRelatedConcepts(t *testing.T) {
	for _, tc := range []struct {
		word  string
		known bool
	}{
		{"deportation", true},
		{"migrant", true},
		{"purchase", true},
		{"the", false},    // stop word
		{"and", false},    // stop word
		{"xyzzyq", false}, // not a word
		{"", false},
	} {
		stem := wordnetStem(t, tc.word)
		ids, origins := relatedConcepts(stem)
		if (ids != "") != tc.known || len(ids) != 2*len(origins) {
			t.Errorf("relatedConcepts(%q) = %q, %q, want known=%v and one origin per id", stem, ids, origins, tc.known)
		}
		if got := wordnetConcepts().concepts(stem); !slices.IsSorted(got) || len(got) != len(origins) {
			t.Errorf("concepts(%q) = %v, not sorted or not those of relatedConcepts", stem, got)
		}
	}
}

func BenchmarkLoadWordnet(b *testing.B) {
	b.ReportMetric(float64(len(wordnetData)), "embedded-bytes")
	for b.Loop() {
		if _, err := decodeWordnet(wordnetData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRelated(b *testing.B) {
	pairs := [][2]string{{"migrant", "immigr"}, {"buy", "purchas"}, {"border", "presid"}, {"said", "state"}, {"xyzzy", "car"}}
	wordnetConcepts()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		related(p[0], p[1])
	}
}
