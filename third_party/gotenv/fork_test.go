package gotenv

import (
	"strings"
	"testing"
)

// TestParsePatched runs every regular expression the presskit patch made lazy: lines,
// quoting, unescaping and variable expansion parse as upstream's tests expect.
func TestParsePatched(t *testing.T) {
	t.Setenv("GOTENV_FORK_HOME", "/home/x")
	in := strings.Join([]string{
		`# a comment`,
		`export PLAIN=value # trailing`,
		`SINGLE='single $PLAIN'`,
		`DOUBLE="a\nb \"q\" ${PLAIN}"`,
		`FROMENV=$GOTENV_FORK_HOME/bin`,
		`ESCAPED="\$PLAIN"`,
		`COLON: yes`,
	}, "\n")
	env, err := StrictParse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := Env{
		"PLAIN":   "value",
		"SINGLE":  "single $PLAIN",
		"DOUBLE":  "a\nb \"q\" value",
		"FROMENV": "/home/x/bin",
		"ESCAPED": "$PLAIN",
		"COLON":   "yes",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
	if len(env) != len(want) {
		t.Errorf("got %d variables, want %d: %v", len(env), len(want), env)
	}
	if _, err := StrictParse(strings.NewReader("not a line")); err == nil {
		t.Error("a line without = parsed")
	}
}
