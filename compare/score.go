package compare

// Score rates how much two sentences say the same thing, from 0 (nothing in
// common) to 1 (the same words), and classifies the pair as Shared,
// Paraphrased or Unrelated at the default sensitivity. Without a compared
// set to learn word weights from, every content word weighs the same.
// Both sentences are taken as English.
func Score(a, b string) (float64, Kind) {
	return scoreWith(a, b, defaultParams)
}

func scoreWith(a, b string, p params) (float64, Kind) {
	v := newVocab()
	fa := v.features(a, "en")
	fb := v.features(b, "en")
	v.finish()
	w := make([]float64, len(v.stems))
	for i := range w {
		w[i] = 1
	}
	m := v.overlap(&scratch{}, &fa, &fb, w, p.synWeight, nil)
	s := pairScore(m, mass(&fa, w), mass(&fb, w), p)
	s = round3(s)
	kind := Unrelated
	if s >= p.scorePara && m.exact+m.synonym >= p.minShared && m.exact > 0 {
		kind = Paraphrased
		if diffEqualShare(WordDiff(a, b)) >= p.sharedDiff {
			kind = Shared
		}
	}
	return s, kind
}
