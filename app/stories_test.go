package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/assets"
	"parallax/stories"
)

// storyArticles are two made-up stories, four short articles each, told
// with the same rare names and numbers in other words.
var storyArticles = map[string][]string{
	"etna": {
		"Mount Etna erupted overnight, sending a column of ash over Catania. The Catania airport closed its runways until Tuesday. Volcanologists at the INGV observatory said lava flowed down the Valle del Bove.",
		"Catania's airport shut on Monday after Etna spewed ash 10 kilometres high. The INGV said the lava stayed inside the Valle del Bove. Sicilian officials told residents of Zafferana to sweep their roofs.",
		"Europe's tallest active volcano, Etna, lit up the Sicilian sky. Ash closed Catania airport and flights were diverted to Palermo. INGV scientists expect the eruption to wane.",
		"Flights into Catania were cancelled as Etna erupted again. Zafferana residents cleared black ash. The Valle del Bove took the lava flow, the INGV reported.",
	},
	"recall": {
		"Tesla recalled 2 million vehicles after NHTSA found its Autopilot driver monitoring too lax. An over-the-air update adds alerts. The recall covers the Model Y, Model S, Model X and Model 3.",
		"NHTSA pressed Tesla into a recall of about 2 million cars over Autopilot. The fix is an over-the-air software update. Regulators had investigated 956 crashes.",
		"The Autopilot recall, Tesla's largest, follows a two-year NHTSA probe of 956 crashes. Owners of the Model 3 and Model Y get the update automatically.",
		"An over-the-air update will reach 2 million Teslas after the NHTSA Autopilot inquiry. Critics said the recall does not go far enough.",
	},
}

func TestOpenBigFolderGroupsIntoStories(t *testing.T) {
	dir := t.TempDir()
	source := map[string]string{} // file name → story
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(name)
		source[base] = "sample"
		if err := os.WriteFile(filepath.Join(dir, base), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for story, texts := range storyArticles {
		for k, text := range texts {
			base := fmt.Sprintf("%s-%d.txt", story, k)
			source[base] = story
			if err := os.WriteFile(filepath.Join(dir, base), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	c, changed := newTestController(t, nil)
	c.Open([]string{dir}, false)
	wait(t, changed)
	if len(c.docs) != 13 {
		t.Fatalf("%d articles open, want 13", len(c.docs))
	}
	if !c.storyBox.Visible() || len(c.stories) < 3 {
		t.Fatalf("stories section visible %v with %d stories", c.storyBox.Visible(), len(c.stories))
	}
	// Every story holds articles of one source story only.
	for _, s := range c.stories {
		want := source[filepath.Base(c.docs[s.Members[0]].Path)]
		for _, m := range s.Members {
			if got := source[filepath.Base(c.docs[m].Path)]; got != want {
				t.Errorf("story %q mixes %s and %s", s.Label, want, got)
			}
		}
	}
	// The largest story is chosen and compared; the sidebar lists it.
	first := c.stories[0]
	if c.story != 0 || len(c.shown) != min(first.Size(), maxColumns) {
		t.Fatalf("story %d chosen, %d articles compared; want story 0 with %d", c.story, len(c.shown), first.Size())
	}
	if len(c.rows) != first.Size() {
		t.Errorf("sidebar lists %d articles, want the story's %d", len(c.rows), first.Size())
	}
	// Choosing another story of several articles compares it instead.
	next := -1
	for i, s := range c.stories[1:] {
		if s.Size() > 1 {
			next = i + 1
			break
		}
	}
	if next < 0 {
		t.Fatal("only one story of several articles")
	}
	c.storyList.Select(next)
	wait(t, changed)
	if got, want := fmt.Sprint(c.shown), fmt.Sprint(c.stories[next].Members); got != want {
		t.Errorf("after choosing story %d, compared %s, want %s", next, got, want)
	}
	if !strings.Contains(c.storyHead.String(), "Stories") {
		t.Errorf("stories heading %q", c.storyHead.String())
	}
	// Closing an article keeps the stories in step.
	closed := c.stories[next].Members[0]
	c.CloseArticle(closed)
	wait(t, changed)
	total := 0
	for _, s := range c.stories {
		total += s.Size()
		for _, m := range s.Members {
			if m >= len(c.docs) {
				t.Errorf("story %q names article %d of %d", s.Label, m, len(c.docs))
			}
		}
	}
	if total != len(c.docs) {
		t.Errorf("stories hold %d articles, %d are open", total, len(c.docs))
	}
}

func TestFewArticlesNeedNoStories(t *testing.T) {
	c, _ := newTestController(t, sample(t))
	if c.storyBox.Visible() || len(c.stories) != 0 {
		t.Error("five articles were grouped into stories")
	}
	if needsStories(maxColumns) || !needsStories(maxColumns+1) {
		t.Error("needsStories is off at the column limit")
	}
}

// storyFolder writes the two stories of storyArticles and the five
// sample articles into a folder, extra copies of each Etna report with a
// sentence of their own making that story bigger than the columns.
func storyFolder(t *testing.T, etnaCopies int) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range assets.SampleFiles() {
		data, err := assets.Sample.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Base(name), string(data))
	}
	for story, texts := range storyArticles {
		for k, text := range texts {
			write(fmt.Sprintf("%s-%d.txt", story, k), text)
		}
	}
	for k := range etnaCopies {
		write(fmt.Sprintf("etna-copy-%d.txt", k), storyArticles["etna"][k%4]+fmt.Sprintf(" Reporter number %d filed this from Catania.", k))
	}
	return dir
}

func TestBigStoryComparesItsMostRepresentative(t *testing.T) {
	c, changed := newTestController(t, nil)
	c.Open([]string{storyFolder(t, 8)}, false)
	wait(t, changed)
	big := c.stories[0]
	if big.Size() <= maxColumns {
		t.Fatalf("largest story has %d articles, want more than %d", big.Size(), maxColumns)
	}
	if got, want := fmt.Sprint(c.shown), fmt.Sprint(big.Compared); got != want || len(big.Compared) != maxColumns {
		t.Errorf("compared %s, want the story's chosen %s", got, want)
	}
	if !strings.Contains(c.status.Text, "most representative and distinct") {
		t.Errorf("status %q", c.status.Text)
	}
	// The analyst changes the choice: one out, another of the story in.
	out := big.Compared[0]
	in := -1
	for _, m := range big.Members {
		if !slices.Contains(big.Compared, m) {
			in = m
			break
		}
	}
	c.SetIncluded(out, false)
	wait(t, changed)
	c.SetIncluded(in, true)
	wait(t, changed)
	if slices.Contains(c.shown, out) || !slices.Contains(c.shown, in) || len(c.shown) != maxColumns {
		t.Errorf("after swapping %d for %d, compared %v", out, in, c.shown)
	}
}

func TestMergeAndMoveStories(t *testing.T) {
	c, changed := newTestController(t, nil)
	c.Open([]string{storyFolder(t, 0)}, false)
	wait(t, changed)
	n := len(c.stories)
	if n < 3 {
		t.Fatalf("%d stories, want 3 or more", n)
	}
	a, b := c.stories[0], c.stories[1]
	if err := c.MergeStories(0, 1); err != nil {
		t.Fatal(err)
	}
	wait(t, changed)
	if len(c.stories) != n-1 || c.story != 0 || c.stories[0].Size() != a.Size()+b.Size() {
		t.Fatalf("after merging: %d stories, chosen %d, first of %d", len(c.stories), c.story, c.stories[0].Size())
	}
	if got, want := len(c.shown), min(a.Size()+b.Size(), maxColumns); got != want {
		t.Errorf("the merged story compares %d articles, want %d", got, want)
	}
	if !strings.Contains(c.status.Text, "Merged") {
		t.Errorf("status %q", c.status.Text)
	}

	// Move one of the merged story's articles back to a story of its own.
	moved := c.stories[0].Members[0]
	if err := c.MoveArticle(moved, len(c.stories)); err != nil {
		t.Fatal(err)
	}
	wait(t, changed)
	last := c.stories[len(c.stories)-1]
	if len(c.stories) != n || last.Size() != 1 || last.Members[0] != moved || c.story != 0 {
		t.Fatalf("after the move: %d stories, last %v, chosen %d", len(c.stories), last.Members, c.story)
	}
	if slices.Contains(c.shown, moved) {
		t.Errorf("the story it left still compares article %d: %v", moved, c.shown)
	}
	// Moving it back into the first story empties its own: that goes, and
	// the first story stays chosen.
	if err := c.MoveArticle(moved, 0); err != nil {
		t.Fatal(err)
	}
	wait(t, changed)
	if len(c.stories) != n-1 || stories.StoryOf(c.stories, moved) != 0 || c.story != 0 {
		t.Errorf("after moving back: %d stories, article in story %d, chosen %d", len(c.stories), stories.StoryOf(c.stories, moved), c.story)
	}
	if err := c.MergeStories(0, 0); err == nil {
		t.Error("merging a story into itself: no error")
	}
}

func TestStoryDialogs(t *testing.T) {
	c, changed := newTestController(t, nil)
	c.Open([]string{storyFolder(t, 0)}, false)
	wait(t, changed)
	for _, open := range []func(){c.mergeDialog, c.moveDialog} {
		open()
		top := c.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no dialog shown")
		}
		c.win.Canvas().Overlays().Remove(top)
	}
	c.story = -1
	c.mergeDialog()
	if !strings.Contains(c.status.Text, "Choose a story") || c.win.Canvas().Overlays().Top() != nil {
		t.Errorf("merge with no story chosen: status %q", c.status.Text)
	}
}
