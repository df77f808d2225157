package locale_test

import (
	"fmt"
	"os"
	"time"

	"github.com/transformace/portal/generator/locale"
)

// mustLoad reads testdata/<lang>.toml, whose [format] tables are the ones
// the site's layouts/i18n files use.
func mustLoad(lang string) *locale.Locale {
	name := "testdata/" + lang + ".toml"
	data, err := os.ReadFile(name)
	if err != nil {
		panic(err)
	}
	l, err := locale.Parse(lang, name, data)
	if err != nil {
		panic(err)
	}
	return l
}

// The examples print with %q so that U+00A0 NO-BREAK SPACE shows as \u00a0.

func ExampleParse() {
	src := `
hello = "Ahoj, {0}!"

[project]
one = "projekt"
few = "projekty"
many = "projektu"
other = "projektů"

[format]
date = "{d}. {month_gen} {yyyy}"
date_short = "{d}. {m}. {yyyy}"
month = "{m}/{yyyy}"
money = "{n} Kč"
thousand = "{n} tis. Kč"
million = "{n} mil. Kč"
billion = "{n} mld. Kč"
percent = "{n} %"
quotes = ["„", "“"]
months_genitive = ["ledna", "února", "března", "dubna", "května", "června",
                   "července", "srpna", "září", "října", "listopadu", "prosince"]
`
	cs, err := locale.Parse("cs", "layouts/i18n/cs.toml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cs.T("hello", "Jano"))
	fmt.Printf("%q\n", cs.N(3, "project"))

	// Errors carry the file and the line; all of them are reported.
	_, err = locale.Parse("cs", "layouts/i18n/cs.toml", []byte("title = \"Portál\"\ncount = 5\n"))
	fmt.Println(err)
	// Output:
	// Ahoj, Jano!
	// "3\u00a0projekty"
	// layouts/i18n/cs.toml: no [format] table: it is required (see the package documentation)
	// layouts/i18n/cs.toml:2: "count" must be a string or a plural table, not an integer
}

func ExampleLocale_T() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Println(cs.T("page_of", 2, 10))
	fmt.Println(en.T("page_of", 2, 10))
	fmt.Println(cs.T("no.such.key"))
	// Output:
	// Strana 2 z 10
	// Page 2 of 10
	// no.such.key
}

func ExampleLocale_N() {
	cs, en := mustLoad("cs"), mustLoad("en")
	for _, n := range []int{1, 2, 5, 1234} {
		fmt.Printf("%q %q\n", cs.N(n, "project"), en.N(n, "project"))
	}
	// Output:
	// "1\u00a0projekt" "1\u00a0project"
	// "2\u00a0projekty" "2\u00a0projects"
	// "5\u00a0projektů" "5\u00a0projects"
	// "1\u00a0234\u00a0projektů" "1,234\u00a0projects"
}

func ExampleLocale_Plural() {
	cs := mustLoad("cs")
	fmt.Println(cs.Plural(1, "project"), cs.Plural(3, "project"), cs.Plural(5, "project"))
	// Output: projekt projekty projektů
}

func ExampleLocale_PluralForm() {
	cs := mustLoad("cs")
	fmt.Println(cs.PluralForm(1, 0), cs.PluralForm(3, 0), cs.PluralForm(1.5, 1), cs.PluralForm(5, 0))
	// Output: one few many other
}

func ExampleLocale_Number() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q %q\n", cs.Number(54675000), en.Number(54675000))
	// Output: "54\u00a0675\u00a0000" "54,675,000"
}

func ExampleLocale_Decimal() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q %q\n", cs.Decimal(2345.25, 2), en.Decimal(2345.25, 2))
	fmt.Printf("%q %q\n", cs.Decimal(2.50, -1), cs.Decimal(2.0, -1))
	// Output:
	// "2\u00a0345,25" "2,345.25"
	// "2,5" "2"
}

func ExampleLocale_Money() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q\n%q\n", cs.Money(54675000), en.Money(54675000))
	// Output:
	// "54\u00a0675\u00a0000\u00a0Kč"
	// "CZK\u00a054,675,000"
}

func ExampleLocale_MoneyCompact() {
	cs, en := mustLoad("cs"), mustLoad("en")
	for _, czk := range []int64{850_000, 54_675_000, 55_000_000, 1_200_000_000} {
		fmt.Printf("%q %q\n", cs.MoneyCompact(czk), en.MoneyCompact(czk))
	}
	// Output:
	// "850\u00a0tis.\u00a0Kč" "CZK\u00a0850\u00a0thousand"
	// "54,7\u00a0mil.\u00a0Kč" "CZK\u00a054.7\u00a0million"
	// "55\u00a0mil.\u00a0Kč" "CZK\u00a055\u00a0million"
	// "1,2\u00a0mld.\u00a0Kč" "CZK\u00a01.2\u00a0billion"
}

func ExampleLocale_Percent() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q %q\n", cs.Percent(23.4, 1), en.Percent(23.4, 1))
	// Output: "23,4\u00a0%" "23.4%"
}

func ExampleLocale_Date() {
	cs, en := mustLoad("cs"), mustLoad("en")
	d := time.Date(2024, time.March, 5, 0, 0, 0, 0, time.UTC)
	fmt.Printf("%q %q\n", cs.Date(d), en.Date(d))
	// Output: "5.\u00a0března\u00a02024" "5\u00a0March\u00a02024"
}

func ExampleLocale_DateShort() {
	cs, en := mustLoad("cs"), mustLoad("en")
	d := time.Date(2024, time.March, 5, 0, 0, 0, 0, time.UTC)
	fmt.Printf("%q %q\n", cs.DateShort(d), en.DateShort(d))
	// Output: "5.\u00a03.\u00a02024" "5\u00a0Mar\u00a02024"
}

func ExampleLocale_Month() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q %q\n", cs.Month(2024, time.March), en.Month(2024, time.March))
	// Output: "březen\u00a02024" "March\u00a02024"
}

func ExampleLocale_Typo() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Printf("%q\n%q\n", cs.Typo("V Praze a v Brně"), en.Typo("V Praze a v Brně"))
	// Output:
	// "V\u00a0Praze a\u00a0v\u00a0Brně"
	// "V Praze a v Brně"
}

func ExampleLocale_Quote() {
	cs, en := mustLoad("cs"), mustLoad("en")
	fmt.Println(cs.Quote("Spravedlivá transformace"), en.Quote("Just Transition"))
	// Output: „Spravedlivá transformace“ “Just Transition”
}

func ExampleSortBy() {
	towns := []string{"Žatec", "Chomutov", "Sokolov", "Cheb", "Hazmburk", "Šumperk", "Horní Jiřetín", "Cvikov", "Čáslav"}
	locale.SortBy("cs", towns, func(s string) string { return s })
	fmt.Println(towns)
	// Output: [Cvikov Čáslav Hazmburk Horní Jiřetín Cheb Chomutov Sokolov Šumperk Žatec]
}

func ExampleCompare() {
	fmt.Println(locale.Compare("cs", "Cheb", "Hazmburk"), locale.Compare("en", "Cheb", "Hazmburk"))
	// Output: 1 -1
}
