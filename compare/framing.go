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
}

// Framings returns the framing summary of every document, in document
// order. A sentence with an empty status counts as Unique, as in Summary.
func (r *Result) Framings() []Framing {
	n := len(r.Sentences)
	counts := r.Summary()
	out := make([]Framing, n)
	for d, ss := range r.Sentences {
		f := Framing{
			Doc:       d,
			Counts:    counts[d],
			CarriedBy: make([]int, len(ss)),
			Histogram: make([]int, n+1),
		}
		for i, s := range ss {
			if s.Boilerplate {
				continue
			}
			c := min(max(s.Coverage, 1), n)
			f.CarriedBy[i] = c
			f.Histogram[c]++
			if s.Status != Shared && s.Status != Paraphrased {
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
