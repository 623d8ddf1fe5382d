package compare

import (
	"context"
	"parallax/analysis"

	"parallax/corpus"
)

// Score gives the calibrated probability, from 0 to 1, that two sentences
// carry the same claim, and classifies the pair with one cut, the link
// model's threshold at the default sensitivity: Shared or Paraphrased at or
// above it, else Unrelated. A lone pair has no document around it, so the
// probability comes from the pair model (see pairProbability), which reads
// only what the two sentences themselves share, calibrated on the same
// gold links as the link model. Without a compared set to learn word
// weights from, every content word weighs the same. Both sentences are taken as English.
func Score(a, b string) (float64, Kind) {
	return scoreWith(a, b, defaultParams)
}

func scoreWith(a, b string, p params) (float64, Kind) {
	c, cos := lonePair(a, b, p)
	if c == nil {
		// No content word in common: far below any link, ranked by the
		// sentences' vectors.
		return round3(noSharedScale * max(0, cos)), Unrelated
	}
	prob := round3(pairProbability(&c.x))
	return prob, loneKind(c, prob, a, b, p)
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
	return &corpus.Document{Text: text, Language: "en", Sentences: []corpus.Sentence{{Span: analysis.Span{Start: 0, End: len(text)}}}}
}

// pairFeatureSet are the candidate features the pair model reads: those
// that need no document around the pair (no row, column, neighbour or
// background).
var pairFeatureSet = [numPair]int{fScore, fDice, fCont, fExact, fSynonym, fNumBoth, fNumConflict,
	fGrams, fCommon, fShort, fClauseDice, fClauseCover, fVecAlign, fSentCos}

// numPair is the number of features of the pair model.
const numPair = 14

// pairProbability is the pair model's calibrated probability that a lone
// pair of sentences, described by x, carries the same claim: a linear
// ranking of the context-free features fitted on STS-B headlines-train
// (pairWeights, pairBias), mapped to a probability by a logistic
// calibration fitted on the link model's gold (pairScale, pairShift; see
// TestFitPair).
func pairProbability(x *[numFeatures]float64) float64 {
	z := pairBias
	for _, f := range pairFeatureSet {
		z += pairWeights[f] * x[f]
	}
	return sigmoid(pairScale*z + pairShift)
}

// lonePair describes sentences a and b as a comparison of two one-sentence
// documents, every content word of the same weight (scoreWeight): their
// candidate, nil when they share no content stem, and the cosine of their
// sentence vectors.
func lonePair(a, b string, p params) (*candidate, float64) {
	docs := []*corpus.Document{oneSentence(a), oneSentence(b)}
	ctx := context.Background()
	pr, err := prepare(ctx, docs, p)
	if err != nil {
		return nil, 0
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
	q := p
	q.topK, q.postingCap = 0, 0 // the one pair, whatever it shares
	_, cands, err := candidates(ctx, pr, 0, 1, q, &scratch{})
	cos := pr.vec.sentCos(0, 0, 1, 0)
	if err != nil || len(cands) == 0 {
		return nil, cos
	}
	c := cands[0]
	return &c, cos
}
