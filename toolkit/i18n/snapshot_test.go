package i18n

import (
	"encoding/binary"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	embedded "github.com/presskit/presskit/content"
)

// TestEmbeddedStringsSnapshotIsCurrent: content/strings.snap is the snapshot of the
// embedded interface strings as this code makes it. While it is stale, presskit still
// works (it parses the files) but every document pays for the parse.
func TestEmbeddedStringsSnapshotIsCurrent(t *testing.T) {
	want, err := MakeSnapshot(embedded.FS, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != embedded.StringsSnapshot {
		t.Fatal("content/strings.snap is out of date with content/i18n or with this code: run `go generate ./content` and commit strings.snap")
	}
}

// uncommented clears the comments of a YAML tree, which a snapshot leaves out.
func uncommented(n *yaml.Node) *yaml.Node {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		uncommented(c)
	}
	return n
}

// TestSnapshotTreesAreTheParsedTrees: every embedded locale file's tree in the snapshot
// is its parsed tree, and the catalog loaded from the snapshot is the parsed one.
func TestSnapshotTreesAreTheParsedTrees(t *testing.T) {
	trees, err := snapshotTrees(embedded.StringsSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := fs.ReadDir(embedded.FS, "i18n")
	if len(trees) != len(entries) || len(entries) < 2 {
		t.Fatalf("%d trees for %d files", len(trees), len(entries))
	}
	for _, e := range entries {
		data, _ := fs.ReadFile(embedded.FS, path.Join("i18n", e.Name()))
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		got := snapshotTree(trees, e.Name(), data)
		if got == nil {
			t.Fatalf("%s: the snapshot has no tree for its bytes", e.Name())
		}
		if !reflect.DeepEqual(got, uncommented(&want)) {
			t.Errorf("%s: the snapshot's tree differs from the parsed one", e.Name())
		}
	}
	parsed, err := LoadLayers(Layer{FS: embedded.FS, Dir: "i18n"})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := LoadLayers(Layer{FS: embedded.FS, Dir: "i18n", Snapshot: embedded.StringsSnapshot})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(parsed, snap) {
		t.Error("the catalog loaded from the snapshot differs from the parsed one")
	}
}

// anchored is a locale whose nominative months are an alias of its months.
var anchored = strings.Replace(strings.Replace(minimal("en", "\n  a: A\n  b: B # a comment"), "months: [", "months: &m [", 1), "m12]", "m12]\n  months_nominative: *m", 1)

// TestSnapshotKeepsAliases: a tree with an anchor and an alias comes back as parsed.
func TestSnapshotKeepsAliases(t *testing.T) {
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(anchored)}}
	snap, err := encodeSnapshot(fsys, "l")
	if err != nil {
		t.Fatal(err)
	}
	trees, err := snapshotTrees(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(anchored), &want); err != nil {
		t.Fatal(err)
	}
	got := snapshotTree(trees, "en.yaml", []byte(anchored))
	if got == nil || !reflect.DeepEqual(got, uncommented(&want)) {
		t.Fatal("the tree with an alias differs from the parsed one")
	}
	months := got.Content[0].Content[5].Content[9] // dates: months_nominative
	if months.Kind != yaml.AliasNode || months.Alias == nil || months.Alias.Anchor != "m" {
		t.Fatalf("months = %+v, want an alias of &m", months)
	}
}

// TestAnEditedFileIsParsed: a file whose bytes are not those of its snapshot is parsed,
// even when only a letter changed.
func TestAnEditedFileIsParsed(t *testing.T) {
	before := minimal("en", "\n  a: Myth")
	snap, err := MakeSnapshot(fstest.MapFS{"l/en.yaml": {Data: []byte(before)}}, "l")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, file, key, want string }{
		{"a letter changed", strings.Replace(before, "Myth", "Math", 1), "a", "Math"},
		{"a string added", before + "  b: New\n", "b", "New"},
	} {
		c, err := LoadLayers(Layer{FS: fstest.MapFS{"l/en.yaml": {Data: []byte(tt.file)}}, Dir: "l", Snapshot: string(snap)})
		if err != nil {
			t.Fatal(err)
		}
		if en, _ := c.Locale("en"); en.T(tt.key) != tt.want {
			t.Errorf("%s: %s is %q, want %q", tt.name, tt.key, en.T(tt.key), tt.want)
		}
	}
}

// TestADamagedSnapshotIsIgnored: a snapshot cut short or with any byte changed is not
// used; the files are parsed and load as they would without it.
func TestADamagedSnapshotIsIgnored(t *testing.T) {
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(anchored)}}
	snap, err := MakeSnapshot(fsys, "l")
	if err != nil {
		t.Fatal(err)
	}
	want, err := LoadLayers(Layer{FS: fsys, Dir: "l"})
	if err != nil {
		t.Fatal(err)
	}
	var damaged []string
	for i := range snap {
		damaged = append(damaged, string(snap[:i]))
		flipped := []byte(string(snap))
		flipped[i] ^= 0x10
		damaged = append(damaged, string(flipped))
	}
	for _, d := range damaged {
		if _, err := snapshotTrees(d); err == nil {
			t.Fatalf("a damaged snapshot decodes: %q", d)
		}
		got, err := LoadLayers(Layer{FS: fsys, Dir: "l", Snapshot: d})
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("with a damaged snapshot: %v", err)
		}
	}
}

// TestASnapshotWithAGoodChecksumButBadContentDoesNotCrash: past the checksum, the
// decoder still checks every count, index and alias, so that no snapshot crashes it
// or makes a tree with a loop.
func TestASnapshotWithAGoodChecksumButBadContentDoesNotCrash(t *testing.T) {
	snap, err := MakeSnapshot(fstest.MapFS{"l/en.yaml": {Data: []byte(anchored)}}, "l")
	if err != nil {
		t.Fatal(err)
	}
	body := snap[:len(snap)-4]
	for i := len(snapshotMagic); i < len(body); i++ {
		for _, b := range []byte{0x00, 0x01, 0x7f, 0x80, 0xff, body[i] + 1} {
			d := []byte(string(body))
			d[i] = b
			d = binary.LittleEndian.AppendUint32(d, crc32c(d))
			trees, err := snapshotTrees(string(d))
			if err != nil {
				continue
			}
			// What decodes is a tree: walking it ends.
			for _, f := range trees {
				decodeFile("l/en.yaml", nil, false, f.doc)
			}
		}
	}
}

// TestErrorsFromSnapshotTreesAreTheParsedOnes: a tree from a snapshot gives every error
// with the file, line and column that parsing the file gives; and a user's layer over
// the snapshot's is reported as without it.
func TestErrorsFromSnapshotTreesAreTheParsedOnes(t *testing.T) {
	for _, tt := range loadErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"l/en.yaml": {Data: []byte(minimal("en", "\n  a: A"))},
				"l/xx.yaml": {Data: []byte(tt.file)},
			}
			_, want := LoadLayers(Layer{FS: fsys, Dir: "l"})
			if want == nil {
				t.Fatal("no error")
			}
			if snap, err := encodeSnapshot(fsys, "l"); err == nil { // the YAML parses
				if _, got := LoadLayers(Layer{FS: fsys, Dir: "l", Snapshot: string(snap)}); got == nil || got.Error() != want.Error() {
					t.Errorf("from the snapshot:\n%v\nparsed:\n%v", got, want)
				}
			}
			user := fstest.MapFS{"i18n/xx.yaml": {Data: []byte(tt.file)}}
			layers := []Layer{{FS: embedded.FS, Dir: "i18n"}, {FS: user, Dir: "i18n", Name: "lib"}}
			_, want = LoadLayers(layers...)
			layers[0].Snapshot = embedded.StringsSnapshot
			if _, got := LoadLayers(layers...); want == nil || got == nil || got.Error() != want.Error() {
				t.Errorf("over the snapshot:\n%v\nover the files:\n%v", got, want)
			}
		})
	}
}

// TestMakeSnapshotRefusesFilesThatDoNotLoad: go generate fails on a locale file with a
// problem, naming it, rather than writing a snapshot.
func TestMakeSnapshotRefusesFilesThatDoNotLoad(t *testing.T) {
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(minimal("en", "\n  c: {one: x}"))}}
	_, err := MakeSnapshot(fsys, "l")
	if err == nil || !strings.Contains(err.Error(), "no snapshot is made") || !strings.Contains(err.Error(), "l/en.yaml:9:6: c: plural forms lack other") {
		t.Fatalf("MakeSnapshot error = %v", err)
	}
}
