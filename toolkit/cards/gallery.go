package cards

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/presskit/presskit/toolkit/i18n"
)

// Page is what a gallery page shows besides the cards.
type Page struct {
	Title, Org, Brand string
}

// Gallery writes the card gallery of one language: each card with its alt text, shown,
// and links to download every size and the alt text file.
func Gallery(cards []Made, loc *i18n.Locale, pg Page) ([]byte, error) {
	var mine []Made
	for _, m := range cards {
		if m.Card.Lang == loc.Lang {
			mine = append(mine, m)
		}
	}
	data := map[string]any{"Lang": loc.Lang, "Title": loc.T("card_gallery"), "Org": pg.Org, "Cards": mine,
		"AltLabel": loc.T("card_alt"), "Brand": template.CSS(pg.Brand),
		"SizeName": func(s Size) string { return fmt.Sprintf("%s, %d×%d", loc.T("card_"+s.Name), s.W, s.H) }}
	if pg.Title != "" {
		data["Title"] = pg.Title
	}
	var buf bytes.Buffer
	if err := gallery().Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("card gallery [%s]: %w", loc.Lang, err)
	}
	return buf.Bytes(), nil
}

// gallery and indexSection are compiled on first use, not at package init: most runs of
// presskit make no cards.
var gallery = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("gallery").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}{{with .Org}} — {{.}}{{end}}</title>
<style>
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 "Noto Sans", Arial, sans-serif; color: #1a1a1a; }
h1 { font-family: "Noto Serif", Georgia, serif; border-bottom: 3px solid {{.Brand}}; padding-bottom: 0.4rem; }
ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; }
figure img { width: 100%; height: auto; display: block; border: 1px solid #ddd; }
figcaption { font-size: 0.9rem; margin-top: 0.4rem; }
.alt-label { font-weight: 700; }
.downloads a { color: {{.Brand}}; margin-right: 0.8rem; }
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<ul class="cards">
{{- range .Cards}}{{$c := .Card}}
<li id="card-{{.Card.ID}}">
<figure>
{{- with index .Files 0}}
<img src="{{.PNG}}" width="{{.Size.W}}" height="{{.Size.H}}" alt="{{$c.Alt}}" loading="lazy">
{{- end}}
<figcaption><span class="alt-label">{{$.AltLabel}}:</span> {{.Card.Alt}}</figcaption>
</figure>
<p class="downloads">
{{- range .Files}}
<a href="{{.PNG}}" download>PNG {{call $.SizeName .Size}}</a>
{{- end}}
{{- with index .Files 0}}
<a href="{{.Alt}}" download>{{$.AltLabel}} (TXT)</a>
{{- end}}
</p>
</li>
{{- end}}
</ul>
</main>
</body>
</html>
`))
})

// IndexLang is one language's cards for the kit index.
type IndexLang struct {
	Lang, Name string
	Loc        *i18n.Locale
}

// previewCount is how many cards of a language the kit index shows; the gallery page
// shows them all.
const previewCount = 6

// IndexSection is the kit index's card gallery: for each language its first cards, each
// with its alt text and downloads, and a link to the language's whole gallery. It is
// self-contained HTML (its own small stylesheet) placed at the end of the index's main.
func IndexSection(cards []Made, langs []IndexLang, heading string) ([]byte, error) {
	type group struct {
		Lang, Name, Gallery, All string
		Cards                    []Made
		AltLabel                 string
		SizeName                 func(Size) string
	}
	var groups []group
	for _, l := range langs {
		g := group{Lang: l.Lang, Name: l.Name, Gallery: fmt.Sprintf("cards-%s.html", l.Lang), AltLabel: l.Loc.T("card_alt"),
			All: l.Loc.T("card_gallery")}
		loc := l.Loc
		g.SizeName = func(s Size) string { return fmt.Sprintf("%s, %d×%d", loc.T("card_"+s.Name), s.W, s.H) }
		for _, m := range cards {
			if m.Card.Lang == l.Lang && len(g.Cards) < previewCount {
				g.Cards = append(g.Cards, m)
			}
		}
		if len(g.Cards) > 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return nil, nil
	}
	var buf bytes.Buffer
	err := indexSection().Execute(&buf, map[string]any{"Heading": heading, "Groups": groups})
	return buf.Bytes(), err
}

var indexSection = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index-cards").Parse(`
<section class="sec kit-cards" id="cards" aria-labelledby="h-cards">
<style>
.kit-cards ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1rem; }
.kit-cards img { width: 100%; height: auto; display: block; }
.kit-cards .alt { font-size: 0.85rem; margin: 0.3rem 0; }
.kit-cards .dl a { margin-right: 0.6rem; font-size: 0.85rem; text-decoration: underline; }
.kit-cards > div + div { margin-top: 1.5rem; }
</style>
<h2 id="h-cards">{{.Heading}}</h2>
{{- range .Groups}}{{$g := .}}
<div lang="{{.Lang}}">
<h3>{{.Name}}</h3>
<ul>
{{- range .Cards}}{{$c := .Card}}
<li>
{{- with index .Files 0}}
<img src="{{.PNG}}" width="{{.Size.W}}" height="{{.Size.H}}" alt="{{$c.Alt}}" loading="lazy">
{{- end}}
<p class="alt"><strong>{{$g.AltLabel}}:</strong> {{$c.Alt}}</p>
<p class="dl">
{{- range .Files}}<a href="{{.PNG}}" download>PNG {{call $g.SizeName .Size}}</a> {{end -}}
{{- with index .Files 0}}<a href="{{.Alt}}" download>{{$g.AltLabel}} (TXT)</a>{{end -}}
</p>
</li>
{{- end}}
</ul>
<p><a href="{{.Gallery}}">{{.All}} →</a></p>
</div>
{{- end}}
</section>
`))
})
