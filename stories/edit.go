package stories

import (
	"fmt"
	"slices"
)

// Corrections by hand. Group is wrong sometimes: it splits one event
// whose reports share too few names, or puts an article with the wrong
// event. The analyst can merge two stories and move an article from one
// story to another; the stories edited are described again (label,
// title, representative, cohesion, articles compared) as Group describes
// its own. The edits return new slices and leave their input unchanged.

// Merge joins story from into story into: the merged story takes into's
// place and from's goes.
func Merge(sts []Story, into, from int) ([]Story, error) {
	if err := checkStory(sts, into); err != nil {
		return nil, err
	}
	if err := checkStory(sts, from); err != nil {
		return nil, err
	}
	if into == from {
		return nil, fmt.Errorf("stories: cannot merge story %d into itself", into)
	}
	members := slices.Concat(sts[into].Members, sts[from].Members)
	slices.Sort(members)
	out := slices.Clone(sts)
	out[into] = redescribe(sts[into], members)
	return slices.Delete(out, from, from+1), nil
}

// Move takes article (a document index) out of its story and puts it in
// story to, or in a new story of its own, last, when to is len(sts). A
// story left empty goes, so the stories after it move up one.
func Move(sts []Story, article, to int) ([]Story, error) {
	if to != len(sts) {
		if err := checkStory(sts, to); err != nil {
			return nil, err
		}
	}
	from := StoryOf(sts, article)
	if from < 0 {
		return nil, fmt.Errorf("stories: article %d is in no story", article)
	}
	if from == to {
		return slices.Clone(sts), nil
	}
	out := slices.Clone(sts)
	if to == len(sts) {
		out = append(out, redescribe(sts[from], []int{article}))
	} else {
		members := append(slices.Clone(sts[to].Members), article)
		slices.Sort(members)
		out[to] = redescribe(sts[to], members)
	}
	rest := slices.DeleteFunc(slices.Clone(sts[from].Members), func(m int) bool { return m == article })
	if len(rest) == 0 {
		return slices.Delete(out, from, from+1), nil
	}
	out[from] = redescribe(sts[from], rest)
	return out, nil
}

// Drop takes article (a document index) out of the stories, as when it is
// closed: the documents after it are numbered one lower, and a story left
// empty goes. The story that held it is described again.
func Drop(sts []Story, article int) []Story {
	from := StoryOf(sts, article)
	var sp *space
	if k := slices.IndexFunc(sts, func(s Story) bool { return s.sp != nil }); k >= 0 && article < len(sts[k].sp.docs) {
		old := sts[k].sp
		sp = &space{docs: slices.Delete(slices.Clone(old.docs), article, article+1), vs: old.vs, opts: old.opts}
		sp.vec = make([]int, 0, len(old.docs)-1)
		for i := range old.docs {
			if i != article {
				sp.vec = append(sp.vec, old.vecIndex(i))
			}
		}
	}
	out := make([]Story, 0, len(sts))
	for k, s := range sts {
		members := make([]int, 0, len(s.Members))
		for _, m := range s.Members {
			switch {
			case m < article:
				members = append(members, m)
			case m > article:
				members = append(members, m-1)
			}
		}
		if len(members) == 0 {
			continue
		}
		if sp != nil {
			s.sp = sp
		}
		if k == from {
			out = append(out, redescribe(s, members))
			continue
		}
		s.Members = members
		s.Representative = renumber(s.Representative, article)
		s.Compared = make([]int, 0, len(s.Compared))
		for _, m := range sts[k].Compared {
			s.Compared = append(s.Compared, renumber(m, article))
		}
		out = append(out, s)
	}
	return out
}

// renumber is document index m after document gone is taken out (m is
// not gone).
func renumber(m, gone int) int {
	if m > gone {
		return m - 1
	}
	return m
}

// StoryOf returns the index of the story that holds article, or -1.
func StoryOf(sts []Story, article int) int {
	for k, s := range sts {
		if _, ok := slices.BinarySearch(s.Members, article); ok {
			return k
		}
	}
	return -1
}

// redescribe is story s with the given members (sorted), described again
// when s came from Group; a story made by hand keeps its label and title
// and compares its first members.
func redescribe(s Story, members []int) Story {
	if s.sp != nil {
		return describe(s.sp, members)
	}
	s.Members = members
	s.Representative = members[0]
	s.Compared = members[:min(len(members), DefaultCompare)]
	return s
}

// checkStory reports an index that names no story.
func checkStory(sts []Story, i int) error {
	if i < 0 || i >= len(sts) {
		return fmt.Errorf("stories: no story %d of %d", i, len(sts))
	}
	return nil
}
