package words

import (
	"reflect"
	"testing"
)

func TestSplitKeepsCyrillicWordsAndApostrophes(t *testing.T) {
	got := Split("Don't call them «нелегалы»: секс-работа, O’Brien.")
	var texts []string
	for _, tk := range got {
		texts = append(texts, tk.Text)
	}
	want := []string{"Don't", "call", "them", "нелегалы", "секс", "работа", "O’Brien"}
	if !reflect.DeepEqual(texts, want) {
		t.Fatalf("Split = %q, want %q", texts, want)
	}
	s := "«нелегалы»"
	if tk := Split(s)[0]; s[tk.Start:tk.End] != "нелегалы" {
		t.Fatalf("offsets point at %q", s[tk.Start:tk.End])
	}
}

func TestStemMatchesRussianInflections(t *testing.T) {
	for _, pair := range [][2]string{
		{"мигрантки", "мигрантка"},
		{"мигрантов", "мигранты"},
		{"нелегальных", "нелегальный"},
		{"Ёлки", "елки"},
		{"migrants", "migrant"},
		{"Prostitutes", "prostitute"},
	} {
		if a, b := Stem(pair[0]), Stem(pair[1]); a != b {
			t.Errorf("Stem(%q)=%q but Stem(%q)=%q", pair[0], a, pair[1], b)
		}
	}
}

func TestIsCyrillic(t *testing.T) {
	if !IsCyrillic("мигрант") || IsCyrillic("migrant") {
		t.Fatal("script detection is wrong")
	}
}
