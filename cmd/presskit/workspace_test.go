package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newWorkspace makes a workspace with an organisation, a contact and one item of its own.
func newWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"presskit.yaml": "organisation:\n  name: Butterfly\ncontacts:\n  - {name: A. Person, role: Media, email: a@example.org}\n" +
			"paper: letter\nlibrary: [library]\n",
		"kits/press-kit.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments:\n  - type: handout\n    ids: [ws-myth]\n",
		"library/mine.yaml": "myths:\n  - id: ws-myth\n    sources: [ws-src]\n    claim: report\n" +
			"    evidence: [{source: ws-src, passage: Workspace fact here}]\n" +
			"    en: {myth: Workspace myth here., fact: Workspace fact here.}\n" +
			"    ru: {myth: Миф рабочей папки., fact: Факт рабочей папки.}\n" +
			"sources:\n  - id: ws-src\n    type: news\n    publisher: Butterfly\n    passages: [\"Workspace fact here, as noted.\"]\n" +
			"    en: {title: Notes}\n    ru: {title: Заметки}\n",
	})
	return dir
}

func TestBuildFindsTheWorkspaceFromTheKitsFolder(t *testing.T) {
	for _, c := range []struct{ name, cwd, kit string }{
		{"inside kits/", "kits", "press-kit.yaml"},
		{"from the parent folder", "..", "WS/kits/press-kit.yaml"},
		{"default kit from a subfolder", "library", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ws := newWorkspace(t)
			cwd := filepath.Join(ws, c.cwd)
			args := []string{"build"}
			if c.kit != "" {
				args = append(args, strings.ReplaceAll(c.kit, "WS", filepath.Base(ws)))
			}
			code, _, errs := runCmd(t, cwd, map[string]string{"SOURCE_DATE_EPOCH": "1795772800"}, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			html, err := os.ReadFile(filepath.Join(ws, "out", "handout-en.html"))
			if err != nil {
				t.Fatalf("the kit was not written into the workspace's out/: %v\n%s", err, errs)
			}
			for _, want := range []string{"Butterfly", "Workspace myth here"} {
				if !strings.Contains(string(html), want) {
					t.Errorf("handout lacks %q: the workspace was lost", want)
				}
			}
			if strings.Contains(errs, "no presskit.yaml") {
				t.Errorf("warned of a missing workspace: %s", errs)
			}
		})
	}
}

func TestBuildOutsideAWorkspaceSaysSo(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"k.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments: [handout]\n"})
	code, _, errs := runCmd(t, dir, nil, "build", "k.yaml", "-o", filepath.Join(dir, "o"))
	if code != 0 || !strings.Contains(errs, "warning: no presskit.yaml in") {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	code, _, errs = runCmd(t, dir, nil, "build")
	if code != 1 || !strings.Contains(errs, "no kit named, and no presskit.yaml in ") || !strings.Contains(errs, "presskit init makes one") {
		t.Fatalf("build with neither kit nor workspace: exit %d, stderr:\n%s", code, errs)
	}
}

func TestValidateInsideTheLibraryChecksTheUsersItems(t *testing.T) {
	ws := newWorkspace(t)
	code, _, errs := runCmd(t, filepath.Join(ws, "library"), nil, "validate")
	if code != 0 || !strings.Contains(errs, "1 of them yours") && !strings.Contains(errs, "2 of them yours") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	writeFiles(t, ws, map[string]string{"library/broken.yaml": "myths:\n  - id: ws-myth-2\n    colour: red\n"})
	code, out, _ := runCmd(t, filepath.Join(ws, "library"), nil, "validate")
	if code != 1 || !strings.Contains(out, "broken.yaml:3:5") {
		t.Fatalf("a broken item of the user's was not checked: exit %d\n%s", code, out)
	}
}

func TestConfigNamesTheWorkspaceFile(t *testing.T) {
	ws := newWorkspace(t)
	code, out, errs := runCmd(t, filepath.Join(ws, "kits"), nil, "config")
	if code != 0 || !strings.HasPrefix(out, "Workspace: "+filepath.Join(ws, "presskit.yaml")+"\n") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCmd(t, filepath.Join(ws, "kits"), nil, "config", "--format", "json")
	var env struct {
		Workspace string
		Settings  []struct{ Key, Origin string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &env) != nil {
		t.Fatalf("exit %d: %s", code, out)
	}
	if env.Workspace != filepath.Join(ws, "presskit.yaml") {
		t.Errorf("workspace %q", env.Workspace)
	}
	for _, e := range env.Settings {
		if e.Key == "paper" && e.Origin != filepath.Join(ws, "presskit.yaml") {
			t.Errorf("paper from %q", e.Origin)
		}
	}
	code, out, _ = runCmd(t, t.TempDir(), nil, "config")
	if code != 0 || !strings.HasPrefix(out, "Workspace: none (no presskit.yaml in ") {
		t.Fatalf("outside a workspace: %s", out)
	}
}

// A kit kept outside any workspace is built with the working folder's workspace.
func TestKitOutsideAnyWorkspaceUsesTheWorkingFolders(t *testing.T) {
	ws := newWorkspace(t)
	shared := t.TempDir()
	writeFiles(t, shared, map[string]string{"launch.yaml": "title: Kit\nlang: [en]\nformats: [html]\ndocuments:\n  - type: handout\n    ids: [ws-myth]\n"})
	code, _, errs := runCmd(t, ws, fixedDate, "build", filepath.Join(shared, "launch.yaml"))
	if code != 0 || strings.Contains(errs, "no presskit.yaml") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	html, _ := os.ReadFile(filepath.Join(ws, "out", "handout-en.html"))
	if !strings.Contains(string(html), "Butterfly") {
		t.Fatal("the working folder's workspace was not used")
	}
}

func TestABrokenWorkspaceAboveStopsNeitherVersionNorInit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"presskit.yaml": "organisation: [oops\n", "sub/.keep": ""})
	sub := filepath.Join(dir, "sub")
	for _, args := range [][]string{{"version"}, {"init", "ws"}, {"completion", "bash"}} {
		if code, _, errs := runCmd(t, sub, nil, args...); code != 0 {
			t.Errorf("%v: exit %d\n%s", args, code, errs)
		}
	}
	if code, _, errs := runCmd(t, sub, nil, "config"); code != 1 || !strings.Contains(errs, filepath.Join(dir, "presskit.yaml")+":1:") {
		t.Errorf("config with a broken workspace: exit %d\n%s", code, errs)
	}
}
