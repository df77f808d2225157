package indicator

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/transformace/portal/generator/l10n"
)

// metaFields are the keys of <id>.toml, in the order of the documentation.
var metaFields = []string{"unit", "periodicity", "source", "chart", "target", "sample", "title", "description"}

// czechFields are the Czech names editors guess for the keys.
var czechFields = map[string]string{
	"jednotka": "unit", "periodicita": "periodicity", "zdroj": "source",
	"graf": "chart", "cil": "target", "cíl": "target", "ukazka": "sample",
	"ukázka": "sample", "nazev": "title", "název": "title", "popis": "description",
}

// valueHints suggest the right value for common wrong ones.
var valueHints = map[string]string{
	"yearly": "annual", "year": "annual", "rocne": "annual", "ročně": "annual", "roční": "annual", "rocni": "annual",
	"quarter": "quarterly", "ctvrtletne": "quarterly", "čtvrtletně": "quarterly", "čtvrtletní": "quarterly",
	"month": "monthly", "mesicne": "monthly", "měsíčně": "monthly", "měsíční": "monthly",
	"nepravidelne": "irregular", "nepravidelně": "irregular", "irregularly": "irregular",
	"lines": "line", "cara": "line", "čára": "line", "spojnicový": "line",
	"bars": "bar", "column": "bar", "columns": "bar", "sloupce": "bar", "sloupcový": "bar",
}

// ParseMeta reads <id>.toml and checks it against the site's languages
// (the first is the default). Every error is an *Error with the line of
// the offending key, also inside a table ([title] cs = …) or a dotted key
// (title.cs = …). It checks:
//
//   - only the known fields, each of its type (text in quotes, a number,
//     true or false, a table per language);
//   - periodicity is one of Periodicities; chart is one of Charts (line
//     when absent);
//   - title has a non-empty text in every language;
//   - unit is one text, or a table with a text in every language, or per
//     language a table of plural forms ([unit.cs] one = "projekt", few =
//     "projekty", other = "projektů"; other is required);
//   - target is a finite number (negative targets are allowed).
func ParseMeta(name string, data []byte, langs []string) (Meta, error) {
	var m Meta
	fail := func(line int, format string, args ...any) (Meta, error) {
		return m, errorAt(name, max(line, 1), 0, l10n.New(format, args...))
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if i := invalidUTF8(data); i >= 0 {
		line, _ := position(string(data[:i]), i)
		return fail(line, "byte 0x%02X is not UTF-8: save the file as UTF-8", data[i])
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fail(pe.Position.Line, "%s", l10n.TOML(pe.Message))
		}
		return fail(1, "%s", l10n.Plain(err.Error()))
	}
	line := func(key string) int { return keyLine(data, key) }

	// Top-level keys in the order of the file.
	var top []string
	for _, k := range md.Keys() {
		if len(k) > 0 && !slices.Contains(top, k[0]) {
			top = append(top, k[0])
		}
	}
	for k := range raw {
		if !slices.Contains(top, k) {
			top = append(top, k)
		}
	}
	for _, key := range top {
		v := raw[key]
		switch key {
		case "unit":
			switch v := v.(type) {
			case string:
				m.Unit.All = v
			case map[string]any:
				m.Unit.PerLang = map[string]string{}
				for _, lang := range sortedKeys(v) {
					if err := checkLanguage(name, data, key, lang, langs); err != nil {
						return m, err
					}
					if forms, ok := v[lang].(map[string]any); ok {
						f, err := unitForms(name, data, lang, forms)
						if err != nil {
							return m, err
						}
						if m.Unit.Forms == nil {
							m.Unit.Forms = map[string]map[string]string{}
						}
						m.Unit.Forms[lang] = f
						m.Unit.PerLang[lang] = UnitLabel(f)
						continue
					}
					s, ok := v[lang].(string)
					if !ok {
						return fail(line("unit."+lang), "unit.%s must be text in quotes, e.g. %s = \"projekty\"", lang, lang)
					}
					m.Unit.PerLang[lang] = s
				}
			default:
				return fail(line(key), "unit must be text in quotes (unit = \"MWh\") or a table per language ([unit] with cs = \"…\" and en = \"…\")")
			}
		case "periodicity", "source", "chart":
			s, ok := v.(string)
			if !ok {
				return fail(line(key), "%s must be text in quotes, e.g. %s = %q", key, key, map[string]string{"periodicity": "annual", "source": "Výroční zpráva 2024", "chart": "line"}[key])
			}
			switch key {
			case "periodicity":
				m.Periodicity = s
			case "source":
				m.Source = s
			case "chart":
				m.Chart = s
			}
		case "target":
			var f float64
			switch x := v.(type) {
			case int64:
				f = float64(x)
			case float64:
				f = x
			default:
				return fail(line(key), "target must be a number without quotes, e.g. target = 12 or target = 1234.5")
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return fail(line(key), "target must be a finite number, e.g. target = 12")
			}
			m.Target = &f
		case "sample":
			b, ok := v.(bool)
			if !ok {
				return fail(line(key), "sample must be true or false, without quotes")
			}
			m.Sample = b
		case "title", "description":
			table, ok := v.(map[string]any)
			if !ok {
				return fail(line(key), "%s must be given per language: a table [%s] with cs = \"…\" and en = \"…\"", key, key)
			}
			texts := map[string]string{}
			for _, lang := range sortedKeys(table) {
				if err := checkLanguage(name, data, key, lang, langs); err != nil {
					return m, err
				}
				s, ok := table[lang].(string)
				if !ok {
					return fail(line(key+"."+lang), "%s.%s must be text in quotes", key, lang)
				}
				texts[lang] = s
			}
			if key == "title" {
				m.Title = texts
			} else {
				m.Description = texts
			}
		default:
			if s := suggestField(key); s != "" {
				return fail(line(key), "unknown field %q: did you mean %q? The fields are %s", key, s, strings.Join(metaFields, ", "))
			}
			return fail(line(key), "unknown field %q; the fields are %s", key, strings.Join(metaFields, ", "))
		}
	}

	oneOf := func(field, value string, list []string) (Meta, error) {
		if h, ok := valueHints[strings.ToLower(strings.TrimSpace(value))]; ok && slices.Contains(list, h) {
			return fail(line(field), "%s %q is not one of %s: did you mean %q?", field, value, strings.Join(list, ", "), h)
		} else if l := strings.ToLower(strings.TrimSpace(value)); l != value && slices.Contains(list, l) {
			return fail(line(field), "%s %q is not one of %s: write it in lowercase, %q", field, value, strings.Join(list, ", "), l)
		}
		return fail(line(field), "%s %q is not one of %s", field, value, strings.Join(list, ", "))
	}
	if _, ok := raw["periodicity"]; !ok {
		return fail(1, "periodicity is missing: add periodicity = \"annual\" (or %s)", strings.Join(Periodicities[1:], ", "))
	}
	if !slices.Contains(Periodicities, m.Periodicity) {
		return oneOf("periodicity", m.Periodicity, Periodicities)
	}
	if m.Chart == "" {
		m.Chart = "line"
	}
	if !slices.Contains(Charts, m.Chart) {
		return oneOf("chart", m.Chart, Charts)
	}
	if err := perLanguage(name, data, "title", m.Title, langs, true); err != nil {
		return m, err
	}
	if m.Unit.PerLang != nil {
		if err := perLanguage(name, data, "unit", m.Unit.PerLang, langs, false); err != nil {
			return m, err
		}
	}
	return m, nil
}

// unitForms reads the plural forms of a unit in one language ([unit.cs]
// one = "projekt", few = "projekty", other = "projektů").
func unitForms(name string, data []byte, lang string, raw map[string]any) (map[string]string, error) {
	f := map[string]string{}
	for _, k := range sortedKeys(raw) {
		key := "unit." + lang + "." + k
		if k != "label" && !slices.Contains(PluralForms, k) {
			return nil, errorAt(name, max(keyLine(data, key), 1), 0, l10n.New("%s: %q is not a plural form; the forms are %s (as in the UI strings), and label for the unit on its own", "unit."+lang, k, strings.Join(PluralForms, ", ")))
		}
		s, ok := raw[k].(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, errorAt(name, max(keyLine(data, key), 1), 0, l10n.New("%s must be a word in quotes, e.g. %s = \"projekty\"", key, k))
		}
		f[k] = s
	}
	if f["other"] == "" {
		return nil, errorAt(name, max(keyLine(data, "unit."+lang), 1), 0, l10n.New("unit.%s needs other = \"…\", the form used after most numbers (cs: 5 projektů)", lang))
	}
	return f, nil
}

// checkLanguage checks a key of a per-language table: a language of the
// site, not a field written below the table's header by mistake.
func checkLanguage(name string, data []byte, table, lang string, langs []string) error {
	if len(langs) == 0 || slices.Contains(langs, lang) {
		return nil
	}
	line := keyLine(data, table+"."+lang)
	if slices.Contains(metaFields, lang) {
		return errorAt(name, line, 0, l10n.New("%s is inside the table [%s], so it is read as %s.%s: move %s = … above the first [table] of the file", lang, table, table, lang, lang))
	}
	if lang == "cz" && slices.Contains(langs, "cs") {
		return errorAt(name, line, 0, l10n.New("%s has a text in %q, which is not a language of the site (%s): the code of Czech is \"cs\"", table, lang, strings.Join(langs, ", ")))
	}
	return errorAt(name, line, 0, l10n.New("%s has a text in %q, which is not a language of the site (%s)", table, lang, strings.Join(langs, ", ")))
}

// perLanguage checks that texts has a non-empty text in every language.
func perLanguage(name string, data []byte, key string, texts map[string]string, langs []string, required bool) error {
	for _, l := range langs {
		s, ok := texts[l]
		if ok && strings.TrimSpace(s) != "" {
			continue
		}
		if ok {
			return errorAt(name, keyLine(data, key+"."+l), 0, l10n.New("%s in language %q is empty", key, l))
		}
		line := keyLine(data, key)
		if texts == nil {
			line = 1
		}
		switch {
		case texts == nil && required:
			return errorAt(name, line, 0, l10n.New("%s in language %q is missing: add a table [%s] with %s", key, l, key, languageExample(langs)))
		case !required:
			return errorAt(name, line, 0, l10n.New("%s in language %q is missing: add %s = \"…\" under [%s], or give one %s for all languages as %s = \"…\"", key, l, l, key, key, key))
		}
		return errorAt(name, line, 0, l10n.New("%s in language %q is missing: add %s = \"…\" under [%s]", key, l, l, key))
	}
	return nil
}

func languageExample(langs []string) l10n.Text {
	var t l10n.Text
	for i, l := range langs {
		part := l10n.Plain(l + ` = "…"`)
		if i == 0 {
			t = part
		} else {
			t = l10n.New("%s and %s", t, part)
		}
	}
	return t
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// suggestField returns the field that key is probably meant to be, or "".
func suggestField(key string) string {
	k := strings.ToLower(key)
	if f, ok := czechFields[k]; ok {
		return f
	}
	best, bestD := "", 3
	for _, f := range metaFields {
		if d := distance(k, f); d < bestD {
			best, bestD = f, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// keyLine returns the 1-based line on which the dotted key path is
// written: "periodicity = …"; for "title" its [title] header or the first
// "title.cs = …"; for "title.cs" a "cs = …" under [title], a dotted
// "title.cs = …" or an inline table "title = { cs = … }". Comments and
// multi-line strings are skipped. When only a table containing the key is
// found, its line is returned; when nothing is found, 1.
func keyLine(data []byte, key string) int {
	want := strings.Split(key, ".")
	var table []string
	fallback := 0
	closing := "" // the delimiter of an open multi-line string
	for i, l := range strings.Split(string(data), "\n") {
		if closing != "" {
			if strings.Contains(l, closing) {
				closing = ""
			}
			continue
		}
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if t[0] == '[' {
			inner := strings.TrimPrefix(t, "[")
			inner = strings.TrimPrefix(inner, "[")
			path, rest, ok := parseKeyPath(inner)
			if !ok || !strings.HasPrefix(strings.TrimSpace(rest), "]") {
				continue
			}
			table = path
			switch {
			case slices.Equal(table, want), isPrefix(want, table):
				return i + 1
			case isPrefix(table, want) && fallback == 0:
				fallback = i + 1
			}
			continue
		}
		path, rest, ok := parseKeyPath(t)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		full := append(slices.Clone(table), path...)
		switch {
		case slices.Equal(full, want), isPrefix(want, full):
			return i + 1
		case isPrefix(full, want):
			// An inline table: title = { cs = "…" }.
			if v := strings.TrimSpace(rest[1:]); strings.HasPrefix(v, "{") && inlineHas(v, want[len(full):]) {
				return i + 1
			}
			if fallback == 0 {
				fallback = i + 1
			}
		}
		v := strings.TrimSpace(rest[1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(v, q) && !strings.Contains(v[3:], q) {
				closing = q
			}
		}
	}
	if fallback > 0 {
		return fallback
	}
	return 1
}

// inlineHas reports whether the inline table v names the key path.
func inlineHas(v string, path []string) bool {
	if len(path) == 0 {
		return true
	}
	for _, part := range strings.Split(strings.Trim(v, "{} "), ",") {
		p, rest, ok := parseKeyPath(strings.TrimSpace(part))
		if ok && strings.HasPrefix(strings.TrimSpace(rest), "=") && len(p) > 0 && p[0] == path[0] {
			return true
		}
	}
	return false
}

// isPrefix reports whether prefix is a proper prefix of path.
func isPrefix(prefix, path []string) bool {
	return len(prefix) < len(path) && slices.Equal(prefix, path[:len(prefix)])
}

// parseKeyPath reads a dotted TOML key at the start of s (bare, "quoted"
// or 'literal' parts) and returns its parts and the rest of s.
func parseKeyPath(s string) (path []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		var part string
		switch s[0] {
		case '"':
			end := 1
			var b strings.Builder
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' && end+1 < len(s) {
					end++
				}
				b.WriteByte(s[end])
				end++
			}
			if end >= len(s) {
				return nil, "", false
			}
			part, s = b.String(), s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			end := 0
			for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z' || s[end] >= '0' && s[end] <= '9' || s[end] == '_' || s[end] == '-') {
				end++
			}
			if end == 0 {
				return nil, "", false
			}
			part, s = s[:end], s[end:]
		}
		path = append(path, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return path, s, true
		}
		s = s[1:]
	}
}
