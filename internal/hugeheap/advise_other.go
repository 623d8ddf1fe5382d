//go:build !linux

package hugeheap

// supported is whether the system has huge pages to ask for: the package
// does nothing here, not even allocate its block.
const supported = false

// advise does nothing: only Linux has transparent huge pages to ask for.
func advise([]byte) (span, bool) { return span{}, false }

// collapse does nothing, as advise.
func collapse(span) {}
