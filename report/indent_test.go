package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

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
