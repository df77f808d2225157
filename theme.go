// Package portal holds the default theme of the portal generator: the
// layouts and static files embedded in the binary, so that `go install
// …/cmd/portal` alone can build any content folder. The generator itself
// lives in the packages under generator/.
package portal

import "embed"

// Theme holds layouts/ and static/. A site folder's own files of the same
// name take precedence (see generator/site).
//
//go:embed layouts static
var Theme embed.FS
