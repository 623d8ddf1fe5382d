package compare

import (
	"context"

	"parallax/corpus"
)

// Score gives the calibrated probability, from 0 to 1, that two sentences
// carry the same claim, from the link model that links sentences in a
// comparison (Link.Probability), and classifies the pair with one cut, the
// threshold of the default sensitivity: Shared or Paraphrased at or above
// it, else Unrelated. Without a compared set to learn word weights from,
// every content word weighs the same, and the pair is taken as having no
// background (as in a rewrite). Both sentences are taken as English.
func Score(a, b string) (float64, Kind) {
	return scoreWith(a, b, defaultParams)
}

func scoreWith(a, b string, p params) (float64, Kind) {
	docs := []*corpus.Document{oneSentence(a), oneSentence(b)}
	ctx := context.Background()
	pr, err := prepare(ctx, docs, p)
	if err != nil {
		return 0, Unrelated
	}
	for id := range pr.w {
		pr.w[id] = scoreWeight
	}
	for d := range pr.feats {
		for i := range pr.feats[d] {
			pr.masses[d][i] = mass(&pr.feats[d][i], pr.w)
		}
	}
	pr.vec = vectorsOf(pr.v, pr.feats, pr.w)
	sc := &scratch{}
	q := p
	q.topK, q.postingCap = 0, 0 // the one pair, whatever it shares
	_, cands, err := candidates(ctx, pr, 0, 1, q, sc)
	if err != nil {
		return 0, Unrelated
	}
	if len(cands) == 0 {
		// No content word in common: far below any link, ranked by the
		// sentences' vectors.
		return round3(noSharedScale * max(0, pr.vec.sentCos(0, 0, 1, 0))), Unrelated
	}
	c := &cands[0]
	z1 := []float64{dot(linkWeights[:], c.x[:], linkBias)}
	st := stackFeatures(cands[:1], z1, 1, 1, nil, nil, nil, 0)
	prob := round3(sigmoid(dot(stackWeights[:], st[0][:], stackBias)))
	if prob < round3(linkThreshold) || c.m.exact+c.m.synonym < p.minShared {
		return prob, Unrelated
	}
	if diffEqualShare(WordDiff(a, b)) >= p.sharedDiff {
		return prob, Shared
	}
	return prob, Paraphrased
}

// scoreWeight is the weight of every content stem in Score: that of a
// word found in about one sentence in seven of a comparison (idf 2, to
// the power params.idfPow), so that the link model sees weights of the
// scale it was fitted on.
var scoreWeight = 4.0

// noSharedScale scales the sentence-vector cosine of two sentences that
// share no content word into Score's lowest range.
const noSharedScale = 0.02

// oneSentence is a document of one English sentence.
func oneSentence(text string) *corpus.Document {
	return &corpus.Document{Text: text, Language: "en", Sentences: []corpus.Sentence{{Start: 0, End: len(text)}}}
}
