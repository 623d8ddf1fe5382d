package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"parallax/compare"
)

// command is one thing the analyst can ask for, declared once for the
// main menu and the keyboard: its menu, label, keys and action.
type command struct {
	// menu is the menu it is in ("File", "Edit", "View", "Navigate");
	// group sets a separator between it and the item before when the
	// two differ.
	menu  string
	group int
	label string
	// keys are its shortcuts, installed on the window's canvas; the
	// menu shows the first.
	keys []fyne.Shortcut
	run  func()
	// finish, when set, finishes the menu item: a check mark, a submenu.
	finish func(*fyne.MenuItem)
}

// menus are the main menu's menus, in order.
var menus = []string{"File", "Edit", "View", "Navigate"}

// key is a desktop shortcut: k with modifiers m.
func key(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

// The modifiers of the shortcuts: Ctrl (Cmd on macOS), Alt, and either
// with Shift.
const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	alt       = fyne.KeyModifierAlt
	altShift  = fyne.KeyModifierAlt | fyne.KeyModifierShift
)

// navKeys are the keys of the categories' next and previous commands.
var navKeys = map[compare.Kind]fyne.KeyName{compare.Unique: fyne.KeyU, compare.Paraphrased: fyne.KeyP, compare.Shared: fyne.KeyS}

// commands is every command of the main window, in menu order.
func (c *Controller) commands() []command {
	withSelected := func(do func(v *viewer, r compare.Ref)) func() {
		return func() {
			if v := c.view; v != nil && v.selected != nil {
				do(v, *v.selected)
			}
		}
	}
	cmds := []command{
		{menu: "File", label: "Open Folder…", keys: []fyne.Shortcut{key(fyne.KeyO, ctrl)}, run: c.openFolderDialog},
		{menu: "File", label: "Open Files…", run: func() { c.openFileDialog(false) }},
		{menu: "File", label: "Add Article…", run: func() { c.openFileDialog(true) }},
		{menu: "File", label: "Close Article…", run: c.closeDialog},
		{menu: "File", group: 1, label: "Open Recent", finish: c.recentMenu},
		{menu: "File", group: 2, label: "Export Report…", keys: []fyne.Shortcut{key(fyne.KeyE, ctrl)}, run: c.exportDialog},
		{menu: "File", group: 3, label: "Quit", keys: []fyne.Shortcut{quitShortcut}, run: c.quit,
			finish: func(it *fyne.MenuItem) { it.IsQuit = true }},

		{menu: "Edit", label: "Undo Correction", keys: []fyne.Shortcut{key(fyne.KeyZ, ctrl)}, run: func() { c.Undo() }},
		{menu: "Edit", label: "Redo Correction", keys: []fyne.Shortcut{key(fyne.KeyZ, ctrlShift), key(fyne.KeyY, ctrl)}, run: func() { c.Redo() }},
		{menu: "Edit", group: 1, label: "Link Selected Sentence With…", keys: []fyne.Shortcut{key(fyne.KeyL, ctrl)},
			run: withSelected(func(_ *viewer, r compare.Ref) { c.startLink(r) })},
		{menu: "Edit", group: 1, label: "Mark Selected Sentence as Boilerplate / Reporting", run: withSelected(func(v *viewer, r compare.Ref) {
			op := compare.EditBoilerplate
			if v.boilerplate(r.Doc, r.Sentence) {
				op = compare.EditReporting
			}
			c.Correct(compare.Edit{Op: op, A: r})
		})},

		{menu: "View", label: "Sidebar", keys: []fyne.Shortcut{sidebarShortcut}, run: c.ToggleSidebar,
			finish: func(it *fyne.MenuItem) { it.Checked = c.side == nil || c.side.shown }},
	}
	for _, t := range []struct{ label, name string }{{"Follow the System", ""}, {"Light", "light"}, {"Dark", "dark"}} {
		name := t.name
		cmds = append(cmds, command{menu: "View", group: 1, label: t.label, run: func() {
			c.app.Preferences().SetString(prefTheme, name)
			ApplyTheme(c.app, name)
		}})
	}
	for _, k := range navKinds {
		cmds = append(cmds,
			command{menu: "Navigate", label: "Next " + string(k), keys: []fyne.Shortcut{key(navKeys[k], alt)}, run: func() { c.Step(k, 1) }},
			command{menu: "Navigate", label: "Previous " + string(k), keys: []fyne.Shortcut{key(navKeys[k], altShift)}, run: func() { c.Step(k, -1) }})
	}
	return append(cmds,
		command{menu: "Navigate", label: "Next Conflicting Figure", keys: []fyne.Shortcut{key(fyne.KeyC, alt)}, run: func() { c.StepConflict(1) }},
		command{menu: "Navigate", label: "Previous Conflicting Figure", keys: []fyne.Shortcut{key(fyne.KeyC, altShift)}, run: func() { c.StepConflict(-1) }},
		command{menu: "Navigate", group: 1, label: "Find…", keys: []fyne.Shortcut{key(fyne.KeyF, ctrl)}, run: c.focusFind},
		command{menu: "Navigate", group: 1, label: "Copy Comparison", keys: []fyne.Shortcut{&fyne.ShortcutCopy{}}, run: func() { c.CopySelection() }},
		command{menu: "Navigate", group: 1, label: "Clear Selection (Esc)", run: func() {
			if c.view != nil {
				c.view.selectRef(nil)
			}
		}},
	)
}

// recentMenu gives Open Recent its submenu of the remembered comparisons,
// disabled while there is none.
func (c *Controller) recentMenu(it *fyne.MenuItem) {
	it.ChildMenu = fyne.NewMenu("")
	for _, entry := range c.app.Preferences().StringList(prefRecent) {
		paths := strings.Split(entry, recentSep)
		it.ChildMenu.Items = append(it.ChildMenu.Items, fyne.NewMenuItem(recentLabel(entry), func() { c.Open(paths, false) }))
	}
	it.Disabled = len(it.ChildMenu.Items) == 0
}

// menu is the main menu, made from the commands.
func (c *Controller) menu() *fyne.MainMenu {
	items := map[string][]*fyne.MenuItem{}
	last := map[string]int{}
	for _, cmd := range c.commands() {
		if g, ok := last[cmd.menu]; ok && g != cmd.group {
			items[cmd.menu] = append(items[cmd.menu], fyne.NewMenuItemSeparator())
		}
		last[cmd.menu] = cmd.group
		it := fyne.NewMenuItem(cmd.label, cmd.run)
		if len(cmd.keys) > 0 {
			it.Shortcut = cmd.keys[0]
		}
		if cmd.finish != nil {
			cmd.finish(it)
		}
		items[cmd.menu] = append(items[cmd.menu], it)
	}
	out := make([]*fyne.Menu, len(menus))
	for i, m := range menus {
		out[i] = fyne.NewMenu(m, items[m]...)
	}
	return fyne.NewMainMenu(out...)
}

// installCommandKeys gives every key of every command to add, with the
// command's action.
func (c *Controller) installCommandKeys(add func(fyne.Shortcut, func(fyne.Shortcut))) {
	for _, cmd := range c.commands() {
		for _, k := range cmd.keys {
			run := cmd.run
			add(k, func(fyne.Shortcut) { run() })
		}
	}
}
