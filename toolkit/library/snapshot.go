package library

import (
	"embed"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/presskit/presskit/toolkit/internal/snapcode"
)

// A snapshot is a library's items as parsed from its YAML files and validated, encoded
// compactly at build time (go generate ./content) so that a process reads the embedded
// library without parsing 400 KB of YAML: the parse allocated about 5 MB and took about
// a quarter of a one-page handout's CPU.
//
// It records a digest of the files it was made from. Load uses a snapshot only while the
// files still give that digest, so an edited library is never shadowed by a stale snapshot:
// it is parsed again, only slower, and `go test ./toolkit/library` says to regenerate.
//
// Layout: the magic line, the digest, the languages it was validated for, a table of
// distinct strings, then the items, every string an index into the table. Decoded strings
// are substrings of the snapshot itself, so decoding copies no text.

// snapshotMagic names the format; a change to the encoding changes it.
const snapshotMagic = "presskit library snapshot 1\n"

// ErrStaleSnapshot reports a snapshot made from other files than the library's.
var ErrStaleSnapshot = errors.New("the snapshot was made from other library files")

// Snapshot is a decoded snapshot.
type Snapshot struct {
	// Name is the name the library's files were read under ("content"): positions start with it.
	Name string
	// Digest identifies the library files it was made from (LibraryDigest).
	Digest string
	// Languages are the languages it was validated for.
	Languages []string
	Items     []*Item
}

// LibraryDigest identifies a library's YAML files, names and contents: the digest a
// snapshot records. For a library embedded in the program (an embed.FS) it is made from
// the hash of each file's contents that the Go compiler stores beside the file, so that
// nothing of the files is read (EmbedDigest); otherwise from the files themselves,
// read through one small buffer (CRC-32C, which the CPU computes).
func LibraryDigest(fsys fs.FS) (string, error) {
	if d, ok := EmbedDigest(fsys); ok {
		return d, nil
	}
	return contentDigest(fsys)
}

// EmbedDigest is LibraryDigest for an embed.FS, from the content hashes the compiler
// stores with its files (16 bytes of a SHA-256 of each file). The embed package does
// not export them, so they are read through reflection, with every step of the layout
// checked; ok is false for any other file system, or if a Go release changes the layout
// (the library is then digested from its contents: slower, never wrong).
// TestEmbedDigestReadsTheCompilersHashes fails if that happens.
func EmbedDigest(fsys fs.FS) (digest string, ok bool) {
	v := reflect.ValueOf(fsys)
	if v.Type() != reflect.TypeOf(embed.FS{}) || v.NumField() != 1 {
		return "", false
	}
	files := v.Field(0) // *[]file
	if files.Kind() != reflect.Pointer || files.IsNil() || files.Elem().Kind() != reflect.Slice {
		return "", false
	}
	list := files.Elem()
	ft := list.Type().Elem() // struct { name, data string; hash [16]byte }
	if ft.Kind() != reflect.Struct || ft.NumField() != 3 || ft.Field(0).Type.Kind() != reflect.String ||
		ft.Field(1).Type.Kind() != reflect.String || ft.Field(2).Type.Kind() != reflect.Array ||
		ft.Field(2).Type.Len() != 16 || ft.Field(2).Type.Elem().Kind() != reflect.Uint8 {
		return "", false
	}
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	n, zero := 0, true
	var hash [16]byte
	for i := 0; i < list.Len(); i++ {
		f := list.Index(i)
		name := f.Field(0).String()
		if !isLibraryFile(name) {
			continue
		}
		for j := range hash {
			hash[j] = byte(f.Field(2).Index(j).Uint())
			zero = zero && hash[j] == 0
		}
		io.WriteString(h, name)
		h.Write([]byte{0})
		h.Write(hash[:])
		n++
	}
	if n > 0 && zero {
		return "", false // no hashes stored: not the layout this reads
	}
	return fmt.Sprintf("embed:%08x:%d", h.Sum32(), n), true
}

// isLibraryFile reports whether an embed.FS entry is a file libraryFiles lists.
func isLibraryFile(name string) bool {
	if strings.HasSuffix(name, "/") || !isYAML(name) {
		return false
	}
	for _, d := range strings.Split(path.Dir(name), "/") {
		if d != "." && skippedDir(d) {
			return false
		}
	}
	return true
}

// contentDigest is LibraryDigest from the files' contents.
func contentDigest(fsys fs.FS) (string, error) {
	files, err := libraryFiles(fsys)
	if err != nil {
		return "", err
	}
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	buf := make([]byte, 32<<10)
	var total int64
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			return "", err
		}
		io.WriteString(h, name)
		h.Write([]byte{0})
		n, err := io.CopyBuffer(h, onlyReader{f}, buf)
		f.Close()
		if err != nil {
			return "", err
		}
		total += n
		h.Write([]byte{0})
	}
	return fmt.Sprintf("crc32c:%08x:%d:%d", h.Sum32(), len(files), total), nil
}

// onlyReader hides a file's WriterTo/ReaderFrom so that io.CopyBuffer uses the buffer.
type onlyReader struct{ io.Reader }

// MakeSnapshot parses the library of fsys (its YAML files; i18n/ gives the rules), validates
// it for each of langs alone and for all of them together, and encodes it. Any problem
// fails: a snapshot holds only a library that validates.
func MakeSnapshot(fsys fs.FS, name string, langs []string) ([]byte, error) {
	digest, err := LibraryDigest(fsys)
	if err != nil {
		return nil, err
	}
	src := []Source{{FS: fsys, Name: name}}
	sets := [][]string{langs}
	if len(langs) > 1 {
		for _, l := range langs {
			sets = append(sets, []string{l})
		}
	}
	var lib *Library
	for _, set := range sets {
		l, probs := Load(src, Options{Languages: set, Known: langs})
		probs = append(probs, l.Validate()...)
		if len(probs) > 0 {
			probs.Sort()
			return nil, fmt.Errorf("the library does not validate for %s, so no snapshot is made:\n%v", strings.Join(set, ", "), probs)
		}
		if lib == nil {
			lib = l
		}
	}
	return encodeSnapshot(name, digest, langs, lib.Items()), nil
}

// snapWriter encodes a snapshot (package snapcode: strings in a table, the body their
// indices), item by item.
type snapWriter struct{ *snapcode.Writer }

func (w snapWriter) strList_(ss []string) {
	w.Uint(len(ss))
	for _, s := range ss {
		w.Str(s)
	}
}

func (w snapWriter) pos(p Pos) {
	w.Str(p.File)
	w.Uint(p.Line)
	w.Uint(p.Col)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (w snapWriter) positions(ps Positions) {
	w.Bool(ps != nil)
	w.Uint(len(ps))
	for _, p := range ps {
		w.Str(p.Name)
		w.pos(p.Pos)
	}
}

func (w snapWriter) item(it *Item) {
	w.Str(it.ID)
	w.Str(string(it.Kind))
	for _, l := range [][]string{it.Tags, it.Sources, it.Related} {
		w.Bool(l != nil)
		w.strList_(l)
	}
	for _, s := range []string{it.Original, it.Severity, it.Author, it.Publisher, it.Year,
		it.Date, it.URL, it.Accessed, it.Type, it.Claim, it.AsOf} {
		w.Str(s)
	}
	w.Bool(it.Passages != nil)
	w.Uint(len(it.Passages))
	for _, p := range it.Passages {
		w.Str(p.Text)
		w.pos(p.Pos)
	}
	w.Bool(it.Evidence != nil)
	w.Uint(len(it.Evidence))
	for _, e := range it.Evidence {
		w.Str(e.Source)
		w.Str(e.Passage)
		w.pos(e.Pos)
		w.pos(e.SourcePos)
		w.pos(e.PassagePos)
	}
	w.positions(it.TopPos)
	w.Bool(it.Text != nil)
	w.Uint(len(it.Text))
	for _, lang := range sortedKeys(it.Text) {
		t := it.Text[lang]
		w.Str(lang)
		w.Str(t.Lang)
		w.pos(t.Pos)
		w.Uint(len(t.Fields))
		for _, k := range sortedKeys(t.Fields) {
			w.Str(k)
			w.Str(t.Fields[k])
		}
		w.Uint(len(t.Lists))
		for _, k := range sortedKeys(t.Lists) {
			w.Str(k)
			w.Bool(t.Lists[k] != nil)
			w.strList_(t.Lists[k])
		}
		w.positions(t.FieldPos)
	}
	w.pos(it.Pos)
}

func encodeSnapshot(name, digest string, langs []string, items []*Item) []byte {
	w := snapWriter{snapcode.NewWriter()}
	w.Str(name)
	w.Str(digest)
	w.strList_(langs)
	w.Uint(len(items))
	for _, it := range items {
		if it.malformed != nil || slices.ContainsFunc(it.Evidence, func(e Evidence) bool { return e.malformed }) {
			panic("library: a snapshot of an item with problems: " + it.ID) // MakeSnapshot validated it
		}
		w.item(it)
	}
	return w.Encode(snapshotMagic)
}

// snapReader decodes a snapshot (package snapcode), item by item.
type snapReader struct {
	*snapcode.Reader
	slab []NamedPos // room for positions
}

func (r *snapReader) strList(present bool) []string {
	n := r.Count()
	if !present {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.Str()
	}
	return out
}

func (r *snapReader) pos() Pos { return Pos{File: r.Str(), Line: r.Uint(), Col: r.Uint()} }

// positions reads a list of positions into the shared slab: one allocation for many.
func (r *snapReader) positions() Positions {
	present := r.Bool()
	n := r.Count()
	if len(r.slab) < n {
		r.slab = make([]NamedPos, max(n, 1024))
	}
	ps := r.slab[:n:n]
	r.slab = r.slab[n:]
	for i := range ps {
		ps[i] = NamedPos{r.Str(), r.pos()}
	}
	if !present {
		return nil
	}
	return ps
}

func (r *snapReader) item() *Item {
	it := &Item{ID: r.Str(), Kind: Kind(r.Str())}
	it.Tags = r.strList(r.Bool())
	it.Sources = r.strList(r.Bool())
	it.Related = r.strList(r.Bool())
	for _, s := range []*string{&it.Original, &it.Severity, &it.Author, &it.Publisher, &it.Year,
		&it.Date, &it.URL, &it.Accessed, &it.Type, &it.Claim, &it.AsOf} {
		*s = r.Str()
	}
	if r.Bool() {
		it.Passages = make([]Passage, r.Count())
	} else {
		r.Count()
	}
	for i := range it.Passages {
		it.Passages[i] = Passage{Text: r.Str(), Pos: r.pos()}
	}
	if r.Bool() {
		it.Evidence = make([]Evidence, r.Count())
	} else {
		r.Count()
	}
	for i := range it.Evidence {
		it.Evidence[i] = Evidence{Source: r.Str(), Passage: r.Str(), Pos: r.pos(), SourcePos: r.pos(), PassagePos: r.pos()}
	}
	it.TopPos = r.positions()
	present := r.Bool()
	n := r.Count()
	if present {
		it.Text = make(map[string]*Text, n)
	}
	for range n {
		key := r.Str()
		t := &Text{Lang: r.Str(), Pos: r.pos()}
		nf := r.Count()
		t.Fields = make(map[string]string, nf)
		for range nf {
			k := r.Str()
			t.Fields[k] = r.Str()
		}
		nl := r.Count()
		t.Lists = make(map[string][]string, nl)
		for range nl {
			k := r.Str()
			t.Lists[k] = r.strList(r.Bool())
		}
		t.FieldPos = r.positions()
		if it.Text != nil {
			it.Text[key] = t
		}
	}
	it.Pos = r.pos()
	return it
}

// DecodeSnapshot decodes a snapshot made by MakeSnapshot. Its strings share data's memory.
func DecodeSnapshot(data string) (*Snapshot, error) {
	if !strings.HasPrefix(data, snapshotMagic) {
		return nil, errors.New("library snapshot: not a snapshot of this presskit version; run go generate ./content")
	}
	r := &snapReader{Reader: snapcode.NewReader("library snapshot", data, len(snapshotMagic))}
	s := &Snapshot{Name: r.Str(), Digest: r.Str()}
	s.Languages = r.strList(true)
	s.Items = make([]*Item, 0, r.Count())
	for range cap(s.Items) {
		if r.Failed() {
			break
		}
		s.Items = append(s.Items, r.item())
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return s, nil
}

// snapshotItems returns the items of src's snapshot when it was made from src's files
// under src's name, with the languages it was validated for.
func snapshotItems(src Source) ([]*Item, []string, error) {
	s, err := DecodeSnapshot(src.Snapshot)
	if err != nil {
		return nil, nil, err
	}
	if s.Name != src.Name {
		return nil, nil, ErrStaleSnapshot
	}
	digest, err := LibraryDigest(src.FS)
	if err != nil {
		return nil, nil, err
	}
	if digest != s.Digest {
		return nil, nil, ErrStaleSnapshot
	}
	return s.Items, s.Languages, nil
}
