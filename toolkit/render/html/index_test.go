package html

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/document"
)

func fixtureIndex(lang string) *Index {
	d := fixtureDoc(document.Handout, lang)
	idx := &Index{
		Lang:      lang,
		Title:     fx{"Press kit: migrant sex work is not trafficking", "Пресс-кит: секс-работа мигрантов\u00a0— не торговля людьми"}.in(lang),
		Intro:     fx{"Everything for journalists in one place, in English and Russian.", "Всё для журналистов в одном месте, на английском и русском языках."}.in(lang),
		Org:       d.Masthead,
		Contacts:  d.Contacts,
		Embargo:   fx{"Embargoed until 1 December 2026, 09:00 CET", "Эмбарго до 1 декабря 2026 г., 09:00 CET"}.in(lang),
		DateText:  d.DateText,
		Labels:    labels[lang],
		Brand:     "#7a1f5c",
		Paper:     "a4",
		Languages: []IndexLang{{Lang: "en", Name: "English"}, {Lang: "ru", Name: "Русский"}, {Lang: "uk", Name: "Українська"}},
	}
	titles := map[string]map[document.Kind]string{
		"en": {document.Brief: "Press brief", document.Handout: "“Myths and facts” handout", document.Prep: "Interview prep sheet"},
		"ru": {document.Brief: "Справка для СМИ", document.Handout: "Листовка «Мифы и факты»", document.Prep: "Памятка к интервью"},
	}
	sizes := map[document.Kind][2]int64{document.Brief: {91_342, 24_117}, document.Handout: {64_530, 19_802}, document.Prep: {1_572_864, 21_001}}
	for _, l := range []string{"en", "ru"} {
		for _, k := range document.Kinds {
			base := string(k) + "-" + l
			idx.Documents = append(idx.Documents, IndexDoc{Kind: k, Lang: l, Title: titles[l][k], Files: []IndexFile{
				{Format: "pdf", Href: base + ".pdf", Size: sizes[k][0]},
				{Format: "html", Href: base + ".html", Size: sizes[k][1]},
			}})
		}
	}
	return idx
}

func renderIndex(t *testing.T, idx *Index) string {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderIndex(&buf, idx, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestIndexMatchesGoldenFiles(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		golden(t, filepath.Join("testdata", "index-"+lang+".golden.html"), renderIndex(t, fixtureIndex(lang)))
	}
}

func TestIndexLinksEveryDocumentInEveryLanguage(t *testing.T) {
	got := renderIndex(t, fixtureIndex("ru"))
	for _, want := range []string{
		`<html lang="ru" class="kit">`,
		`<th scope="col" lang="en">English</th>`, `<th scope="col" lang="ru">Русский</th>`,
		`<td data-label="Русский" lang="ru">`,
		// The prep sheet is internal: a table of its own under its own heading.
		`<section class="sec kit-sec internal" aria-labelledby="h-internal">`, "Памятка к интервью",
		`href="brief-en.pdf" type="application/pdf"`, `href="prep-ru.html" type="text/html"`,
		"<span class=\"size\">90\u00a0КБ</span>", "<span class=\"size\">1,5\u00a0МБ</span>",
		"Листовка «Мифы и факты»", `<p class="embargo" role="note">`, "Контакты для СМИ", "anna@swannet.org",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(got, `lang="uk"`) {
		t.Error("a language with no documents is listed")
	}
	if strings.Contains(got, "<script") || strings.Count(got, "url(") != strings.Count(got, "url(data:") {
		t.Error("the index loads something")
	}
	for _, m := range attrURL.FindAllStringSubmatch(got, -1) {
		if m[1] == "href" && !safeAttr(m[1], m[2]) && !strings.HasSuffix(m[2], ".pdf") && !strings.HasSuffix(m[2], ".html") {
			t.Errorf("unexpected address %s=%q", m[1], m[2])
		}
	}
}

// The landing page: the archive button and the page count when the kit gives them.
func TestIndexOffersTheArchiveAndPageCounts(t *testing.T) {
	idx := fixtureIndex("en")
	idx.Zip, idx.ZipSize = "press-kit.zip", 420_000
	idx.Labels = map[string]string{"download_zip": "Download all (ZIP)", "pages_short": "{n} pp.", "desc_brief": "Background for journalists"}
	for i := range idx.Documents {
		idx.Documents[i].Pages = 2
	}
	got := renderIndex(t, idx)
	for _, want := range []string{`<a class="button primary" href="press-kit.zip" type="application/zip">Download all (ZIP)`,
		`<span class="pages">2 pp.</span>`, `<span class="desc">Background for journalists</span>`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s", want)
		}
	}
}

func TestIndexSizeTextGivenIsKept(t *testing.T) {
	idx := fixtureIndex("en")
	idx.Documents[0].Files[0].SizeText = "about 90 kB"
	got := renderIndex(t, idx)
	if !strings.Contains(got, `<span class="size">about 90 kB</span>`) || !strings.Contains(got, "<span class=\"size\">24\u00a0KB</span>") {
		t.Error("sizes: want the given text kept and the others computed")
	}
}

func TestIndexRefusesAddressesOutsideTheKit(t *testing.T) {
	for _, href := range []string{"javascript:alert(1)", "https://evil.example/x.pdf", "//evil.example/x", "/etc/passwd", ""} {
		idx := fixtureIndex("en")
		idx.Documents[0].Files[0].Href = href
		var buf bytes.Buffer
		if err := RenderIndex(&buf, idx, Options{}); err == nil {
			t.Errorf("href %q: no error", href)
		}
		if buf.Len() != 0 {
			t.Errorf("href %q: output written", href)
		}
	}
}

func TestSizeText(t *testing.T) {
	for _, c := range []struct {
		n    int64
		l    map[string]string
		want string
	}{
		{1, nil, "1\u00a0KB"},
		{1024, nil, "1\u00a0KB"},
		{1025, nil, "2\u00a0KB"},
		{5 * 1024 * 1024, nil, "5.0\u00a0MB"},
		{1_572_864, map[string]string{"size_mb": "МБ", "decimal_sep": ","}, "1,5\u00a0МБ"},
	} {
		if got := sizeText(c.n, c.l); got != c.want {
			t.Errorf("sizeText(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
