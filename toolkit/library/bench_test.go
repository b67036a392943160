package library

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// genLibrary makes a library of n myths spread over files of 1,000 items, plus one source.
func genLibrary(n int) fstest.MapFS {
	fs := fstest.MapFS{"sources.yaml": {Data: []byte(goodSources)},
		"i18n/en.yaml": {Data: []byte(rulesEN)}, "i18n/ru.yaml": {Data: []byte(rulesRU)}}
	for f := 0; f*1000 < n; f++ {
		var b strings.Builder
		b.WriteString("myths:\n")
		for i := f * 1000; i < n && i < (f+1)*1000; i++ {
			fmt.Fprintf(&b, "  - id: myth-%d\n    tags: [trafficking, gen]\n    sources: [src]\n    claim: position\n    evidence: [{source: src, passage: \"Not all migrants are   trafficked\"}]\n    en:\n      myth: \"Generated myth number %d about *migration*.\"\n      fact: \"The fact that answers myth %d, advocates argue, with a [link](https://example.org).\"\n    ru:\n      myth: \"Сгенерированный миф номер %d о *миграции*.\"\n      fact: \"Факт, который отвечает на миф %d, по мнению активистов.\"\n", i, i, i, i, i)
		}
		fs[fmt.Sprintf("gen/myths-%03d.yaml", f)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fs
}

func benchmarkLoadValidate(b *testing.B, n int) {
	fsys := genLibrary(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lib, probs := Load([]Source{{FS: fsys, Name: "gen"}}, Options{Languages: []string{"en", "ru"}})
		probs = append(probs, lib.Validate()...)
		if len(probs) > 0 || lib.Len() != n+1 {
			b.Fatalf("problems: %v (items %d)", probs, lib.Len())
		}
	}
}

func BenchmarkLoadValidate1000(b *testing.B)  { benchmarkLoadValidate(b, 1000) }
func BenchmarkLoadValidate10000(b *testing.B) { benchmarkLoadValidate(b, 10000) }

// BenchmarkValidate1000 times Validate alone (it runs in every command), on a library
// of 1,000 myths with evidence and the editorial cues.
func BenchmarkValidate1000(b *testing.B) {
	lib, probs := Load([]Source{{FS: genLibrary(1000), Name: "gen"}}, Options{Languages: []string{"en", "ru"}})
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if probs := lib.Validate(); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}
