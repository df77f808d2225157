//go:build windows

package main

import "golang.org/x/sys/windows"

// systemLanguage is the user's display language on Windows, which sets
// no LANG: Czech Windows gives "cs-CZ".
func systemLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return "en"
	}
	return localeLanguage(langs[0])
}
