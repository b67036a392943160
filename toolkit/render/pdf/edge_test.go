package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/presskit/presskit/fonts"
	"github.com/presskit/presskit/toolkit/document"
	"github.com/presskit/presskit/toolkit/render"
)

// withText returns a copy of d whose block b of section s has text appended to its
// body.
func withText(d *document.Doc, s, b int, text string) *document.Doc {
	c := *d
	c.Sections = append([]document.Section(nil), d.Sections...)
	c.Sections[s].Blocks = append([]document.Block(nil), d.Sections[s].Blocks...)
	blk := &c.Sections[s].Blocks[b]
	body := append(document.Rich(nil), blk.Body...)
	last := body[len(body)-1]
	last.Spans = append(append([]document.Span(nil), last.Spans...), document.Span{Text: text})
	body[len(body)-1] = last
	blk.Body = body
	return &c
}

func TestCharactersTheFontsLackAreErrorsNamingItemLanguageAndCharacter(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"emoji", " 😀", "U+1F600 (😀)"},
		{"chinese", " 中文", "U+4E2D (中)"},
		{"arabic", " سلام", "U+0633"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"en", "ru"} {
			t.Run(tt.name+"-"+lang, func(t *testing.T) {
				d := realDoc(t, document.Handout, lang, "a4")
				d = withText(d, 0, 1, tt.text)
				id := d.Sections[0].Blocks[1].ItemID
				var buf bytes.Buffer
				err := Render(&buf, d, Options{Created: created})
				var ge *render.GlyphError
				if !errors.As(err, &ge) {
					t.Fatalf("got %v, want a *render.GlyphError", err)
				}
				msg := err.Error()
				for _, want := range []string{id, "(" + lang + ")", tt.want} {
					if !strings.Contains(msg, want) {
						t.Errorf("error %q does not name %q", msg, want)
					}
				}
				if buf.Len() > 0 {
					t.Errorf("wrote %d bytes despite the error", buf.Len())
				}
			})
		}
	}
}

func TestCharactersInConfigurationAreNamedBySetting(t *testing.T) {
	d := realDoc(t, document.Brief, "en", "a4")
	d.Masthead.Org = "SWAN 🌍"
	err := Render(io.Discard, d, Options{Created: created})
	if err == nil || !strings.Contains(err.Error(), "configuration organisation.name") || !strings.Contains(err.Error(), "U+1F30D") {
		t.Fatalf("got %v", err)
	}
}

func TestSoftHyphensAndZeroWidthCharactersAreNotPrinted(t *testing.T) {
	d := realDoc(t, document.Handout, "en", "a4")
	d = withText(d, 0, 0, " Self\u00adorgan\u00adisation\u200b works\ufeff.")
	b, _ := renderDoc(t, d)
	got := pdftotext(t, b)
	if !strings.Contains(norm(got), "Selforganisation works.") {
		t.Errorf("soft hyphens or invisible characters changed the text: %q", got)
	}
	if strings.ContainsAny(got, "\u00ad\u200b\ufeff") {
		t.Errorf("invisible characters in the PDF text")
	}
}

func TestNoBreakSpacesKeepWordsTogether(t *testing.T) {
	lay, done := testLay(t, "a4", 0)
	defer done()
	w := lay.m.width(lay.body(), "в Будапеште") * 1.5
	lines := lay.breakLines(lay.words(para{runs: []run{{text: "находится\u00a0в Будапеште", st: lay.body()}}, size: lay.mt.body}), w)
	// The preposition stays with the word before it ("Будапеште" may be hyphenated).
	for _, ln := range lines {
		if len(ln) >= 1 && ln[0].frags[0].text == "находится\u00a0в" {
			return
		}
	}
	t.Errorf("no-break space was broken: %d lines", len(lines))
}

// captureStdout runs f and returns what it printed on stdout.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = old }()
	f()
	w.Close()
	out, _ := io.ReadAll(r)
	return string(out)
}

func TestUnusableFontsAreClearErrorsAndPrintNothing(t *testing.T) {
	otto := append([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte{0}, 64)...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"cff", otto, "CFF"},
		{"garbage", []byte("not a font at all"), "not a TrueType font"},
		{"truncated", []byte{0, 1, 0, 0, 0, 9}, "too short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			faces, err := EmbeddedFaces()
			if err != nil {
				t.Fatal(err)
			}
			faces[0].Name, faces[0].Data = "MyFont-Regular.otf", tt.data
			d := realDoc(t, document.Handout, "ru", "a4")
			var buf bytes.Buffer
			var rerr error
			out := captureStdout(t, func() { rerr = Render(&buf, d, Options{Fonts: faces, Created: created}) })
			if rerr == nil || !strings.Contains(rerr.Error(), "MyFont-Regular.otf") || !strings.Contains(rerr.Error(), tt.want) {
				t.Errorf("got %v, want an error naming the font and %q", rerr, tt.want)
			}
			if out != "" {
				t.Errorf("printed on stdout: %q", out)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote output")
			}
		})
	}
}

func TestFacesMayComeFromTheCaller(t *testing.T) {
	faces, err := EmbeddedFaces()
	if err != nil {
		t.Fatal(err)
	}
	// Sans only: serif falls back to sans.
	var sans []Face
	for _, f := range faces {
		if f.Family == fonts.Sans {
			sans = append(sans, f)
		}
	}
	d := realDoc(t, document.Brief, "ru", "a4")
	if err := Render(io.Discard, d, Options{Fonts: sans, Created: created}); err != nil {
		t.Fatal(err)
	}
	if err := Render(io.Discard, d, Options{Fonts: sans[1:], Created: created}); err == nil {
		t.Fatal("no error without a regular sans face")
	}
}

func pngLogo(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0x7a, 0x1f, 0x5c, 0xff}
			if (x/(h/2)+y/(h/2))%2 == 0 {
				c = color.RGBA{0xe8, 0xc8, 0xd8, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLogoIsDrawnAndCorruptLogosAreClearErrors(t *testing.T) {
	d := realDoc(t, document.Brief, "en", "a4")
	d.Masthead.Logo, d.Masthead.LogoType = pngLogo(t, 240, 80), "png"
	b, _ := renderDoc(t, d)
	keep(t, "logo-brief-en-a4.pdf", b)
	if !bytes.Contains(b, []byte("/Subtype /Image")) {
		t.Error("no image in the PDF")
	}

	good := pngLogo(t, 40, 40)
	tests := []struct {
		name string
		logo []byte
		want string
	}{
		{"not an image", []byte("GIF89a nonsense"), "not a PNG or JPEG"},
		{"corrupt png", append(append([]byte(nil), good[:40]...), 0xde, 0xad), "corrupt"},
		{"corrupt jpeg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0}, "corrupt"},
		{"truncated png", good[:len(good)/2], "logo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := realDoc(t, document.Handout, "en", "a4")
			d.Masthead.Logo, d.Masthead.LogoType = tt.logo, "png"
			var buf bytes.Buffer
			var err error
			out := captureStdout(t, func() { err = Render(&buf, d, Options{Created: created}) })
			if err == nil || !strings.Contains(err.Error(), "logo") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a logo error with %q", err, tt.want)
			}
			if buf.Len() > 0 || out != "" {
				t.Errorf("wrote %d bytes, printed %q", buf.Len(), out)
			}
		})
	}
}

// longHandout is a handout of n myths of about 20 and 40 words.
func longHandout(t testing.TB, n int) *document.Doc {
	d := realDoc(t, document.Handout, "en", "a4")
	s := d.Sections[0]
	s.Blocks = nil
	for i := range n {
		s.Blocks = append(s.Blocks, document.Block{Kind: document.BlockMyth, ItemID: fmt.Sprintf("myth-%02d", i+1),
			Head: document.Rich{{Spans: []document.Span{{Text: "Police raids and crackdowns on sex work are the best way to rescue trafficking victims and to stop exploitation everywhere, every time."}}}},
			Body: document.Rich{{Spans: []document.Span{{Text: "Advocates find that anti-trafficking policies focused on law enforcement harm trafficked persons’ rights, and that police and immigration enforcement harm migrants, make workers harder to reach and push them away from the health, legal and social services they need."}}}},
			Refs: []int{1}})
	}
	d.Sections[0] = s
	d.References = d.References[:1]
	return d
}

func TestTooLongHandoutSaysByHowMuchAndWhatToDrop(t *testing.T) {
	d := longHandout(t, 20)
	var buf bytes.Buffer
	err := Render(&buf, d, Options{Created: created})
	var tl *TooLongError
	if !errors.As(err, &tl) {
		t.Fatalf("got %v, want a *TooLongError", err)
	}
	msg := err.Error()
	if !regexp.MustCompile(`^the handout is \d+ mm \(\d+%\) too long for one A4 page in en: drop \d+ myths \(for example with --ids\)`).MatchString(msg) {
		t.Errorf("message %q", msg)
	}
	if tl.Overflow <= 0 || tl.Percent <= 0 || buf.Len() > 0 {
		t.Errorf("overflow %.1f mm %.1f%%, %d bytes written", tl.Overflow, tl.Percent, buf.Len())
	}
	// The suggestion is right: dropping that many myths makes it fit.
	k, _ := strconv.Atoi(regexp.MustCompile(`drop (\d+)`).FindStringSubmatch(msg)[1])
	short := longHandout(t, 20-k)
	var st Stats
	if err := Render(io.Discard, short, Options{Created: created, Stats: &st}); err != nil {
		t.Errorf("after dropping %d myths: %v", k, err)
	}
	if err := Render(io.Discard, longHandout(t, 20-k+1), Options{Created: created}); err == nil {
		t.Errorf("dropping %d myths would have done", k-1)
	}
}

// TestTooLongWithoutSuggestion: with NoSuggest the error still says by how much, the
// same figures, but not what to drop.
func TestTooLongWithoutSuggestion(t *testing.T) {
	var with, without *TooLongError
	if err := Render(io.Discard, longHandout(t, 20), Options{Created: created}); !errors.As(err, &with) {
		t.Fatalf("got %v, want a *TooLongError", err)
	}
	err := Render(io.Discard, longHandout(t, 20), Options{Created: created, NoSuggest: true})
	if !errors.As(err, &without) {
		t.Fatalf("got %v, want a *TooLongError", err)
	}
	if without.Suggest != "" || with.Suggest == "" {
		t.Errorf("suggestions %q with NoSuggest, %q without", without.Suggest, with.Suggest)
	}
	if without.Overflow != with.Overflow || without.Percent != with.Percent {
		t.Errorf("overflow %.2f mm %.2f%% with NoSuggest, %.2f mm %.2f%% without", without.Overflow, without.Percent, with.Overflow, with.Percent)
	}
	if msg := err.Error(); !regexp.MustCompile(`^the handout is \d+ mm \(\d+%\) too long for one A4 page in en$`).MatchString(msg) {
		t.Errorf("message %q", msg)
	}
}

// TestProbeLaysOutTheLastStepFirst: without suggestions, a document too long even at
// the last step is found so in one layout; every document that fits is set at the same
// step, in the same bytes, as with suggestions.
func TestProbeLaysOutTheLastStepFirst(t *testing.T) {
	l, done := testLay(t, "a4", 0)
	defer done()
	l.d, l.noSuggest = longHandout(t, 20), true
	pw, ph := l.m.pdf.GetPageSize()
	if _, err := l.fit(pw, ph, 1, 0, false); err == nil {
		t.Fatal("a handout of 20 myths fits")
	}
	if l.plans != 1 {
		t.Errorf("%d layouts to find that it does not fit, want 1", l.plans)
	}
	for _, k := range kinds {
		for _, lang := range []string{"en", "ru"} {
			d := realDoc(t, k.kind, lang, "a4")
			var a, b bytes.Buffer
			var sa, sb Stats
			errA := Render(&a, d, Options{Created: created, Stats: &sa, Back: true})
			errB := Render(&b, d, Options{Created: created, Stats: &sb, Back: true, NoSuggest: true})
			if errA != nil {
				t.Fatalf("%s %s: %v", k.kind, lang, errA)
			}
			if errB != nil || sa != sb || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s %s: %v %+v, %d bytes; with NoSuggest %v %+v, %d bytes", k.kind, lang, errA, sa, a.Len(), errB, sb, b.Len())
			}
		}
	}
}

func TestSameDateGivesSameBytes(t *testing.T) {
	for _, k := range kinds {
		d := realDoc(t, k.kind, "ru", "letter")
		a, _ := renderDoc(t, d)
		b, _ := renderDoc(t, d)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", k.kind)
		}
		var c bytes.Buffer
		if err := Render(&c, d, Options{Created: created.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a, c.Bytes()) {
			t.Errorf("%s: the date is not in the output", k.kind)
		}
	}
}

func TestMetadataLanguageLinksAndSubsetFonts(t *testing.T) {
	d := realDoc(t, document.Brief, "ru", "a4")
	b, _ := renderDoc(t, d)
	for _, want := range []string{"/Lang (ru)", "/URI (https://", "/Dest [", "/FontFile2", "/CreationDate (D:20261127100000"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed")
	}
	f := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(f, b, 0o644)
	out, err := exec.Command(bin, "-enc", "UTF-8", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	info := regexp.MustCompile(`:\s+`).ReplaceAllString(string(out), ": ")
	for _, want := range []string{"Title: " + d.Meta.Title, "Author: " + d.Meta.Author,
		"Subject: " + d.Meta.Subject, "Keywords: " + strings.Join(d.Meta.Keywords, ", "), "Pages: 2"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
var bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)

func TestNothingPassesTheMargins(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	minMargin := 72 / 25.4 * (steps[len(steps)-1].margin - 0.5) // points
	for _, k := range kinds {
		for _, lang := range []string{"en", "ru"} {
			for _, paper := range []string{"a4", "letter"} {
				d := realDoc(t, k.kind, lang, paper)
				b, _ := renderDoc(t, d)
				f := filepath.Join(t.TempDir(), "d.pdf")
				os.WriteFile(f, b, 0o644)
				out, err := exec.Command(bin, "-bbox", f, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				pg := bboxPage.FindStringSubmatch(string(out))
				pw, _ := strconv.ParseFloat(pg[1], 64)
				ph, _ := strconv.ParseFloat(pg[2], 64)
				for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
					var v [4]float64
					for i := range v {
						v[i], _ = strconv.ParseFloat(m[i+1], 64)
					}
					if v[0] < minMargin || v[1] < minMargin || v[2] > pw-minMargin || v[3] > ph-minMargin {
						t.Errorf("%s %s %s: %q at %.0f,%.0f–%.0f,%.0f pt is past the margins", k.kind, lang, paper, m[5], v[0], v[1], v[2], v[3])
					}
				}
			}
		}
	}
}

func TestQpdfFindsNoProblems(t *testing.T) {
	bin, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed")
	}
	for _, k := range kinds {
		d := realDoc(t, k.kind, "ru", "a4")
		d.Masthead.Logo = pngLogo(t, 120, 40)
		b, _ := renderDoc(t, d)
		f := filepath.Join(t.TempDir(), "d.pdf")
		os.WriteFile(f, b, 0o644)
		if out, err := exec.Command(bin, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", k.kind, err, out)
		}
	}
}

func TestEmbargoAndMissingOrganisationStillLookFinished(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		d := realDoc(t, document.Brief, lang, "letter")
		d.Masthead = document.Masthead{}
		d.Contacts = nil
		d.Embargo = strings.ReplaceAll(loc(t, lang).String("embargo"), "{datetime}", d.DateText+", 09:00 CET")
		b, st := renderDoc(t, d)
		keep(t, "embargo-noorg-"+lang+".pdf", b)
		got := norm(pdftotext(t, b))
		if !strings.Contains(got, norm(d.Embargo)) {
			t.Errorf("no embargo %q", d.Embargo)
		}
		for _, bad := range []string{"Email", "Эл. почта", "Phone", "Телефон", " · · "} {
			if strings.Contains(got, bad) {
				t.Errorf("empty contact label %q in the output", bad)
			}
		}
		if st.Pages > 2 {
			t.Errorf("%d pages", st.Pages)
		}
	}
}

func TestRendererOwnCharactersAreInTheFonts(t *testing.T) {
	cov, err := fonts.Coverage("NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "•“—·…\u00a0\u2002\u2003[],.:0123456789" {
		if !cov[r] {
			t.Errorf("the renderer draws %s, which the fonts lack", render.RuneName(r))
		}
	}
}

func TestLinksAndStylesInsideTextAreDrawn(t *testing.T) {
	d := realDoc(t, document.Handout, "en", "a4")
	d.Intro = document.ParseRich("See **the NSWP briefing** and *Words Matter* at [picum.org](https://picum.org/words-matter/) for more.", loc(t, "en").Typography())
	b, _ := renderDoc(t, d)
	if !bytes.Contains(b, []byte("/URI (https://picum.org/words-matter/)")) {
		t.Error("the link in the introduction is not clickable")
	}
	if got := norm(pdftotext(t, b)); !strings.Contains(got, "See the NSWP briefing and Words Matter at picum.org for more.") {
		t.Errorf("styled text did not come back: %q", got)
	}
}
