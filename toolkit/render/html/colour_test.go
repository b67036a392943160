package html

import (
	"regexp"
	"strings"
	"testing"

	"github.com/presskit/presskit/templates"
)

// The text colours of documents.css and the backgrounds they are set on. The test below
// checks that the stylesheet uses no colour outside these lists.
var (
	textColours       = []string{"ink", "muted", "brand-ink", "myth", "fact"}
	backgroundColours = []string{"paper", "tint", "brand-soft"}
	// Inverse pairs: light text on a dark background.
	inversePairs = [][2]string{{"paper", "alert"}, {"paper", "ink"}, {"paper", "tag-grey"}, {"paper", "brand-ink"}}
)

func stylesheetText(t *testing.T) string {
	t.Helper()
	b, err := templates.FS.ReadFile(stylesheet)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rootColours reads the --name: #hex custom properties of the stylesheet's :root.
func rootColours(t *testing.T, css string) map[string]string {
	t.Helper()
	root := regexp.MustCompile(`(?s):root\s*\{(.*?)\}`).FindStringSubmatch(css)
	if root == nil {
		t.Fatal("no :root block")
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;`).FindAllStringSubmatch(root[1], -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestEveryTextColourPairMeetsWCAGAA(t *testing.T) {
	css := stylesheetText(t)
	fixed := rootColours(t, css)
	brands := []string{"#7a1f5c", "#1f5f8b", "#2a7ab0", "#ffffff", "#ffff00", "#00ff00", "#ff0000", "#ffcc00",
		"#00bcd4", "#000000", "#777777", "#abc", "not a colour", ""}
	for _, brand := range brands {
		pal := brandPalette(brand)
		colours := map[string]string{"brand": pal.Brand, "brand-ink": pal.Ink, "brand-soft": pal.Soft}
		for k, v := range fixed {
			colours[k] = v
		}
		check := func(fg, bg string) {
			f, err := parseHex(colours[fg])
			if err != nil {
				t.Fatalf("--%s: %v", fg, err)
			}
			b, err := parseHex(colours[bg])
			if err != nil {
				t.Fatalf("--%s: %v", bg, err)
			}
			if c := contrast(f, b); c < minContrast {
				t.Errorf("brand %q: --%s %s on --%s %s: contrast %.2f < 4.5", brand, fg, colours[fg], bg, colours[bg], c)
			}
		}
		for _, fg := range textColours {
			for _, bg := range backgroundColours {
				check(fg, bg)
			}
		}
		for _, p := range inversePairs {
			check(p[0], p[1])
		}
	}
	if fixed["muted"] != pageNumberColour {
		t.Errorf("page numbers are %s, --muted is %s", pageNumberColour, fixed["muted"])
	}
	if fixed["paper"] != paperColour || fixed["tint"] != tintColour {
		t.Errorf("colour.go's paper and tint (%s, %s) differ from the stylesheet's (%s, %s)", paperColour, tintColour, fixed["paper"], fixed["tint"])
	}
}

// Every colour and background in the stylesheet is one of the checked custom
// properties, so that no pair escapes the contrast test.
func TestStylesheetUsesOnlyCheckedColours(t *testing.T) {
	css := stylesheetText(t)
	allowedText := map[string]bool{}
	for _, c := range textColours {
		allowedText[c] = true
	}
	for _, p := range inversePairs {
		allowedText[p[0]] = true
	}
	allowedBg := map[string]bool{}
	for _, c := range backgroundColours {
		allowedBg[c] = true
	}
	for _, p := range inversePairs {
		allowedBg[p[1]] = true
	}
	decl := regexp.MustCompile(`(?m)(?:^|[;{\s])(color|background|background-color)\s*:\s*([^;}]+)`)
	for _, m := range decl.FindAllStringSubmatch(css, -1) {
		prop, val := m[1], strings.TrimSpace(m[2])
		v := regexp.MustCompile(`^var\(--([a-z-]+)\)$`).FindStringSubmatch(val)
		if v == nil {
			t.Errorf("%s: %s is not a checked colour", prop, val)
			continue
		}
		if prop == "color" && !allowedText[v[1]] {
			t.Errorf("color: var(--%s) is not a checked text colour", v[1])
		}
		if prop != "color" && !allowedBg[v[1]] {
			t.Errorf("%s: var(--%s) is not a checked background", prop, v[1])
		}
	}
}

func TestStylesheetBracesBalance(t *testing.T) {
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(stylesheetText(t), "")
	css = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`).ReplaceAllString(css, `""`)
	depth := 0
	for i, r := range css {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				t.Fatalf("unmatched } at byte %d", i)
			}
		}
	}
	if depth != 0 {
		t.Fatalf("%d unclosed {", depth)
	}
}

func TestBrandColourIsDarkenedOnlyWhenItMustBe(t *testing.T) {
	for brand, want := range map[string]string{
		"#7a1f5c": "#7a1f5c", // already dark: unchanged
		"#000000": "#000000",
	} {
		if got := brandPalette(brand).Ink; got != want {
			t.Errorf("brandPalette(%s).Ink = %s, want %s", brand, got, want)
		}
	}
	light := brandPalette("#ffcc00")
	if light.Ink == "#ffcc00" || light.Brand != "#ffcc00" {
		t.Errorf("yellow: ink %s (want darker), brand %s (want unchanged)", light.Ink, light.Brand)
	}
	if got := brandPalette("nonsense").Brand; got != defaultBrand {
		t.Errorf("an unreadable brand gives %s, want the default %s", got, defaultBrand)
	}
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54},
	} {
		a, _ := parseHex(c.a)
		b, _ := parseHex(c.b)
		if got := contrast(a, b); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}
