package clock

import "testing"

func TestIsZone(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{{"GMT", true}, {"gmt", true}, {"AEDT", true}, {"Pdt", true}, {"GM", false}, {"", false}, {"Gen", false}} {
		if got := IsZone(c.w); got != c.want {
			t.Errorf("IsZone(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	z := Zones()
	z[0] = "x"
	if !IsZone("GMT") {
		t.Error("Zones gave its own slice away")
	}
}
