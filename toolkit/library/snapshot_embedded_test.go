package library_test

import (
	"reflect"
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/library"
)

// TestEmbeddedSnapshotIsCurrent: content/library.snap is the snapshot of the embedded
// files as this code makes it. While it is stale, presskit still works (it parses the
// files) but every process pays for the parse.
func TestEmbeddedSnapshotIsCurrent(t *testing.T) {
	want, err := library.MakeSnapshot(content.FS, "content", []string{"en", "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != content.Snapshot {
		t.Fatal("content/library.snap is out of date with the library's files or with this code: run `go generate ./content` and commit library.snap")
	}
}

// TestEmbeddedSnapshotIsUsed: presskit's own library loads from its snapshot, known valid,
// with the same items as parsing the files gives.
func TestEmbeddedSnapshotIsUsed(t *testing.T) {
	langs := []string{"en", "ru"}
	src := library.Source{FS: content.FS, Name: "content", Origin: "embedded"}
	parsed, probs := library.Load([]library.Source{src}, library.Options{Languages: langs})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	src.Snapshot = content.Snapshot
	snap, probs := library.Load([]library.Source{src}, library.Options{Languages: langs})
	if len(probs) > 0 || !snap.Validated() {
		t.Fatalf("problems %v, validated %v", probs, snap.Validated())
	}
	if !reflect.DeepEqual(parsed.Items(), snap.Items()) {
		t.Fatal("the snapshot's items differ from the parsed files'")
	}
}

// BenchmarkLoadEmbedded compares presskit's own library read from its files (parsed and
// validated) and from its snapshot, as every command reads it.
func BenchmarkLoadEmbedded(b *testing.B) {
	langs := []string{"en", "ru"}
	for _, c := range []struct {
		name string
		snap string
	}{{"files", ""}, {"snapshot", content.Snapshot}} {
		b.Run(c.name, func(b *testing.B) {
			src := library.Source{FS: content.FS, Name: "content", Origin: "embedded", Snapshot: c.snap}
			for i := 0; i < b.N; i++ {
				lib, probs := library.Load([]library.Source{src}, library.Options{Languages: langs})
				if !lib.Validated() {
					probs = append(probs, lib.Validate()...)
				}
				if len(probs) > 0 {
					b.Fatal(probs)
				}
			}
		})
	}
}
