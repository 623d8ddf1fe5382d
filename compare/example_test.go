package compare_test

import (
	"context"
	"fmt"

	"parallax/assets"
	"parallax/compare"
	"parallax/corpus"
)

// Two reports of one meeting: the first sentences are one claim in other
// words, the second ones are near-verbatim, and each report has one
// sentence of its own.
func ExampleCompare() {
	a := corpus.FromText("wire.txt", "President Biden met President López Obrador in Mexico City on Tuesday. "+
		"The two leaders agreed to expand legal pathways for migrants. "+
		"Protesters gathered outside the palace.")
	b := corpus.FromText("daily.txt", "On Tuesday, Mr. Biden and Mexico's president, López Obrador, held talks in Mexico City. "+
		"The two leaders agreed to expand legal pathways for migrants. "+
		"Officials said a further meeting was planned for the spring.")
	res, err := compare.Compare(context.Background(), []*corpus.Document{a, b}, compare.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Links {
		fmt.Printf("%s s%d ~ %s s%d: %s\n", a.Path, l.A.Sentence+1, b.Path, l.B.Sentence+1, l.Kind)
	}
	for d, doc := range []*corpus.Document{a, b} {
		for i, s := range res.Sentences[d] {
			if s.Status == compare.Unique {
				fmt.Printf("only in %s: %s\n", doc.Path, doc.SentenceText(i))
			}
		}
	}
	// Output:
	// wire.txt s1 ~ daily.txt s1: paraphrased
	// wire.txt s2 ~ daily.txt s2: shared
	// only in wire.txt: Protesters gathered outside the palace.
	// only in daily.txt: Officials said a further meeting was planned for the spring.
}

// WordDiff gives the runs of words two sentences share, and those only one
// of them has.
func ExampleWordDiff() {
	for _, d := range compare.WordDiff("The two leaders met on Sunday.", "The two presidents met on Monday.") {
		fmt.Printf("%s %q\n", d.Op, d.Text)
	}
	// Output:
	// equal "The two "
	// delete "leaders "
	// insert "presidents "
	// equal "met on "
	// delete "Sunday"
	// insert "Monday"
	// equal "."
}

// A viewer's sensitivity dial: the sample articles are measured once, then
// decided at one setting after another.
func ExampleAnalysis() {
	docs, _, err := assets.LoadSample()
	if err != nil {
		fmt.Println(err)
		return
	}
	an, err := compare.Analyze(context.Background(), docs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sens := range []float64{compare.StrictSensitivity, compare.DefaultSensitivity, compare.RewriteSensitivity} {
		res, err := an.Result(context.Background(), compare.Options{Sensitivity: sens})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("at %.2f: %d links\n", sens, len(res.Links))
	}
	// Output:
	// at 0.50: 40 links
	// at 0.60: 59 links
	// at 0.75: 115 links
}
