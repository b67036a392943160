package pdf

import "testing"

func TestShortURLAndBrackets(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.law360.ca/articles/18322/ontario-s-anti-human-trafficking-initiative-elene-lam": "law360.ca/articles/18322/ontario-s-anti…",
		"https://swannet.org/vision-mission-values/":                                                 "swannet.org/vision-mission-values",
		"http://example.org/a?utm=1":                                                                 "example.org/a",
	} {
		got := shortURL(in)
		if got != want {
			t.Errorf("shortURL(%q) = %q, want %q", in, got, want)
		}
		if n := len([]rune(got)); n > shortURLMax {
			t.Errorf("shortURL(%q) is %d characters", in, n)
		}
	}
	if got := dropBrackets("Sex Work Wrong? [Неверна ли цифра?]. 2014."); got != "Sex Work Wrong? 2014." {
		t.Errorf("dropBrackets: %q", got)
	}
	if got := dropBrackets("Reconceptualizing Approaches [Переосмысление подходов]. SWAN."); got != "Reconceptualizing Approaches. SWAN." {
		t.Errorf("dropBrackets: %q", got)
	}
}
