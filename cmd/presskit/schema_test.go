package main

import (
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

// evidenceSchema reports whether the library format has issue 9's claims and evidence
// (a source's type: and passages:, an item's claim: and evidence:). The schema lands
// from another branch; fixtures written here use it when the loader knows it, so these
// tests hold before and after it is merged.
func evidenceSchema(t *testing.T) bool {
	t.Helper()
	const probe = "sources:\n  - id: s\n    type: research\n    publisher: P\n    passages: [\"x\"]\n    en: {title: T}\n"
	_, probs := library.ParseFile("probe.yaml", []byte(probe), []string{"en"})
	return len(probs) == 0
}

// claimFields are the lines a claim-bearing item of the test workspaces needs in the
// evidence schema, resting on ws-src's one passage; "" before it.
func claimFields(t *testing.T, indent string) string {
	if !evidenceSchema(t) {
		return ""
	}
	return indent + "claim: report\n" + indent + "evidence: [{source: ws-src, passage: \"Workspace fact here.\"}]\n"
}

// sourceFields are the lines ws-src needs in the evidence schema; "" before it.
func sourceFields(t *testing.T, indent string) string {
	if !evidenceSchema(t) {
		return ""
	}
	return indent + "type: research\n" + indent + "passages: [\"Workspace fact here.\"]\n"
}
