package check

import "bytes"

// htmlState blanks the markup of an HTML draft line by line, byte for byte, so that
// positions stay those of the source: tags (even across lines), comments, character
// references, and the content of script, style, pre, code and template elements. It
// tracks blockquote elements, whose text is quoted.
type htmlState struct {
	inTag     bool
	quoteChar byte // inside a quoted attribute value of an open tag
	inComment bool
	skipUntil string // a closing tag whose element's content is not prose
	bqDepth   int
	bqLine    bool // the current line is (partly) inside a blockquote
	tag       []byte
}

// inBlockquote reports whether the last line blanked was inside a blockquote.
func (b *blanker) inBlockquote() bool { return b.html && b.h.bqLine }

var skipElements = []string{"script", "style", "pre", "code", "template", "head", "title"}

func (h *htmlState) line(out []byte) {
	h.bqLine = h.bqDepth > 0
	for i := 0; i < len(out); {
		switch {
		case h.inComment:
			j := bytes.Index(out[i:], []byte("-->"))
			if j < 0 {
				fill(out[i:])
				return
			}
			fill(out[i : i+j+3])
			i += j + 3
			h.inComment = false
		case h.inTag:
			c := out[i]
			switch {
			case h.quoteChar != 0:
				if c == h.quoteChar {
					h.quoteChar = 0
				}
			case c == '"' || c == '\'':
				h.quoteChar = c
			case c == '>':
				h.inTag = false
				if h.endTag() {
					// A block ends or starts here: no phrase or sentence runs across.
					out[i] = 0
					i++
					continue
				}
			default:
				if len(h.tag) < 64 {
					h.tag = append(h.tag, c|0x20)
				}
			}
			out[i] = ' '
			i++
		case h.skipUntil != "":
			j := indexFold(out[i:], h.skipUntil)
			if j < 0 {
				fill(out[i:])
				return
			}
			fill(out[i : i+j])
			i += j
			h.skipUntil = ""
		case out[i] == '<' && bytes.HasPrefix(out[i:], []byte("<!--")):
			h.inComment = true
			fill(out[i : i+4])
			i += 4
		case out[i] == '<' && i+1 < len(out) && (isASCIILetter(out[i+1]) || out[i+1] == '/' || out[i+1] == '!' || out[i+1] == '?'):
			h.inTag = true
			h.tag = h.tag[:0]
			out[i] = ' '
			i++
		case out[i] == '&':
			j := i + 1
			for j < len(out) && j-i < 12 && (isASCIILetter(out[j]) || out[j] == '#' || (out[j] >= '0' && out[j] <= '9')) {
				j++
			}
			if j < len(out) && out[j] == ';' && j > i+1 {
				fill(out[i : j+1])
				i = j + 1
			} else {
				i++
			}
		default:
			i++
		}
	}
}

var blockElements = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "br": true, "td": true, "th": true, "tr": true,
	"blockquote": true, "section": true, "article": true, "header": true, "footer": true, "table": true,
	"dd": true, "dt": true, "hr": true, "figcaption": true, "aside": true, "main": true, "nav": true}

// endTag acts on a tag just closed: blockquotes, and elements whose content is skipped. It
// reports whether the tag starts or ends a block.
func (h *htmlState) endTag() bool {
	t := h.tag
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	name := t
	for k, c := range t {
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') {
			name = t[:k]
			break
		}
	}
	switch string(name) {
	case "blockquote", "q":
		if closing {
			h.bqDepth = max(0, h.bqDepth-1)
		} else {
			h.bqDepth++
			h.bqLine = true
		}
	}
	if !closing {
		for _, e := range skipElements {
			if string(name) == e {
				h.skipUntil = "</" + e
			}
		}
	}
	return blockElements[string(name)]
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// indexFold is bytes.Index ignoring ASCII case, for a lower-case needle.
func indexFold(s []byte, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if hasPrefixFold(s[i:], needle) {
			return i
		}
	}
	return -1
}
