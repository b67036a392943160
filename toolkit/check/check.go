// Package check is the engine of `presskit check`: it finds, in a draft, the words the
// library's terms ask writers to avoid, in English and in Russian, including inflected forms
// and multi-word phrases, and reports each with its position, the reason and what to say
// instead.
//
// Terms are compiled once (Compile); checking is then one pass over the text, line by line,
// linear in its size. Markdown drafts are checked in their prose only: code, link
// destinations, URLs and HTML comments are blanked out first, byte for byte, so that every
// position reported is exact.
package check

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// Options control one Check.
type Options struct {
	// Lang, when set, checks the words of that language only. Otherwise every word is
	// checked in the language of its script: Cyrillic words by the Russian terms, Latin
	// ones by the English terms, whatever the language of the line around them.
	Lang string
	// Markdown checks only the prose of a Markdown draft: not code spans, code blocks, link
	// destinations, autolinks or HTML comments. URLs are skipped in every draft.
	Markdown bool
	// HTML checks only the text of an HTML draft: not tags, comments, scripts, styles or
	// code.
	HTML bool
	// Quoted marks lines (1-based) that are quotations, as a document's Quote style does.
	Quoted map[int]bool
	// perLine checks every line as a paragraph of its own (set for .docx and .odt).
	perLine bool
	// literal reports every match of an avoided phrase, whatever its sense (SelfTest).
	literal bool
}

// Finding is one avoided word found in a draft.
//
// Line and Column are 1-based; Column and EndColumn count characters (runes), not bytes.
// EndColumn is exclusive: the column just after the last character of Match on EndLine.
// A phrase wrapped over two lines ends on a later line; Match then has its line break as a
// space.
type Finding struct {
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"` // the line of EndColumn: a phrase may be wrapped
	EndColumn   int      `json:"end_column"`
	Rule        string   `json:"rule"`        // the term's id
	Match       string   `json:"match"`       // the text matched, as written in the draft
	Message     string   `json:"message"`     // the term's why, on one line
	Suggestions []string `json:"suggestions"` // the term's say list
	Lang        string   `json:"lang"`        // the language of the matched word
	Severity    Severity `json:"severity"`    // avoid, consider or context
	// Mention is set when the word is quoted from someone, named as a word or in a
	// blockquote: reported apart, not counted in the exit status.
	Mention bool `json:"mention"`
}

// InputError reports a draft that is not text presskit can check: a binary file, text in
// another encoding than UTF-8, or a damaged document. Line and Column (in characters)
// locate the first bad byte, when known.
type InputError struct {
	File         string
	Line, Column int
	Binary       bool
	// Encoding names the encoding the text seems to be in ("UTF-16", "Windows-1251").
	Encoding string
	// Msg, when set, is the whole message after the file name.
	Msg string
}

func (e *InputError) Error() string {
	prefix := ""
	if e.File != "" {
		prefix = e.File + ": "
	}
	switch {
	case e.Msg != "":
		return prefix + e.Msg
	case e.Encoding != "":
		return fmt.Sprintf("%slooks like %s text, not UTF-8: save it as UTF-8 (in Notepad or Word: Save as, Encoding: UTF-8)", prefix, e.Encoding)
	case e.Binary:
		return prefix + "looks like a binary file, not a text draft"
	}
	return fmt.Sprintf("%snot UTF-8 text at line %d, column %d: save it as UTF-8", prefix, e.Line, e.Column)
}

// binarySniff is how much of a draft is searched for NUL bytes, as git and grep do.
const binarySniff = 8 << 10

// validate reports a binary or non-UTF-8 draft, naming UTF-16 and Windows-1251 text.
func validate(name string, text []byte) error {
	if bytes.HasPrefix(text, []byte{0xff, 0xfe}) || bytes.HasPrefix(text, []byte{0xfe, 0xff}) || looksUTF16(text) {
		return &InputError{File: name, Encoding: "UTF-16", Binary: true}
	}
	if bytes.IndexByte(text[:min(len(text), binarySniff)], 0) >= 0 {
		return &InputError{File: name, Binary: true}
	}
	if utf8.Valid(text) {
		return nil
	}
	if looksCP1251(text) {
		return &InputError{File: name, Encoding: "Windows-1251 (Cyrillic)"}
	}
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return &InputError{File: name, Line: line, Column: col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil // not reached: utf8.Valid said there was a bad byte
}

// looksUTF16 reports text without a byte order mark whose every other byte is NUL, as
// UTF-16 of mostly ASCII text is.
func looksUTF16(text []byte) bool {
	n := min(len(text), 512) &^ 1
	if n < 8 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if text[i] == 0 {
			even++
		}
		if text[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (even*10 >= half*7 && odd*10 < half) || (odd*10 >= half*7 && even*10 < half)
}

// looksCP1251 reports non-UTF-8 text whose high bytes are mostly Windows-1251 Cyrillic
// letters (0xC0–0xFF, Ё, ё) standing together as words do, not lone accented letters
// between Latin ones as in Latin-1.
func looksCP1251(text []byte) bool {
	high, inRuns, run := 0, 0, 0
	isCyr := func(c byte) bool { return c >= 0xc0 || c == 0xa8 || c == 0xb8 }
	flush := func() {
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	for _, c := range text[:min(len(text), 64<<10)] {
		if c >= 0x80 {
			high++
		}
		if isCyr(c) {
			run++
		} else {
			flush()
		}
	}
	flush()
	return high > 0 && inRuns*10 >= high*7
}

var bom = []byte("\uFEFF")

// Check finds the avoided terms in text, a draft called name (used only in the findings).
// Findings come sorted by line and column. A match inside an occurrence of one of its own
// term's say phrases is not reported ("illegal entry" when "illegal" is avoided), nor one
// inside a longer match ("illegal" within "illegal immigrants"). A line right after
// `<!-- presskit-ignore -->` is not checked. An empty draft has no findings. A binary or
// non-UTF-8 draft is an *InputError. A leading byte order mark is skipped and does not
// count as a column.
func (c *Checker) Check(name string, text []byte, opt Options) ([]Finding, error) {
	text = bytes.TrimPrefix(text, bom)
	if err := validate(name, text); err != nil {
		return nil, err
	}
	s, err := c.newScan(name, opt)
	if err != nil {
		return nil, err
	}
	lineNo := 1
	for pos := 0; pos < len(text); {
		line, next := nextLine(text, pos)
		s.line(line, lineNo)
		pos, lineNo = next, lineNo+1
	}
	s.flush()
	return s.findings, nil
}

func (c *Checker) newScan(name string, opt Options) (*scan, error) {
	var forced *index
	if opt.Lang != "" {
		forced = c.langs[opt.Lang]
		if forced == nil {
			return nil, fmt.Errorf("check %s: no terms in language %q; the checker has %s",
				name, opt.Lang, strings.Join(c.order, ", "))
		}
	}
	return &scan{c: c, name: name, markdown: opt.Markdown, blank: newBlanker(opt.Markdown, opt.HTML), quoted: opt.Quoted,
		en: c.langs["en"], ru: c.langs["ru"], only: forced, literal: opt.literal, perLine: opt.perLine}, nil
}

// CheckReader checks a text, Markdown or HTML draft as it is read, line by line, so that a
// large draft is never held in memory whole; findings and errors are Check's. Markdown and
// HTML come from opt.
func (c *Checker) CheckReader(name string, r io.Reader, opt Options) ([]Finding, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(binarySniff)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	if bytes.HasPrefix(head, bom) {
		br.Discard(len(bom))
		head = head[len(bom):]
	}
	if err := validateHead(name, head); err != nil {
		return nil, err
	}
	s, err := c.newScan(name, opt)
	if err != nil {
		return nil, err
	}
	var long []byte
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(line) == 0 && err == io.EOF {
			break
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if !utf8.Valid(line) {
			return nil, badLine(name, lineNo, line)
		}
		s.line(line, lineNo)
		if err == io.EOF {
			break
		}
	}
	s.flush()
	return s.findings, nil
}

// validateHead reports, from a draft's first bytes, a binary or UTF-16 draft.
func validateHead(name string, head []byte) error {
	if bytes.HasPrefix(head, zipMagic) {
		return &InputError{File: name, Msg: "a zip archive, not a text draft; give a Word file a .docx name, an OpenDocument file .odt"}
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) || looksUTF16(head) {
		return &InputError{File: name, Encoding: "UTF-16", Binary: true}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return &InputError{File: name, Binary: true}
	}
	return nil
}

// badLine reports the first byte of a line that is not UTF-8, or names the encoding.
func badLine(name string, lineNo int, line []byte) error {
	if looksCP1251(line) {
		return &InputError{File: name, Encoding: "Windows-1251 (Cyrillic)"}
	}
	col := 1
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		col++
		i += size
	}
	return &InputError{File: name, Line: lineNo, Column: col}
}

// CheckDraft checks a draft read by ReadDraft, in the way its format asks.
func (c *Checker) CheckDraft(name string, d *Draft, opt Options) ([]Finding, error) {
	opt.Markdown = opt.Markdown || d.Format == DraftMarkdown
	opt.HTML = d.Format == DraftHTML
	opt.perLine = d.Format.ParagraphPositions()
	if d.Quoted != nil {
		opt.Quoted = d.Quoted
	}
	return c.Check(name, d.Text, opt)
}

// nextLine returns the line starting at pos, without its line ending, and where the next
// line starts.
func nextLine(text []byte, pos int) (line []byte, next int) {
	i := bytes.IndexByte(text[pos:], '\n')
	if i < 0 {
		line, next = text[pos:], len(text)
	} else {
		line, next = text[pos:pos+i], pos+i+1
	}
	return bytes.TrimSuffix(line, []byte("\r")), next
}

func isBlankLine(line []byte) bool {
	return len(bytes.TrimSpace(line)) == 0
}

// IsMarkdown reports whether a draft's file name says it is Markdown.
func IsMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return true
	}
	return false
}
