package render

import (
	"html/template"
	"io"
	"strings"
	"testing"
)

// BenchmarkTemplateAction measures what html/template costs per action
// of each kind, to weigh a layout change (docs/performance.md): each
// template repeats one action 100 times, so ns/op ÷ 100 is one action.
// Every action that prints calls an escaper through reflection; a method
// call or a link costs more, text and an if about nothing.
func BenchmarkTemplateAction(b *testing.B) {
	data := struct {
		X, Href string
		M       map[string]string
	}{X: "Koordinační jednotka", Href: "/cs/projekty/jednotka/", M: map[string]string{"k": "Stav"}}
	for _, bm := range []struct{ name, action string }{
		{"text", "<p>hello</p>"},
		{"if", "{{if .X}}<p>y</p>{{end}}"},
		{"field", "<p>{{.X}}</p>"},
		{"map", "<p>{{.M.k}}</p>"},
		{"func", "<p>{{upper .X}}</p>"},
		{"href", `<a href="{{.Href}}">x</a>`},
	} {
		t := template.Must(template.New("").Funcs(template.FuncMap{"upper": strings.ToUpper}).Parse(strings.Repeat(bm.action, 100)))
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := t.Execute(io.Discard, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
