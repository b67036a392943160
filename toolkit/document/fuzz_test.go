package document_test

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/render/html"
	"github.com/presskit/presskit/toolkit/render/pdf"
)

// FuzzRich checks that library text, however odd, parses into Rich text without a panic
// in English and Russian, that only http, https and mailto links survive, and that a
// small document holding it renders through both the PDF and the HTML renderer without
// a panic or a hang (errors, such as a character the fonts lack or text too long for
// the page, are fine), and that the HTML never carries a script.
func FuzzRich(f *testing.F) {
	cat, err := i18n.Load(content.FS, "i18n")
	if err != nil {
		f.Fatal(err)
	}
	var locs []*i18n.Locale
	for _, lang := range []string{"en", "ru"} {
		l, err := cat.Locale(lang)
		if err != nil {
			f.Fatal(err)
		}
		locs = append(locs, l)
	}
	faces, err := pdf.EmbeddedFaces()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Migrant sex work is *not* trafficking: see [the guide](https://example.org/guide).",
		"Секс-работа мигрантов - не \"торговля людьми\", а работа в т. ч. и для женщин.",
		"<script>alert(1)</script>[x](javascript:alert(1)) <https://example.org> <a@b.org>",
		"- one\n- **two**\n\n`code`",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// A hang is a failure too: the fuzzing engine records the input of a worker
		// that dies, so end it loudly, with every goroutine's stack.
		watchdog := time.AfterFunc(20*time.Second, func() {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			panic(fmt.Sprintf("FuzzRich: no result after 20s for %q\n%s", src, buf[:n]))
		})
		defer watchdog.Stop()

		for _, loc := range locs {
			r := document.ParseRich(src, loc.Typography)
			for _, link := range r.Links() {
				u, err := url.Parse(link)
				if err != nil {
					t.Fatalf("%s: link %q does not parse: %v", loc.Lang, link, err)
				}
				switch strings.ToLower(u.Scheme) {
				case "http", "https", "mailto":
				default:
					t.Fatalf("%s: link %q kept, but only http, https and mailto may be", loc.Lang, link)
				}
			}
			_ = r.Plain()
			_ = r.Empty()
			d := smallDoc(loc, r)

			var pbuf bytes.Buffer
			if err := pdf.Render(&pbuf, d, pdf.Options{Fonts: faces}); err != nil {
				// pdf.Render turns a panic into an error; a runtime error is still a bug.
				if msg := err.Error(); strings.Contains(msg, "runtime error") || strings.Contains(msg, "goroutine ") {
					t.Fatalf("%s: pdf.Render recovered from a panic: %v", loc.Lang, err)
				}
				if pbuf.Len() > 0 {
					t.Fatalf("%s: pdf.Render failed (%v) but wrote %d bytes", loc.Lang, err, pbuf.Len())
				}
			} else if !bytes.HasPrefix(pbuf.Bytes(), []byte("%PDF-")) {
				t.Fatalf("%s: pdf.Render wrote no PDF", loc.Lang)
			}

			var hbuf bytes.Buffer
			if err := html.Render(&hbuf, d, html.Options{}); err != nil {
				if hbuf.Len() > 0 {
					t.Fatalf("%s: html.Render failed (%v) but wrote %d bytes", loc.Lang, err, hbuf.Len())
				}
				continue
			}
			checkHTML(t, loc.Lang, r, hbuf.String())
		}
	})
}

// scriptAttr finds a javascript: address in an attribute, whatever the spacing.
var scriptAttr = regexp.MustCompile(`(?i)=\s*["']?\s*javascript:`)

func checkHTML(t *testing.T, lang string, r document.Rich, out string) {
	t.Helper()
	low := strings.ToLower(out)
	if strings.Contains(low, "<script") {
		t.Fatalf("%s: the HTML contains <script:\n%s", lang, excerpt(out, "<script"))
	}
	// The words "javascript:" may be the reader's text, escaped and harmless; they may
	// never be an address, and never appear when the text has no such words.
	textHas := strings.Contains(strings.ToLower(r.Plain()), "javascript:")
	if (!textHas && strings.Contains(low, "javascript:")) || scriptAttr.MatchString(out) {
		t.Fatalf("%s: the HTML contains javascript::\n%s", lang, excerpt(out, "javascript:"))
	}
}

func excerpt(s, what string) string {
	i := strings.Index(strings.ToLower(s), what)
	if i < 0 {
		return ""
	}
	lo, hi := max(0, i-200), min(len(s), i+200)
	return s[lo:hi]
}

// smallDoc is a handout holding r as its introduction, a myth, a fact and a call to
// action, with one reference whose address is r's first link.
func smallDoc(loc *i18n.Locale, r document.Rich) *document.Doc {
	labels := map[string]string{}
	for _, k := range loc.Keys() {
		labels[k] = loc.T(k)
	}
	date := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	ref := document.Reference{N: 1, ID: "src", Text: "SWAN. Framework shifts. 2026.", Title: "Framework shifts"}
	if links := r.Links(); len(links) > 0 {
		ref.URL = links[0]
	}
	return &document.Doc{
		Kind: document.Handout, Lang: loc.Lang, Paper: "a4",
		Meta:     document.Meta{Title: "Fuzz", Author: "presskit", Subject: r.Plain(), Lang: loc.Lang},
		Masthead: document.Masthead{Org: "SWAN", URL: "https://swannet.org", Email: "press@example.org"},
		Title:    "Myths and facts",
		Intro:    r,
		Sections: []document.Section{
			{ID: "myths", Heading: labels["myths_and_facts"], Blocks: []document.Block{
				{Kind: document.BlockMyth, ItemID: "myth-fuzz", Head: r, Body: r, Refs: []int{1}},
			}},
			{ID: "facts", Heading: labels["facts"], Blocks: []document.Block{
				{Kind: document.BlockFact, ItemID: "fact-fuzz", Body: r, Refs: []int{1, 2}},
			}},
			{ID: "cta", Heading: labels["call_to_action"], Blocks: []document.Block{
				{Kind: document.BlockText, Body: r},
			}},
		},
		References: []document.Reference{ref},
		Labels:     labels,
		Brand:      "#7a1f5c",
		Date:       date,
		DateText:   loc.Date(date),
	}
}
