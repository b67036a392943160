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
	w := &snapWriter{indexOf: map[string]int{}}
	w.uint(len(files))
	for _, name := range files {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		l, fallback, seen, err := decodeFile(path.Join(dir, name), data, false)
		if err != nil {
			return nil, err
		}
		w.str(name)
		w.uint(len(data))
		w.uint(int(crc32c(data)))
		w.locale(l, fallback, seen)
	}
	out := []byte(snapshotMagic)
	out = binary.AppendUvarint(out, uint64(len(w.strs)))
	for _, s := range w.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = append(out, w.body...)
	return binary.LittleEndian.AppendUint32(out, crc32c(out)), nil
}

// snapWriter encodes a snapshot: strings go to a table, the body holds their indices.
type snapWriter struct {
	body    []byte
	strs    []string
	indexOf map[string]int
}

func (w *snapWriter) uint(n int)               { w.body = binary.AppendUvarint(w.body, uint64(n)) }
func (w *snapWriter) int(n int64)              { w.body = binary.AppendVarint(w.body, n) }
func (w *snapWriter) list(n int, present bool) { w.bool(present); w.uint(n) }

func (w *snapWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *snapWriter) str(s string) {
	i, ok := w.indexOf[s]
	if !ok {
		i = len(w.strs)
		w.strs = append(w.strs, s)
		w.indexOf[s] = i
	}
	w.uint(i)
}

func (w *snapWriter) strList(ss []string) {
	w.list(len(ss), ss != nil)
	for _, s := range ss {
		w.str(s)
	}
}

// locale writes everything decodeFile gives for a file, map keys sorted.
func (w *snapWriter) locale(l *Locale, fallback string, seen map[string]bool) {
	w.str(l.Lang)
	w.str(l.Name)
	w.str(fallback)
	w.strList(slices.Sorted(maps.Keys(seen)))
	w.list(len(l.plural), l.plural != nil)
	for _, r := range l.plural {
		w.str(r.category)
		w.list(len(r.or), r.or != nil)
		for _, and := range r.or {
			w.list(len(and), and != nil)
			for _, rel := range and {
				w.uint(int(rel.operand))
				w.int(rel.mod)
				w.bool(rel.negate)
				w.list(len(rel.ranges), rel.ranges != nil)
				for _, rg := range rel.ranges {
					w.int(rg[0])
					w.int(rg[1])
				}
			}
		}
		w.list(len(r.samples), r.samples != nil)
		for _, sr := range r.samples {
			w.int(sr.lo)
			w.int(sr.hi)
		}
	}
	d := l.dates
	w.str(d.date)
	w.str(d.time)
	w.str(d.datetime)
	w.strList(d.months)
	w.strList(d.monthsNominative)
	w.strList(d.weekdays)
	t := l.Typography
	for _, q := range t.Quotes {
		w.int(int64(q))
	}
	w.int(int64(t.Apostrophe))
	w.strList(t.NbspAfter)
	w.strList(t.NbspBefore)
	w.bool(t.NbspBeforeDash)
	w.bool(t.StopAfterQuote)
	w.uint(len(l.messages))
	for _, k := range slices.Sorted(maps.Keys(l.messages)) {
		m := l.messages[k]
		w.str(k)
		w.bool(m.forms != nil)
		if m.forms == nil {
			w.str(m.text)
			continue
		}
		w.uint(len(m.forms))
		for _, c := range slices.Sorted(maps.Keys(m.forms)) {
			w.str(c)
			w.str(m.forms[c])
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
	r := &snapReader{data: data[:len(data)-4], at: len(snapshotMagic)}
	r.strs = make([]string, r.count())
	for i := range r.strs {
		n := r.count()
		if r.err {
			break
		}
		r.strs[i] = r.data[r.at : r.at+n]
		r.at += n
	}
	n := r.count()
	files := make(map[string]*snapFile, n)
	for ; n > 0 && !r.err; n-- {
		name := r.str()
		f := &snapFile{size: r.uint(), crc: uint32(r.uint())}
		f.locale, f.fallback, f.seen = r.locale()
		files[name] = f
	}
	if r.err || r.at != len(r.data) {
		return nil, errDamaged
	}
	return files, nil
}

// snapReader decodes a snapshot; after the first error it returns zeros.
type snapReader struct {
	data string
	at   int
	strs []string
	err  bool
}

func (r *snapReader) u64() uint64 {
	var v uint64
	for shift := uint(0); !r.err; shift += 7 {
		if r.at >= len(r.data) || shift > 63 {
			r.err = true
			break
		}
		b := r.data[r.at]
		r.at++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	return 0
}

func (r *snapReader) uint() int {
	v := r.u64()
	if v > 1<<40 {
		r.err = true
		return 0
	}
	return int(v)
}

func (r *snapReader) int() int64 {
	v := r.u64()
	return int64(v>>1) ^ -int64(v&1) // zigzag, as binary.AppendVarint writes it
}

func (r *snapReader) bool() bool { return r.uint() == 1 }

// count reads a length that must fit in what is left of the data (every element takes a byte at least).
func (r *snapReader) count() int {
	n := r.uint()
	if n > len(r.data)-r.at {
		r.err = true
		return 0
	}
	return n
}

// list reads a list's presence and length: a slice of that length, or nil.
func list[T any](r *snapReader) []T {
	present, n := r.bool(), r.count()
	if !present {
		return nil
	}
	return make([]T, n)
}

func (r *snapReader) str() string {
	i := r.uint()
	if i >= len(r.strs) {
		r.err = true
		return ""
	}
	return r.strs[i]
}

func (r *snapReader) strList() []string {
	ss := list[string](r)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

// locale reads what snapWriter.locale wrote.
func (r *snapReader) locale() (*Locale, string, map[string]bool) {
	l := &Locale{Lang: r.str(), Name: r.str()}
	fallback := r.str()
	keys := r.strList()
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
	}
	l.plural = list[pluralRule](r)
	for i := range l.plural {
		p := &l.plural[i]
		p.category = r.str()
		p.or = list[[]relation](r)
		for j := range p.or {
			p.or[j] = list[relation](r)
			for k := range p.or[j] {
				rel := &p.or[j][k]
				rel.operand, rel.mod, rel.negate = byte(r.uint()), r.int(), r.bool()
				rel.ranges = list[[2]int64](r)
				for m := range rel.ranges {
					rel.ranges[m] = [2]int64{r.int(), r.int()}
				}
			}
		}
		p.samples = list[sampleRange](r)
		for j := range p.samples {
			p.samples[j] = sampleRange{r.int(), r.int()}
		}
	}
	d := &l.dates
	d.date, d.time, d.datetime = r.str(), r.str(), r.str()
	d.months, d.monthsNominative, d.weekdays = r.strList(), r.strList(), r.strList()
	t := &l.Typography
	for i := range t.Quotes {
		t.Quotes[i] = rune(r.int())
	}
	t.Apostrophe = rune(r.int())
	t.NbspAfter, t.NbspBefore = r.strList(), r.strList()
	t.NbspBeforeDash, t.StopAfterQuote = r.bool(), r.bool()
	n := r.count()
	l.messages = make(map[string]message, n)
	for ; n > 0 && !r.err; n-- {
		k := r.str()
		if !r.bool() {
			l.messages[k] = message{text: r.str()}
			continue
		}
		nf := r.count()
		forms := make(map[string]string, nf)
		for ; nf > 0 && !r.err; nf-- {
			c := r.str()
			forms[c] = r.str()
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
