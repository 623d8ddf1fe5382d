package app

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// menuGolden is the main menu as text: every item's label, shortcut and
// marks.
const menuGolden = "testdata/menu.golden"

// menuText writes the main menu as text, one item a line.
func menuText(m *fyne.MainMenu) string {
	var b strings.Builder
	var item func(depth int, it *fyne.MenuItem)
	item = func(depth int, it *fyne.MenuItem) {
		ind := strings.Repeat("  ", depth)
		if it.IsSeparator {
			b.WriteString(ind + "----\n")
			return
		}
		fmt.Fprintf(&b, "%s%s", ind, it.Label)
		if it.Shortcut != nil {
			fmt.Fprintf(&b, " [%s]", it.Shortcut.ShortcutName())
		}
		if it.IsQuit {
			b.WriteString(" quit")
		}
		if it.Checked {
			b.WriteString(" checked")
		}
		if it.Disabled {
			b.WriteString(" disabled")
		}
		if it.Action == nil {
			b.WriteString(" no action")
		}
		b.WriteString("\n")
		if it.ChildMenu != nil {
			for _, ch := range it.ChildMenu.Items {
				item(depth+1, ch)
			}
		}
	}
	for _, menu := range m.Items {
		b.WriteString(menu.Label + "\n")
		for _, it := range menu.Items {
			item(1, it)
		}
	}
	return b.String()
}

// TestMenuGolden pins the main menu: its items, their order, shortcuts
// and marks.
func TestMenuGolden(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	got := menuText(c.menu())
	want, err := os.ReadFile(menuGolden)
	if os.IsNotExist(err) {
		if err := os.WriteFile(menuGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("wrote " + menuGolden)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the menu differs from %s:\n%s", menuGolden, got)
	}
}

// TestCommandKeys checks the keys the window installs: every menu
// shortcut, and Ctrl+Y as a second key for Redo; each once.
func TestCommandKeys(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	got := map[string]int{}
	c.installCommandKeys(func(s fyne.Shortcut, _ func(fyne.Shortcut)) { got[s.ShortcutName()]++ })
	want := []string{"Copy", "CustomDesktop:Control+B", "CustomDesktop:Control+E", "CustomDesktop:Control+F",
		"CustomDesktop:Control+L", "CustomDesktop:Control+O", "CustomDesktop:Control+Q", "CustomDesktop:Control+Y",
		"CustomDesktop:Control+Z", "CustomDesktop:Shift+Control+Z",
		"CustomDesktop:Alt+C", "CustomDesktop:Shift+Alt+C", "CustomDesktop:Alt+U", "CustomDesktop:Shift+Alt+U",
		"CustomDesktop:Alt+P", "CustomDesktop:Shift+Alt+P", "CustomDesktop:Alt+S", "CustomDesktop:Shift+Alt+S"}
	for _, k := range want {
		if got[k] != 1 {
			t.Errorf("key %s installed %d times, want once", k, got[k])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d keys installed, want %d: %v", len(got), len(want), got)
	}
	for _, m := range c.menu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && got[it.Shortcut.ShortcutName()] == 0 {
				t.Errorf("menu item %q shows %s, which is not installed", it.Label, it.Shortcut.ShortcutName())
			}
		}
	}
}
