// Package config holds presskit's settings as plain data. Reading them (flags, environment,
// files) is the command line's job; this package only describes them and their defaults.
package config

import (
	"fmt"
	"regexp"
	"strings"
)

// Organisation is who publishes the documents.
type Organisation struct {
	Name  string `mapstructure:"name" json:"name"`
	URL   string `mapstructure:"url" json:"url"`
	Email string `mapstructure:"email" json:"email"`
	Phone string `mapstructure:"phone" json:"phone"`
	// Logo is a path to a PNG or JPEG file.
	Logo string `mapstructure:"logo" json:"logo"`
}

// Contact is a media contact printed on documents.
type Contact struct {
	Name  string `mapstructure:"name" json:"name"`
	Role  string `mapstructure:"role" json:"role"`
	Email string `mapstructure:"email" json:"email"`
	Phone string `mapstructure:"phone" json:"phone"`
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
	Fonts   Fonts    `mapstructure:"fonts" json:"fonts"`
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
	}
}

// Keys lists every setting, in the order `presskit config` prints them.
var Keys = []string{
	"organisation.name", "organisation.url", "organisation.email", "organisation.phone",
	"organisation.logo", "contacts", "brand.colour", "lang", "paper", "output", "library",
	"fonts.sans", "fonts.serif",
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Check reports settings that cannot be used, one message for all of them.
func (c *Config) Check() error {
	var bad []string
	switch strings.ToLower(c.Paper) {
	case "a4", "letter":
		c.Paper = strings.ToLower(c.Paper)
	default:
		bad = append(bad, fmt.Sprintf("paper %q: use a4 or letter", c.Paper))
	}
	if c.Brand.Colour != "" && !hexColour.MatchString(c.Brand.Colour) {
		bad = append(bad, fmt.Sprintf("brand.colour %q: use a hex colour like \"#7a1f5c\"", c.Brand.Colour))
	}
	if len(c.Lang) == 0 {
		bad = append(bad, "lang is empty: name at least one language, for example en")
	}
	if len(bad) > 0 {
		return fmt.Errorf("configuration: %s", strings.Join(bad, "; "))
	}
	return nil
}
