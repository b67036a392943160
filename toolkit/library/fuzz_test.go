package library_test

import (
	"flag"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/library"
)

// columns is FuzzParseFile's check that a problem's column lies within its line. goccy
// /go-yaml miscounts positions after a tab inside a quoted string; syntaxProblem trusts
// its line only where yaml.v3 agrees and drops a column past the line's end (the seeds
// 23bcb…, 7f6da… and tab-in-quote-min keep that so). -fuzz.columns=false turns it off.
var columns = flag.Bool("fuzz.columns", true, "FuzzParseFile: also check that a problem's column lies within its line")

// FuzzParseFile checks that no library file, however broken, makes the loader or the
// validator panic, and that every problem they report points inside the file: a user
// is sent to file:line:col, so that line must exist.
func FuzzParseFile(f *testing.F) {
	// The curated library's own files are the best seeds: every kind, both languages.
	files, err := fs.Glob(content.FS, "*.yaml")
	if err != nil || len(files) == 0 {
		f.Fatalf("no embedded library files: %v", err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(content.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	langs := []string{"en", "ru"}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.yaml"
		lines := yamlLines(data)
		splits := lineModels(data)
		items, probs := library.ParseFile(name, data, langs)
		for _, it := range items {
			if it == nil {
				t.Fatalf("ParseFile returned a nil item")
			}
			inFile(t, "item "+it.ID, it.Pos, name, lines, splits)
		}
		for _, p := range probs {
			inFile(t, p.String(), p.Pos, name, lines, splits)
			_ = p.String()
		}

		lib, probs := library.Load([]library.Source{{FS: fstest.MapFS{name: {Data: data}}, Name: "", Origin: "fuzz"}},
			library.Options{Languages: langs, Known: langs})
		probs = append(probs, lib.Validate()...)
		probs.Sort()
		for _, p := range probs {
			if p.Pos.File == name {
				inFile(t, p.String(), p.Pos, name, lines, splits)
			}
		}
		_ = probs.Error()
		// What the commands do next with a loaded library must not panic either.
		for i, id := range lib.IDs() {
			it := lib.Get(id)
			for _, l := range langs {
				_ = it.Title(l)
			}
			if i < 3 { // "did you mean": quadratic, so only a few
				_ = lib.Closest(id+"x", 3)
			}
		}
		_, _ = lib.Select(library.Selection{Tags: lib.Tags()})
	})
}

// yamlLines returns the lines of data as YAML 1.1 counts them: a break is \r\n, \r or
// \n, and also NEL, LS and PS. This is the most lines any of the parsers sees, so a
// line past it is outside the file whichever parser placed it.
func yamlLines(data []byte) []string {
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data))
	return strings.Split(s, "\n")
}

// lineModels splits data into lines the ways a parser or an editor may: at \n only;
// at \r\n, \r or \n; and as yamlLines does.
func lineModels(data []byte) [][]string {
	s := string(data)
	crlf := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	return [][]string{strings.Split(s, "\n"), strings.Split(crlf, "\n"), yamlLines(data)}
}

// inFile fails unless p is in the file: the line exists (counted as yamlLines does,
// the most lines) and the column is at most one past the end of that line in one of
// the ways to split lines. Columns are checked against bytes, which are never fewer
// than characters.
func inFile(t *testing.T, what string, p library.Pos, name string, lines []string, splits [][]string) {
	t.Helper()
	if p.File != name {
		t.Fatalf("%s: position names file %q, want %q", what, p.File, name)
	}
	if p.Line < 0 || p.Line > len(lines) {
		t.Fatalf("%s: line %d, but the input has %d line(s)", what, p.Line, len(lines))
	}
	if p.Col < 0 {
		t.Fatalf("%s: column %d", what, p.Col)
	}
	if p.Line == 0 || !*columns {
		return
	}
	longest := 0
	for _, ls := range splits {
		if p.Line <= len(ls) {
			longest = max(longest, len(ls[p.Line-1]))
		}
	}
	if p.Col > longest+1 {
		t.Fatalf("%s: column %d, but line %d has at most %d byte(s)", what, p.Col, p.Line, longest)
	}
}
