package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipFile builds a zip archive holding the given members.
func zipFile(t *testing.T, members map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range members {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const docxXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Мнение</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Полиция снова задержала </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>нелегалов</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>Проститутки — проблема района.</w:t></w:r></w:p>
</w:body></w:document>`

const odtXML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Op-ed</text:h>
<text:p>Police<text:s/>rounded up <text:span>illegals</text:span> again.</text:p>
</office:text></office:body></office:document-content>`

func checkWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	// The documents are English only: Russian drafts must be checked all the same.
	writeFiles(t, dir, map[string]string{"presskit.yaml": "lang: [en]\n"})
	return dir
}

func TestCheckRussianDraftInEnglishWorkspace(t *testing.T) {
	dir := checkWorkspace(t)
	writeFiles(t, dir, map[string]string{"oped-ru.md": "Полиция задержала проституток.\n\nTonight police rounded up illegals / Сегодня задержали нелегалов.\n"})
	code, out, errs := runCmd(t, dir, nil, "check", filepath.Join(dir, "oped-ru.md"))
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{":1:19: error prostitute: «проституток» → say: секс-работников, секс-работниц",
		":3:27: error illegals: “illegals”", ":3:56: error illegals: «нелегалов» → say: людей без документов"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "3 findings in 1 file (3 errors)") {
		t.Errorf("summary: %q", errs)
	}
	// The documents' language from the environment does not narrow the check either.
	if code, out, _ := runCmd(t, dir, map[string]string{"PRESSKIT_LANG": "en"}, "check", "-q", filepath.Join(dir, "oped-ru.md")); code != 1 || strings.Count(out, "\n") != 3 {
		t.Errorf("PRESSKIT_LANG=en: exit %d\n%s", code, out)
	}
	// --lang narrows it, and says so.
	code, out, errs = runCmd(t, dir, nil, "check", "--lang", "en", filepath.Join(dir, "oped-ru.md"))
	if code != 1 || strings.Contains(out, "«") || !strings.Contains(errs, "--lang en: words in ru are not checked") {
		t.Errorf("--lang en: exit %d\n%s%s", code, out, errs)
	}
}

func TestCheckManyInputs(t *testing.T) {
	dir := checkWorkspace(t)
	writeFiles(t, dir, map[string]string{
		"drafts/a.md":           "Police rescued 11 women in a raid.\n",
		"drafts/sub/b.txt":      "Officials say the spa employed illegal aliens.\n",
		"drafts/sub/c.html":     "<html><head><title>prostitutes</title></head><body>\n<p class=\"prostitutes\">Clean &amp; <b>illegal immigrants</b>\nand more</p>\n<blockquote>Prostitutes, he said.</blockquote>\n</body></html>\n",
		"drafts/.hidden/d.md":   "prostitutes\n",
		"drafts/notes.json":     "prostitutes\n",
		"empty/readme.pdf.keep": "x",
	})
	os.WriteFile(filepath.Join(dir, "drafts", "e.docx"), zipFile(t, map[string]string{"word/document.xml": docxXML}), 0o644)
	os.WriteFile(filepath.Join(dir, "drafts", "f.odt"), zipFile(t, map[string]string{"content.xml": odtXML}), 0o644)

	code, out, errs := runCmd(t, dir, nil, "check", "--mentions", filepath.Join(dir, "drafts"), filepath.Join(dir, "missing.md"), filepath.Join(dir, "empty"))
	if code != 2 {
		t.Fatalf("exit %d, want 2 for the missing file\n%s%s", code, out, errs)
	}
	rel := func(p string) string { return filepath.Join(dir, "drafts", p) }
	for _, want := range []string{
		rel("a.md") + ":1:8: note rescue: “rescued”",
		rel("sub/b.txt") + ":1:32: error illegal-immigrant: “illegal aliens”",
		rel("sub/c.html") + ":2:39: error illegal-immigrant: “illegal immigrants”",
		rel("sub/c.html") + ":4:13: mention prostitute: “Prostitutes”",
		rel("e.docx") + ":2:25: error illegals: «нелегалов»",
		rel("e.docx") + ":3:1: mention prostitute: «Проститутки»",
		rel("f.odt") + ":2:19: error illegals: “illegals”",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, not := range []string{".hidden", "notes.json", "title", "class"} {
		if strings.Contains(out, not) {
			t.Errorf("output mentions %q:\n%s", not, out)
		}
	}
	for _, want := range []string{"missing.md: no such file or directory", "empty: no drafts in this folder"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %s", want, errs)
		}
	}
	// JSON goes on past the missing file too.
	code, out, _ = runCmd(t, dir, nil, "check", "--format", "json", filepath.Join(dir, "missing.md"), rel("a.md"))
	var rep struct {
		Version  int
		Findings []struct {
			Rule, Severity string
			Mention        bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 2 || rep.Version != 2 || len(rep.Findings) != 1 || rep.Findings[0].Severity != "context" {
		t.Fatalf("json: exit %d, %v, %+v", code, err, rep)
	}
}

func TestCheckStandardInputAndMentions(t *testing.T) {
	dir := checkWorkspace(t)
	run := func(stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(stdin), Out: &out, Err: &errb,
			Getenv: func(string) string { return "" }, LookupEnv: func(string) (string, bool) { return "", false },
			WorkDir: dir, UserConfDir: filepath.Join(dir, ".config")}
		return run(args, s), out.String(), errb.String()
	}
	quoted := "\"We rescued eleven young women tonight,\" the inspector told reporters.\n> Police rescued 11 women.\n"
	code, out, errs := run(quoted, "check", "-")
	if code != 0 || out != "" || !strings.Contains(errs, "2 mentions not shown (--mentions shows them)") {
		t.Fatalf("mentions only: exit %d, %q, %q", code, out, errs)
	}
	code, out, _ = run(quoted, "check", "-", "--mentions", "--format", "json")
	if code != 0 || strings.Count(out, `"mention": true`) != 2 {
		t.Fatalf("--mentions json: exit %d\n%s", code, out)
	}
	// Scare quotes are the writer's own use.
	code, out, _ = run("В городе снова стало больше «нелегалов».\n", "check", "-", "-q")
	if code != 1 || out != "<stdin>:1:30: error illegals: «нелегалов» → say: людей без документов, мигрантов с неурегулированным статусом\n" {
		t.Fatalf("scare quotes: exit %d, %q", code, out)
	}
	// Severity: rescue is context, below consider.
	code, out, _ = run("Police rescued 11 women in a raid.\n", "check", "-", "--min-severity", "consider")
	if code != 0 || out != "" {
		t.Fatalf("--min-severity: exit %d, %q", code, out)
	}
	if code, _, errs := run("x", "check", "-", "--min-severity", "high"); code != 2 || !strings.Contains(errs, "use avoid, consider or context") {
		t.Fatalf("bad --min-severity: exit %d, %q", code, errs)
	}
}

func TestCheckIgnoreComments(t *testing.T) {
	dir := checkWorkspace(t)
	writeFiles(t, dir, map[string]string{"a.md": strings.Join([]string{
		"Police detained illegals. <!-- presskit-ignore -->",
		"<!-- presskit-ignore illegals -->",
		"Illegals and prostitutes.",
		"<!-- presskit-ignore-start -->",
		"Prostitutes.",
		"Illegals.",
		"<!-- presskit-ignore-end -->",
		"Prostitutes again.",
	}, "\n")})
	code, out, _ := runCmd(t, dir, nil, "check", "-q", filepath.Join(dir, "a.md"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[0], ":3:14: error prostitute") || !strings.Contains(lines[1], ":8:1: error prostitute") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestCheckOutputFormats(t *testing.T) {
	dir := checkWorkspace(t)
	writeFiles(t, dir, map[string]string{"a.md": "Police rescued 11 women in a raid.\n"})
	a := filepath.Join(dir, "a.md")
	_, out, _ := runCmd(t, dir, nil, "check", "--format", "github", a)
	if !strings.HasPrefix(out, "::notice file="+a+",line=1,col=8,endColumn=15,title=presskit rescue::“rescued”") {
		t.Errorf("github: %q", out)
	}
	_, out, _ = runCmd(t, dir, nil, "check", "--format", "sarif", a)
	var sarif struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Results    []struct{ RuleID, Level string }
		}
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 ||
		len(sarif.Runs[0].Results) != 1 || sarif.Runs[0].Results[0].Level != "note" {
		t.Errorf("sarif: %v %+v", err, sarif)
	}
	if code, _, errs := runCmd(t, dir, nil, "check", "--format", "xml", a); code != 2 || !strings.Contains(errs, `--format "xml": use text, json, github, sarif`) {
		t.Errorf("unknown format: exit %d, %q", code, errs)
	}
	// Colour only on a terminal, and never with NO_COLOR.
	for _, tt := range []struct {
		env  map[string]string
		want bool
	}{{nil, true}, {map[string]string{"NO_COLOR": "1"}, false}} {
		var o, e bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &o, Err: &e, OutIsTTY: true,
			Getenv: func(k string) string { return tt.env[k] }, LookupEnv: func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok },
			WorkDir: dir, UserConfDir: filepath.Join(dir, ".config")}
		run([]string{"check", a}, s)
		if got := strings.Contains(o.String(), "\x1b["); got != tt.want {
			t.Errorf("env %v: colour %t, want %t: %q", tt.env, got, tt.want, o.String())
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	dir := checkWorkspace(t)
	writeFiles(t, dir, map[string]string{"good.md": "Prostitutes.\n"})
	files := map[string][]byte{
		"binary.md":     []byte("\x7fELF\x02\x01\x01\x00\x00\x00prostitutes"),
		"utf16.txt":     append([]byte{0xff, 0xfe}, []byte("P\x00r\x00o\x00s\x00")...),
		"cp1251.txt":    []byte("\xcf\xee\xeb\xe8\xf6\xe8\xff \xe7\xe0\xe4\xe5\xf0\xe6\xe0\xeb\xe0 \xed\xe5\xeb\xe5\xe3\xe0\xeb\xee\xe2."),
		"cut.docx":      zipFile(t, map[string]string{"word/document.xml": docxXML})[:200],
		"notword.docx":  zipFile(t, map[string]string{"readme.txt": "hello"}),
		"plain.docx":    []byte("just text"),
		"badxml.odt":    zipFile(t, map[string]string{"content.xml": "<office:document-content><text:p>illegals"}),
		"archive.txt":   zipFile(t, map[string]string{"a.txt": "x"}),
		"unreadable.md": []byte("Prostitutes.\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(filepath.Join(dir, "unreadable.md"), 0)
	// A 2 GB file, sparse: it takes no disk.
	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	huge.Truncate(2 << 30)
	huge.Close()

	want := map[string]string{
		"binary.md":    "binary.md: looks like a binary file, not a text draft",
		"utf16.txt":    "utf16.txt: looks like UTF-16 text, not UTF-8: save it as UTF-8",
		"cp1251.txt":   "cp1251.txt: looks like Windows-1251 (Cyrillic) text, not UTF-8: save it as UTF-8",
		"cut.docx":     "cut.docx: damaged or cut short",
		"notword.docx": "notword.docx: a zip archive but not a Word document (it has no word/document.xml)",
		"plain.docx":   "plain.docx: not a Word document: a .docx file is a zip archive, and this is not one",
		"badxml.odt":   "badxml.odt: damaged or cut short: content.xml is not well-formed",
		"archive.txt":  "archive.txt: a zip archive, not a text draft",
		"huge.txt":     "huge.txt is 2048 MB, larger than presskit checks (256 MB); split the draft",
	}
	if os.Geteuid() != 0 { // root reads every file
		want["unreadable.md"] = "unreadable.md: permission denied"
	}
	args := []string{"check", "-q", filepath.Join(dir, "good.md")}
	for name := range files {
		args = append(args, filepath.Join(dir, name))
	}
	args = append(args, filepath.Join(dir, "huge.txt"))
	code, out, errs := runCmd(t, dir, nil, args...)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(out, "good.md:1:1: error prostitute") {
		t.Errorf("the readable draft's findings are missing:\n%s", out)
	}
	for name, msg := range want {
		if !strings.Contains(errs, msg) {
			t.Errorf("%s: stderr lacks %q", name, msg)
		}
	}
	if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
		t.Errorf("stack trace:\n%s", errs)
	}
}

func TestCheckUsesTheUsersTerms(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"presskit.yaml": "lang: [en]\nlibrary: [lib]\n",
		// A user's own term, English only, and a broken file that holds no terms: the check
		// runs with the term and leaves the rest to presskit validate.
		"lib/my-terms.yaml": "terms:\n  - id: junkie\n    severity: avoid\n    sources: [unaids-terminology-2015]\n    en:\n      avoid: [junkie]\n      say: [person who uses drugs]\n      why: A slur.\n      examples: [\"A junkie was arrested.\"]\n",
		"lib/points.yaml":   "points:\n  - id: [broken\n",
		"a.md":              "The junkies and the prostitutes.\n",
	})
	code, out, errs := runCmd(t, dir, nil, "check", "-q", filepath.Join(dir, "a.md"))
	if code != 1 || !strings.Contains(out, "a.md:1:5: error junkie") || !strings.Contains(out, "a.md:1:21: error prostitute") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	writeFiles(t, dir, map[string]string{"lib/my-terms.yaml": "terms:\n  - id: junkie\n    en:\n      avoyd: [junkie]\n"})
	code, _, errs = runCmd(t, dir, nil, "check", filepath.Join(dir, "a.md"))
	if code != 2 || !strings.Contains(errs, `unknown field "avoyd"`) {
		t.Fatalf("broken terms: exit %d, %s", code, errs)
	}
}
