package e2e

import (
	"bytes"
	"image"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// kitEpoch is before the example release's embargo (3 December 2026).
const kitEpoch, kitEpochISO = "1795772800", "2026-11-27T09:46:40Z"

// TestExampleKitIsWholeAndReadable builds examples/press-kit twice and reads what it
// made: the release, spokespeople page, plain text, cards and index in both languages;
// each PDF through qpdf, pdfcpu, pdfinfo, pdffonts and pdftotext; each card as a PNG of
// its size with its alt text; and the second build the same bytes as the first.
func TestExampleKitIsWholeAndReadable(t *testing.T) {
	t.Parallel()
	tools := map[string]string{}
	for _, name := range []string{"qpdf", "pdfinfo", "pdftotext", "pdffonts"} {
		tools[name] = tool(t, name)
	}
	src := filepath.Join(repoRoot, "examples", "press-kit")
	runs := []string{t.TempDir(), t.TempDir()}
	for i, out := range runs {
		env := map[string]string{"SOURCE_DATE_EPOCH": kitEpoch, "TZ": []string{"UTC", "Asia/Tokyo"}[i]}
		mustRun(t, invocation{args: []string{"build", "kits/press-kit.yaml", "-o", out}, dir: src, env: env, timeout: 3 * 60e9})
	}
	out := runs[0]
	for _, name := range []string{"index.html", "press-kit.zip", "release-en.pdf", "release-ru.html", "release-ru.txt", "release-en.md",
		"people-en.pdf", "people-ru.pdf", "people-ru.txt", "brief-ru.md", "handout-en.txt", "cards-en.html", "cards-ru.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("no %s", name)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	iRelease, iBrief := bytes.Index(index, []byte("release-en.pdf")), bytes.Index(index, []byte("brief-en.pdf"))
	if iRelease < 0 || iBrief < 0 || iRelease > iBrief || !bytes.Contains(index, []byte(`href="press-kit.zip"`)) ||
		!bytes.Contains(index, []byte("cards-en.html")) || !bytes.Contains(index, []byte("people-ru.pdf")) {
		t.Errorf("index.html does not list the release first, the people page, the cards and the zip")
	}
	if !bytes.Contains(index, []byte(`id="cards"`)) || !bytes.Contains(index, []byte(`src="cards/`)) || !bytes.Contains(index, []byte("Alt text:")) {
		t.Errorf("index.html has no card gallery with alt text")
	}

	want := map[string][]string{
		"release-en.pdf": {"EMBARGOED UNTIL 3 December 2026, 09:00 EST", "TORONTO, 3 December 2026 —", "About Harbourfront Migrant Workers Collective", "###",
			"Dana Kovalenko, Outreach coordinator", "A migrant sex worker in Toronto"},
		"release-ru.pdf": {"ЭМБАРГО ДО 3 декабря 2026 г., 09:00 EST", "ТОРОНТО, 3 декабря 2026 г. —", "Контакты для СМИ", "###"},
		"people-en.pdf":  {"Who can speak to you", "Dana Kovalenko", "Pronouns: she/her", "Speaks anonymously"},
		"people-ru.pdf":  {"С кем можно поговорить", "Секс-работница-мигрантка из Торонто", "Языки: русский, английский"},
	}
	for name, strs := range want {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(out, name)
			if b, err := exec.Command(tools["qpdf"], "--check", p).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, b)
			}
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationRelaxed
			if err := api.ValidateFile(p, conf); err != nil {
				t.Errorf("pdfcpu validate: %v", err)
			}
			info := pdfInfo(t, tools["pdfinfo"], p)
			if info["CreationDate"] != kitEpochISO || info["Author"] != "Harbourfront Migrant Workers Collective" || info["Title"] == "" {
				t.Errorf("pdfinfo: %v", info)
			}
			if fonts, err := exec.Command(tools["pdffonts"], p).Output(); err == nil {
				checkFonts(t, string(fonts))
			}
			raw, err := exec.Command(tools["pdftotext"], "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			norm := normalizeText(string(raw))
			for _, w := range strs {
				if !strings.Contains(norm, normalizeText(w)) {
					t.Errorf("pdftotext lacks %q:\n%s", w, tail(norm))
				}
			}
			if strings.Contains(name, "people") && strings.Contains(norm, "peer-organiser") {
				t.Error("the anonymous person's id is printed")
			}
		})
	}

	cards, _ := filepath.Glob(filepath.Join(out, "cards", "*.png"))
	if len(cards) < 40 {
		t.Fatalf("only %d cards", len(cards))
	}
	for _, c := range cards {
		b, _ := os.ReadFile(c)
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(c), err)
			continue
		}
		wantW, wantH := 1080, 1080
		if strings.HasSuffix(c, "-landscape.png") {
			wantW, wantH = 1200, 675
		}
		if cfg.Width != wantW || cfg.Height != wantH {
			t.Errorf("%s is %dx%d", filepath.Base(c), cfg.Width, cfg.Height)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", filepath.Base(c), err)
		}
		alt, err := os.ReadFile(strings.TrimSuffix(c, ".png") + ".alt.txt")
		if err != nil || len(bytes.TrimSpace(alt)) < 20 {
			t.Errorf("%s: no alt text", filepath.Base(c))
		}
	}

	for _, d := range diffSnapshots(snapshot(t, runs[0]), snapshot(t, runs[1])) {
		t.Errorf("second build with SOURCE_DATE_EPOCH=%s, TZ=Asia/Tokyo: %s", kitEpoch, d)
	}
}

// TestKitBadInput: each mistake is one clear message, a failing exit, and no files.
func TestKitBadInput(t *testing.T) {
	t.Parallel()
	good := func(dir string) {
		copyTree(t, filepath.Join(repoRoot, "examples", "press-kit"), dir, map[string]bool{"out": true})
	}
	notImage := func(dir string) { os.WriteFile(filepath.Join(dir, "photo.png"), []byte("not a picture"), 0o644) }
	realPNG := func(dir string) {
		var b bytes.Buffer
		png.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 40)))
		os.WriteFile(filepath.Join(dir, "photo.png"), b.Bytes(), 0o644)
	}
	edit := func(file, from, to string) func(string) {
		return func(dir string) {
			p := filepath.Join(dir, file)
			b, err := os.ReadFile(p)
			if err != nil || !bytes.Contains(b, []byte(from)) {
				t.Fatalf("%s has no %q", file, from)
			}
			os.WriteFile(p, bytes.Replace(b, []byte(from), []byte(to), 1), 0o644)
		}
	}
	cases := []struct {
		name  string
		setup []func(string)
		args  []string
		want  string
	}{
		{"release without headline", []func(string){edit("releases/launch.en.md", "headline: Toronto group", "subject: Toronto group")},
			[]string{"release", "releases/launch.en.md"}, "releases/launch.en.md:1:1: the release has no headline"},
		{"embargo in the past", []func(string){edit("releases/launch.ru.md", "embargo: 2026-12-03", "embargo: 2025-12-03")},
			[]string{"build", "kits/press-kit.yaml"}, "releases/launch.ru.md:7:10: the embargo 2025-12-03 09:00 -05:00 has already passed"},
		{"unknown quote id", []func(string){edit("releases/launch.en.md", "- id: swan-not-the-same-as-trafficking", "- id: swan-not-the-same")},
			[]string{"release", "releases/launch.en.md"}, `releases/launch.en.md:14:9: unknown quote id "swan-not-the-same"`},
		{"photo not an image", []func(string){notImage, edit("presskit.yaml", "    consent: public\n", "    consent: public\n    photo: photo.png\n")},
			[]string{"build", "kits/press-kit.yaml"}, "presskit: presskit.yaml:38:12: dana: photo photo.png is not a PNG or JPEG image"},
		{"anonymous with a photo", []func(string){realPNG, edit("presskit.yaml", "    languages: [ru, en]\n", "    languages: [ru, en]\n    photo: photo.png\n")},
			[]string{"build", "kits/press-kit.yaml"}, "peer-organiser: consent is anonymous, so no photo may be printed"},
		{"card text too long, strict", []func(string){edit("kits/press-kit.yaml", "  - type: cards\n", "  - type: cards\n    ids: [too-long]\n    strict: true\n"),
			func(dir string) {
				os.MkdirAll(filepath.Join(dir, "library"), 0o755)
				long := strings.Repeat("A fact that keeps on going past anything a card can hold. ", 25)
				os.WriteFile(filepath.Join(dir, "library", "long.yaml"), []byte("myths:\n  - id: too-long\n    sources: [framework-shifts]\n    claim: report\n    evidence: [{source: framework-shifts, passage: developed by advocates in Toronto}]\n    en: {myth: M, fact: \""+long+"\"}\n    ru: {myth: М, fact: Ф}\n"), 0o644)
			}, edit("presskit.yaml", "output: out\n", "output: out\nlibrary: [library]\n")},
			[]string{"build", "kits/press-kit.yaml"}, "card too-long [en] square 1080×1080: the text is"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			good(dir)
			for _, f := range tc.setup {
				f(dir)
			}
			before := snapshot(t, dir)
			res := runPresskit(t, invocation{args: append(tc.args, "-o", "out"), dir: dir, env: map[string]string{"SOURCE_DATE_EPOCH": kitEpoch}})
			if res.code == 0 {
				t.Fatalf("exit 0; stderr:\n%s", res.stderr)
			}
			if !strings.Contains(res.stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, res.stderr)
			}
			if stackTrace.MatchString(res.stderr) {
				t.Errorf("stack trace or Go position in the message:\n%s", res.stderr)
			}
			if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
				t.Errorf("files changed: %v", d)
			}
		})
	}
	t.Run("too long card skipped with a warning", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		good(dir)
		os.MkdirAll(filepath.Join(dir, "library"), 0o755)
		long := strings.Repeat("A fact that keeps on going past anything a card can hold. ", 25)
		os.WriteFile(filepath.Join(dir, "library", "long.yaml"), []byte("myths:\n  - id: too-long\n    sources: [framework-shifts]\n    claim: report\n    evidence: [{source: framework-shifts, passage: developed by advocates in Toronto}]\n    en: {myth: M, fact: \""+long+"\"}\n    ru: {myth: М, fact: Ф}\n"), 0o644)
		edit("presskit.yaml", "output: out\n", "output: out\nlibrary: [library]\n")(dir)
		res := mustRun(t, invocation{args: []string{"cards", "--ids", "too-long,myth-average-age-13", "-o", "out"}, dir: dir, env: map[string]string{"SOURCE_DATE_EPOCH": kitEpoch}})
		if !strings.Contains(res.stderr, "warning: card too-long [en] square") || !strings.Contains(res.stderr, "left out") {
			t.Errorf("no warning:\n%s", res.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "out", "cards", "too-long-en-square.png")); err == nil {
			t.Error("the card that does not fit was written")
		}
		if _, err := os.Stat(filepath.Join(dir, "out", "cards", "too-long-ru-square.png")); err != nil {
			t.Error("the Russian card, which fits, was not written")
		}
	})
	t.Run("serve on a port in use", func(t *testing.T) {
		t.Parallel()
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		port := ln.Addr().(*net.TCPAddr).Port
		dir := t.TempDir()
		good(dir)
		res := runPresskit(t, invocation{args: []string{"serve", "--port", strconv.Itoa(port)}, dir: dir})
		if res.code != 1 || !strings.Contains(res.stderr, "is already in use by another program") || !strings.Contains(res.stderr, "--port") {
			t.Errorf("exit %d:\n%s", res.code, res.stderr)
		}
	})
}
