//go:build !linux

package hugeheap

// advise does nothing: only Linux has transparent huge pages to ask for.
func advise([]byte) (span, bool) { return span{}, false }

// collapse does nothing, as advise.
func collapse(span) {}
