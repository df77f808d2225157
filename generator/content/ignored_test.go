package content

import "testing"

func TestIgnored(t *testing.T) {
	tests := []struct {
		name    string
		ignored bool
	}{
		{".x.md", true},               // hidden
		{"_draft.cs.md", true},        // draft
		{"x.cs.md~", true},            // backup (vim, emacs, gedit)
		{".x.cs.md.swp", true},        // vim swap
		{".x.cs.md.swo", true},        // vim swap
		{"4913", true},                // vim's probe
		{".#x.cs.md", true},           // emacs lock
		{"#x.cs.md#", true},           // emacs autosave
		{"x.cs.md.tmp", true},         // temporary
		{"x.cs.md.bak", true},         // backup
		{"x.cs.md.orig", true},        // merge leftover
		{".DS_Store", true},           // macOS
		{"x.cs.md___jb_tmp___", true}, // JetBrains safe write: the new text
		{"x.cs.md___jb_old___", true}, // JetBrains safe write: the old file
		{"", true},                    //
		{"x.cs.md", false},            // content
		{"x.en.md", false},            // content
		{"2024-plan.cs.md", false},
		{"akce.csv", false},
		{"akce.toml", false},
		{"projects", false},
		{"x.swp.cs.md", false}, // the suffix counts only at the end
		{"x~.cs.md", false},
	}
	for _, tt := range tests {
		if got := Ignored(tt.name); got != tt.ignored {
			t.Errorf("Ignored(%q) = %v, want %v", tt.name, got, tt.ignored)
		}
	}
}

func TestValidSlug(t *testing.T) {
	tests := []struct {
		slug  string
		valid bool
	}{
		{"animace", true},
		{"chytrejsi-kraj-2", true},
		{"2024", true},
		{"a", true},
		{"", false},
		{"Animace", false},
		{"příklad", false},
		{"moje_karta", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"a.b", false},
		{"a b", false},
	}
	for _, tt := range tests {
		if got := ValidSlug(tt.slug); got != tt.valid {
			t.Errorf("ValidSlug(%q) = %v, want %v", tt.slug, got, tt.valid)
		}
	}
}
