// Package clock holds the words that go with a time of day in news text:
// the abbreviations of time zones ("3:16 p.m. EDT", "13:38 GMT"). The
// sentence splitter, the boilerplate stamps and the name finder share the
// one list.
package clock

import "strings"

// zones are the time zone abbreviations, upper case.
var zones = []string{
	"GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "HKT", "SGT",
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
	"AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT",
}

// Zones returns the time zone abbreviations, upper case ("GMT", "EDT",
// "AEDT"), in a new slice.
func Zones() []string { return append([]string(nil), zones...) }

// IsZone reports whether w, in any case, is a time zone abbreviation.
func IsZone(w string) bool {
	for _, z := range zones {
		if strings.EqualFold(w, z) {
			return true
		}
	}
	return false
}
