// Package templates embeds the HTML templates and the stylesheet that presskit's HTML
// renderer draws documents with. They are the lowest layer: a user's template folder
// with a file at the same name replaces the embedded one, because the renderer takes an
// fs.FS rather than reading this package directly.
//
// The files:
//
//	base.tmpl      the page skeleton ("base"): head, masthead, embargo, footer
//	blocks.tmpl    partials: a section, each kind of block, references, contacts
//	handout.tmpl   "main" for the myth-busting handout
//	brief.tmpl     "main" for the press brief
//	prep.tmpl      "main" for the interview prep sheet
//	index.tmpl     "main" for a press kit's index page
//	documents.css  the stylesheet, inlined into every page (screen and print)
package templates

import "embed"

// FS holds the embedded templates (*.tmpl) and stylesheet (*.css).
//
//go:embed *.tmpl *.css
var FS embed.FS
