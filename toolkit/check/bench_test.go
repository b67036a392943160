package check

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/presskit/presskit/toolkit/library"
)

// benchChecker compiles the curated terms when they are there, the test terms otherwise.
func benchChecker(b testing.TB) *Checker {
	data, err := fs.ReadFile(os.DirFS("../../content"), "terms.yaml")
	if err != nil {
		return testChecker(b)
	}
	items, probs := library.ParseFile("terms.yaml", data, langs)
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	c, err := Compile(items, langs)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// russianDraft builds about size bytes of Russian prose, in paragraphs, where one sentence
// in eight holds a term to avoid.
func russianDraft(size int) []byte {
	plain := []string{
		"Вчера в городе прошла пресс-конференция правозащитной организации.",
		"Представители сообщества рассказали о нарушениях трудовых прав.",
		"По словам юристов, многие работницы не могут обратиться в полицию.",
		"Исследование охватило двенадцать городов и более трёхсот участниц.",
		"Организация требует отменить штрафы и обеспечить доступ к медицине.",
		"Эксперты напоминают, что ёмкие формулировки влияют на общественное мнение.",
		"Журналистам стоит проверять цифры и называть источники данных.",
	}
	terms := []string{
		"Полиция задержала пять проституток в квартире на окраине.",
		"В ходе рейда задержали двенадцать нелегалов.",
		"Депутат говорил о нелегальных мигрантах и «секс-рабынях».",
		"Активисты выступили против проституции и секс-трафика.",
	}
	var b strings.Builder
	b.Grow(size + 256)
	for i := 0; b.Len() < size; i++ {
		if i%8 == 7 {
			b.WriteString(terms[(i/8)%len(terms)])
		} else {
			b.WriteString(plain[(i*3)%len(plain)])
		}
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
}

func benchmarkCheck(b *testing.B, size int) {
	c := benchChecker(b)
	text := russianDraft(size)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Check("draft.md", text, Options{Markdown: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckRussian100KB(b *testing.B) { benchmarkCheck(b, 100<<10) }

func BenchmarkCheckRussian1MB(b *testing.B) { benchmarkCheck(b, 1<<20) }

func BenchmarkCheckRussian8MB(b *testing.B) { benchmarkCheck(b, 8<<20) }
