package content_test

import (
	"fmt"

	"github.com/transformace/portal/generator/content"
)

func ExampleCheckICO() {
	for _, ico := range []string{"70891168", "70891169", "64581"} {
		if err := content.CheckICO(ico); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(ico, "is valid")
	}
	// Output:
	// 70891168 is valid
	// IČO 70891169 is not valid: its check digit should be 8, not 9 (a typo?)
	// IČO "64581" must be exactly 8 digits (add leading zeros: "00064581")
}
