package main

import (
	"testing"

	"github.com/presskit/presskit/content"
	"github.com/presskit/presskit/toolkit/config"
)

// TestStringLayersCarryTheSnapshot: the embedded interface strings come with their
// snapshot, also when only the strings of the embedded content are used; a user's
// folder has none; presskit validate parses them.
func TestStringLayersCarryTheSnapshot(t *testing.T) {
	for _, c := range []struct {
		name       string
		embedded   bool
		noSnapshot bool
		want       string
	}{
		{"embedded library", true, false, content.StringsSnapshot},
		{"strings only", false, false, content.StringsSnapshot},
		{"validate", true, true, ""},
	} {
		a := &app{streams: &streams{}, cfg: config.Config{Embedded: c.embedded, Library: []string{t.TempDir()}}, noSnapshot: c.noSnapshot}
		layers, err := a.stringLayers()
		if err != nil {
			t.Fatal(err)
		}
		if len(layers) != 2 {
			t.Fatalf("%s: %d layers, want the embedded one and the folder", c.name, len(layers))
		}
		if layers[0].Snapshot != c.want || layers[1].Snapshot != "" || layers[0].Name != "" || layers[1].Name == "" {
			t.Errorf("%s: snapshots of %d and %d bytes, want %d and none; names %q, %q",
				c.name, len(layers[0].Snapshot), len(layers[1].Snapshot), len(c.want), layers[0].Name, layers[1].Name)
		}
	}
}
