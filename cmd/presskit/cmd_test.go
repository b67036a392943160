package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs presskit in dir with args and an environment, returning the exit status and output.
func runCmd(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv:    func(k string) string { return env[k] },
		LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		WorkDir:   dir, UserConfDir: filepath.Join(dir, ".config"),
	}
	code := run(args, s)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEmbeddedLibraryValidates(t *testing.T) {
	code, out, errs := runCmd(t, t.TempDir(), nil, "validate")
	if code != 0 {
		t.Fatalf("validate exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "library OK") {
		t.Fatalf("stderr = %q", errs)
	}
}

func TestListJSONHasEveryKindInBothLanguages(t *testing.T) {
	code, out, errs := runCmd(t, t.TempDir(), nil, "list", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var env struct {
		Items []struct {
			ID    string   `json:"id"`
			Kind  string   `json:"kind"`
			Langs []string `json:"langs"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &env); err != nil {
		t.Fatal(err)
	}
	items := env.Items
	kinds := map[string]int{}
	for _, it := range items {
		kinds[it.Kind]++
		if strings.Join(it.Langs, ",") != "en,ru" {
			t.Errorf("%s has languages %v", it.ID, it.Langs)
		}
	}
	for _, k := range kindNames() {
		if kinds[k] == 0 {
			t.Errorf("no %s in the library", k)
		}
	}
	for k, min := range map[string]int{"point": 8, "myth": 8, "term": 15, "question": 10} {
		if kinds[k] < min {
			t.Errorf("%d %ss, want at least %d", kinds[k], k, min)
		}
	}
}

func TestSearchFindsRussianByStem(t *testing.T) {
	code, out, errs := runCmd(t, t.TempDir(), nil, "search", "мигрантки", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var env struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	json.Unmarshal([]byte(out), &env)
	if len(env.Items) == 0 {
		t.Fatalf("«мигрантки» found nothing")
	}
}

func TestBadLibraryInput(t *testing.T) {
	const src = "sources:\n  - id: my-src\n    publisher: Me\n    en: {title: T}\n    ru: {title: Т}\n"
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"broken YAML", map[string]string{"lib/a.yaml": "myths:\n  - id: x\n    en: {myth: \"oops\n"}, nil, "lib/a.yaml:3:"},
		{"unknown field", map[string]string{"lib/a.yaml": src + "    colour: red\n"}, nil, `lib/a.yaml:6:5: my-src: unknown field "colour"`},
		{"duplicate id", map[string]string{"lib/a.yaml": src + "  - id: my-src\n    publisher: Me\n    en: {title: T}\n    ru: {title: Т}\n"}, nil, "lib/a.yaml:6:5: my-src: duplicate id"},
		{"missing translation", map[string]string{"lib/a.yaml": "sources:\n  - id: my-src\n    publisher: Me\n    en: {title: T}\n"}, nil, "lib/a.yaml:2:5: my-src [ru]: missing translation"},
		{"dangling source", map[string]string{"lib/a.yaml": src + "facts:\n  - id: f\n    sources: [nope]\n    en: {text: A}\n    ru: {text: Б}\n"}, nil, `lib/a.yaml:7:5: f: unknown source "nope"`},
		{"missing folder", nil, []string{"--library", "does-not-exist"}, "library folder does-not-exist: no such file or directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, c.files)
			args := c.args
			if args == nil {
				args = []string{"--library", filepath.Join(dir, "lib")}
			}
			code, out, errs := runCmd(t, dir, nil, append([]string{"validate"}, args...)...)
			all := strings.ReplaceAll(out+errs, dir+string(filepath.Separator), "")
			if code == 0 {
				t.Fatalf("exit 0, want non-zero\n%s", all)
			}
			if !strings.Contains(all, c.want) {
				t.Fatalf("output:\n%s\nwant it to contain %q", all, c.want)
			}
			if strings.Contains(all, "goroutine") || strings.Contains(all, "panic") {
				t.Fatalf("stack trace in output:\n%s", all)
			}
		})
	}
}

func TestConfigLayersAndOrigins(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"presskit.yaml":                  "organisation:\n  name: Butterfly\npaper: letter\n",
		".config/presskit/presskit.yaml": "organisation:\n  email: user@example.org\npaper: a4\noutput: userout\n",
	})
	env := map[string]string{"PRESSKIT_OUTPUT": "envout"}
	code, out, errs := runCmd(t, dir, env, "config", "--format", "json", "--lang", "ru")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var conf struct {
		Settings []struct {
			Key    string `json:"key"`
			Value  any    `json:"value"`
			Origin string `json:"origin"`
		} `json:"settings"`
	}
	if err := json.Unmarshal([]byte(out), &conf); err != nil {
		t.Fatal(err)
	}
	entries := conf.Settings
	got := map[string]string{}
	for _, e := range entries {
		got[e.Key] = e.Origin
	}
	want := map[string]string{
		"organisation.name":  filepath.Join(dir, "presskit.yaml"),
		"paper":              filepath.Join(dir, "presskit.yaml"),
		"organisation.email": filepath.Join(dir, ".config/presskit/presskit.yaml"),
		"output":             "env PRESSKIT_OUTPUT",
		"lang":               "flag --lang",
		"brand.colour":       "default",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s from %q, want %q", k, got[k], w)
		}
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	code, _, errs := runCmd(t, t.TempDir(), nil, "frobnicate")
	if code != 2 || !strings.Contains(errs, "unknown command") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestCompletionOfIDsTagsAndEnums(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "show", "myth-av"}, "myth-average-age-13"},
		{[]string{"__complete", "handout", "--tag", "pol"}, "policing"},
		{[]string{"__complete", "handout", "--lang", ""}, "ru"},
		{[]string{"__complete", "brief", "--paper", ""}, "letter"},
		{[]string{"__complete", "prep", "--format", ""}, "pdf,html"},
		{[]string{"__complete", "handout", "--ids", "myth-average-age-13,myth-po"}, "myth-average-age-13,myth-police-raids-rescue-victims"},
	}
	// Kit files of the workspace complete from a subfolder of it.
	ws := t.TempDir()
	writeFiles(t, ws, map[string]string{"presskit.yaml": "paper: a4\n", "kits/launch.yaml": "title: K\n", "library/x.txt": ""})
	if code, out, _ := runCmd(t, filepath.Join(ws, "library"), nil, "__complete", "build", ""); code != 0 || !strings.Contains(out, "../kits/launch.yaml\n") {
		t.Errorf("kit completion from library/: %q", out)
	}
	for _, c := range cases {
		code, out, errs := runCmd(t, t.TempDir(), nil, c.args...)
		if code != 0 || !strings.Contains(out, c.want+"\n") {
			t.Errorf("%v: exit %d, got\n%s%s\nwant a line %q", c.args, code, out, errs, c.want)
		}
	}
}

func TestHandoutWritesFilesNamedByDocumentAndLanguage(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCmd(t, dir, map[string]string{"SOURCE_DATE_EPOCH": "1795772800"}, "handout", "--lang", "en,ru", "-o", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"handout-en.pdf", "handout-en.html", "handout-ru.pdf", "handout-ru.html"} {
		if st, err := os.Stat(filepath.Join(dir, "out", f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(errs, "handout-ru.pdf") || !strings.Contains(errs, "1 page(s)") {
		t.Errorf("summary on stderr = %q", errs)
	}
}

func TestDrillReadsAnswersFromAPipe(t *testing.T) {
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader("\n\nq\n"), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" }, LookupEnv: func(string) (string, bool) { return "", false },
		WorkDir: t.TempDir()}
	if code := run([]string{"drill", "--lang", "ru", "--seed", "1"}, s); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Вопрос 1 из") || !strings.Contains(out.String(), "Как ответить") || !strings.Contains(out.String(), "Отработано: 1 вопрос из") {
		t.Fatalf("drill output:\n%s", out.String())
	}
}

// TestDrillTakesTheInterviewsTopicAsPrepDoes: --topic is --tag, as on prep.
func TestDrillTakesTheInterviewsTopicAsPrepDoes(t *testing.T) {
	drill := func(args ...string) string {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader("q\n"), Out: &out, Err: &errb,
			Getenv: func(string) string { return "" }, LookupEnv: func(string) (string, bool) { return "", false },
			WorkDir: t.TempDir()}
		if code := run(append([]string{"drill", "--lang", "en", "--seed", "3"}, args...), s); code != 0 {
			t.Fatalf("drill %v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	byTopic, byTag := drill("--topic", "policing"), drill("--tag", "policing")
	if byTopic != byTag || !strings.Contains(byTopic, "Question 1 of") {
		t.Fatalf("--topic and --tag differ:\n%s\n---\n%s", byTopic, byTag)
	}
	if byTopic == drill() {
		t.Fatal("--topic chose nothing: the whole library is drilled")
	}
}

func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"clean.md": "Sex workers spoke to the press.\n", "bad.md": "Полиция задержала нелегалов.\n"})
	if code, out, errs := runCmd(t, dir, nil, "check", filepath.Join(dir, "clean.md")); code != 0 {
		t.Fatalf("clean draft: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ := runCmd(t, dir, nil, "check", filepath.Join(dir, "bad.md"))
	if code != 1 || !strings.Contains(out, "bad.md:1:19: error illegals: «нелегалов»") {
		t.Fatalf("exit %d, output %q", code, out)
	}
	if code, _, errs := runCmd(t, dir, nil, "check", filepath.Join(dir, "missing.md")); code != 2 || !strings.Contains(errs, "no such file") {
		t.Fatalf("missing file: exit %d, %q", code, errs)
	}
}
