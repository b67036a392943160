package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// runTTY is runCmd with standard output a terminal or not.
func runTTY(t *testing.T, dir string, tty bool, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{
		In: strings.NewReader(""), Out: &out, Err: &errb, OutIsTTY: tty,
		Getenv:    func(string) string { return "" },
		LookupEnv: func(string) (string, bool) { return "", false },
		WorkDir:   dir, UserConfDir: filepath.Join(dir, ".config"),
	}
	code := run(args, s)
	return code, out.String(), errb.String()
}

// envelope is the shape every --format json of list, search and config has.
type envelope struct {
	Version   *int             `json:"version"`
	Query     *string          `json:"query"`
	Workspace *string          `json:"workspace"`
	Items     []map[string]any `json:"items"`
	Settings  []map[string]any `json:"settings"`
}

func TestFormatJSONOnListSearchConfig(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name  string
		args  []string
		json  bool
		check func(t *testing.T, out string, e envelope)
	}{
		{"list text", []string{"list", "myths"}, false, func(t *testing.T, out string, _ envelope) {
			if !strings.Contains(out, "\tmyth\t") {
				t.Errorf("no tab-separated myth line:\n%s", out)
			}
		}},
		{"list --format text", []string{"list", "myths", "--format", "text"}, false, func(t *testing.T, out string, _ envelope) {
			if !strings.Contains(out, "\tmyth\t") {
				t.Errorf("no tab-separated myth line:\n%s", out)
			}
		}},
		{"list --format json", []string{"list", "myths", "--format", "json"}, true, nil},
		{"list --format JSON", []string{"list", "myths", "--format", "JSON"}, true, nil},
		{"list --json", []string{"list", "myths", "--json"}, true, nil},
		{"search text", []string{"search", "мигрантки"}, false, func(t *testing.T, out string, _ envelope) {
			if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) == 0 || strings.Count(lines[0], "\t") != 2 {
				t.Errorf("want id\\tkind\\ttitle lines:\n%s", out)
			}
		}},
		{"search --format json", []string{"search", "мигрантки", "--format", "json"}, true, nil},
		{"search --json", []string{"search", "мигрантки", "--json"}, true, nil},
		{"search nothing --format json", []string{"search", "zzqxv", "--format", "json"}, true, func(t *testing.T, _ string, e envelope) {
			if e.Items == nil || len(e.Items) != 0 {
				t.Errorf("items = %v, want []", e.Items)
			}
		}},
		{"config text", []string{"config"}, false, func(t *testing.T, out string, _ envelope) {
			if !strings.HasPrefix(out, "Workspace: none") || !strings.Contains(out, "SETTING") {
				t.Errorf("text:\n%s", out)
			}
		}},
		{"config --format json", []string{"config", "--format", "json"}, true, nil},
		{"config --json", []string{"config", "--json"}, true, nil},
		{"config --json --format json", []string{"config", "--json", "--format", "json"}, true, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var outs []string
			for _, tty := range []bool{false, true} {
				code, out, errs := runTTY(t, dir, tty, c.args...)
				if code != 0 || errs != "" {
					t.Fatalf("tty %v: exit %d, stderr %q", tty, code, errs)
				}
				outs = append(outs, out)
			}
			if !c.json {
				if c.check != nil {
					c.check(t, outs[0], envelope{})
				}
				return
			}
			if outs[0] != outs[1] {
				t.Errorf("JSON differs on a terminal:\n%s\n---\n%s", outs[0], outs[1])
			}
			var e envelope
			if err := json.Unmarshal([]byte(outs[0]), &e); err != nil {
				t.Fatalf("%v\n%s", err, outs[0])
			}
			if e.Version == nil || *e.Version != 1 {
				t.Errorf("version = %v, want 1", e.Version)
			}
			switch c.args[0] {
			case "list", "search":
				if e.Items == nil || e.Settings != nil {
					t.Fatalf("want items only:\n%s", outs[0])
				}
				if (c.args[0] == "search") != (e.Query != nil) {
					t.Errorf("query = %v", e.Query)
				}
				if c.check == nil && len(e.Items) == 0 {
					t.Fatalf("no items")
				}
				for _, it := range e.Items {
					for _, k := range []string{"id", "kind", "langs", "tags", "title", "origin"} {
						if _, ok := it[k]; !ok {
							t.Errorf("item %v has no %s", it["id"], k)
						}
					}
					if c.args[0] == "list" && it["kind"] != "myth" {
						t.Errorf("%v is a %v", it["id"], it["kind"])
					}
					if _, ok := it["score"]; ok != (c.args[0] == "search") {
						t.Errorf("%v: score present = %v", it["id"], ok)
					}
				}
			case "config":
				if e.Items != nil || len(e.Settings) == 0 || !strings.Contains(outs[0], `"workspace": null`) {
					t.Fatalf("want settings and a null workspace:\n%s", outs[0])
				}
				for _, s := range e.Settings {
					if s["key"] == "lang" && s["origin"] != "default" {
						t.Errorf("lang from %v", s["origin"])
					}
				}
			}
			if c.check != nil {
				c.check(t, outs[0], e)
			}
		})
	}
}

func TestFormatFlagErrors(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range [][]string{{"list"}, {"search", "police"}, {"config"}} {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"--format", "yaml"}, `--format "yaml": use text, json`},
			{[]string{"--format", ""}, `--format "": use text, json`},
			{[]string{"--json", "--format", "text"}, "--json is --format json: it cannot go with --format text"},
		} {
			args := append(append([]string{}, cmd...), c.args...)
			code, out, errs := runCmd(t, dir, nil, args...)
			if code != 2 || out != "" || !strings.Contains(errs, c.want) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", args, code, out, errs, c.want)
			}
		}
	}
	// The alias is hidden from help; --format is shown with its values.
	_, out, _ := runCmd(t, dir, nil, "list", "--help")
	if strings.Contains(out, "--json") || !strings.Contains(out, "--format string   output format {text|json}") {
		t.Errorf("list --help:\n%s", out)
	}
}
