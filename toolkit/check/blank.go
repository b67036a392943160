package check

import "bytes"

// blanker replaces, line by line, the parts of a draft that are not prose with spaces, byte
// for byte, so that offsets in the blanked line are offsets in the original: URLs in every
// draft; in Markdown also code spans, fenced and indented code blocks, link destinations,
// reference definitions, autolinks and HTML comments. It is a light scanner, not a full
// CommonMark parser: constructs that span lines are tracked only for code blocks and
// comments.
type blanker struct {
	markdown  bool
	html      bool
	h         htmlState
	fenceChar byte // inside a fenced code block when fenceLen > 0
	fenceLen  int
	inComment bool // inside an HTML comment
	inCode    bool // inside an indented code block
	inList    bool // inside a list, whose indented lines are not code
	prevBlank bool
}

func newBlanker(markdown bool, html ...bool) blanker {
	return blanker{markdown: markdown, html: len(html) > 0 && html[0], prevBlank: true}
}

// line returns, in out's storage, a copy of line with the parts not to check blanked.
func (b *blanker) line(line, out []byte) []byte {
	out = append(out[:0], line...)
	blank := isBlankLine(line)
	if b.html {
		b.h.line(out)
		blankURLs(out)
	} else if b.markdown {
		b.markdownLine(out, blank)
	} else {
		blankURLs(out)
	}
	b.prevBlank = blank
	return out
}

func fill(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}

func (b *blanker) markdownLine(out []byte, blank bool) {
	if b.inComment {
		i := bytes.Index(out, []byte("-->"))
		if i < 0 {
			fill(out)
			return
		}
		fill(out[:i+3])
		b.inComment = false
		b.inline(out, i+3)
		return
	}
	if b.fenceLen > 0 {
		if closesFence(out, b.fenceChar, b.fenceLen) {
			b.fenceLen = 0
		}
		fill(out)
		return
	}
	if blank {
		return
	}
	indent, at := indentation(out)
	if indent >= 4 && (b.inCode || (b.prevBlank && !b.inList)) {
		b.inCode = true
		fill(out)
		return
	}
	b.inCode = false
	if ch, n := openingFence(out[at:], indent); n > 0 {
		b.fenceChar, b.fenceLen = ch, n
		fill(out)
		return
	}
	if isListItem(out[at:], indent) {
		b.inList = true
	} else if indent == 0 && b.prevBlank {
		b.inList = false
	}
	if indent < 4 && blankRefDefinition(out[at:]) {
		return
	}
	b.inline(out, at)
}

// indentation returns the width of the line's leading white space (a tab reaching the next
// multiple of 4) and where its text starts.
func indentation(line []byte) (width, at int) {
	for at < len(line) {
		switch line[at] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, at
		}
		at++
	}
	return width, at
}

// openingFence returns the fence character and length when s starts a fenced code block.
func openingFence(s []byte, indent int) (byte, int) {
	if indent > 3 || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := runLen(s, s[0])
	if n < 3 || (s[0] == '`' && bytes.IndexByte(s[n:], '`') >= 0) {
		return 0, 0
	}
	return s[0], n
}

func closesFence(line []byte, ch byte, n int) bool {
	indent, at := indentation(line)
	if indent > 3 {
		return false
	}
	m := runLen(line[at:], ch)
	return m >= n && isBlankLine(line[at+m:])
}

func runLen(s []byte, ch byte) int {
	n := 0
	for n < len(s) && s[n] == ch {
		n++
	}
	return n
}

func isListItem(s []byte, indent int) bool {
	if indent > 3 || len(s) == 0 {
		return false
	}
	i := 0
	switch {
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		i = 1
	case s[0] >= '0' && s[0] <= '9':
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == len(s) || (s[i] != '.' && s[i] != ')') {
			return false
		}
		i++
	default:
		return false
	}
	return i == len(s) || s[i] == ' ' || s[i] == '\t'
}

// blankRefDefinition blanks the destination and title of a link reference definition,
// `[label]: /url "title"`, and reports whether s was one.
func blankRefDefinition(s []byte) bool {
	if len(s) == 0 || s[0] != '[' {
		return false
	}
	i := bytes.Index(s, []byte("]:"))
	if i < 2 || bytes.IndexByte(s[1:i], ']') >= 0 {
		return false
	}
	fill(s[i+2:])
	return true
}
