//go:build !windows

package main

// systemLanguage is the language of a system whose locale environment
// says nothing: English, as for LANG=C.
func systemLanguage() string { return "en" }
