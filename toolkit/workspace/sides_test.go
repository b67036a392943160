package workspace

import (
	"errors"
	"reflect"
	"testing"
)

func TestSplitSides(t *testing.T) {
	plain, sides, err := SplitSides([]string{"en", "en+ru", "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain, []string{"en", "ru", "fr"}) || !reflect.DeepEqual(sides, [][]string{{"en", "ru"}}) {
		t.Errorf("plain %v, sides %v", plain, sides)
	}
	for _, bad := range []string{"en+", "+ru", "en+en"} {
		if _, _, err := SplitSides([]string{bad}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCheckLanguagesChecksEachSide(t *testing.T) {
	known := []string{"en", "ru"}
	if err := CheckLanguages([]string{"en+ru"}, known); err != nil {
		t.Errorf("en+ru: %v", err)
	}
	var ul *UnknownLanguageError
	if err := CheckLanguages([]string{"en+xx"}, known); !errors.As(err, &ul) || ul.Lang != "xx" {
		t.Errorf("en+xx: %v, want xx unknown", err)
	}
}
