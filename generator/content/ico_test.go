package content

import (
	"strings"
	"testing"
)

func TestCheckICO(t *testing.T) {
	tests := []struct {
		ico    string
		errMsg string // a part of the error; empty when valid
	}{
		// Real IČOs: regions, a city, companies, a university.
		{"70891168", ""}, // Karlovarský kraj
		{"70892156", ""}, // Ústecký kraj
		{"70891508", ""}, // Liberecký kraj
		{"00064581", ""}, // Hlavní město Praha: sum % 11 == 0
		{"66002222", ""}, // Czechinvest
		{"00164801", ""}, // Ministerstvo životního prostředí: sum % 11 == 10
		{"25596641", ""}, // sum % 11 == 0
		{"27082440", ""}, // sum % 11 == 1
		{"45274649", ""}, // ČEZ
		// Constructed: the two remainders where 11 − r is not a digit.
		{"00000001", ""}, // sum 0 → check digit 1
		{"12000001", ""}, // 8 + 14 = 22, 22 % 11 == 0 → 1
		{"10000020", ""}, // 8 + 2·2 = 12, 12 % 11 == 1 → 0
		{"12000000", "check digit should be 1, not 0"},
		{"10000021", "check digit should be 0, not 1"},
		{"12000002", "check digit should be 1, not 2"},
		// Invalid.
		{"70891169", "IČO 70891169 is not valid: its check digit should be 8, not 9 (a typo?)"},
		{"70891186", "check digit should be 4, not 6"}, // swapped digits
		{"7089116", `IČO "7089116" must be exactly 8 digits (add leading zeros: "07089116")`},
		{"708911680", `must be exactly 8 digits, not 9`},
		{"7089116A", "must be exactly 8 digits, nothing else"},
		{"CZ708911", "must be exactly 8 digits, nothing else"},
		{"7089 1168", "must be exactly 8 digits, nothing else"},
		{"-7089116", "must be exactly 8 digits, nothing else"},
		{"７０８９１１６８", "must be exactly 8 digits, nothing else"}, // full-width digits
		{"", "must be exactly 8 digits"},
	}
	for _, tt := range tests {
		err := CheckICO(tt.ico)
		switch {
		case tt.errMsg == "" && err != nil:
			t.Errorf("CheckICO(%q) = %v, want valid", tt.ico, err)
		case tt.errMsg != "" && err == nil:
			t.Errorf("CheckICO(%q) = nil, want an error …%s…", tt.ico, tt.errMsg)
		case tt.errMsg != "" && !strings.Contains(err.Error(), tt.errMsg):
			t.Errorf("CheckICO(%q) = %q, want …%s…", tt.ico, err, tt.errMsg)
		}
	}
}

// TestCheckICOCheckDigit checks every remainder: the check digit is
// (11 − sum % 11) % 10, so remainder 0 gives 1 and remainder 1 gives 0.
func TestCheckICOCheckDigit(t *testing.T) {
	weights := []int{8, 7, 6, 5, 4, 3, 2}
	seen := map[int]bool{}
	for n := 0; n < 10_000_000 && len(seen) < 11; n += 7919 {
		first := []byte(strings.Repeat("0", 7))
		for i, x := 6, n; i >= 0; i, x = i-1, x/10 {
			first[i] = byte('0' + x%10)
		}
		sum := 0
		for i, w := range weights {
			sum += int(first[i]-'0') * w
		}
		r := sum % 11
		var check int
		switch r {
		case 0:
			check = 1
		case 1:
			check = 0
		default:
			check = 11 - r
		}
		seen[r] = true
		for d := 0; d <= 9; d++ {
			ico := string(first) + string(rune('0'+d))
			if err := CheckICO(ico); (err == nil) != (d == check) {
				t.Fatalf("CheckICO(%q) = %v; remainder %d, check digit %d", ico, err, r, check)
			}
		}
	}
	if len(seen) != 11 {
		t.Errorf("only remainders %v were tried", seen)
	}
}
