package i18n

import (
	"encoding/binary"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	embedded "github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/typography"
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

// TestSnapshotLocalesAreTheParsedOnes: every embedded locale file's entry in the snapshot
// is what decodeFile gives for it, and the catalog loaded from the snapshot is the parsed one.
func TestSnapshotLocalesAreTheParsedOnes(t *testing.T) {
	files, err := snapshotFiles(embedded.StringsSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := fs.ReadDir(embedded.FS, "i18n")
	if len(files) != len(entries) || len(entries) < 2 {
		t.Fatalf("%d entries for %d files", len(files), len(entries))
	}
	for _, e := range entries {
		data, _ := fs.ReadFile(embedded.FS, path.Join("i18n", e.Name()))
		sameAsParsed(t, files, e.Name(), data)
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

// sameAsParsed checks that the entry of name in files is what decodeFile gives for data.
func sameAsParsed(t *testing.T, files map[string]*snapFile, name string, data []byte) {
	t.Helper()
	f := snapshotFile(files, name, data)
	if f == nil {
		t.Fatalf("%s: the snapshot has no entry for its bytes", name)
	}
	l, fallback, seen, err := decodeFile(name, data, false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.locale, l) || f.fallback != fallback || !reflect.DeepEqual(f.seen, seen) {
		t.Errorf("%s: the snapshot gives\n%+v, %q, %v\nparsing gives\n%+v, %q, %v", name, f.locale, f.fallback, f.seen, l, fallback, seen)
	}
}

// full is a locale with every part a file can give, and an alias.
var full = minimal("xx", "\n  a: A\n  b: B # a comment\n  pages: {one: \"{n} page\", other: \"{n} pages\"}") + `fallback: en
plural:
  one: "i = 1 and v = 0 or n % 10 != 2..4,7 @integer 1, 5~6, 1000000000000"
  other: "@integer 2~4, 7, 12~14"
typography:
  quotes: ["«", "»", "„", "“"]
  apostrophe: "’"
  nbsp_after: &words [в, и]
  nbsp_before: *words
  nbsp_before_dash: true
  stop_after_quote: false
`

// TestSnapshotKeepsEveryPartOfALocale: a locale with every part, and one with the
// fewest, come back from a snapshot as parsed.
func TestSnapshotKeepsEveryPartOfALocale(t *testing.T) {
	xx := strings.Replace(full, "m12]", "m12]\n  months_nominative: [n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12]\n  weekdays: [w1, w2, w3, w4, w5, w6, w7]", 1)
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(minimal("en", " {}"))}, "l/xx.yaml": {Data: []byte(xx)}}
	snap, err := MakeSnapshot(fsys, "l")
	if err != nil {
		t.Fatal(err)
	}
	files, err := snapshotFiles(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	sameAsParsed(t, files, "en.yaml", fsys["l/en.yaml"].Data)
	sameAsParsed(t, files, "xx.yaml", fsys["l/xx.yaml"].Data)
	parsed, err := LoadLayers(Layer{FS: fsys, Dir: "l"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadLayers(Layer{FS: fsys, Dir: "l", Snapshot: string(snap)})
	if err != nil || !reflect.DeepEqual(got, parsed) {
		t.Fatalf("the catalog from the snapshot differs from the parsed one (%v)", err)
	}
	if xx, _ := got.Locale("xx"); xx.Plural("pages", 3) != "3 pages" || xx.Typography.NbspBefore[1] != "и" || xx.Fallback() == nil {
		t.Errorf("xx from the snapshot: %+v", xx)
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
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(minimal("en", "\n  a: A"))}, "l/xx.yaml": {Data: []byte(full)}}
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
		if _, err := snapshotFiles(d); err == nil {
			t.Fatalf("a damaged snapshot decodes: %q", d)
		}
		got, err := LoadLayers(Layer{FS: fsys, Dir: "l", Snapshot: d})
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("with a damaged snapshot: %v", err)
		}
	}
}

// TestASnapshotWithAGoodChecksumButBadContentDoesNotCrash: past the checksum, the
// decoder still checks every count and index, so that no snapshot crashes it.
func TestASnapshotWithAGoodChecksumButBadContentDoesNotCrash(t *testing.T) {
	fsys := fstest.MapFS{"l/en.yaml": {Data: []byte(minimal("en", "\n  a: A"))}, "l/xx.yaml": {Data: []byte(full)}}
	snap, err := MakeSnapshot(fsys, "l")
	if err != nil {
		t.Fatal(err)
	}
	body := snap[:len(snap)-4]
	decoded := 0
	for i := len(snapshotMagic); i < len(body); i++ {
		for _, b := range []byte{0x00, 0x01, 0x7f, 0x80, 0xff, body[i] + 1} {
			d := []byte(string(body))
			d[i] = b
			d = binary.LittleEndian.AppendUint32(d, crc32c(d))
			if _, err := snapshotFiles(string(d)); err == nil {
				decoded++
			}
		}
	}
	if decoded == 0 {
		t.Error("no changed snapshot decodes: the test reaches no decoder past its first checks")
	}
}

// TestErrorsAreThoseOfTheFiles: a file edited into a problem since its snapshot was
// made, and a user's file laid over the snapshot's, are reported as without the snapshot.
func TestErrorsAreThoseOfTheFiles(t *testing.T) {
	en := []byte(minimal("en", "\n  a: A"))
	snap, err := MakeSnapshot(fstest.MapFS{"l/en.yaml": {Data: en}, "l/xx.yaml": {Data: []byte(minimal("xx", "\n  a: A"))}}, "l")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range loadErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"l/en.yaml": {Data: en}, "l/xx.yaml": {Data: []byte(tt.file)}}
			_, want := LoadLayers(Layer{FS: fsys, Dir: "l"})
			if _, got := LoadLayers(Layer{FS: fsys, Dir: "l", Snapshot: string(snap)}); want == nil || got == nil || got.Error() != want.Error() {
				t.Errorf("with a stale snapshot:\n%v\nparsed:\n%v", got, want)
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

// TestSnapshotKnowsEveryField: the types snapWriter.locale writes have the fields it
// writes. A field added to one of them must be added to the snapshot (and the magic
// line changed), or the locales read from a snapshot would lack it.
func TestSnapshotKnowsEveryField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeOf(Locale{}):           {"Lang", "Name", "Typography", "plural", "dates", "messages", "fallback"},
		reflect.TypeOf(pluralRule{}):       {"category", "or", "samples"},
		reflect.TypeOf(relation{}):         {"operand", "mod", "negate", "ranges"},
		reflect.TypeOf(sampleRange{}):      {"lo", "hi"},
		reflect.TypeOf(dateFormats{}):      {"date", "time", "datetime", "months", "monthsNominative", "weekdays"},
		reflect.TypeOf(typography.Rules{}): {"Quotes", "Apostrophe", "NbspAfter", "NbspBefore", "NbspBeforeDash", "StopAfterQuote"},
		reflect.TypeOf(message{}):          {"text", "forms"},
	}
	for typ, want := range known {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v has fields %v; the snapshot knows %v: update snapWriter.locale, snapReader.locale and snapshotMagic", typ, got, want)
		}
	}
}
