package compare_test

import (
	"context"
	"testing"

	"parallax/compare"
)

// TestApplyEdits corrects the sample's comparison by hand: accepting a
// unique sentence's closest candidate links it (at the candidate's score),
// unlinking an engine link leaves both ends without it, marking a linked
// sentence boilerplate drops its links and unmarking it leaves it unique;
// every touched sentence is marked corrected, and the engine's result is
// left as it was.
func TestApplyEdits(t *testing.T) {
	docs := sampleDocs(t)
	res, err := compare.Compare(context.Background(), docs, compare.Options{Sensitivity: compare.DefaultSensitivity, Closest: true})
	if err != nil {
		t.Fatal(err)
	}
	var lone compare.Ref
	var near compare.Closest
	for from, c := range res.Closest {
		if res.Sentences[from.Doc][from.Sentence].Status == compare.Unique && c.Score > near.Score {
			lone, near = from, c
		}
	}
	if near.Score == 0 {
		t.Fatal("no unique sentence with a closest candidate")
	}
	first := res.Links[0]
	nLinks := len(res.Links)
	linksOf := func(r *compare.Result, x compare.Ref) []compare.Link {
		var out []compare.Link
		for _, li := range r.Sentences[x.Doc][x.Sentence].Links {
			out = append(out, r.Links[li])
		}
		return out
	}
	tests := []struct {
		name  string
		edits []compare.Edit
		check func(t *testing.T, r *compare.Result)
	}{
		{"accept closest", []compare.Edit{{Op: compare.EditLink, A: lone, B: near.Ref}}, func(t *testing.T, r *compare.Result) {
			s := r.Sentences[lone.Doc][lone.Sentence]
			if s.Status == compare.Unique || !s.Corrected || !r.Sentences[near.Ref.Doc][near.Ref.Sentence].Corrected {
				t.Errorf("after linking: %+v", s)
			}
			ls := linksOf(r, lone)
			if len(ls) != 1 || !ls[0].Corrected || ls[0].Score != near.Score || ls[0].Other(lone) != near.Ref || len(ls[0].Diff) == 0 {
				t.Errorf("hand link: %+v", ls)
			}
			if len(r.Links) != nLinks+1 {
				t.Errorf("%d links, want %d", len(r.Links), nLinks+1)
			}
		}},
		{"unlink", []compare.Edit{{Op: compare.EditUnlink, A: first.B, B: first.A}}, func(t *testing.T, r *compare.Result) {
			for _, l := range linksOf(r, first.A) {
				if l.Other(first.A) == first.B {
					t.Errorf("link %v–%v still there", first.A, first.B)
				}
			}
			if !r.Sentences[first.A.Doc][first.A.Sentence].Corrected || len(r.Links) != nLinks-1 {
				t.Errorf("after unlinking: %d links, %+v", len(r.Links), r.Sentences[first.A.Doc][first.A.Sentence])
			}
		}},
		{"boilerplate", []compare.Edit{{Op: compare.EditBoilerplate, A: first.A}}, func(t *testing.T, r *compare.Result) {
			s := r.Sentences[first.A.Doc][first.A.Sentence]
			if !s.Boilerplate || !s.Corrected || len(s.Links) != 0 {
				t.Errorf("marked boilerplate: %+v", s)
			}
			if got, want := r.Summary()[first.A.Doc].Boilerplate, res.Summary()[first.A.Doc].Boilerplate+1; got != want {
				t.Errorf("boilerplate count %d, want %d", got, want)
			}
		}},
		{"boilerplate undone by reporting", []compare.Edit{{Op: compare.EditBoilerplate, A: first.A}, {Op: compare.EditReporting, A: first.A}}, func(t *testing.T, r *compare.Result) {
			s := r.Sentences[first.A.Doc][first.A.Sentence]
			if s.Boilerplate || s.Status != compare.Unique || !s.Corrected {
				t.Errorf("unmarked: %+v", s)
			}
		}},
		{"out of range skipped", []compare.Edit{{Op: compare.EditLink, A: compare.Ref{Doc: 9}, B: lone}, {Op: compare.EditLink, A: lone, B: compare.Ref{Doc: lone.Doc}}}, func(t *testing.T, r *compare.Result) {
			if len(r.Links) != nLinks {
				t.Errorf("%d links, want %d", len(r.Links), nLinks)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.check(t, compare.ApplyEdits(docs, res, tc.edits))
			if len(res.Links) != nLinks || res.Sentences[lone.Doc][lone.Sentence].Status != compare.Unique || res.Sentences[first.A.Doc][first.A.Sentence].Corrected {
				t.Error("the engine's result was changed")
			}
		})
	}
	if compare.ApplyEdits(docs, res, nil) != res {
		t.Error("no edits should return the result itself")
	}
}
