package lazyre

import (
	"sync"
	"testing"
)

func TestLazy(t *testing.T) {
	re := New(`a(b+)`)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := re.FindStringSubmatch("xabbb"); len(got) != 2 || got[1] != "bbb" {
				t.Errorf("got %q", got)
			}
		})
	}
	wg.Wait()
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	New(`a(`)
	if Check() == nil {
		t.Fatal("a bad pattern passed Check")
	}
}
