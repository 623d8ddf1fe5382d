package corpus

import "syscall"

// systemFileSystems names the Linux file systems whose files are views of
// the running system rather than documents (statfs magic numbers).
var systemFileSystems = map[int64]string{
	0x9fa0:     "/proc",      // PROC_SUPER_MAGIC
	0x62656572: "/sys",       // SYSFS_MAGIC
	0x1cd1:     "/dev/pts",   // DEVPTS_SUPER_MAGIC
	0x64626720: "debugfs",    // DEBUGFS_MAGIC
	0x74726163: "tracefs",    // TRACEFS_MAGIC
	0x27e0eb:   "cgroup",     // CGROUP_SUPER_MAGIC
	0x63677270: "cgroup2",    // CGROUP2_SUPER_MAGIC
	0x73636673: "securityfs", // SECURITYFS_MAGIC
	0xcafe4a11: "bpf",        // BPF_FS_MAGIC
	0x6165676c: "pstore",     // PSTORE_MAGIC
	0x42494e4d: "binfmt_misc",
	0x67596969: "rpc_pipefs",
	0xde5e81e4: "efivarfs",
}

// systemFS returns the name of the system file system the open file fd
// is on ("/proc"), or "" for an ordinary one.
func systemFS(fd int) string {
	var st syscall.Statfs_t
	if err := syscall.Fstatfs(fd, &st); err != nil {
		return ""
	}
	return systemFileSystems[int64(st.Type)] //nolint:unconvert // Type's type varies by architecture
}

// systemFSOf is systemFS for a path.
func systemFSOf(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return ""
	}
	return systemFileSystems[int64(st.Type)] //nolint:unconvert // Type's type varies by architecture
}
