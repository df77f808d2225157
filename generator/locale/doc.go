// Package locale holds everything that depends on the language of a page:
// UI strings with CLDR plural forms, the formats of numbers, money,
// percentages and dates, quotation marks, no-break spaces after short
// words, and alphabetical order. Slugify (ASCII identifiers for URLs and
// heading ids) lives here too.
//
// Nothing about Czech is written in Go. A language is one TOML file,
// layouts/i18n/<lang>.toml, read by [Parse]; adding a language means adding
// a file. What the file cannot say comes from CLDR through
// golang.org/x/text: digit grouping and the decimal separator (cs groups
// with U+00A0 NO-BREAK SPACE and writes a decimal comma), plural rules, and
// collation.
//
// # The UI string file
//
// A file has three kinds of top-level entries:
//
//	# Plain UI strings come first: after a [table] header every
//	# following key belongs to that table.
//	site_title = "Transformační portál"
//	projects_in_region = "Projekty v kraji {0}"
//	page_of = "Strana {0} z {1}"
//
//	# A plural table: one word (or phrase) per CLDR plural form.
//	[project]
//	one = "projekt"       # 1
//	few = "projekty"      # 2–4
//	many = "projektu"     # 1,5 (decimals)
//	other = "projektů"    # 0, 5 and more
//
//	# The formats of the language (below).
//	[format]
//	date = "{d}. {month_gen} {yyyy}"
//	...
//
// UI strings. key = "text". [Locale.T] returns the text with "{0}", "{1}",
// … replaced by its arguments. Texts are returned as written: no
// no-break spaces are added (call [Locale.Typo] on the result if the text
// is Czech prose), and html/template escapes them later. Keys cannot be
// nested: a table is always a plural table or [format].
//
// Plural tables. The forms are the CLDR cardinal categories zero, one, two,
// few, many and other; a language uses only some of them (cs: one, few,
// many, other; en: one, other), and a form the language never uses is an
// error, as is a table without "other". A form that is left out falls back
// to "other". [Locale.Plural] and [Locale.N] choose the form for an
// integer, [Locale.PluralForm] names the form of a decimal number. Both
// languages of a site should have the same keys ([Locale.Keys]).
//
// # The [format] table
//
// In every pattern, quotation mark and month name of [format], each plain
// space is written out as U+00A0 NO-BREAK SPACE, so that "54,7 mil. Kč" or
// "5. března 2024" never breaks across lines while the file stays readable.
// A pattern is literal text with placeholders in braces; "{" always starts a
// placeholder, and an unknown placeholder is an error.
//
//	key              placeholders               cs                       en
//	date             {d} {dd} {m} {mm} {yyyy}   "{d}. {month_gen} {yyyy}" "{d} {month} {yyyy}"
//	                 {month} {month_gen}
//	                 {month_short}
//	date_short       as date                    "{d}. {m}. {yyyy}"       "{d} {month_short} {yyyy}"
//	month            as date, without days      "{month} {yyyy}"         "{month} {yyyy}"
//	money            {n}                        "{n} Kč"                 "CZK {n}"
//	thousand         {n}                        "{n} tis. Kč"            "CZK {n} thousand"
//	million          {n}                        "{n} mil. Kč"            "CZK {n} million"
//	billion          {n}                        "{n} mld. Kč"            "CZK {n} billion"
//	percent          {n}                        "{n} %"                  "{n}%"
//
// and these lists:
//
//	quotes           opening and closing mark   ["„", "“"]               ["“", "”"]
//	months           12 names, January first    ["leden", …]             ["January", …]
//	months_genitive  12 names                   ["ledna", …]             (not needed)
//	months_short     12 names                   ["led", …]               ["Jan", …]
//	no_break_after   words, any case            ["v", "k", "s", "z",     []
//	                                             "o", "u", "a", "i"]
//
// All patterns and quotes are required. A month list is required when a
// pattern uses its placeholder, and must then have 12 entries.
// no_break_after may be left out. Unknown keys are errors, to catch typos.
//
// {n} is the number formatted by CLDR rules ([Locale.Number],
// [Locale.Decimal]). {d} and {m} are the day and month without a leading
// zero, {dd} and {mm} with one, {yyyy} the year. {month}, {month_gen} and
// {month_short} take the name from months, months_genitive and
// months_short.
//
// # Errors
//
// Parse reports every problem of a file at once, each as an [*Error]
// "layouts/i18n/cs.toml:12: message" (joined with errors.Join when there
// are several). TOML syntax errors carry the line the TOML parser found;
// for the other errors the line is that of the key concerned.
//
// # Numbers
//
// [Locale.Decimal], [Locale.Percent] and [Locale.PluralForm] round half away
// from zero on the shortest decimal form of the float (2.345 → 2,35), the
// way a spreadsheet does, not half to even (CLDR's default). MoneyCompact
// works on whole crowns with integer arithmetic. Negative numbers use the
// minus sign CLDR gives (a hyphen-minus in cs and en).
//
// # Concurrency
//
// A [*Locale] is read-only after Parse and safe for concurrent use.
// Collators from golang.org/x/text/collate are not, so [SortBy] and
// [Compare] make their own on each call. Nothing at package level is ever
// modified.
package locale
