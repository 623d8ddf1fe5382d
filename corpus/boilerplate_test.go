package corpus

import "testing"

// TestBoilerplateSentences checks single sentences against the patterns.
func TestBoilerplateSentences(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		// promos
		{"For the latest news, weather, sports, and streaming video, head to The Hill.", true},
		{"For more coverage, visit our website.", true},
		{"Download the Daily Ledger app for breaking news alerts.", true},
		// related / read more
		{"Related Posts", true},
		{"Related:", true},
		{"Related: Mexico steps up enforcement", true},
		{"RELATED ARTICLES", true},
		{"Read more: Migrants wait in Tijuana", true},
		{"Read more", true},
		{"More from The Hill", true},
		{"You may also like", true},
		{"Continue reading the main story", true},
		// newsletters
		{"Sign up for our newsletter", true},
		{"Subscribe to our daily briefing to get the news in your inbox.", true},
		{"Subscribe", true},
		// disclaimers
		{"24World Media does not take any responsibility of the information you see on this page.", true},
		{"The views expressed in this article do not necessarily reflect those of the publisher.", true},
		// bylines
		{"By James Brown", true},
		{"By JAMES BROWN and Ana Ruiz", true},
		{"By Maria Lopez, Reuters", true},
		{"By Ana García · Published December 28, 2023", true},
		{"By the time officials arrived, the crowd had left.", false},
		{"By Wednesday, the agreement had collapsed and talks were suspended.", false},
		// stamps
		{"—Updated at 3:16 p.m.", true},
		{"Updated: Jan. 5, 2024", true},
		{"Published 2 hours ago", true},
		{"Published reports say the plan failed.", false},
		{"Updated figures show a decline in crossings.", false},
		{"This story has been updated with comment from the White House.", true},
		{"Tue Jul 2, 2013 1:28PM GMT", true},
		{"3 July 2013 Last updated at 13:38 GMT", true},
		{"Tue Jul 2, 2013 1: 28PM GMT", true},
		{"Wednesday, June 12, 2013, 10:15 a.m. EDT", true},
		{"Sunday, May 3, 2013", true},
		{"On Tuesday, July 2, 2013, the quake struck Aceh at 1:28 PM.", false},
		{"Tuesday, July 2, 2013: quake kills five", false},
		{"Sun Jul 7, 2013 Fire destroys the historic Matanuska Maid warehouse", false},
		// credits
		{"Emiliano Rodríguez Mega contributed reporting from Mexico City.", true},
		{"Reporting by Diego Ore; Editing by Sandra Maler", true},
		{"Additional reporting by Dave Graham.", true},
		{"Photo: Getty Images", true},
		{"(AP Photo/Eric Gay)", true},
		// social and sharing
		{"Follow us on Twitter", true},
		{"Follow Rachel on X @rachel", true},
		{"Share this article", true},
		{"Share on Facebook", true},
		{"Facebook Twitter Email", true},
		{"Like us, the Mexicans want a deal.", false},
		// copyright
		{"Copyright 2024 The Hill.", true},
		{"© 2024 Nexstar Media Inc. All rights reserved.", true},
		// furniture
		{"Advertisement", true},
		{"Tags: migration, Mexico", true},
		{"Comments", true},
		{"5 min read", true},
		{"contact@24worldmedia.com", true},
		{"Comments from the president were not immediately available.", false},
		// news sentences
		{"President Biden and Mexican President Andrés Manuel López Obrador agreed to implement a plan.", false},
		{"Nothing worked for long.", false},
		{"Two-year-old Denver Gonzalez couldn’t stop sobbing.", false},
		{"The White House said the two leaders would meet again.", false},
		{"Read the statement below, officials said, adding that talks would continue.", false},
		{"Sign language interpreters were present at the meeting.", false},
	}
	for _, tc := range tests {
		if got := isBoilerplateText(tc.s); got != tc.want {
			t.Errorf("isBoilerplateText(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestBoilerplateInDocument checks paragraph-level marking: sticky
// disclaimers, related-link lists and duplicate headlines.
func TestBoilerplateInDocument(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []bool // Boilerplate per sentence
	}{
		{
			name: "disclaimer marks its paragraph",
			text: "Officials met on Wednesday.\n\nAcme News does not take any responsibility for this content. The content is from a third party. Write to us with concerns.",
			want: []bool{false, true, true, true},
		},
		{
			name: "related list at the end",
			text: "Officials met on Wednesday.\n\nThey talked for hours.\n\nRelated Posts\n\nMexico steps up enforcement\n\nHouse weighs border bill",
			want: []bool{false, false, true, true, true},
		},
		{
			name: "related header followed by long text keeps it",
			text: "Officials met on Wednesday.\n\nRelated\n\n" + "This is a long paragraph of real reporting that goes on and on with many words, far more than a headline would ever have, about the talks and what officials said afterwards in their statements.",
			want: []bool{false, true, false},
		},
		{
			name: "duplicate headline",
			text: "Talks resume in Mexico City\n\nTalks resume in Mexico City\n\nOfficials met on Wednesday.",
			want: []bool{false, true, false},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromText("x.txt", tc.text)
			checkDoc(t, d)
			if len(d.Sentences) != len(tc.want) {
				t.Fatalf("%d sentences, want %d: %q", len(d.Sentences), len(tc.want), d.Text)
			}
			for i, s := range d.Sentences {
				if s.Boilerplate != tc.want[i] {
					t.Errorf("sentence %d %q Boilerplate = %v", i, d.SentenceText(i), s.Boilerplate)
				}
			}
		})
	}
}
