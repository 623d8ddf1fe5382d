package appinfo

import (
	"os"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		name, toml string
		want       Info
		str        string
	}{
		{"full", "[Details]\nIcon = \"assets/icon.png\"\nName = \"Parallax\"\nID = \"io.parallax.app\"\nVersion = \"0.1.0\"\nBuild = 3\n",
			Info{Name: "Parallax", ID: "io.parallax.app", Version: "0.1.0", Build: 3}, "0.1.0 (build 3)"},
		{"spaces", "  Version=\"2.0.1\"  \n  Build =  12\n", Info{Version: "2.0.1", Build: 12}, "2.0.1 (build 12)"},
		{"no build", "Version = \"1.2\"\n", Info{Version: "1.2"}, "1.2"},
		{"empty", "", Info{Version: "unknown"}, "unknown"},
		// Keys are matched whole: AppVersion or VersionNote are not Version.
		{"whole keys", "AppVersion = \"9\"\nVersionNote = \"x\"\nVersion = \"1.0.0\"\n", Info{Version: "1.0.0"}, "1.0.0"},
	} {
		got := Parse(c.toml)
		if got != c.want {
			t.Errorf("%s: Parse = %+v, want %+v", c.name, got, c.want)
		}
		if s := got.String(); s != c.str {
			t.Errorf("%s: String = %q, want %q", c.name, s, c.str)
		}
	}
}

// TestRepository checks the project's own FyneApp.toml has every field the
// packages stamp.
func TestRepository(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	in := Parse(string(data))
	if in.Name != "Parallax" || in.ID != "io.parallax.app" || in.Version == "unknown" || in.Build <= 0 {
		t.Errorf("FyneApp.toml gives %+v; want name, ID, version and a build number", in)
	}
}
