// Package docs embeds the format references, so that `presskit help kit` and `presskit
// help library` print them from the binary alone.
package docs

import _ "embed"

// KitFormat is docs/kit-format.md.
//
//go:embed kit-format.md
var KitFormat string

// ContentFormat is docs/content-format.md, the library format.
//
//go:embed content-format.md
var ContentFormat string
