package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// indentJSON appends to dst the compact JSON src indented by an indenter
// in one piece.
func indentJSON(dst, src []byte) []byte {
	in := indenter{dst: dst}
	in.write(src)
	return in.dst
}

// TestIndentJSON checks indentJSON against json.Indent on values with
// every shape a report has: nested and empty objects and arrays, strings
// with quotes, backslashes, escapes and brackets, numbers, booleans, null.
func TestIndentJSON(t *testing.T) {
	values := []any{
		nil, true, 1.5, "", `a "quoted" \ back\\slash {[,:]} <&>` + "\n\t\u2028", []any{}, map[string]any{},
		[]any{[]any{}, map[string]any{}, []any{[]any{1, 2}, "x"}},
		map[string]any{"a": []any{}, "b": map[string]any{"c": nil, "d\"e": []any{"f", 3}}, "": ""},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		values = append(values, randomValue(r, 4))
	}
	for _, v := range values {
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", " "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); string(got) != want.String() {
			t.Fatalf("indentJSON(%s) =\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
		// In pieces cut before each structural byte, written out every few
		// bytes: the same.
		var pieces [][]byte
		src, from, inString := compact.Bytes(), 0, false
		for k := 0; k < len(src); k++ {
			switch c := src[k]; {
			case c == '\\' && inString:
				k++
			case c == '"':
				inString = !inString
			case !inString && strings.IndexByte("{}[],:", c) >= 0 && r.IntN(2) == 0:
				pieces, from = append(pieces, src[from:k]), k
			}
		}
		pieces = append(pieces, src[from:])
		var out bytes.Buffer
		in := indenter{w: &out, flushAt: 1 + r.IntN(16)}
		for _, p := range pieces {
			in.write(p)
		}
		in.flush()
		if out.String() != want.String() {
			t.Fatalf("indenter on %q =\n%s\nwant\n%s", pieces, out.Bytes(), want.Bytes())
		}
	}
}

// randomValue is a random JSON value nested at most depth deep.
func randomValue(r *rand.Rand, depth int) any {
	pieces := []string{"a", `"`, `\`, "{", "}", "[", "]", ",", ":", " ", "é", "\n", "<", "\\\""}
	switch k := r.IntN(7); {
	case depth == 0 || k == 0:
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	case k == 1:
		return r.Float64() * 1000
	case k == 2:
		return r.IntN(2) == 0
	case k == 3:
		return nil
	case k == 4:
		xs := make([]any, r.IntN(4))
		for i := range xs {
			xs[i] = randomValue(r, depth-1)
		}
		return xs
	default:
		m := map[string]any{}
		for range r.IntN(4) {
			m[randomValue(r, 0).(string)] = randomValue(r, depth-1)
		}
		return m
	}
}

// TestSplice checks that the parts of an object encoded apart and joined
// read as the object encoded whole.
func TestSplice(t *testing.T) {
	type whole struct {
		A    int      `json:"a"`
		Docs []string `json:"docs"`
		List []int    `json:"list"`
		Z    *string  `json:"z"`
		Y    string   `json:"y,omitempty"`
	}
	type head struct {
		A int `json:"a"`
	}
	type tail struct {
		Z *string `json:"z"`
		Y string  `json:"y,omitempty"`
	}
	lists := [][]int{{}, {1}, {1, 2}, {1, 2, 3, 4, 5}}
	docs := [][]string{nil, {}, {"x<y", `"q"`}}
	for _, list := range lists {
		for _, d := range docs {
			for _, y := range []string{"", "&"} {
				want := compactJSON(whole{A: 1, Docs: d, List: list, Y: y})
				half := len(list) / 2
				got := bytes.Join(spliceMembers(compactJSON(head{A: 1}).b, compactJSON(tail{Y: y}).b,
					member{"docs", [][]byte{compactJSON(d).b}},
					member{"list", joinArrays(compactJSON(list[:half]).b, compactJSON(list[half:]).b)}), nil)
				if want.err != nil || string(got) != string(want.b) {
					t.Errorf("list %v, docs %q, y %q:\n got %s\nwant %s", list, d, y, got, want.b)
				}
			}
		}
	}
}
