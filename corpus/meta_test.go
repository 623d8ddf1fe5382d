package corpus

import (
	"strings"
	"testing"
)

// TestOutletFromPath checks outlet names derived from file names.
func TestOutletFromPath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/x/000_eca36a054186f027.txt", "000_eca36a054186f027"},
		{"/x/nytimes_2023-12-27.html", "nytimes"},
		{"the-hill-4f3a2b9c1d.md", "the hill"},
		{"Reuters.pdf", "Reuters"},
		{"12345.txt", "12345"},
		{"dir/deadbeef.docx", "deadbeef"},
		{"dir/abc123def456_guardian.txt", "guardian"},
		{"dir/news\u202etxt.exe.txt", "newstxt exe"},
	}
	for _, tc := range tests {
		if got := outletFromPath(tc.path); got != tc.want {
			t.Errorf("outletFromPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestOutletFromText checks outlets taken from boilerplate.
func TestOutletFromText(t *testing.T) {
	body := "Officials met on Wednesday to discuss the border.\n\n"
	tests := []struct{ name, text, want string }{
		{"promo", body + "For the latest news, weather, sports, and streaming video, head to The Hill.", "The Hill"},
		{"promo domain", body + "For more stories like this, head to TheHill.com.", "TheHill.com"},
		{"disclaimer", body + "24World Media does not take any responsibility of the information you see on this page.", "24World Media"},
		{"generic disclaimer", body + "The author does not take any responsibility for errors.", ""},
		{"copyright", body + "© 2024 Gulf Coast Herald. All rights reserved.", "Gulf Coast Herald"},
		{"copyright word", body + "Copyright 2023-2024 Nexstar Media Inc.", "Nexstar Media Inc"},
		{"dateline parens", "Mexico (Washington Insider Magazine)— On Wednesday, officials met.\n\nMore text follows here.", "Washington Insider Magazine"},
		{"dateline wire", "WASHINGTON (AP) — Officials met on Wednesday.\n\nMore text.", "AP"},
		{"dateline only parens", "(Reuters) - Officials met on Wednesday.", "Reuters"},
		{"parenthesis in body is no dateline", "Officials (and some lawmakers) — it was said — met.", ""},
		{"none", body + "Nothing else here.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromText("x.txt", tc.text)
			if got := outletFromText(d); got != tc.want {
				t.Errorf("outletFromText = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDateFromText checks dates found in text.
func TestDateFromText(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"published line", "Headline of the story\n\nPublished December 27, 2023\n\nBody text here.", "2023-12-27"},
		{"published abbreviated", "Published: Dec. 5, 2023 at 4:10 p.m.\n\nBody.", "2023-12-05"},
		{"day month year", "Posted 3 January 2024\n\nBody.", "2024-01-03"},
		{"iso", "Date: 2024-02-29\n\nBody.", "2024-02-29"},
		{"dateline", "WASHINGTON, Dec. 27, 2023 — Officials met on Wednesday.", "2023-12-27"},
		{"date stamp alone", "Headline here for a story\n\nJanuary 9, 2024\n\nBody text.", "2024-01-09"},
		{"updated only", "Body text.\n\nUpdated Jan. 10, 2024, 3:16 p.m.", "2024-01-10"},
		{"published beats updated", "Updated Jan. 10, 2024\n\nPublished Jan. 9, 2024\n\nBody.", "2024-01-09"},
		{"date in body ignored", "Officials said the law, signed on December 18, 2023, takes effect in March.", ""},
		{"invalid date", "Published February 30, 2024\n\nBody.", ""},
		{"none", "No dates at all.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromText("x.txt", tc.text)
			if d.Date != tc.want {
				t.Errorf("Date = %q, want %q", d.Date, tc.want)
			}
		})
	}
}

// TestNormalizeDate checks metadata date formats.
func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-02-14T23:45:00-05:00", "2024-02-14"},
		{"2024-02-14", "2024-02-14"},
		{"2024/02/14", "2024-02-14"},
		{"20240214", "2024-02-14"},
		{"D:20240214120000Z", "2024-02-14"},
		{"February 14, 2024", "2024-02-14"},
		{"Wed, 14 Feb 2024 10:00:00 GMT", "2024-02-14"},
		{"2024-13-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := normalizeDate(tc.in); got != tc.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLanguage checks detection and fallbacks.
func TestLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The government announced on Wednesday that it would strengthen migration controls on its southern border after a meeting with senior officials.", "en"},
		{"spanish", "El gobierno anunció el miércoles que reforzará los controles migratorios en su frontera sur tras una reunión con altos funcionarios.", "es"},
		{"french", "Le gouvernement a annoncé mercredi qu'il renforcerait les contrôles migratoires à sa frontière sud après une réunion avec de hauts responsables.", "fr"},
		{"german", "Die Regierung kündigte am Mittwoch an, die Migrationskontrollen an ihrer Südgrenze nach einem Treffen mit hochrangigen Beamten zu verstärken.", "de"},
		{"portuguese", "O governo anunciou na quarta-feira que vai reforçar os controles migratórios na sua fronteira sul depois de uma reunião com altos funcionários.", "pt"},
		{"too short", "Sí.", "en"},
		{"empty", "", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := FromText("x.txt", tc.text)
			if d.Language != tc.want {
				t.Errorf("Language = %q, want %q", d.Language, tc.want)
			}
		})
	}
	if got := detectLanguage(FromText("x.txt", "Ja."), "de-DE"); got != "de" {
		t.Errorf("hint: got %q, want de", got)
	}
}

// TestHeadline checks which first lines read as headlines.
func TestHeadline(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Biden, Mexican president eye ‘significantly’ reducing border crossings", true},
		{"Who could influence the outcome of the US elections? The president of Mexico", true},
		{"Mexico says ‘yes’ to talks!", true},
		{"A full sentence that ends with a full stop.", false},
		{"By James Brown", false},
		{"Published January 9, 2024", false},
		{"lowercase start is not a headline", false},
		{"Hi", false},
		{strings.Repeat("Word ", 30), false},
		{"Ending with a colon:", false},
	}
	for _, tc := range tests {
		if got := looksLikeHeadline(tc.line); got != tc.want {
			t.Errorf("looksLikeHeadline(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
