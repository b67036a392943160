package i18n

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"path"

	"go.yaml.in/yaml/v3"
)

// A snapshot holds the YAML trees of a folder's locale files, parsed at build time
// (go generate ./content), so that a process loads presskit's own interface strings
// without the YAML parser, which was 87% of loading them. A tree stands in for a file
// only while the file's bytes have the length and CRC-32C recorded beside it, so an
// edited file is always parsed. The trees are walked exactly as parsed ones, so every
// value, message, line and column is the same; comments are left out, as nothing reads them.
//
// Layout: the magic line; a table of distinct strings (their number, then the length
// and bytes of each); the number of files and, for each, its name, length, CRC-32C, its
// number of nodes and the nodes in document order (kind, style, tag, value, anchor,
// alias as 1 + the index of the node it names or 0, line, column, number of children);
// then a CRC-32C of everything before it, so that a damaged snapshot is never used.
// Numbers are uvarints; strings are indices into the table.

// snapshotMagic names the format; a change to the encoding changes it.
const snapshotMagic = "presskit strings snapshot 1\n"

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
// layer) and encodes their YAML trees. Any problem fails: a snapshot holds only files
// that load.
func MakeSnapshot(fsys fs.FS, dir string) ([]byte, error) {
	if _, err := LoadLayers(Layer{FS: fsys, Dir: dir}); err != nil {
		return nil, fmt.Errorf("the interface strings do not load, so no snapshot is made:\n%w", err)
	}
	return encodeSnapshot(fsys, dir)
}

// encodeSnapshot encodes the YAML trees of the locale files of dir, whatever they hold.
func encodeSnapshot(fsys fs.FS, dir string) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	w := &snapWriter{indexOf: map[string]int{}}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".yaml" {
			files = append(files, e.Name())
		}
	}
	w.uint(len(files))
	for _, name := range files {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, err
		}
		index := map[*yaml.Node]int{}
		number(&doc, index)
		w.str(name)
		w.uint(len(data))
		w.uint(int(crc32c(data)))
		w.uint(len(index))
		w.node(&doc, index)
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

// number gives each node of the tree under n its index in document order.
func number(n *yaml.Node, index map[*yaml.Node]int) {
	index[n] = len(index)
	for _, c := range n.Content {
		number(c, index)
	}
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

func (w *snapWriter) node(n *yaml.Node, index map[*yaml.Node]int) {
	w.uint(int(n.Kind))
	w.uint(int(n.Style))
	w.str(n.Tag)
	w.str(n.Value)
	w.str(n.Anchor)
	if n.Alias != nil {
		w.uint(index[n.Alias] + 1)
	} else {
		w.uint(0)
	}
	w.uint(n.Line)
	w.uint(n.Column)
	w.uint(len(n.Content))
	for _, c := range n.Content {
		w.node(c, index)
	}
}

// snapFile is one file's tree in a snapshot, with the length and CRC-32C of its bytes.
type snapFile struct {
	size int
	crc  uint32
	doc  *yaml.Node
}

// snapshotTrees decodes a snapshot made by MakeSnapshot into the tree of each file by
// name. Its strings share data's memory.
func snapshotTrees(data string) (map[string]snapFile, error) {
	errCorrupt := errors.New("strings snapshot: damaged or from another presskit version; run go generate ./content")
	if len(data) < len(snapshotMagic)+4 || data[:len(snapshotMagic)] != snapshotMagic ||
		crc32cString(data[:len(data)-4]) != binary.LittleEndian.Uint32([]byte(data[len(data)-4:])) {
		return nil, errCorrupt
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
	files := make(map[string]snapFile, n)
	for ; n > 0 && !r.err; n-- {
		name := r.str()
		f := snapFile{size: r.uint(), crc: uint32(r.uint())}
		f.doc = r.tree()
		files[name] = f
	}
	if r.err || r.at != len(r.data) {
		return nil, errCorrupt
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

func (r *snapReader) uint() int {
	var v uint64
	for shift := uint(0); !r.err; shift += 7 {
		if r.at >= len(r.data) || shift > 35 {
			r.err = true
			break
		}
		b := r.data[r.at]
		r.at++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return int(v)
		}
	}
	return 0
}

// count reads a length that must fit in what is left of the data (every element takes a byte at least).
func (r *snapReader) count() int {
	n := r.uint()
	if n > len(r.data)-r.at {
		r.err = true
		return 0
	}
	return n
}

func (r *snapReader) str() string {
	i := r.uint()
	if i >= len(r.strs) {
		r.err = true
		return ""
	}
	return r.strs[i]
}

// tree reads one file's nodes into one slice, and their children into another.
func (r *snapReader) tree() *yaml.Node {
	nodes := make([]yaml.Node, r.count())
	if len(nodes) == 0 {
		r.err = true
		return nil
	}
	kids := make([]*yaml.Node, len(nodes)-1)
	next := 0
	var read func() *yaml.Node
	read = func() *yaml.Node {
		if r.err || next == len(nodes) {
			r.err = true
			return nil
		}
		i := next
		n := &nodes[i]
		next++
		n.Kind, n.Style = yaml.Kind(r.uint()), yaml.Style(r.uint())
		n.Tag, n.Value, n.Anchor = r.str(), r.str(), r.str()
		// An alias names an earlier node that is not an alias: no loops.
		if a := r.uint(); a > 0 {
			if a > i || nodes[a-1].Kind == yaml.AliasNode {
				r.err = true
				return nil
			}
			n.Alias = &nodes[a-1]
		}
		n.Line, n.Column = r.uint(), r.uint()
		k := r.uint()
		if k > len(kids) {
			r.err = true
			return nil
		}
		if k > 0 {
			n.Content, kids = kids[:k:k], kids[k:]
			for j := range n.Content {
				n.Content[j] = read()
			}
		}
		return n
	}
	doc := read()
	if next != len(nodes) {
		r.err = true
	}
	return doc
}

// snapshotTree returns the tree of file name in files when data are the bytes it was made from.
func snapshotTree(files map[string]snapFile, name string, data []byte) *yaml.Node {
	f, ok := files[name]
	if !ok || f.size != len(data) || f.crc != crc32c(data) {
		return nil
	}
	return f.doc
}
