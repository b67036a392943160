package config

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestPressURL(t *testing.T) {
	c := Config{Paper: "a4", Lang: []string{"en"}, Organisation: Organisation{PressURL: "https://example.org/press/"}}
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	if c.Organisation.PressURL != "https://example.org/press" {
		t.Errorf("press_url %q, want it without the trailing slash", c.Organisation.PressURL)
	}
	for _, bad := range []string{"example.org/press", "ftp://example.org", "https://", "https://example.org/press?x=1"} {
		c := Config{Paper: "a4", Lang: []string{"en"}, Organisation: Organisation{PressURL: bad}}
		var ps Problems
		if err := c.Check(); !errors.As(err, &ps) || ps[0].Key != "organisation.press_url" {
			t.Errorf("%q: %v, want a problem with organisation.press_url", bad, err)
		}
	}
	if err := CheckFile("p.yaml", []byte("organisation:\n  press_url: https://example.org/press\n")); err != nil {
		t.Errorf("press_url in a file: %v", err)
	}
	found := false
	for _, k := range Keys {
		found = found || k == "organisation.press_url"
	}
	if !found {
		t.Error("presskit config does not list organisation.press_url")
	}
	if err := CheckFile("p.yaml", []byte("organisation:\n  press_ulr: x\n")); err == nil || !strings.Contains(err.Error(), "press_url") {
		t.Errorf("a misspelt press_url: %v", err)
	}
}

// TestHexColour: the function takes what the regexp ^#[0-9a-fA-F]{6}$ took.
func TestHexColour(t *testing.T) {
	re := regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	for _, s := range []string{"#7a1f5c", "#7A1F5C", "#000000", "#ffffff", "", "#", "7a1f5c", "#7a1f5", "#7a1f5c0",
		"#7a1g5c", "##7a1f5", "#7a1f5c\n", " #7a1f5c", "#ＡＢＣＤＥＦ", "#12345é"} {
		if got, want := hexColour(s), re.MatchString(s); got != want {
			t.Errorf("hexColour(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}
