package release

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/presskit/presskit/toolkit/check"
	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/library"
	"github.com/presskit/presskit/toolkit/people"
	"github.com/presskit/presskit/toolkit/release/sheet"
	"github.com/presskit/presskit/toolkit/typography"
)

// Env is what a release is built against.
type Env struct {
	Lib      *library.Library
	Catalog  *i18n.Catalog
	Config   config.Config
	People   []*people.Person
	Logo     []byte
	LogoType string
	Paper    string
	// Now is the moment of the build: an embargo before it is an error.
	Now time.Time
	// Checker, when set, checks the release's text; findings of severity "avoid" stop
	// the build unless AllowFindings.
	Checker       *check.Checker
	AllowFindings bool
	// Severity gives a term's severity ("avoid", "consider", "context"); nil treats every
	// finding as "avoid".
	Severity func(rule string) string
}

// FindingsError is the words to avoid found in a release, which stop its build.
type FindingsError struct {
	Findings []check.Finding
}

func (e *FindingsError) Error() string {
	var b strings.Builder
	for _, f := range e.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %q: %s", f.File, f.Line, f.Column, f.Match, f.Message)
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(&b, " (say instead: %s)", strings.Join(f.Suggestions, ", "))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d word(s) to avoid in the release: rewrite them, or build with --allow-findings", len(e.Findings))
	return b.String()
}

// Check runs the checker over the release file and returns the findings that stop it.
func Check(file string, data []byte, env Env) error {
	if env.Checker == nil || env.AllowFindings {
		return nil
	}
	fs, err := env.Checker.Check(file, proseOnly(data), check.Options{Markdown: true})
	if err != nil {
		return err
	}
	var stop []check.Finding
	for _, f := range fs {
		sev := "avoid"
		if env.Severity != nil {
			sev = env.Severity(f.Rule)
		}
		if sev == "avoid" {
			stop = append(stop, f)
		}
	}
	if len(stop) > 0 {
		return &FindingsError{Findings: stop}
	}
	return nil
}

// proseOnly blanks the front matter but for the headline and subhead, keeping every
// line and column where it is: the checker detects a paragraph's language from its
// letters, and the Latin keys of the front matter must not count.
func proseOnly(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return data
	}
	lines[0] = ""
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "---" {
			lines[i] = ""
			break
		}
		lines[i] = ""
		for _, key := range []string{"headline:", "subhead:"} {
			if strings.HasPrefix(l, key) {
				lines[i] = strings.Repeat(" ", len(key)) + l[len(key):]
			}
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// Sheet checks r against the library, the people and the clock, and lays it out.
func Sheet(r *Release, env Env) (*sheet.Sheet, error) {
	var errs Errors
	at := func(line, col int, format string, args ...any) {
		errs = append(errs, &Error{File: r.File, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
	}
	loc, err := env.Catalog.Locale(r.Lang)
	if err != nil {
		return nil, &Error{File: r.File, Line: 1, Col: 1, Msg: err.Error()}
	}
	lang := r.Lang
	ty := func(s string) string { return typography.Apply(loc.Typography, s) }
	if r.Embargo != nil && !env.Now.IsZero() && r.Embargo.Before(env.Now) {
		at(r.embargoAt.line, r.embargoAt.col, "the embargo %s has already passed; set a later one, or embargo: immediate",
			r.Embargo.Format("2006-01-02 15:04 -07:00"))
	}
	quotes := map[string]sheet.Block{}
	for _, q := range r.Quotes {
		b, msg := quoteBlock(q, env, loc)
		if msg != "" {
			at(q.Line, q.Col, "%s", msg)
			continue
		}
		quotes[q.ID] = b
	}
	var contacts []*people.Person
	for _, id := range r.Contacts {
		p := people.Find(env.People, id)
		switch {
		case p == nil:
			at(r.contactsAt.line, r.contactsAt.col, "contact %q is not among people: in presskit.yaml", id)
		case p.Consent == people.Anonymous:
			at(r.contactsAt.line, r.contactsAt.col, "%s speaks anonymously and cannot be the media contact; name a contact who can be named", id)
		default:
			contacts = append(contacts, p)
		}
	}
	org := env.Config.Organisation.Name
	s := &sheet.Sheet{Kind: "release", Lang: lang, Title: r.Headline, Subject: loc.T("doc_release") + " — " + org,
		Author: org, Paper: env.Paper, Brand: env.Config.Brand.Colour, Org: org, OrgURL: env.Config.Organisation.URL,
		Logo: env.Logo, LogoType: env.LogoType, Labels: map[string]string{"page_of": loc.T("page_of")}}
	if s.Brand == "" {
		s.Brand = config.DefaultBrandColour
	}
	line := loc.T("release_immediate")
	if r.Embargo != nil {
		zone := r.Zone
		if zone == "" {
			zone = "UTC" + r.Embargo.Format("-07:00")
		}
		line = loc.T("release_embargo", "datetime", loc.DateTime(*r.Embargo, zone))
	}
	s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.ReleaseLine, Text: sheet.Plain(line)})
	s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.Headline, Text: sheet.Plain(ty(r.Headline))})
	if r.Subhead != "" {
		s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.Subhead, Text: sheet.Plain(ty(r.Subhead))})
	}
	date := env.Now
	if r.Date != nil {
		date = *r.Date
	} else if r.Embargo != nil {
		date = *r.Embargo
	}
	dateline := loc.Date(date) + "\u00a0—"
	if r.City != "" {
		dateline = strings.ToUpper(r.City) + ", " + dateline
	}
	placed := map[string]bool{}
	first := true
	for _, p := range r.Body {
		switch p.Kind {
		case "para":
			b := sheet.Block{Kind: sheet.Para, Text: inline(ty(p.Text))}
			if first {
				b.Lead, first = dateline, false
			}
			s.Blocks = append(s.Blocks, b)
		case "heading":
			s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.Heading, Text: inline(ty(p.Text))})
		case "list":
			b := sheet.Block{Kind: sheet.List}
			for _, it := range p.Items {
				b.Items = append(b.Items, inline(ty(it)))
			}
			s.Blocks = append(s.Blocks, b)
		case "quote":
			q, ok := quotes[p.Quote]
			if !ok {
				if !hasQuote(r.Quotes, p.Quote) {
					at(p.Line, 1, "{{quote %s}}: no quote with that id in quotes: of the front matter", p.Quote)
				}
				continue
			}
			placed[p.Quote] = true
			s.Blocks = append(s.Blocks, q)
		}
	}
	// Quotes the body does not place follow it, in the order of the front matter.
	for _, q := range r.Quotes {
		if b, ok := quotes[q.ID]; ok && !placed[q.ID] {
			s.Blocks = append(s.Blocks, b)
		}
	}
	if about := strings.TrimSpace(env.Config.Organisation.About[lang]); about != "" {
		s.Blocks = append(s.Blocks,
			sheet.Block{Kind: sheet.Heading, ID: "about", Text: sheet.Plain(loc.T("release_about", "org", org))},
			sheet.Block{Kind: sheet.Para, Text: inline(ty(about))})
	}
	s.Blocks = append(s.Blocks, people.ContactBlocks(env.Config, contacts, loc)...)
	s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.EndMark, Text: sheet.Plain(loc.T("release_end"))})
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

func hasQuote(qs []QuoteRef, id string) bool {
	for _, q := range qs {
		if q.ID == id {
			return true
		}
	}
	return false
}

// quoteBlock makes a quote from the library or from the front matter; msg says what is wrong.
func quoteBlock(q QuoteRef, env Env, loc *i18n.Locale) (sheet.Block, string) {
	lang := loc.Lang
	ty := func(s string) string { return typography.Apply(loc.Typography, s) }
	open, closing := string(loc.Typography.Quotes[0]), string(loc.Typography.Quotes[1])
	if loc.Typography.Quotes[0] == 0 {
		open, closing = "\"", "\""
	}
	text, speaker, role := q.Text, q.Speaker, q.Role
	note := ""
	if q.Text == "" {
		it := env.Lib.Get(q.ID)
		if it == nil || it.Kind != library.KindQuote {
			msg := fmt.Sprintf("unknown quote id %q", q.ID)
			if it != nil {
				msg = fmt.Sprintf("%q is a %s, not a quote", q.ID, it.Kind)
			} else if sug := env.Lib.Closest(q.ID, 3); len(sug) > 0 {
				msg += " (did you mean " + strings.Join(sug, " or ") + "?)"
			}
			return sheet.Block{}, msg + "; or write the quote here with text:, speaker: and role:"
		}
		text, speaker, role = it.Get(lang, "text"), it.Get(lang, "speaker"), it.Get(lang, "role")
		if text == "" {
			return sheet.Block{}, fmt.Sprintf("quote %q has no %s text in the library", q.ID, lang)
		}
		if it.Original != "" && it.Original != lang {
			note = " " + loc.T("release_translated", "language", loc.T("lang_"+it.Original))
		}
	}
	if q.Person != "" {
		p := people.Find(env.People, q.Person)
		if p == nil {
			return sheet.Block{}, fmt.Sprintf("quote %q: person %q is not among people: in presskit.yaml", q.ID, q.Person)
		}
		speaker = p.DisplayName(lang)
		if role == "" && speaker != people.In(p.Role, lang) {
			role = people.In(p.Role, lang)
		}
	}
	by := "— " + speaker
	if role != "" {
		by += ", " + role
	}
	body := ty(strings.Trim(text, "\"“”«»"))
	after := ""
	if closing == "»" && strings.HasSuffix(body, ".") && !strings.HasSuffix(body, "...") {
		// With «ёлочки» a sentence's full stop stands after the closing mark.
		body, after = strings.TrimSuffix(body, "."), "."
	}
	return sheet.Block{Kind: sheet.Quote, Text: sheet.Plain(open + body + closing + after),
		Attribution: ty(by) + note}, ""
}

// inlineRE is compiled on first use, not at package init.
var inlineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)`)
})

// inline turns **bold**, *italic* and [links](https://…) into spans.
func inline(s string) []sheet.Span {
	var out []sheet.Span
	last := 0
	for _, m := range inlineRE().FindAllStringSubmatchIndex(s, -1) {
		if m[0] > last {
			out = append(out, sheet.Span{Text: s[last:m[0]]})
		}
		switch {
		case m[2] >= 0:
			out = append(out, sheet.Span{Text: s[m[2]:m[3]], Bold: true})
		case m[4] >= 0:
			out = append(out, sheet.Span{Text: s[m[4]:m[5]], Italic: true})
		case m[6] >= 0:
			out = append(out, sheet.Span{Text: s[m[6]:m[7]], Italic: true})
		default:
			out = append(out, sheet.Span{Text: s[m[8]:m[9]], Href: s[m[10]:m[11]]})
		}
		last = m[1]
	}
	if last < len(s) {
		out = append(out, sheet.Span{Text: s[last:]})
	}
	return out
}
