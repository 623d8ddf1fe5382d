//go:build !linux

package hugeheap

// advise does nothing: only Linux has transparent huge pages to ask for.
func advise([]byte) bool { return false }
