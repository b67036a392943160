package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCtrlCNeverLeavesAMixedKit sends SIGINT to real builds at different moments. Whenever
// it lands, the run ends in success (0) or as interrupted (130), leaves no temporary file,
// and index.html links only files that are there, all from the same build. Nothing here
// depends on timing: every outcome is checked for the same invariants.
func TestCtrlCNeverLeavesAMixedKit(t *testing.T) {
	t.Parallel()
	work := t.TempDir()
	writeWorkspace(t, work)
	kit := filepath.Join(work, "kit.yaml")
	writeKit := func(title string) {
		data := "title: Kit\nlang: [en, ru]\nformats: [pdf, html]\ndocuments:\n  - {type: brief, title: " + title + "}\n  - type: handout\n"
		if err := os.WriteFile(kit, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(work, "out")
	writeKit("Build 0")
	mustRun(t, invocation{args: []string{"build", kit, "-o", out}, dir: work, env: map[string]string{"SOURCE_DATE_EPOCH": epoch}})
	build := regexp.MustCompile(`Build \d`)
	href := regexp.MustCompile(`href="([^":#/]+\.(?:pdf|html))"`)
	for i, delay := range []time.Duration{50, 150, 300, 500, 800, 1200} {
		writeKit("Build " + string(rune('1'+i)))
		cmd := exec.Command(bin, "build", kit, "-o", out)
		cmd.Dir = work
		cmd.Env = cleanEnv(t, map[string]string{"SOURCE_DATE_EPOCH": epoch})
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				code = 128 + int(ws.Signal()) // before the handler was installed: killed, nothing begun
			}
		}
		if code != 0 && code != 130 {
			t.Fatalf("SIGINT after %v: exit %d\n%s", delay*time.Millisecond, code, stderr.String())
		}
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") || strings.HasPrefix(e.Name(), ".presskit-probe") {
				t.Errorf("SIGINT after %v left %s", delay*time.Millisecond, e.Name())
			}
		}
		index, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range href.FindAllSubmatch(index, -1) {
			if _, err := os.Stat(filepath.Join(out, string(m[1]))); err != nil {
				t.Errorf("SIGINT after %v: index.html links %s, which is missing", delay*time.Millisecond, m[1])
			}
		}
		// The index and the brief it links come from the same build: the same title.
		brief, _ := os.ReadFile(filepath.Join(out, "brief-en.html"))
		inIndex, inBrief := build.Find(index), build.Find(brief)
		if inIndex == nil || !bytes.Equal(inIndex, inBrief) {
			t.Errorf("SIGINT after %v: a mixed kit: index.html from %q, brief-en.html from %q", delay*time.Millisecond, inIndex, inBrief)
		}
	}
}
