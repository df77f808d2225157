package l10n

import (
	"errors"
	"fmt"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestLocalize(t *testing.T) {
	inner := New(" (did you mean %q?)", "ustecky")
	msg := New("unknown region %q%s; regions are %s", "ústecký", inner, "praha, ustecky")
	if got, want := msg.String(), `unknown region "ústecký" (did you mean "ustecky"?); regions are praha, ustecky`; got != want {
		t.Errorf("English: %s\nwant     %s", got, want)
	}
	if got, want := msg.Localize("cs"), `neznámý kraj "ústecký" (nemysleli jste "ustecky"?); kraje jsou praha, ustecky`; got != want {
		t.Errorf("Czech: %s\nwant   %s", got, want)
	}
	// A language without a catalogue, and a zero Text inside a message.
	empty := New("unknown region %q%s; regions are %s", "x", Text{}, "praha")
	if got, want := empty.Localize("de"), `unknown region "x"; regions are praha`; got != want {
		t.Errorf("German falls back to English: %s", got)
	}
	// Reordered arguments.
	photo := New("there is no %s in %s/ (the folder has no photos yet)", "a.jpg", "content/stories/x")
	if got, want := photo.Localize("cs"), "ve složce content/stories/x/ není a.jpg (zatím v ní nejsou žádné fotografie)"; got != want {
		t.Errorf("reordered: %s", got)
	}
	// An error argument that can say itself, and one that cannot.
	ico := Errorf("IČO %q must be exactly 8 digits, not %d", "123456789", 9)
	if got, want := New("%s: %s", "ico", ico).Localize("cs"), `ico: IČO "123456789" musí mít přesně 8 číslic, ne 9`; got != want {
		t.Errorf("error argument: %s", got)
	}
	if got, want := Of(ico).Localize("cs"), `IČO "123456789" musí mít přesně 8 číslic, ne 9`; got != want {
		t.Errorf("Of(*Error): %s", got)
	}
	plain := errors.New("disk on fire")
	if got := Of(plain).Localize("cs"); got != "disk on fire" {
		t.Errorf("Of(plain error) = %q", got)
	}
	if got := Of(fmt.Errorf("wrapped: %w", ico)).Localize("cs"); got != `wrapped: IČO "123456789" must be exactly 8 digits, not 9` {
		t.Errorf("a wrapped error keeps its English text: %q", got)
	}
	if got := Of(sayer{}).Localize("cs"); got != "česky" {
		t.Errorf("Of(Localizer) = %q", got)
	}
	// A message with a literal percent sign and no arguments.
	if got := New("100%% done").Localize("cs"); got != "100% done" {
		t.Errorf("percent: %q", got)
	}
}

type sayer struct{}

func (sayer) Error() string               { return "in English" }
func (sayer) Localize(lang string) string { return map[string]string{"cs": "česky"}[lang] }

// TestTOML checks the patterns against what the TOML decoder really says,
// so that an update of the decoder that changes its words is noticed.
func TestTOML(t *testing.T) {
	tests := []struct{ src, cs string }{
		{"title = \"a\nb\"\n", "text v uvozovkách musí být celý na jednom řádku (chybí uzavírací uvozovka?)"},
		{"budget = 54 675 000\n", "za hodnotou už na řádku nesmí nic být, ale je tu '6'"},
		{"plan = „x“\n", "má tu být hodnota (text v rovných uvozovkách \"…\", číslo, true/false nebo seznam), ale je tu '„'"},
		{"ico = 00259586\n", "neplatné číslo \"00259586\": nesmí začínat nulou (kód, například IČO, napište do uvozovek)"},
		{"start = 2024-13-45\n", "neplatné datum: \"2024-13-45\""},
		{"a = 1\na = 2\n", "pole „a“ už je v souboru jednou uvedené"},
		{"a = \"x", "soubor skončil uprostřed textu: chybí uzavírací uvozovka \""},
		{"a = [1, 2\n", "v seznamu má následovat čárka nebo uzavírací ], ale je tu konec souboru"},
		{"a\n", "za názvem pole má být =, ale je tu '\\n'"},
		{"= 1\n", "před = chybí název pole"},
		{"a = \"x\\qy\"\n", `neplatné zpětné lomítko v textu '\q': samotné zpětné lomítko pište jako \\`},
	}
	for _, tt := range tests {
		var v map[string]any
		_, err := toml.Decode(tt.src, &v)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: no parse error: %v", tt.src, err)
			continue
		}
		m := TOML(pe.Message)
		if m.String() != pe.Message {
			t.Errorf("%q: English changed: %q, want %q", tt.src, m.String(), pe.Message)
		}
		if got := m.Localize("cs"); got != tt.cs {
			t.Errorf("%q: %q\n  Czech %q\n  want  %q", tt.src, pe.Message, got, tt.cs)
		}
	}
	if got := TOML("something new").Localize("cs"); got != "something new" {
		t.Errorf("an unknown message stays English: %q", got)
	}
}

func TestErrorCount(t *testing.T) {
	tests := []struct {
		n          int
		lang, want string
	}{
		{1, "cs", "1 chyba"}, {2, "cs", "2 chyby"}, {4, "cs", "4 chyby"}, {5, "cs", "5 chyb"},
		{0, "cs", "0 chyb"}, {21, "cs", "21 chyb"}, {22, "cs", "22 chyb"}, {101, "cs", "101 chyb"},
		{1, "en", "1 error(s)"}, {3, "en", "3 error(s)"}, {2, "de", "2 error(s)"},
	}
	for _, tt := range tests {
		if got := ErrorCount(tt.n, tt.lang); got != tt.want {
			t.Errorf("ErrorCount(%d, %q) = %q, want %q", tt.n, tt.lang, got, tt.want)
		}
	}
}
