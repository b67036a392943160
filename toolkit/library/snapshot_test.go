package library

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

var snapLangs = []string{"en", "ru"}

func mustSnapshot(t testing.TB, fsys fstest.MapFS, name string) string {
	t.Helper()
	data, err := MakeSnapshot(fsys, name, snapLangs)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSnapshotLoadsWhatTheFilesSay: a library loaded from its snapshot has the same items,
// field for field, positions included, as the one parsed from its files, and is known valid.
func TestSnapshotLoadsWhatTheFilesSay(t *testing.T) {
	fsys := genLibrary(30)
	snap := mustSnapshot(t, fsys, "gen")
	parsed, probs := Load([]Source{{FS: fsys, Name: "gen", Origin: "embedded"}}, Options{Languages: snapLangs})
	if len(probs) > 0 || parsed.Validated() {
		t.Fatalf("parsed: problems %v, validated %v", probs, parsed.Validated())
	}
	for _, langs := range [][]string{snapLangs, {"ru"}, {"en"}} {
		fromSnap, probs := Load([]Source{{FS: fsys, Name: "gen", Origin: "embedded", Snapshot: snap}}, Options{Languages: langs, Known: snapLangs})
		if len(probs) > 0 || !fromSnap.Validated() {
			t.Fatalf("%v: snapshot: problems %v, validated %v", langs, probs, fromSnap.Validated())
		}
		if !reflect.DeepEqual(parsed.Items(), fromSnap.Items()) {
			t.Fatalf("%v: the snapshot's items differ from the parsed ones", langs)
		}
		// Validate still works on it, rules read when asked for.
		if ps := fromSnap.Validate(); len(ps) > 0 || fromSnap.Rules[langs[0]] == nil || len(fromSnap.Rules[langs[0]].Attribution) == 0 {
			t.Fatalf("%v: Validate on a snapshot's library: %v, rules %+v", langs, ps, fromSnap.Rules)
		}
	}
}

// TestSnapshotIsDeterministic: the same files give the same bytes.
func TestSnapshotIsDeterministic(t *testing.T) {
	fsys := genLibrary(20)
	if a, b := mustSnapshot(t, fsys, "gen"), mustSnapshot(t, fsys, "gen"); a != b {
		t.Fatal("two snapshots of the same library differ")
	}
}

// TestStaleSnapshotIsNotUsed: once a file changes (one digit), or a file is added, or the
// library is read under another name, the files are parsed and validated as without a
// snapshot.
func TestStaleSnapshotIsNotUsed(t *testing.T) {
	fsys := genLibrary(3)
	snap := mustSnapshot(t, fsys, "gen")
	edit := func(f func(fstest.MapFS)) fstest.MapFS {
		c := fstest.MapFS{}
		for k, v := range fsys {
			d := *v
			c[k] = &d
		}
		f(c)
		return c
	}
	cases := map[string]struct {
		fsys fstest.MapFS
		name string
		want string // in myth-2's en myth
	}{
		"a digit changed": {edit(func(c fstest.MapFS) {
			c["gen/myths-000.yaml"].Data = []byte(strings.Replace(string(c["gen/myths-000.yaml"].Data), "number 2 ", "number 7 ", 1))
		}), "gen", "number 7"},
		"a file added": {edit(func(c fstest.MapFS) {
			c["more.yaml"] = &fstest.MapFile{Data: []byte("myths:\n")}
		}), "gen", "number 2"},
		"another name": {fsys, "other", "number 2"},
	}
	for name, c := range cases {
		lib, probs := Load([]Source{{FS: c.fsys, Name: c.name, Snapshot: snap}}, Options{Languages: snapLangs})
		if len(probs) > 0 || lib.Validated() {
			t.Errorf("%s: problems %v, validated %v (want parsed, not known valid)", name, probs, lib.Validated())
			continue
		}
		if got := lib.Get("myth-2").Get("en", "myth"); !strings.Contains(got, c.want) {
			t.Errorf("%s: myth-2 says %q, want %q", name, got, c.want)
		}
		if got := lib.Get("myth-2").Pos.File; !strings.HasPrefix(got, c.name+"/") {
			t.Errorf("%s: position file %q, want it under %s/", name, got, c.name)
		}
	}
}

// TestSnapshotNotTrustedBeyondWhatWasValidated: a user folder over it, or a language the
// snapshot was not validated for, means a full validation.
func TestSnapshotNotTrustedBeyondWhatWasValidated(t *testing.T) {
	fsys := genLibrary(3)
	snap := mustSnapshot(t, fsys, "gen")
	user := Source{FS: mapFS(map[string]string{"mine.yaml": strings.Replace(goodMyth, "myth-one", "mine", 1)}), Name: "mine", Origin: "./mine"}
	lib, _ := Load([]Source{{FS: fsys, Name: "gen", Snapshot: snap}, user}, Options{Languages: snapLangs})
	if lib.Validated() || lib.Get("mine") == nil || lib.Get("myth-1") == nil {
		t.Fatalf("with a user folder: validated %v, items %v", lib.Validated(), lib.IDs())
	}
	lib, _ = Load([]Source{{FS: fsys, Name: "gen", Snapshot: snap}}, Options{Languages: []string{"en", "uk"}, Known: []string{"en", "ru", "uk"}})
	if lib.Validated() {
		t.Fatal("validated for a language the snapshot never saw")
	}
	if ps := lib.Validate(); len(ps) == 0 || !strings.Contains(ps.Error(), "missing translation") {
		t.Fatalf("Validate for uk: %v", ps)
	}
}

// TestSnapshotRefusesALibraryWithProblems: no snapshot of a library that does not
// validate, for both languages or for either alone; the error lists the problems.
func TestSnapshotRefusesALibraryWithProblems(t *testing.T) {
	fsys := genLibrary(3)
	fsys["bad.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(goodMyth, "    ru:\n      myth: Все мигранты — жертвы торговли людьми.\n      fact: Не все мигранты — жертвы торговли людьми, считает SWAN.\n", "", 1))}
	_, err := MakeSnapshot(fsys, "gen", snapLangs)
	if err == nil || !strings.Contains(err.Error(), "gen/bad.yaml") || !strings.Contains(err.Error(), "missing translation") {
		t.Fatalf("err = %v", err)
	}
}

// TestCorruptSnapshotIsAnErrorNotAPanic: every truncation and a flipped byte anywhere
// either decode to an error or (a flip inside a string) to a snapshot; never a panic.
func TestCorruptSnapshotIsAnErrorNotAPanic(t *testing.T) {
	snap := mustSnapshot(t, genLibrary(2), "gen")
	for n := 0; n < len(snap); n++ {
		if _, err := DecodeSnapshot(snap[:n]); err == nil {
			t.Fatalf("a snapshot cut at byte %d of %d decoded without error", n, len(snap))
		}
	}
	for i := 0; i < len(snap); i++ {
		b := []byte(snap)
		b[i] ^= 0xff
		DecodeSnapshot(string(b))
	}
	if _, err := DecodeSnapshot("presskit library snapshot 0\n"); err == nil || !strings.Contains(err.Error(), "go generate ./content") {
		t.Fatalf("an old format: %v", err)
	}
}

func BenchmarkLoadSnapshot1000(b *testing.B) {
	fsys := genLibrary(1000)
	snap := mustSnapshot(b, fsys, "gen")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib, probs := Load([]Source{{FS: fsys, Name: "gen", Snapshot: snap}}, Options{Languages: snapLangs})
		if len(probs) > 0 || !lib.Validated() {
			b.Fatal(probs)
		}
	}
}
