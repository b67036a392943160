package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// epoch is the SOURCE_DATE_EPOCH of the reader tests: 18 November 2026, UTC.
const epoch, epochISO = "1795000000", "2026-11-18T11:06:40Z"

// orgName is the organisation in the test workspace; it must be the PDFs' author.
const orgName = "Butterfly Test Network"

// expected says what the text of a document must hold, by document kind and language.
// Strings come from the embedded library and the interface strings.
var expected = map[string]map[string][]string{
	"handout": {
		"en": {"Myths and facts about migrant sex work", "Migrant sex workers are all trafficked.", "18 November 2026"},
		"ru": {"Мифы и факты о секс-работе мигрантов", "Все мигранты и мигрантки в секс-работе — жертвы торговли людьми.", "18 ноября 2026 г."},
	},
	"brief": {
		"en": {"Migrant sex work is not the same as human trafficking", "Labour rights counter exploitation better than policing", "18 November 2026"},
		"ru": {"Секс-работа мигрантов — не то же самое, что торговля людьми", "Трудовые права защищают от эксплуатации надёжнее, чем полиция", "18 ноября 2026 г."},
	},
	"prep": {
		// The prep sheet sets its middle in two columns, which pdftotext interleaves:
		// only strings that stand on a line of their own are asked for.
		"en": {"Interview prep sheet", "Migrant sex workers are workers.", "Supporting points", "Tough questions"},
		"ru": {"Подготовка к интервью", "Мигранты и мигрантки в секс-работе — такие же работники.", "Опорные тезисы", "Неудобные вопросы"},
	},
}

// kitExpected adds what the example kit's documents hold: its embargo banner.
var kitExpected = map[string][]string{
	"en": {"EMBARGOED UNTIL 3 December 2026, 09:00 CET"},
	"ru": {"ЭМБАРГО ДО 3 декабря 2026 г., 09:00 CET"},
}

// pageRange is how many pages each kind of document may have.
var pageRange = map[string][2]int{"handout": {1, 1}, "prep": {1, 1}, "brief": {1, 2}}

// pdfName reads "brief-ru.pdf" as kind and language.
var pdfName = regexp.MustCompile(`^(handout|brief|prep)-([a-z]{2,3})\.pdf$`)

// TestPDFsPassReaders makes every document in both languages on both papers, and the
// example kit, twice with SOURCE_DATE_EPOCH set; then checks each PDF with qpdf, pdfcpu,
// pdfinfo, pdffonts and pdftotext, and that both runs wrote the same bytes.
func TestPDFsPassReaders(t *testing.T) {
	t.Parallel()
	tools := map[string]string{}
	for _, name := range []string{"qpdf", "pdfinfo", "pdftotext", "pdffonts"} {
		tools[name] = tool(t, name)
	}
	work := t.TempDir()
	writeWorkspace(t, work)
	runs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	kitFile := filepath.Join(repoRoot, "examples", "kits", "migrant-sex-work-framing.yaml")

	t.Run("make", func(t *testing.T) {
		for i, run := range runs {
			// The second run is in another time zone: the bytes may depend on neither.
			env := map[string]string{"SOURCE_DATE_EPOCH": epoch, "TZ": []string{"UTC", "Asia/Tokyo"}[i]}
			for _, paper := range []string{"a4", "letter"} {
				for _, kind := range []string{"handout", "brief", "prep"} {
					args := []string{kind, "--lang", "en,ru", "--format", "pdf,html", "--paper", paper, "-o", filepath.Join(run, paper)}
					t.Run(filepath.Base(run)+"/"+kind+"-"+paper, func(t *testing.T) {
						t.Parallel()
						mustRun(t, invocation{args: args, dir: work, env: env})
					})
				}
			}
			args := []string{"build", kitFile, "-o", filepath.Join(run, "kit")}
			t.Run(filepath.Base(run)+"/kit", func(t *testing.T) {
				t.Parallel()
				mustRun(t, invocation{args: args, dir: work, env: env})
			})
		}
	})
	// A document that failed to build is already an error; still read every PDF made.
	pdfs, _ := filepath.Glob(filepath.Join(runs[0], "*", "*.pdf"))
	if want := 2*2*3 + 2*3; len(pdfs) != want {
		t.Errorf("%d PDFs made, want %d: %v", len(pdfs), want, pdfs)
	}
	t.Run("read", func(t *testing.T) {
		for _, p := range pdfs {
			rel, _ := filepath.Rel(runs[0], p)
			t.Run(filepath.ToSlash(rel), func(t *testing.T) {
				t.Parallel()
				checkPDF(t, tools, p, filepath.Base(filepath.Dir(p)) == "kit")
			})
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		a, b := snapshot(t, runs[0]), snapshot(t, runs[1])
		if len(a) == 0 {
			t.Fatal("no files made")
		}
		for _, d := range diffSnapshots(a, b) {
			t.Errorf("second run with SOURCE_DATE_EPOCH=%s: %s", epoch, d)
		}
		var html int
		for p := range a {
			if strings.HasSuffix(p, ".html") {
				html++
			}
		}
		if html < 2*2*3+2*3 {
			t.Errorf("only %d HTML files made", html)
		}
	})
}

// writeWorkspace writes presskit.yaml with an organisation and a logo into dir.
func writeWorkspace(t *testing.T, dir string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 240, 80))
	for y := 0; y < 80; y++ {
		for x := 0; x < 240; x++ {
			img.Set(x, y, color.RGBA{0x7a, 0x1f, 0x5c, uint8(255 * ((x / 20) % 2))})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "organisation:\n  name: " + orgName + "\n  url: https://example.org\n  press_url: https://example.org/press/2026-12\n  email: media@example.org\n  logo: logo.png\n" +
		"contacts:\n  - name: A. Spokesperson\n    role: Media relations\n    email: media@example.org\n    phone: \"+1 416 555 0100\"\n"
	if err := os.WriteFile(filepath.Join(dir, "presskit.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkPDF(t *testing.T, tools map[string]string, path string, inKit bool) {
	m := pdfName.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		t.Fatalf("unexpected PDF name %s", filepath.Base(path))
	}
	kind, lang := m[1], m[2]

	if out, err := exec.Command(tools["qpdf"], "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}

	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	if err := api.ValidateFile(path, conf); err != nil {
		t.Errorf("pdfcpu validate (relaxed): %v", err)
	}

	info := pdfInfo(t, tools["pdfinfo"], path)
	for _, k := range []string{"CreationDate", "ModDate"} {
		if info[k] != epochISO {
			t.Errorf("%s %q, want %s from SOURCE_DATE_EPOCH", k, info[k], epochISO)
		}
	}
	pages, _ := strconv.Atoi(info["Pages"])
	r := pageRange[kind]
	if inKit && kind == "handout" {
		// A kit's chosen myths may need the back of the sheet for the sources.
		r[1] = 2
	}
	if pages < r[0] || pages > r[1] {
		t.Errorf("%d pages, want %d to %d", pages, r[0], r[1])
	}
	if info["Author"] != orgName {
		t.Errorf("Author %q, want the organisation %q", info["Author"], orgName)
	}
	title := info["Title"]
	switch {
	case title == "":
		t.Errorf("no Title in the metadata")
	case lang == "ru" && !hasCyrillic(title):
		t.Errorf("Title %q of a Russian document has no Russian", title)
	case lang == "en" && hasCyrillic(title):
		t.Errorf("Title %q of an English document is in Russian", title)
	}
	for _, k := range []string{"Subject", "Keywords"} {
		if info[k] == "" {
			t.Errorf("no %s in the metadata", k)
		}
	}
	if l, ok := info["Lang"]; ok && !strings.HasPrefix(l, lang) {
		t.Errorf("pdfinfo Lang %q, want %s", l, lang)
	}
	if got := catalogLang(t, path); !strings.HasPrefix(strings.ToLower(got), lang) {
		t.Errorf("catalog /Lang %q, want %q", got, lang)
	}

	if out, err := exec.Command(tools["pdffonts"], path).Output(); err != nil {
		t.Errorf("pdffonts: %v", err)
	} else {
		checkFonts(t, string(out))
	}

	raw, err := exec.Command(tools["pdftotext"], "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(raw)
	for _, r := range text {
		if r == unicode.ReplacementChar || r == '\u25a1' || r == '\u25af' || (r >= '\ue000' && r <= '\uf8ff') ||
			(unicode.IsControl(r) && r != '\n' && r != '\f' && r != '\t' && r != '\r') {
			t.Errorf("pdftotext gives back %U (%q): a glyph without text or a missing one", r, r)
			break
		}
	}
	norm := normalizeText(text)
	want := append([]string{orgName, normalizeText(title)}, expected[kind][lang]...)
	if inKit {
		want = append(want, kitExpected[lang]...)
	}
	for _, w := range want {
		if !strings.Contains(norm, normalizeText(w)) {
			t.Errorf("pdftotext does not give back %q; text:\n%s", w, tail(norm))
		}
	}
}

// pdfInfo runs pdfinfo and returns its fields.
func pdfInfo(t *testing.T, pdfinfo, path string) map[string]string {
	t.Helper()
	out, err := exec.Command(pdfinfo, "-enc", "UTF-8", "-isodates", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// catalogLang reads the document catalog's /Lang entry (pdfinfo does not show it).
func catalogLang(t *testing.T, path string) string {
	t.Helper()
	ctx, err := api.ReadContextFile(path)
	if err != nil {
		t.Errorf("pdfcpu read: %v", err)
		return ""
	}
	cat, err := ctx.XRefTable.Catalog()
	if err != nil {
		t.Errorf("pdfcpu catalog: %v", err)
		return ""
	}
	obj, ok := cat.Find("Lang")
	if !ok {
		return ""
	}
	s, err := ctx.XRefTable.DereferenceStringOrHexLiteral(obj, model.V10, nil)
	if err != nil {
		return fmt.Sprint(obj)
	}
	return s
}

// checkFonts wants every font in the pdffonts table embedded, named as a subset, with a
// ToUnicode map.
func checkFonts(t *testing.T, table string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 3 {
		t.Errorf("pdffonts lists no font:\n%s", table)
		return
	}
	// The columns: name, type, encoding, emb, sub, uni, object ID; name and type may hold
	// spaces, so read the flags from the right.
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			continue
		}
		emb, sub, uni := f[len(f)-5], f[len(f)-4], f[len(f)-3]
		if emb != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		// Subset fonts carry the ABCDEF+ name tag that marks a subset (PDF 32000 9.6.4;
		// patched into the fpdf fork).
		if sub != "yes" {
			t.Errorf("font subset without a subset tag (sub %s): %s", sub, strings.Join(strings.Fields(l), " "))
		}
		if uni != "yes" {
			t.Errorf("font without a ToUnicode map, so its text cannot be copied: %s", l)
		}
	}
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
