// Package appinfo reads the application's identity (name, ID, version and
// build number) from FyneApp.toml, the one place where it is set. The
// packages (`make package-deb`, `make package-windows`) and `parallax
// --version` all take it from there.
package appinfo

import (
	"regexp"
	"strconv"
)

// Info is the [Details] table of FyneApp.toml.
type Info struct {
	Name    string // display name, "Parallax"
	ID      string // reverse-DNS application ID, "io.parallax.app"
	Version string // semantic version, "0.1.0"
	Build   int    // build number, raised by each release; 0 when absent
}

// field returns the value of `key = "value"` or `key = 123` in toml, or ""
// when the key is missing. FyneApp.toml is flat and written by fyne itself,
// so a line match is enough and keeps the binary free of a TOML parser.
func field(toml, key string) string {
	m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*(?:"([^"]*)"|(\d+))\s*$`).FindStringSubmatch(toml)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// Parse reads the fields of Info from the text of FyneApp.toml. A missing
// version reads as "unknown", a missing build number as 0.
func Parse(toml string) Info {
	in := Info{Name: field(toml, "Name"), ID: field(toml, "ID"), Version: field(toml, "Version")}
	if in.Version == "" {
		in.Version = "unknown"
	}
	in.Build, _ = strconv.Atoi(field(toml, "Build"))
	return in
}

// String is the version as `parallax --version` prints it after the
// program name: "0.1.0 (build 3)", or "0.1.0" with no build number.
func (in Info) String() string {
	if in.Build <= 0 {
		return in.Version
	}
	return in.Version + " (build " + strconv.Itoa(in.Build) + ")"
}
