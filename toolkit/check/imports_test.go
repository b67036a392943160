package check

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestToolkitLayer checks the package keeps to the toolkit's rules: no cobra or viper, and
// no os (it takes bytes and writers; the command reads files and the terminal).
func TestToolkitLayer(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(path, "spf13") || path == "os" || path == "time" {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
