// Package e2e runs the real presskit binary the way a user does: bad input must end in a
// clear, located message with no stack trace and no partial output, and the documents must
// pass real PDF readers.
package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// bin is the presskit binary built once for the whole package.
var bin string

// repoRoot is the module's root folder (the parent of e2e/).
var repoRoot string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	// pdfcpu would otherwise write a configuration folder into the user's home.
	api.DisableConfigDir()
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	repoRoot = filepath.Dir(wd)
	dir, err := os.MkdirTemp("", "presskit-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "presskit")
	build := exec.Command("go", "build", "-o", bin, "./cmd/presskit")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building presskit: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
	elapsed        time.Duration
}

// invocation describes one run of the binary.
type invocation struct {
	args  []string
	dir   string            // working directory
	env   map[string]string // added to a clean environment
	stdin []byte
	// timeout ends the run as a failure; a minute when zero.
	timeout time.Duration
}

// cleanEnv is an environment that no setting of the machine running the tests leaks into:
// no PRESSKIT_* variables, a home and a user config folder of the test's own.
func cleanEnv(t *testing.T, extra map[string]string) []string {
	t.Helper()
	home := t.TempDir()
	env := map[string]string{
		"PATH":            os.Getenv("PATH"),
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, ".config"),
		"NO_COLOR":        "1",
		"LANG":            "C.UTF-8",
		"TMPDIR":          os.TempDir(),
	}
	for k, v := range extra {
		env[k] = v
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, k+"="+env[k])
	}
	return out
}

// runPresskit runs the binary and returns what it did; it fails the test only when the
// binary could not be run at all or ran past its timeout.
func runPresskit(t *testing.T, inv invocation) result {
	t.Helper()
	limit := inv.timeout
	if limit == 0 {
		limit = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, inv.args...)
	cmd.Dir = inv.dir
	cmd.Env = cleanEnv(t, inv.env)
	if inv.stdin != nil {
		cmd.Stdin = bytes.NewReader(inv.stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("presskit %s: still running after %v\nstderr:\n%s", strings.Join(inv.args, " "), limit, tail(res.stderr))
	}
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("presskit %s: %v", strings.Join(inv.args, " "), err)
	}
	return res
}

// mustRun runs the binary and fails the test unless it succeeds.
func mustRun(t *testing.T, inv invocation) result {
	t.Helper()
	res := runPresskit(t, inv)
	if res.code != 0 {
		t.Fatalf("presskit %s: exit %d\nstderr:\n%s", strings.Join(inv.args, " "), res.code, tail(res.stderr))
	}
	return res
}

// stackTrace matches what a Go panic or a leaked Go error position looks like.
var stackTrace = regexp.MustCompile(`goroutine \d+|panic:|runtime error|\.go:\d+`)

// tail keeps the end of long output readable in a failure message.
func tail(s string) string {
	const max = 4000
	if len(s) > max {
		return "…" + s[len(s)-max:]
	}
	return s
}

// snapshot maps every regular file under dir (relative, slash-separated) to its hash.
// Empty folders are not listed: creating an empty output folder is not partial output.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() {
			files[rel] = "not a regular file"
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatalf("listing %s: %v", dir, err)
	}
	return files
}

// diffSnapshots lists files added, changed or removed between two snapshots.
func diffSnapshots(before, after map[string]string) []string {
	var out []string
	for p, h := range after {
		switch old, ok := before[p]; {
		case !ok:
			out = append(out, "added "+p)
		case old != h:
			out = append(out, "changed "+p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, "removed "+p)
		}
	}
	sort.Strings(out)
	return out
}

// copyTree copies the regular files and folders of src into dst, skipping names in skip.
func copyTree(t *testing.T, src, dst string, skip map[string]bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip[filepath.ToSlash(rel)] {
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

// tool finds an external program, skipping the test when it is missing, unless
// PRESSKIT_REQUIRE_TOOLS=1 (as in CI), when a missing tool fails the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("PRESSKIT_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not installed and PRESSKIT_REQUIRE_TOOLS=1 (install poppler-utils and qpdf)", name)
	}
	t.Skipf("%s is not installed (install poppler-utils and qpdf; set PRESSKIT_REQUIRE_TOOLS=1 to make this a failure)", name)
	return ""
}

// normalizeText folds every run of white space (line breaks, U+00A0, thin and narrow
// no-break spaces included) into one space. A hyphen that ends a line after a letter
// ("секс-\nработа") joins the next line without a space.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\u00ad", "") // soft hyphen
	rs := []rune(s)
	var b strings.Builder
	space := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if (r == '-' || r == '\u2010') && i > 0 && unicode.IsLetter(rs[i-1]) {
			j := i + 1
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\u00a0') {
				j++
			}
			if j < len(rs) && (rs[j] == '\n' || rs[j] == '\f') {
				for j < len(rs) && isSpace(rs[j]) {
					j++
				}
				b.WriteRune(r)
				i = j - 1
				space = false
				continue
			}
		}
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' || r == '\u200b'
}
