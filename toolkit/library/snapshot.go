package library

import (
	"embed"
	"encoding/binary"
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

// snapWriter encodes a snapshot: strings go to a table, the body holds their indices.
type snapWriter struct {
	body    []byte
	strs    []string
	indexOf map[string]int
}

func (w *snapWriter) uint(n int) { w.body = binary.AppendUvarint(w.body, uint64(n)) }

func (w *snapWriter) str(s string) {
	i, ok := w.indexOf[s]
	if !ok {
		i = len(w.strs)
		w.strs = append(w.strs, s)
		w.indexOf[s] = i
	}
	w.uint(i)
}

func (w *snapWriter) strList_(ss []string) {
	w.uint(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

func (w *snapWriter) pos(p Pos) {
	w.str(p.File)
	w.uint(p.Line)
	w.uint(p.Col)
}

// bool writes whether a nil-able value is present (1) or nil (0).
func (w *snapWriter) present(ok bool) {
	if ok {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (w *snapWriter) positions(ps Positions) {
	w.present(ps != nil)
	w.uint(len(ps))
	for _, p := range ps {
		w.str(p.Name)
		w.pos(p.Pos)
	}
}

func (w *snapWriter) item(it *Item) {
	w.str(it.ID)
	w.str(string(it.Kind))
	for _, l := range [][]string{it.Tags, it.Sources, it.Related} {
		w.present(l != nil)
		w.strList_(l)
	}
	for _, s := range []string{it.Original, it.Severity, it.Author, it.Publisher, it.Year,
		it.Date, it.URL, it.Accessed, it.Type, it.Claim, it.AsOf} {
		w.str(s)
	}
	w.present(it.Passages != nil)
	w.uint(len(it.Passages))
	for _, p := range it.Passages {
		w.str(p.Text)
		w.pos(p.Pos)
	}
	w.present(it.Evidence != nil)
	w.uint(len(it.Evidence))
	for _, e := range it.Evidence {
		w.str(e.Source)
		w.str(e.Passage)
		w.pos(e.Pos)
		w.pos(e.SourcePos)
		w.pos(e.PassagePos)
	}
	w.positions(it.TopPos)
	w.present(it.Text != nil)
	w.uint(len(it.Text))
	for _, lang := range sortedKeys(it.Text) {
		t := it.Text[lang]
		w.str(lang)
		w.str(t.Lang)
		w.pos(t.Pos)
		w.uint(len(t.Fields))
		for _, k := range sortedKeys(t.Fields) {
			w.str(k)
			w.str(t.Fields[k])
		}
		w.uint(len(t.Lists))
		for _, k := range sortedKeys(t.Lists) {
			w.str(k)
			w.present(t.Lists[k] != nil)
			w.strList_(t.Lists[k])
		}
		w.positions(t.FieldPos)
	}
	w.pos(it.Pos)
}

func encodeSnapshot(name, digest string, langs []string, items []*Item) []byte {
	w := &snapWriter{indexOf: map[string]int{}}
	w.str(name)
	w.str(digest)
	w.strList_(langs)
	w.uint(len(items))
	for _, it := range items {
		if it.malformed != nil || slices.ContainsFunc(it.Evidence, func(e Evidence) bool { return e.malformed }) {
			panic("library: a snapshot of an item with problems: " + it.ID) // MakeSnapshot validated it
		}
		w.item(it)
	}
	out := []byte(snapshotMagic)
	out = binary.AppendUvarint(out, uint64(len(w.strs)))
	for _, s := range w.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, w.body...)
}

// snapReader decodes a snapshot; the first error stops it.
type snapReader struct {
	data string
	at   int
	strs []string
	err  error
	slab []NamedPos // room for positions
}

func (r *snapReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("library snapshot: corrupt at byte %d", r.at)
	}
}

func (r *snapReader) uint() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for {
		if r.at >= len(r.data) || shift > 63 {
			r.fail()
			return 0
		}
		b := r.data[r.at]
		r.at++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	if v > 1<<40 {
		r.fail()
		return 0
	}
	return int(v)
}

// count reads a length that must fit in what is left of the data (every element takes a byte at least).
func (r *snapReader) count() int {
	n := r.uint()
	if n > len(r.data)-r.at {
		r.fail()
		return 0
	}
	return n
}

func (r *snapReader) str() string {
	i := r.uint()
	if i >= len(r.strs) {
		r.fail()
		return ""
	}
	return r.strs[i]
}

func (r *snapReader) strList(present bool) []string {
	n := r.count()
	if !present {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *snapReader) pos() Pos { return Pos{File: r.str(), Line: r.uint(), Col: r.uint()} }

func (r *snapReader) present() bool { return r.uint() == 1 }

// positions reads a list of positions into the shared slab: one allocation for many.
func (r *snapReader) positions() Positions {
	present := r.present()
	n := r.count()
	if len(r.slab) < n {
		r.slab = make([]NamedPos, max(n, 1024))
	}
	ps := r.slab[:n:n]
	r.slab = r.slab[n:]
	for i := range ps {
		ps[i] = NamedPos{r.str(), r.pos()}
	}
	if !present {
		return nil
	}
	return ps
}

func (r *snapReader) item() *Item {
	it := &Item{ID: r.str(), Kind: Kind(r.str())}
	it.Tags = r.strList(r.present())
	it.Sources = r.strList(r.present())
	it.Related = r.strList(r.present())
	for _, s := range []*string{&it.Original, &it.Severity, &it.Author, &it.Publisher, &it.Year,
		&it.Date, &it.URL, &it.Accessed, &it.Type, &it.Claim, &it.AsOf} {
		*s = r.str()
	}
	if r.present() {
		it.Passages = make([]Passage, r.count())
	} else {
		r.count()
	}
	for i := range it.Passages {
		it.Passages[i] = Passage{Text: r.str(), Pos: r.pos()}
	}
	if r.present() {
		it.Evidence = make([]Evidence, r.count())
	} else {
		r.count()
	}
	for i := range it.Evidence {
		it.Evidence[i] = Evidence{Source: r.str(), Passage: r.str(), Pos: r.pos(), SourcePos: r.pos(), PassagePos: r.pos()}
	}
	it.TopPos = r.positions()
	present := r.present()
	n := r.count()
	if present {
		it.Text = make(map[string]*Text, n)
	}
	for range n {
		key := r.str()
		t := &Text{Lang: r.str(), Pos: r.pos()}
		nf := r.count()
		t.Fields = make(map[string]string, nf)
		for range nf {
			k := r.str()
			t.Fields[k] = r.str()
		}
		nl := r.count()
		t.Lists = make(map[string][]string, nl)
		for range nl {
			k := r.str()
			t.Lists[k] = r.strList(r.present())
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
	r := &snapReader{data: data, at: len(snapshotMagic)}
	r.strs = make([]string, r.count())
	for i := range r.strs {
		n := r.count()
		if r.err != nil {
			break
		}
		r.strs[i] = data[r.at : r.at+n]
		r.at += n
	}
	s := &Snapshot{Name: r.str(), Digest: r.str()}
	s.Languages = r.strList(true)
	s.Items = make([]*Item, 0, r.count())
	for range cap(s.Items) {
		if r.err != nil {
			break
		}
		s.Items = append(s.Items, r.item())
	}
	if r.err == nil && r.at != len(data) {
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
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
