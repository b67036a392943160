package sheet

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"sync"
)

// RenderHTML writes s as one self-contained HTML page: inline style, images as data:
// addresses, no scripts. Nothing is written when rendering fails.
func RenderHTML(w io.Writer, s *Sheet) error {
	var buf bytes.Buffer
	if err := page().Execute(&buf, s); err != nil {
		return fmt.Errorf("render html: %s [%s]: %w", s.Kind, s.Lang, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// page is compiled on first use, not at package init: most runs of presskit render no sheet.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("sheet").Funcs(template.FuncMap{
		"spans": spansHTML,
		"img": func(data []byte, typ string) template.URL {
			mt := "image/png"
			if typ == "jpg" || typ == "jpeg" {
				mt = "image/jpeg"
			}
			return template.URL("data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data))
		},
		"brand": func(s string) template.CSS {
			r, g, b := rgb(s)
			return template.CSS(fmt.Sprintf("#%02x%02x%02x", r, g, b))
		},
		"safeURL": safeURL,
	}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{- with .Subject}}
<meta name="description" content="{{.}}">{{end}}
<style>
:root { --brand: {{brand .Brand}}; }
body { margin: 0; background: #f4f3f1; color: #1a1a1a; font: 17px/1.55 "Noto Serif", Georgia, serif; }
main, header.mast { max-width: 42rem; margin: 0 auto; background: #fff; padding: 1.5rem 2rem; }
header.mast { display: flex; justify-content: space-between; align-items: center; border-bottom: 3px solid var(--brand); margin-top: 1.5rem; }
header.mast img { max-height: 3rem; max-width: 12rem; }
.org { font: 700 0.95rem/1.3 "Noto Sans", Arial, sans-serif; color: var(--brand); text-align: right; }
.org a { color: #444; font-weight: 400; display: block; }
main { margin-bottom: 2rem; }
.release-line { font: 700 0.9rem "Noto Sans", Arial, sans-serif; letter-spacing: 0.03em; color: var(--brand); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.6rem 0; }
.subhead { font-style: italic; color: #3c3c3c; font-size: 1.15rem; }
h2 { font: 700 1.05rem "Noto Sans", Arial, sans-serif; color: var(--brand); margin-top: 1.8rem; }
.lead { font-weight: 700; }
blockquote { margin: 1.2rem 0; padding-left: 1rem; border-left: 4px solid var(--brand); }
blockquote p { margin: 0 0 0.3rem; font-size: 1.05rem; }
blockquote footer, .meta, .small { font: 0.9rem/1.45 "Noto Sans", Arial, sans-serif; color: #3c3c3c; }
.person { display: flex; gap: 1.2rem; border-bottom: 1px solid #ddd; padding: 1rem 0; }
.person img { width: 7rem; height: auto; object-fit: cover; }
.person h2 { color: #1a1a1a; font: 700 1.3rem/1.3 "Noto Serif", Georgia, serif; margin: 0; }
.meta { margin: 0.2rem 0; }
.end { text-align: center; font: 700 1rem "Noto Sans", Arial, sans-serif; margin-top: 1.5rem; }
a { color: var(--brand); }
@media print { body { background: #fff; } main, header.mast { max-width: none; padding: 0; } }
</style>
</head>
<body class="sheet sheet-{{.Kind}}" data-pages="flow">
<header class="mast">
{{- if .Logo}}<img src="{{img .Logo .LogoType}}" alt="{{.Org}}">{{else}}<span></span>{{end}}
<p class="org">{{.Org}}{{with safeURL .OrgURL}} <a href="{{.}}">{{$.OrgURL}}</a>{{end}}</p>
</header>
<main>
{{- range .Blocks}}
{{- if eq .Kind "release-line"}}
<p class="release-line">{{spans .Text}}</p>
{{- else if eq .Kind "headline"}}
<h1>{{spans .Text}}</h1>
{{- else if eq .Kind "subhead"}}
<p class="subhead">{{spans .Text}}</p>
{{- else if eq .Kind "heading"}}
<h2{{with .ID}} id="{{.}}"{{end}}>{{spans .Text}}</h2>
{{- else if eq .Kind "para"}}
<p>{{with .Lead}}<span class="lead">{{.}}</span> {{end}}{{spans .Text}}</p>
{{- else if eq .Kind "small"}}
<p class="small">{{spans .Text}}</p>
{{- else if eq .Kind "list"}}
<ul>
{{- range .Items}}
<li>{{spans .}}</li>
{{- end}}
</ul>
{{- else if eq .Kind "quote"}}
<blockquote>
<p>{{spans .Text}}</p>
{{- with .Attribution}}
<footer>{{.}}</footer>{{end}}
</blockquote>
{{- else if eq .Kind "person"}}
<section class="person"{{with .ID}} id="{{.}}"{{end}}>
{{- if .Photo}}
<img src="{{img .Photo .PhotoType}}" alt="{{.Name}}">{{end}}
<div>
<h2>{{.Name}}</h2>
{{- range .Meta}}
<p class="meta">{{.}}</p>
{{- end}}
{{- if .Text}}
<p>{{spans .Text}}</p>{{end}}
</div>
</section>
{{- else if eq .Kind "end"}}
<p class="end">{{spans .Text}}</p>
{{- end}}
{{- end}}
</main>
</body>
</html>
`))
})

// spansHTML escapes each run and wraps it in its style; links keep only http(s) and mailto.
func spansHTML(spans []Span) template.HTML {
	var b strings.Builder
	for _, s := range spans {
		t := template.HTMLEscapeString(s.Text)
		if s.Bold {
			t = "<strong>" + t + "</strong>"
		}
		if s.Italic {
			t = "<em>" + t + "</em>"
		}
		if h := safeURL(s.Href); h != "" {
			t = `<a href="` + template.HTMLEscapeString(h) + `">` + t + "</a>"
		}
		b.WriteString(t)
	}
	return template.HTML(b.String())
}

// safeURL keeps http, https and mailto addresses and drops anything else.
func safeURL(h string) string {
	u, err := url.Parse(strings.TrimSpace(h))
	if err != nil || h == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return u.String()
	}
	return ""
}
