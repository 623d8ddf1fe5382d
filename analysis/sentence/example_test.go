package sentence_test

import (
	"fmt"

	"parallax/analysis/sentence"
)

// Split returns byte offsets into the text; abbreviations, times
// and initials do not end a sentence.
func ExampleSplit() {
	text := "Mr. Biden met Gov. Greg Abbott at 3:16 p.m. in El Paso. The talks ended at noon."
	for _, s := range sentence.Split(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0-55 Mr. Biden met Gov. Greg Abbott at 3:16 p.m. in El Paso.
	// 56-80 The talks ended at noon.
}
