//go:build unix && !linux

package corpus

// systemFS returns "": only Linux's system file systems are known.
func systemFS(int) string { return "" }

// systemFSOf returns "": only Linux's system file systems are known.
func systemFSOf(string) string { return "" }
