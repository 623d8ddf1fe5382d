package sentence

import (
	"reflect"
	"testing"

	"github.com/neurosnap/sentences"
)

// TestDecodePunkt checks that decodePunkt reads the embedded data exactly as
// the library's JSON loader does, and rejects broken data.
func TestDecodePunkt(t *testing.T) {
	want, err := sentences.LoadTraining(punktEnglishJSON)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePunkt(punktEnglishJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("decodePunkt differs from sentences.LoadTraining")
	}
	for _, bad := range []string{``, `{`, `{"AbbrevTypes":{"a":}}`, `{"AbbrevTypes":{"a":1}`, `{"AbbrevTypes":{"a":1}}x`, `[]`} {
		if _, err := decodePunkt([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	ok := `{ "AbbrevTypes" : { "a\u0062" : 1 }, "OrthoContext": {"x": 12} }`
	if st, err := decodePunkt([]byte(ok)); err != nil || st.AbbrevTypes["ab"] != 1 {
		t.Errorf("escaped: %v %v", st, err)
	}
	if st, err := decodePunkt([]byte(` {"OrthoContext": {"x": 12, "y":3}}`)); err != nil || st.OrthoContext["y"] != 3 {
		t.Errorf("spaces: %v %v", st, err)
	}
}

// FuzzDecodePunkt checks that decodePunkt never panics and, when it accepts
// data without escapes, agrees with the library's loader.
func FuzzDecodePunkt(f *testing.F) {
	f.Add([]byte(`{"AbbrevTypes":{"a":1},"SentStarters":{"b":2}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodePunkt(data)
		if err != nil {
			return
		}
		if want, err := sentences.LoadTraining(data); err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, library %v", data, got, want)
		}
	})
}

// BenchmarkPunktLoad compares the two loaders on the embedded data.
func BenchmarkPunktLoad(b *testing.B) {
	b.Run("decodePunkt", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodePunkt(punktEnglishJSON); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("LoadTraining", func(b *testing.B) {
		for b.Loop() {
			if _, err := sentences.LoadTraining(punktEnglishJSON); err != nil {
				b.Fatal(err)
			}
		}
	})
}
