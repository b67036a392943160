package library_test

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
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

// TestEmbedDigestReadsTheCompilersHashes: presskit's embedded library is digested from
// the hashes the compiler stores with embedded files (nothing of the files is read), one
// for each file the library loads. If a Go release changes embed.FS's layout this fails:
// presskit then still works, digesting the files' contents at every start.
func TestEmbedDigestReadsTheCompilersHashes(t *testing.T) {
	d, ok := library.EmbedDigest(content.FS)
	if !ok || !strings.HasPrefix(d, "embed:") {
		t.Fatalf("EmbedDigest(content.FS) = %q, %v", d, ok)
	}
	n := 0
	fs.WalkDir(content.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".yaml") && !strings.HasPrefix(p, "i18n/") {
			n++
		}
		return nil
	})
	if !strings.HasSuffix(d, fmt.Sprintf(":%d", n)) {
		t.Errorf("digest %q does not count the %d library files", d, n)
	}
	if got, _ := library.LibraryDigest(content.FS); got != d {
		t.Errorf("LibraryDigest = %q, want the embed digest %q", got, d)
	}
	if _, ok := library.EmbedDigest(os.DirFS("../../content")); ok {
		t.Error("a folder on disk has no compiler hashes")
	}
}
