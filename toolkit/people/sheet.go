package people

import (
	"strings"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/i18n"
	"github.com/presskit/presskit/toolkit/release/sheet"
	"github.com/presskit/presskit/toolkit/typography"
)

// Page is what the spokespeople page shares with other documents.
type Page struct {
	Config   config.Config
	Logo     []byte
	LogoType string
	Paper    string
}

// Sheet builds the one-page "Who can speak to you" document in loc's language: each
// person as their consent allows, then the organisation's media contacts.
func Sheet(ps []*Person, loc *i18n.Locale, pg Page) *sheet.Sheet {
	lang := loc.Lang
	ty := func(s string) string { return typography.Apply(loc.Typography, s) }
	org := pg.Config.Organisation.Name
	s := &sheet.Sheet{Kind: "people", Lang: lang, Title: loc.T("people_title"), Subject: loc.T("people_title") + " — " + org,
		Author: org, Paper: pg.Paper, Brand: pg.Config.Brand.Colour, Org: org, OrgURL: pg.Config.Organisation.URL,
		Logo: pg.Logo, LogoType: pg.LogoType, Labels: map[string]string{"page_of": loc.T("page_of")}}
	s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.Headline, Text: sheet.Plain(loc.T("people_title"))})
	if org != "" {
		s.Blocks = append(s.Blocks, sheet.Block{Kind: sheet.Para, Text: sheet.Plain(ty(loc.T("people_intro", "org", org)))})
	}
	for _, p := range ps {
		b := sheet.Block{Kind: sheet.Person, ID: "person-" + p.ID, Name: p.DisplayName(lang)}
		if role := In(p.Role, lang); role != "" && role != b.Name {
			b.Meta = append(b.Meta, ty(role))
		}
		if pr := In(p.Pronouns, lang); pr != "" {
			b.Meta = append(b.Meta, loc.T("people_pronouns")+": "+pr)
		}
		if len(p.Languages) > 0 {
			var names []string
			for _, l := range p.Languages {
				n := loc.T("lang_" + l)
				if n == "lang_"+l {
					n = l
				}
				names = append(names, n)
			}
			b.Meta = append(b.Meta, loc.T("people_languages")+": "+strings.Join(names, ", "))
		}
		switch p.Consent {
		case FirstNameOnly:
			b.Meta = append(b.Meta, loc.T("people_first_name"))
		case Anonymous:
			b.Meta = append(b.Meta, loc.T("people_anonymous"))
		}
		if bio := In(p.Bio, lang); bio != "" {
			b.Text = sheet.Plain(ty(bio))
		}
		b.Photo, b.PhotoType = p.PrintablePhoto()
		s.Blocks = append(s.Blocks, b)
	}
	// Journalists reach the people through those of them who can be named and have an
	// address; the anonymous only ever through them or the organisation.
	var contacts []*Person
	for _, p := range ps {
		if p.Consent != Anonymous && (p.Email != "" || p.Phone != "") {
			contacts = append(contacts, p)
		}
	}
	s.Blocks = append(s.Blocks, ContactBlocks(pg.Config, contacts, loc)...)
	return s
}

// ContactBlocks is the media contact section: the named people (who must not be
// anonymous), else the configuration's contacts, then the organisation's email and phone.
func ContactBlocks(cfg config.Config, contacts []*Person, loc *i18n.Locale) []sheet.Block {
	lang := loc.Lang
	var items [][]sheet.Span
	line := func(name, role, email, phone string) {
		var sp []sheet.Span
		sp = append(sp, sheet.Span{Text: name, Bold: true})
		if role != "" {
			sp = append(sp, sheet.Span{Text: ", " + role})
		}
		if email != "" {
			sp = append(sp, sheet.Span{Text: " · "}, sheet.Span{Text: email, Href: "mailto:" + email})
		}
		if phone != "" {
			sp = append(sp, sheet.Span{Text: " · " + phone})
		}
		items = append(items, sp)
	}
	for _, p := range contacts {
		line(p.DisplayName(lang), In(p.Role, lang), p.Email, p.Phone)
	}
	if len(contacts) == 0 {
		for _, c := range cfg.Contacts {
			line(c.Name, c.Role, c.Email, c.Phone)
		}
	}
	o := cfg.Organisation
	if o.Email != "" || o.Phone != "" {
		line(o.Name, "", o.Email, o.Phone)
	}
	if len(items) == 0 {
		return nil
	}
	return []sheet.Block{
		{Kind: sheet.Heading, ID: "contact", Text: sheet.Plain(loc.T("release_contact"))},
		{Kind: sheet.List, Items: items},
	}
}
