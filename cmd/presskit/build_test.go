package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/presskit/presskit/examples"
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/scaffold"
)

var fixedDate = map[string]string{"SOURCE_DATE_EPOCH": "1795772800"} // 2026-11-27

func TestInitKitDoesNotPublishThePrepSheet(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCmd(t, dir, nil, "init", "k"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	kit, _ := os.ReadFile(filepath.Join(dir, "k", "kits", "press-kit.yaml"))
	for _, line := range strings.Split(string(kit), "\n") {
		if strings.Contains(line, "type: prep") && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			t.Fatalf("the init kit lists the prep sheet for journalists:\n%s", kit)
		}
	}
	code, _, errs := runCmd(t, filepath.Join(dir, "k"), fixedDate, "build", "--format", "html")
	if code != 0 {
		t.Fatalf("build: exit %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "k", "out", "prep-en.html")); err == nil {
		t.Fatal("prep-en.html built into the kit")
	}
	index, _ := os.ReadFile(filepath.Join(dir, "k", "out", "index.html"))
	if bytes.Contains(index, []byte("prep-")) {
		t.Fatal("index.html links a prep sheet")
	}
}

func TestBuildWarnsAndStrictRefusesAnUnfinishedWorkspace(t *testing.T) {
	dir := t.TempDir()
	runCmd(t, dir, nil, "init", "k")
	ws := filepath.Join(dir, "k")
	code, _, errs := runCmd(t, ws, fixedDate, "build", "--format", "html")
	if code != 0 {
		t.Fatalf("build: exit %d %s", code, errs)
	}
	ids, err := scaffold.ItemIDs(examples.Workspace, "workspace")
	if err != nil || len(ids) < 7 {
		t.Fatalf("example ids %v, %v", ids, err)
	}
	for _, want := range []string{"warning: organisation.name is empty", "warning: contacts is empty",
		"still holds the example items of presskit init (" + strings.Join(ids, ", ") + ")"} {
		if !strings.Contains(errs, want) {
			t.Errorf("no %q in\n%s", want, errs)
		}
	}
	os.RemoveAll(filepath.Join(ws, "out"))
	code, _, errs = runCmd(t, ws, fixedDate, "build", "--strict")
	if code != 1 || !strings.Contains(errs, "--strict: 3 warning(s) above; nothing was written") {
		t.Fatalf("--strict: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(ws, "out", "index.html")); err == nil {
		t.Fatal("--strict wrote the kit")
	}
	// Filled in, the same workspace builds cleanly under --strict.
	writeFiles(t, ws, map[string]string{
		"presskit.yaml":         "organisation: {name: Butterfly}\ncontacts: [{name: A. Person, email: a@example.org}]\nlibrary: [library]\n",
		"library/my-items.yaml": "{}\n",
	})
	if code, _, errs := runCmd(t, ws, fixedDate, "build", "--strict", "--format", "html"); code != 0 || strings.Contains(errs, "warning") {
		t.Fatalf("a finished workspace: exit %d\n%s", code, errs)
	}
}

func TestBuildWarnsAboutAPastEmbargo(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\nembargo: 2025-12-03T10:00:00-05:00\ndocuments: [handout]\n"})
	code, _, errs := runCmd(t, ws, fixedDate, "build")
	if code != 0 || !strings.Contains(errs, "warning: the embargo (2025-12-03 10:00 -05:00) is already past") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if code, _, _ := runCmd(t, ws, fixedDate, "build", "--strict"); code != 1 {
		t.Fatalf("--strict with a past embargo: exit %d", code)
	}
	writeFiles(t, ws, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\nembargo: 2026-12-03T10:00:00-05:00\ndocuments: [handout]\n"})
	if code, _, errs := runCmd(t, ws, fixedDate, "build", "--strict"); code != 0 {
		t.Fatalf("a future embargo: exit %d\n%s", code, errs)
	}
}

func TestCleanRemovesOnlyWhatAnEarlierBuildMade(t *testing.T) {
	ws := newWorkspace(t)
	out := filepath.Join(ws, "out")
	writeFiles(t, ws, map[string]string{
		"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments: [handout, brief]\n",
		"out/notes.txt":       "mine, not presskit's\n",
		"out/prep-en.html":    "made by hand, never by a build\n",
	})
	if code, _, errs := runCmd(t, ws, fixedDate, "build"); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	writeFiles(t, ws, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments: [handout]\n"})
	code, _, errs := runCmd(t, ws, fixedDate, "build")
	if code != 0 || !strings.Contains(errs, "1 file(s) in out are from an earlier build and not part of this kit (brief-en.html)") ||
		!strings.Contains(errs, "warning: out also holds 2 file(s) no build made (notes.txt, prep-en.html); uploading the folder would publish them too") {
		t.Fatalf("second build: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "brief-en.html")); err != nil {
		t.Fatal("without --clean, the old brief was removed")
	}
	code, _, errs = runCmd(t, ws, fixedDate, "build", "--clean")
	if code != 0 || !strings.Contains(errs, "brief-en.html") || !strings.Contains(errs, "removed") {
		t.Fatalf("--clean: exit %d\n%s", code, errs)
	}
	got := names(t, out)
	// fonts.css: the kit's pages share their web fonts (html.FontSheet).
	want := []string{".presskit-manifest", "fonts.css", "handout-en.html", "index.html", "notes.txt", "prep-en.html"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("out/ holds %v, want %v", got, want)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// Ctrl-C while the documents are being written: the run stops with status 130, removes
// its temporary files and leaves the earlier kit, index.html included, as it was.
func TestInterruptedBuildLeavesTheEarlierKit(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments: [handout, brief]\n"})
	if code, _, errs := runCmd(t, ws, fixedDate, "build"); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	out := filepath.Join(ws, "out")
	before := map[string]string{}
	for _, n := range names(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, n))
		before[n] = string(b)
	}
	writeFiles(t, ws, map[string]string{"kits/press-kit.yaml": "title: New kit\nlang: [en]\nformats: [html]\ndocuments: [handout, brief]\n"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: &errb, Ctx: ctx,
		Getenv: func(k string) string { return fixedDate[k] }, LookupEnv: func(k string) (string, bool) { v, ok := fixedDate[k]; return v, ok },
		WorkDir: ws, UserConfDir: filepath.Join(ws, ".config"),
		writeHook: func(w io.Writer, f output.File) error {
			n++
			w.Write(f.Data[:len(f.Data)/2])
			if n == 2 {
				cancel() // the signal arrives in the middle of a slow write
			}
			_, err := w.Write(f.Data[len(f.Data)/2:])
			return err
		}}
	if code := run([]string{"build"}, s); code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "interrupted: temporary files removed, out left as it was") {
		t.Errorf("stderr: %s", errb.String())
	}
	after := names(t, out)
	if len(after) != len(before) {
		t.Fatalf("out/ holds %v, had %v", after, before)
	}
	for _, name := range after {
		b, _ := os.ReadFile(filepath.Join(out, name))
		if string(b) != before[name] {
			t.Errorf("%s changed", name)
		}
	}
}

func TestIndexIsWrittenLast(t *testing.T) {
	files, _, _, err := output.Plan(t.TempDir(), []output.File{{Name: "index.html"}, {Name: "brief-en.pdf"}, {Name: "press-kit.zip"}}, "index.html", false)
	if err != nil {
		t.Fatal(err)
	}
	if files[len(files)-1].Name != "index.html" || files[len(files)-2].Name != output.ManifestName {
		var got []string
		for _, f := range files {
			got = append(got, f.Name)
		}
		t.Fatalf("order %v", got)
	}
}

// TestCardsWritesCardsAndGalleriesOnly: presskit cards writes the cards and their gallery
// pages, not the kit's landing pages (index.html, index-ru.html) nor the font sheet they
// link.
func TestCardsWritesCardsAndGalleriesOnly(t *testing.T) {
	ws := newWorkspace(t)
	writeFiles(t, ws, map[string]string{"presskit.yaml": "organisation:\n  name: Butterfly\nlang: [en, ru]\nlibrary: [library]\noutput: out\n"})
	code, _, errs := runCmd(t, ws, fixedDate, "cards", "--ids", "ws-myth")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, name := range names(t, filepath.Join(ws, "out")) {
		if name != "cards" && !strings.HasPrefix(name, "cards-") {
			t.Errorf("out/%s: cards wrote a file that is not a card or a gallery", name)
		}
	}
}
