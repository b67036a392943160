// Package snapcode is the encoding presskit's build-time snapshots share
// (content/library.snap and content/strings.snap): after a format's magic line, a table
// of distinct strings (their number, then the length and bytes of each), then a body of
// varints in which every string is its index in the table. A reader slices the strings
// out of the snapshot's own memory, and every length and index is checked against what
// is there, so a damaged snapshot is an error, never a crash.
package snapcode

import (
	"encoding/binary"
	"fmt"
)

// Writer encodes a snapshot's body, collecting its strings into the table.
type Writer struct {
	body    []byte
	strs    []string
	indexOf map[string]int
}

// NewWriter returns an empty Writer.
func NewWriter() *Writer { return &Writer{indexOf: map[string]int{}} }

// Uint writes n, which must not be negative.
func (w *Writer) Uint(n int) { w.body = binary.AppendUvarint(w.body, uint64(n)) }

// Int writes n (zigzag, as binary.AppendVarint does).
func (w *Writer) Int(n int64) { w.body = binary.AppendVarint(w.body, n) }

// Bool writes b as 1 or 0.
func (w *Writer) Bool(b bool) {
	if b {
		w.Uint(1)
	} else {
		w.Uint(0)
	}
}

// Str writes s as its index in the table.
func (w *Writer) Str(s string) {
	i, ok := w.indexOf[s]
	if !ok {
		i = len(w.strs)
		w.strs = append(w.strs, s)
		w.indexOf[s] = i
	}
	w.Uint(i)
}

// Encode returns magic, the string table and the body.
func (w *Writer) Encode(magic string) []byte {
	out := []byte(magic)
	out = binary.AppendUvarint(out, uint64(len(w.strs)))
	for _, s := range w.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, w.body...)
}

// Reader decodes what a Writer encoded. After the first problem it returns zeros and
// empty strings, and Err says where the problem was.
type Reader struct {
	what string // names the snapshot in errors
	data string
	at   int
	strs []string
	err  error
}

// NewReader reads the snapshot data of what ("library snapshot"), skipping its first
// skip bytes (the format's magic), and its string table, whose strings are slices of data.
func NewReader(what, data string, skip int) *Reader {
	r := &Reader{what: what, data: data, at: skip}
	if skip > len(data) {
		r.Fail()
		return r
	}
	r.strs = make([]string, r.Count())
	for i := range r.strs {
		n := r.Count()
		if r.Failed() {
			break
		}
		r.strs[i] = data[r.at : r.at+n]
		r.at += n
	}
	return r
}

// Fail marks the snapshot damaged where the reader is.
func (r *Reader) Fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%s: corrupt at byte %d", r.what, r.at)
	}
}

// Failed reports whether a problem was met.
func (r *Reader) Failed() bool { return r.err != nil }

// Done returns the first problem, or one when data is left over.
func (r *Reader) Done() error {
	if r.err == nil && r.at != len(r.data) {
		r.Fail()
	}
	return r.err
}

func (r *Reader) u64() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if r.at >= len(r.data) || shift > 63 {
			r.Fail()
			return 0
		}
		b := r.data[r.at]
		r.at++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
}

// Uint reads what Writer.Uint wrote; more than 2^40 is damage.
func (r *Reader) Uint() int {
	v := r.u64()
	if v > 1<<40 {
		r.Fail()
		return 0
	}
	return int(v)
}

// Int reads what Writer.Int wrote.
func (r *Reader) Int() int64 {
	v := r.u64()
	return int64(v>>1) ^ -int64(v&1)
}

// Bool reads what Writer.Bool wrote.
func (r *Reader) Bool() bool { return r.Uint() == 1 }

// Count reads a length that must fit in what is left of the data (every element takes a
// byte at least).
func (r *Reader) Count() int {
	n := r.Uint()
	if n > len(r.data)-r.at {
		r.Fail()
		return 0
	}
	return n
}

// Str reads what Writer.Str wrote.
func (r *Reader) Str() string {
	i := r.Uint()
	if i >= len(r.strs) {
		r.Fail()
		return ""
	}
	return r.strs[i]
}
