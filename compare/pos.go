package compare

import (
	"strings"

	"parallax/analysis/token"
)

// Parts of speech, as the bits of a mask: those a WordNet concept of a
// stem comes from (the origin masks of wordnet.dat, whose bits are the
// same), and those a word may have where it stands (see contextPOS).
// posParticiple is an adjective in -ed or -ing ("raised", "increasing"),
// the one kind of adjective a word in -ed may be.
const (
	posAdj uint8 = 1 << iota
	posNoun
	posAdv
	posVerb
	posParticiple
	posAny = posAdj | posNoun | posAdv | posVerb | posParticiple
)

// contextPOS returns the parts of speech of the stem's senses that the
// English word toks[k] may stand for where it is, from its ending, the
// word before it and whether it is written in lower case (lower). It
// errs towards allowing: a related word is refused only when none of the
// concepts the two stems share comes, for each word, from a sense of a
// part of speech it may have there (see vocab.plausible).
//   - an adverb made with -ly ("publicly": the stemmer took -ly off)
//     does not stand for its stem's verb senses ("fatally" may stand
//     for "fatality", and so for "killed"; "briefly" is not "briefed");
//   - a word in -ed is a verb or an adjective in -ed ("raised" is
//     "increased", but "briefed" is not "short");
//   - after a determiner, a word in -ed, and any word in -ing, can be
//     anything but an adverb ("the imperiled turtles", "the losing
//     side"), but a word in -ed written with a capital (not lower) is
//     part of a name: "the United States" do not "agree";
//   - otherwise, a word after a determiner or a preposition is not a
//     verb ("the talks"), and after a modal verb it is a verb or an
//     adverb ("will quickly").
func contextPOS(toks []token.Token, k int, lower bool) uint8 {
	t := toks[k]
	w := t.Norm
	var prev uint8 // the class of the word before (see before)
	if k > 0 {
		prev = before[toks[k-1].Norm]
	}
	ed := len(w) > 4 && strings.HasSuffix(w, "ed")
	switch {
	case t.Number:
		return posAny
	case len(w) > 4 && strings.HasSuffix(w, "ly") && len(t.Stem) <= len(w)-2 && !strings.HasSuffix(t.Stem, "li"):
		return posAny &^ posVerb
	case ed && prev != determiner:
		return posVerb | posParticiple
	case ed && !lower:
		return posNoun
	case ed, len(w) > 5 && strings.HasSuffix(w, "ing"):
		return posAny &^ posAdv
	case prev == determiner || prev == preposition:
		return posAny &^ posVerb
	case prev == modal:
		return posVerb | posAdv
	}
	return posAny
}

// The classes of the stop words that tell what the next word may be.
const (
	determiner  uint8 = 1 + iota // after which a word is not a verb
	preposition                  // after which a word is not a verb ("for talks"); "to" aside
	modal                        // after which a word is a verb or an adverb
)

// before gives the class of each stop word that tells what the next word
// may be (see contextPOS).
var before = func() map[string]uint8 {
	m := map[string]uint8{}
	for class, words := range map[uint8]string{
		determiner:  "a an the this these those his her its their our my your whose every each another",
		preposition: "for of in on at with by from into about after during without over under between among against",
		modal:       "will would can could should may might must shall",
	} {
		for _, w := range strings.Fields(words) {
			m[w] = class
		}
	}
	return m
}()
