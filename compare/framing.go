package compare

// Framing is one document's framing summary: how much of its reporting it
// shares with the other documents, how much it rewords and what only it
// carries. Boilerplate sentences are counted apart (in Counts.Boilerplate)
// and enter none of the shares, lists or histogram.
type Framing struct {
	// Doc is the document's index in the comparison.
	Doc int
	// Counts are the document's per-status sentence counts, as Summary
	// gives them.
	Counts
	// SharedShare, ParaphrasedShare and UniqueShare are the shares of the
	// document's non-boilerplate sentences by status. They sum to 1, or are
	// all 0 when the document has no non-boilerplate sentence.
	SharedShare, ParaphrasedShare, UniqueShare float64
	// OnlyHere lists, in order, the indexes of the non-boilerplate sentences
	// no other document carries (those of status Unique); its length is
	// Counts.Unique.
	OnlyHere []int
	// CarriedBy holds, per sentence, how many of the N documents carry it
	// (its Coverage, the document itself included, clamped to 1..N), and 0
	// for boilerplate.
	CarriedBy []int
	// Histogram[k] is the number of non-boilerplate sentences carried by k
	// documents (k = 1..N); it has length N+1 and Histogram[0] is always 0.
	Histogram []int
	// CarriedIn[e] is how many of the document's non-boilerplate sentences
	// document e carries (has a link to); length N, and 0 at Doc itself.
	// It shows which outlets tell the story alike.
	CarriedIn []int
}

// Framings returns the framing summary of every document, in document
// order. A sentence with an empty status counts as Unique, as in Summary.
func (r *Result) Framings() []Framing {
	n := len(r.Sentences)
	counts := r.Summary()
	out := make([]Framing, n)
	seen := make([]bool, n)
	for d, ss := range r.Sentences {
		f := Framing{
			Doc:       d,
			Counts:    counts[d],
			CarriedBy: make([]int, len(ss)),
			Histogram: make([]int, n+1),
			CarriedIn: make([]int, n),
		}
		for i, s := range ss {
			if s.Boilerplate {
				continue
			}
			r.countCarriers(Ref{Doc: d, Sentence: i}, f.CarriedIn, seen)
			c := min(max(s.Coverage, 1), n)
			f.CarriedBy[i] = c
			f.Histogram[c]++
			if countsAs(s.Status) == Unique {
				f.OnlyHere = append(f.OnlyHere, i)
			}
		}
		if m := f.Sentences - f.Boilerplate; m > 0 {
			f.SharedShare = float64(f.Shared) / float64(m)
			f.ParaphrasedShare = float64(f.Paraphrased) / float64(m)
			f.UniqueShare = float64(f.Unique) / float64(m)
		}
		out[d] = f
	}
	return out
}

// countCarriers adds one to in[e] for every other document e that has a
// link to sentence ref; seen is all false, as it is left.
func (r *Result) countCarriers(ref Ref, in []int, seen []bool) {
	links := r.Sentences[ref.Doc][ref.Sentence].Links
	for _, li := range links {
		if e := r.Links[li].Other(ref).Doc; !seen[e] {
			seen[e] = true
			in[e]++
		}
	}
	for _, li := range links {
		seen[r.Links[li].Other(ref).Doc] = false
	}
}
