package i18n

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"maps"
	"path"
	"slices"

	"github.com/presskit/presskit/toolkit/internal/snapcode"
)

// A snapshot holds the locale files of a folder as decodeFile reads them, encoded at
// build time (go generate ./content), so that a process loads presskit's own interface
// strings without parsing YAML, which was 87% of loading them. A file's entry stands in
// for the file only while the file's bytes have the length and CRC-32C recorded beside
// it, so an edited file is always parsed; and only files that load without a problem
// are encoded, so the entry is exactly what decodeFile gives for those bytes: the same
// locale, fallback and keys seen. TestSnapshotLocalesAreTheParsedOnes checks every field.
//
// It holds decoded locales rather than YAML trees to walk: the trees of the 22 KB of
// strings are 110 KB of yaml.Node, fresh memory at every start whose page faults cost
// 10-45 µs each on a VM. A handout spent 7.1% of its samples loading the strings from
// YAML, 3.2% from trees, 1.4% from locales (perf record, 40 processes each).
//
// Layout: the magic line; a table of distinct strings (their number, then the length
// and bytes of each); the number of files and, for each, its name, length and CRC-32C
// and the locale (snapWriter.locale); then a CRC-32C of everything before it, so that a
// damaged snapshot is never used. Numbers are varints; strings are indices into the
// table; a list that may be nil starts with 1 if present, 0 if nil.

// snapshotMagic names the format; a change to the encoding or to Locale changes it
// (TestSnapshotKnowsEveryField lists the fields snapWriter.locale writes).
const snapshotMagic = "presskit strings snapshot 2\n"

func crc32c(b []byte) uint32 { return crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)) }

// crc32cString is crc32c of a string, read through a small buffer rather than copied whole.
func crc32cString(s string) uint32 {
	var buf [1024]byte
	var crc uint32
	for len(s) > 0 {
		n := copy(buf[:], s)
		crc = crc32.Update(crc, crc32.MakeTable(crc32.Castagnoli), buf[:n])
		s = s[n:]
	}
	return crc
}

// MakeSnapshot loads the locale files of dir in fsys as presskit loads its own (a first
// layer) and encodes them. Any problem fails: a snapshot holds only files that load.
func MakeSnapshot(fsys fs.FS, dir string) ([]byte, error) {
	if _, err := LoadLayers(Layer{FS: fsys, Dir: dir}); err != nil {
		return nil, fmt.Errorf("the interface strings do not load, so no snapshot is made:\n%w", err)
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".yaml" {
			files = append(files, e.Name())
		}
	}
	w := snapWriter{snapcode.NewWriter()}
	w.Uint(len(files))
	for _, name := range files {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		l, fallback, seen, err := decodeFile(path.Join(dir, name), data, false)
		if err != nil {
			return nil, err
		}
		w.Str(name)
		w.Uint(len(data))
		w.Uint(int(crc32c(data)))
		w.locale(l, fallback, seen)
	}
	out := w.Encode(snapshotMagic)
	return binary.LittleEndian.AppendUint32(out, crc32c(out)), nil
}

// snapWriter encodes a snapshot (package snapcode: strings in a table, the body their
// indices), locale by locale.
type snapWriter struct{ *snapcode.Writer }

// list writes a list's presence and length.
func (w snapWriter) list(n int, present bool) { w.Bool(present); w.Uint(n) }

func (w snapWriter) strList(ss []string) {
	w.list(len(ss), ss != nil)
	for _, s := range ss {
		w.Str(s)
	}
}

// locale writes everything decodeFile gives for a file, map keys sorted.
func (w snapWriter) locale(l *Locale, fallback string, seen map[string]bool) {
	w.Str(l.Lang)
	w.Str(l.Name)
	w.Str(fallback)
	w.strList(slices.Sorted(maps.Keys(seen)))
	w.list(len(l.plural), l.plural != nil)
	for _, r := range l.plural {
		w.Str(r.category)
		w.list(len(r.or), r.or != nil)
		for _, and := range r.or {
			w.list(len(and), and != nil)
			for _, rel := range and {
				w.Uint(int(rel.operand))
				w.Int(rel.mod)
				w.Bool(rel.negate)
				w.list(len(rel.ranges), rel.ranges != nil)
				for _, rg := range rel.ranges {
					w.Int(rg[0])
					w.Int(rg[1])
				}
			}
		}
		w.list(len(r.samples), r.samples != nil)
		for _, sr := range r.samples {
			w.Int(sr.lo)
			w.Int(sr.hi)
		}
	}
	d := l.dates
	w.Str(d.date)
	w.Str(d.time)
	w.Str(d.datetime)
	w.strList(d.months)
	w.strList(d.monthsNominative)
	w.strList(d.weekdays)
	t := l.Typography
	for _, q := range t.Quotes {
		w.Int(int64(q))
	}
	w.Int(int64(t.Apostrophe))
	w.strList(t.NbspAfter)
	w.strList(t.NbspBefore)
	w.Bool(t.NbspBeforeDash)
	w.Bool(t.StopAfterQuote)
	w.Uint(len(l.messages))
	for _, k := range slices.Sorted(maps.Keys(l.messages)) {
		m := l.messages[k]
		w.Str(k)
		w.Bool(m.forms != nil)
		if m.forms == nil {
			w.Str(m.text)
			continue
		}
		w.Uint(len(m.forms))
		for _, c := range slices.Sorted(maps.Keys(m.forms)) {
			w.Str(c)
			w.Str(m.forms[c])
		}
	}
}

// snapFile is what decodeFile gives for one file, with the length and CRC-32C of the
// file's bytes.
type snapFile struct {
	size     int
	crc      uint32
	locale   *Locale
	fallback string
	seen     map[string]bool
}

// snapshotFiles decodes a snapshot made by MakeSnapshot, by file name. Its strings share
// data's memory.
func snapshotFiles(data string) (map[string]*snapFile, error) {
	errDamaged := errors.New("strings snapshot: damaged or from another presskit version; run go generate ./content")
	if len(data) < len(snapshotMagic)+4 || data[:len(snapshotMagic)] != snapshotMagic ||
		crc32cString(data[:len(data)-4]) != binary.LittleEndian.Uint32([]byte(data[len(data)-4:])) {
		return nil, errDamaged
	}
	r := snapReader{snapcode.NewReader("strings snapshot", data[:len(data)-4], len(snapshotMagic))}
	n := r.Count()
	files := make(map[string]*snapFile, n)
	for ; n > 0 && !r.Failed(); n-- {
		name := r.Str()
		f := &snapFile{size: r.Uint(), crc: uint32(r.Uint())}
		f.locale, f.fallback, f.seen = r.locale()
		files[name] = f
	}
	if r.Done() != nil {
		return nil, errDamaged
	}
	return files, nil
}

// snapReader decodes a snapshot (package snapcode); after the first problem it returns
// zeros.
type snapReader struct{ *snapcode.Reader }

// list reads a list's presence and length: a slice of that length, or nil.
func list[T any](r snapReader) []T {
	present, n := r.Bool(), r.Count()
	if !present {
		return nil
	}
	return make([]T, n)
}

func (r snapReader) strList() []string {
	ss := list[string](r)
	for i := range ss {
		ss[i] = r.Str()
	}
	return ss
}

// locale reads what snapWriter.locale wrote.
func (r snapReader) locale() (*Locale, string, map[string]bool) {
	l := &Locale{Lang: r.Str(), Name: r.Str()}
	fallback := r.Str()
	keys := r.strList()
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
	}
	l.plural = list[pluralRule](r)
	for i := range l.plural {
		p := &l.plural[i]
		p.category = r.Str()
		p.or = list[[]relation](r)
		for j := range p.or {
			p.or[j] = list[relation](r)
			for k := range p.or[j] {
				rel := &p.or[j][k]
				rel.operand, rel.mod, rel.negate = byte(r.Uint()), r.Int(), r.Bool()
				rel.ranges = list[[2]int64](r)
				for m := range rel.ranges {
					rel.ranges[m] = [2]int64{r.Int(), r.Int()}
				}
			}
		}
		p.samples = list[sampleRange](r)
		for j := range p.samples {
			p.samples[j] = sampleRange{r.Int(), r.Int()}
		}
	}
	d := &l.dates
	d.date, d.time, d.datetime = r.Str(), r.Str(), r.Str()
	d.months, d.monthsNominative, d.weekdays = r.strList(), r.strList(), r.strList()
	t := &l.Typography
	for i := range t.Quotes {
		t.Quotes[i] = rune(r.Int())
	}
	t.Apostrophe = rune(r.Int())
	t.NbspAfter, t.NbspBefore = r.strList(), r.strList()
	t.NbspBeforeDash, t.StopAfterQuote = r.Bool(), r.Bool()
	n := r.Count()
	l.messages = make(map[string]message, n)
	for ; n > 0 && !r.Failed(); n-- {
		k := r.Str()
		if !r.Bool() {
			l.messages[k] = message{text: r.Str()}
			continue
		}
		nf := r.Count()
		forms := make(map[string]string, nf)
		for ; nf > 0 && !r.Failed(); nf-- {
			c := r.Str()
			forms[c] = r.Str()
		}
		l.messages[k] = message{forms: forms}
	}
	return l, fallback, seen
}

// snapshotFile returns the entry of file name in files when data are the bytes it was
// made from.
func snapshotFile(files map[string]*snapFile, name string, data []byte) *snapFile {
	f, ok := files[name]
	if !ok || f.size != len(data) || f.crc != crc32c(data) {
		return nil
	}
	return f
}
