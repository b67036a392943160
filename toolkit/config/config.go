// Package config holds presskit's settings as plain data. Reading them (flags, environment,
// files) is the command line's job; this package only describes them and their defaults.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/presskit/presskit/toolkit/library"
)

// Organisation is who publishes the documents.
type Organisation struct {
	Name  string `mapstructure:"name" json:"name"`
	URL   string `mapstructure:"url" json:"url"`
	Email string `mapstructure:"email" json:"email"`
	Phone string `mapstructure:"phone" json:"phone"`
	// Logo is a path to a PNG or JPEG file.
	Logo string `mapstructure:"logo" json:"logo"`
	// PressURL is the public address where the kit's HTML will live (the folder that
	// holds index.html). When set, the printed handout and brief carry a QR code to
	// their HTML version there: <press_url>/handout-en.html.
	PressURL string `mapstructure:"press_url" json:"press_url,omitempty"`
	// About is the "About us" boilerplate of press releases, per language.
	About map[string]string `mapstructure:"about" json:"about,omitempty"`
}

// Contact is a media contact printed on documents.
type Contact struct {
	Name string `mapstructure:"name" json:"name"`
	// Role is the contact's role in every language; Roles, when set, gives it per
	// language (role: {en: Media relations, fr: Relations avec les médias}).
	Role  string            `mapstructure:"role" json:"role"`
	Roles map[string]string `mapstructure:"roles" json:"roles,omitempty"`
	Email string            `mapstructure:"email" json:"email"`
	Phone string            `mapstructure:"phone" json:"phone"`
}

// RoleIn returns the contact's role in lang: its own text for lang, else the text for
// every language, else the English one.
func (c Contact) RoleIn(lang string) string {
	if r, ok := c.Roles[lang]; ok {
		return r
	}
	if c.Role != "" {
		return c.Role
	}
	return c.Roles["en"]
}

// Fonts names TrueType files that replace the embedded faces.
type Fonts struct {
	Sans  string `mapstructure:"sans" json:"sans"`
	Serif string `mapstructure:"serif" json:"serif"`
}

// Brand is the organisation's visual identity.
type Brand struct {
	// Colour is a hex colour such as "#7a1f5c", used sparingly for rules and headings.
	Colour string `mapstructure:"colour" json:"colour"`
}

// Config is the effective configuration.
type Config struct {
	Organisation Organisation `mapstructure:"organisation" json:"organisation"`
	Contacts     []Contact    `mapstructure:"contacts" json:"contacts"`
	Brand        Brand        `mapstructure:"brand" json:"brand"`
	// Lang lists the languages documents are made in, and that validate requires.
	Lang []string `mapstructure:"lang" json:"lang"`
	// Paper is "a4" or "letter".
	Paper string `mapstructure:"paper" json:"paper"`
	// Output is the folder documents are written to.
	Output string `mapstructure:"output" json:"output"`
	// Library lists user library folders laid over the embedded library, in order.
	Library []string `mapstructure:"library" json:"library"`
	// Embedded says whether the embedded library lies under the user's folders; false
	// builds from the user's folders alone (a library in a language presskit lacks).
	Embedded bool  `mapstructure:"embedded" json:"embedded"`
	Fonts    Fonts `mapstructure:"fonts" json:"fonts"`
}

// DefaultBrandColour is a deep plum with AA contrast on white.
const DefaultBrandColour = "#7a1f5c"

// Defaults returns the built-in settings.
func Defaults() map[string]any {
	return map[string]any{
		"lang":         []string{"en", "ru"},
		"paper":        "a4",
		"output":       "out",
		"brand.colour": DefaultBrandColour,
		"embedded":     true,
	}
}

// Keys lists every setting, in the order `presskit config` prints them.
var Keys = []string{
	"organisation.name", "organisation.url", "organisation.press_url", "organisation.email", "organisation.phone",
	"organisation.logo", "organisation.about", "contacts", "people", "brand.colour", "lang", "paper", "output", "library",
	"embedded", "fonts.sans", "fonts.serif",
}

// hexColour reports whether s is a colour written #rrggbb (what the regexp
// ^#[0-9a-fA-F]{6}$ matched; a function, so that no regexp is compiled at every start).
func hexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Problem is one setting that cannot be used.
type Problem struct {
	Key string
	Msg string
}

// Problems lists every setting that cannot be used.
type Problems []Problem

func (ps Problems) Error() string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, p.Key+": "+p.Msg)
	}
	return "configuration: " + strings.Join(parts, "; ")
}

// Check reports the settings that cannot be used, all of them, as Problems.
func (c *Config) Check() error {
	var bad Problems
	switch strings.ToLower(c.Paper) {
	case "a4", "letter":
		c.Paper = strings.ToLower(c.Paper)
	default:
		bad = append(bad, Problem{"paper", fmt.Sprintf("%q: use a4 or letter", c.Paper)})
	}
	if c.Brand.Colour != "" && !hexColour(c.Brand.Colour) {
		bad = append(bad, Problem{"brand.colour", fmt.Sprintf("%q: use a hex colour like \"#7a1f5c\"", c.Brand.Colour)})
	}
	if u := strings.TrimSpace(c.Organisation.PressURL); u != "" {
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "https" && pu.Scheme != "http") || pu.Host == "" || pu.RawQuery != "" || pu.Fragment != "" {
			bad = append(bad, Problem{"organisation.press_url", fmt.Sprintf("%q: give the address of the folder the kit is published in, such as https://example.org/press", u)})
		} else {
			c.Organisation.PressURL = strings.TrimRight(u, "/")
		}
	}
	c.Lang = cleanLangs(c.Lang)
	if len(c.Lang) == 0 {
		bad = append(bad, Problem{"lang", "empty: name at least one language, for example en"})
	}
	if len(bad) > 0 {
		return bad
	}
	return nil
}

// knownKeys are the settings a configuration file may hold, with the fields of nested ones.
var knownKeys = map[string][]string{
	"organisation": {"name", "url", "press_url", "email", "phone", "logo", "about"},
	"contacts":     {"name", "role", "email", "phone"},
	"brand":        {"colour"},
	"fonts":        {"sans", "serif"},
	"lang":         nil, "paper": nil, "output": nil, "library": nil, "embedded": nil,
	// people: is read and checked, with its positions, by package people.
	"people": nil,
}

// CheckFile parses a configuration file and reports every problem with its line and
// column: broken YAML, a setting presskit does not know (with the nearest one), a setting
// of the wrong shape (organisation: given as a single text).
func CheckFile(name string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return library.YAMLError(name, data, err)
	}
	library.ExpandAliases(&doc)
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d:%d: a configuration file is a mapping of settings (organisation:, lang:, paper:, …)", name, root.Line, root.Column)
	}
	var top []string
	for k := range knownKeys {
		top = append(top, k)
	}
	sort.Strings(top)
	var errs []string
	at := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d:%d: ", name, n.Line, n.Column)+fmt.Sprintf(format, args...))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		fields, ok := knownKeys[k.Value]
		if !ok {
			errs = append(errs, unknownKey(name, k, "", top))
			continue
		}
		if fields == nil || v.Tag == "!!null" {
			continue
		}
		maps := []*yaml.Node{v}
		if k.Value == "contacts" {
			if v.Kind != yaml.SequenceNode {
				at(v, "contacts must be a list of people, each with %s", strings.Join(fields, ", "))
				continue
			}
			maps = v.Content
		}
		for _, m := range maps {
			if m.Kind != yaml.MappingNode {
				at(m, "%s must be a mapping of %s, each on its own line", k.Value, strings.Join(fields, ", "))
				continue
			}
			for j := 0; j+1 < len(m.Content); j += 2 {
				if f := m.Content[j]; !contains(fields, f.Value) {
					errs = append(errs, unknownKey(name, f, k.Value+".", fields))
				}
			}
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

func unknownKey(name string, k *yaml.Node, prefix string, known []string) string {
	msg := fmt.Sprintf("%s:%d:%d: unknown setting %q", name, k.Line, k.Column, prefix+k.Value)
	if best := library.Nearest(k.Value, known); best != "" {
		return fmt.Sprintf("%s; did you mean %q?", msg, prefix+best)
	}
	return fmt.Sprintf("%s; settings here are %s", msg, strings.Join(known, ", "))
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// cleanLangs lower-cases and trims language codes and drops repeats: "EN, en,ru" is [en ru].
func cleanLangs(langs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range langs {
		for _, p := range strings.Split(l, ",") {
			p = strings.ToLower(strings.TrimSpace(p))
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}
