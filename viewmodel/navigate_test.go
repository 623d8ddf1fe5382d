package viewmodel

import (
	"testing"

	"parallax/compare"
)

func TestCycle(t *testing.T) {
	for _, tc := range []struct{ pos, dir, n, want int }{
		{0, 1, 3, 1}, {1, 1, 3, 2}, {3, 1, 3, 1}, {0, -1, 3, 3}, {1, -1, 3, 3}, {2, -1, 3, 1},
	} {
		if got := Cycle(tc.pos, tc.dir, tc.n); got != tc.want {
			t.Errorf("Cycle(%d, %d, %d) = %d, want %d", tc.pos, tc.dir, tc.n, got, tc.want)
		}
	}
}

func TestNextMatch(t *testing.T) {
	ref := func(d, s int) *compare.Ref { return &compare.Ref{Doc: d, Sentence: s} }
	hits := []compare.Ref{{Doc: 0, Sentence: 2}, {Doc: 1, Sentence: 0}, {Doc: 1, Sentence: 5}}
	for _, tc := range []struct {
		name string
		from *compare.Ref
		dir  int
		want int
	}{
		{"forwards from nothing", nil, 1, 0},
		{"backwards from nothing", nil, -1, 2},
		{"forwards from a match", ref(0, 2), 1, 1},
		{"forwards between matches", ref(1, 3), 1, 2},
		{"forwards past the last wraps", ref(1, 5), 1, 0},
		{"backwards from a match", ref(1, 0), -1, 0},
		{"backwards before the first wraps", ref(0, 1), -1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextMatch(hits, tc.from, tc.dir); got != tc.want {
				t.Errorf("NextMatch from %v, %d = %d, want %d", tc.from, tc.dir, got, tc.want)
			}
		})
	}
}

func TestNavigation(t *testing.T) {
	v := twoDocs(t)
	if got := v.Matches("  RAZOR wire "); len(got) != 2 || got[0] != (compare.Ref{Doc: 0, Sentence: 1}) || got[1] != (compare.Ref{Doc: 1, Sentence: 1}) {
		t.Errorf("matches of razor wire: %v", got)
	}
	if got := v.Matches(" "); got != nil {
		t.Errorf("an empty search matches %v", got)
	}
	if got := v.OfKind(compare.Unique); len(got) != 1 || got[0] != (compare.Ref{Doc: 1, Sentence: 2}) {
		t.Errorf("unique sentences: %v", got)
	}
	for _, tc := range []struct {
		name   string
		got    func() (compare.Ref, bool)
		want   compare.Ref
		wantOK bool
	}{
		{"down", func() (compare.Ref, bool) { return v.Move(compare.Ref{Doc: 1}, 1) }, compare.Ref{Doc: 1, Sentence: 1}, true},
		{"up from the top", func() (compare.Ref, bool) { return v.Move(compare.Ref{Doc: 1}, -1) }, compare.Ref{}, false},
		{"right to the counterpart", func() (compare.Ref, bool) { return v.Toward(compare.Ref{Doc: 0, Sentence: 1}, 1) }, compare.Ref{Doc: 1, Sentence: 1}, true},
		{"left from the first column", func() (compare.Ref, bool) { return v.Toward(compare.Ref{Doc: 0, Sentence: 1}, -1) }, compare.Ref{}, false},
		{"left from a unique sentence", func() (compare.Ref, bool) { return v.Toward(compare.Ref{Doc: 1, Sentence: 2}, -1) }, compare.Ref{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r, ok := tc.got(); r != tc.want || ok != tc.wantOK {
				t.Errorf("got %v, %v; want %v, %v", r, ok, tc.want, tc.wantOK)
			}
		})
	}
}
