package widgets

// maxWordWidth bounds, in ems, the width a column keeps for its widest
// word: a longer token (a web address) breaks between characters rather
// than widen the column.
const maxWordWidth = 14

// minWidth is the width the text needs so that no word breaks: its widest
// word, at least minText and at most maxWordWidth ems.
func (r *flowRenderer) minWidth() float32 {
	w := r.minText
	for i := range r.toks {
		w = max(w, r.toks[i].widest)
	}
	return min(w, maxWordWidth*r.size)
}
