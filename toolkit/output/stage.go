package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Stage writes files to temporary files in the output folder, and syncs them to disk,
// ahead of WriteAllContext and in the background: a caller that makes its files a batch
// at a time (a kit, document by document) has the disk work done while it makes the
// next batch, instead of after the last. WriteAllContext, given the Stage in Options,
// renames a staged file into place in its turn when its name and bytes are those it is
// asked to write, and writes any other file itself, so the order of renaming and the
// all-or-nothing rule stay its own. A Stage never renames anything.
//
// Discard (which WriteAllContext calls when it is done, and a caller that stops before
// it must call) waits for the writes and removes every temporary file not renamed.
type Stage struct {
	dir   string
	write func(w io.Writer, f File) error

	mu    sync.Mutex
	files map[string]*staged // by name, the latest staged
	all   []*staged
	wg    sync.WaitGroup
	sem   chan struct{}
}

type staged struct {
	data  []byte
	done  chan struct{} // closed when written and synced, or failed
	tmp   string
	err   error
	taken bool
}

// NewStage makes a Stage for the output folder dir (PrepareDir first), writing with
// opt.Write as WriteAllContext does.
func NewStage(dir string, opt Options) *Stage {
	return &Stage{dir: dir, write: opt.Write, files: map[string]*staged{}, sem: make(chan struct{}, maxSyncs)}
}

// Add starts writing and syncing files; it does not wait. A name staged again stands
// for the later bytes.
func (s *Stage) Add(files []File) {
	if s == nil {
		return
	}
	for _, f := range files {
		st := &staged{data: f.Data, done: make(chan struct{})}
		s.mu.Lock()
		s.files[f.Name] = st
		s.all = append(s.all, st)
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer close(st.done)
			s.sem <- struct{}{}
			defer func() { <-s.sem }()
			st.tmp, st.err = writeSynced(filepath.Join(s.dir, f.Name), f, s.write)
		}()
	}
}

// take returns the synced temporary file holding f, when f was staged with the same
// bytes and written without error; the file is then the caller's.
func (s *Stage) take(f File) (string, bool) {
	if s == nil {
		return "", false
	}
	s.mu.Lock()
	st := s.files[f.Name]
	s.mu.Unlock()
	if st == nil || !bytes.Equal(st.data, f.Data) {
		return "", false
	}
	<-st.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if st.err != nil || st.taken {
		return "", false // written anew, where a failure is reported
	}
	st.taken = true
	return st.tmp, true
}

// Discard waits for every staged write and removes the temporary files not taken.
func (s *Stage) Discard() {
	if s == nil {
		return
	}
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.all {
		if !st.taken && st.tmp != "" {
			os.Remove(st.tmp)
		}
		st.taken = true
	}
}

// writeSynced writes f to a new temporary file beside final, mode 0644, synced to disk
// and closed, and returns its name; on failure nothing is left.
func writeSynced(final string, f File, write func(io.Writer, File) error) (string, error) {
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp-*")
	if err != nil {
		return "", err
	}
	if write == nil {
		_, err = tmp.Write(f.Data)
	} else {
		err = write(tmp, f)
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}
