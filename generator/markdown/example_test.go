package markdown_test

import (
	"fmt"

	"github.com/transformace/portal/generator/markdown"
)

func ExampleRenderer_Render() {
	r := markdown.New(markdown.Options{})
	res, err := r.Render([]byte("## Potřebnost a změna\n\n\"Ahoj\" <script>alert(1)</script>"), "cs")
	if err != nil {
		panic(err)
	}
	fmt.Print(res.HTML)
	fmt.Printf("%+v\n", res.Headings)
	// Output:
	// <h2 id="potrebnost-a-zmena">Potřebnost a změna</h2>
	// <p>„Ahoj“ </p>
	// [{Level:2 ID:potrebnost-a-zmena Text:Potřebnost a změna}]
}
