package library

import (
	"io/fs"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Rules are one language's data for the editorial checks of claims and answers. They are
// read from the strings of i18n/<lang>.yaml in each library (a later library's string
// replaces an earlier one's), so a new language brings its own cues and Go holds none.
//
// Each string is a list of cues separated by "|". A cue is a word or phrase matched,
// ignoring case, at word boundaries; a cue ending in "*" matches any word that begins
// so («счита*» matches «считают»); " … " inside a cue stands for any words in between
// within one sentence ("advocates … found").
type Rules struct {
	// Attribution: a position's text must contain one of these ("argue", «считают»).
	Attribution []Cue
	// AdvocatesFound: wording that presents advocates' views as found results
	// ("advocates found"); flagged in any claim's text.
	AdvocatesFound []Cue
	// YesNoStarts and YesNoContains recognise a question that asks for yes or no: it
	// starts with one of YesNoStarts ("Is", "Doesn't", «Разве») or contains one of
	// YesNoContains (« ли »).
	YesNoStarts, YesNoContains []Cue
	// DirectStarts are the words a direct answer to a yes/no question opens with
	// ("Yes", "No", «Да», «Нет»).
	DirectStarts []Cue
}

// ruleKeys maps each i18n string key to the Rules field it fills.
var ruleKeys = map[string]func(*Rules) *[]Cue{
	"claim_attribution_cues":    func(r *Rules) *[]Cue { return &r.Attribution },
	"claim_advocates_found":     func(r *Rules) *[]Cue { return &r.AdvocatesFound },
	"question_yes_no_starts":    func(r *Rules) *[]Cue { return &r.YesNoStarts },
	"question_yes_no_contains":  func(r *Rules) *[]Cue { return &r.YesNoContains },
	"answer_direct_first_words": func(r *Rules) *[]Cue { return &r.DirectStarts },
}

// readRules reads the rule strings of lang from a library's i18n folder into r. A file
// that is missing or broken is skipped: the interface-strings loader reports it.
func readRules(fsys fs.FS, lang string, r *Rules) {
	data, err := fs.ReadFile(fsys, "i18n/"+lang+".yaml")
	if err != nil {
		return
	}
	var doc struct {
		Strings map[string]any `yaml:"strings"`
	}
	if yaml.Unmarshal(data, &doc) != nil {
		return
	}
	for key, field := range ruleKeys {
		if s, ok := doc.Strings[key].(string); ok {
			*field(r) = ParseCues(s)
		}
	}
}

// Cue is one parsed cue: its parts, in order, each a list of folded words; the last word
// of a part may be a stem (ending "*").
type Cue struct {
	Text  string
	parts [][]string
}

// ParseCues parses a "|"-separated list of cues.
func ParseCues(s string) []Cue {
	var out []Cue
	for _, c := range strings.Split(s, "|") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		cue := Cue{Text: c}
		for _, part := range strings.Split(c, "…") {
			if ws := strings.Fields(fold(part)); len(ws) > 0 {
				cue.parts = append(cue.parts, ws)
			}
		}
		if len(cue.parts) > 0 {
			out = append(out, cue)
		}
	}
	return out
}

var folder = strings.NewReplacer("’", "'", "ё", "е")

func fold(s string) string { return folder.Replace(strings.ToLower(s)) }

// cueWords splits text into folded words for cue matching: letters, digits, apostrophes
// and hyphens inside a word; a sentence end (. ! ? …) is kept as a word of its own, so
// that a cue with parts never spans two sentences.
func cueWords(s string) []string {
	s = fold(s)
	out := make([]string, 0, len(s)/6+1)
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '-' || r == '*' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			out = append(out, ".")
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func wordMatches(cue, w string) bool {
	if stem, ok := strings.CutSuffix(cue, "*"); ok {
		return strings.HasPrefix(w, stem)
	}
	return cue == w
}

// matchAt reports whether the words of part occur at ws[i:].
func matchAt(part, ws []string, i int) bool {
	if i+len(part) > len(ws) {
		return false
	}
	for j, c := range part {
		if !wordMatches(c, ws[i+j]) {
			return false
		}
	}
	return true
}

// find returns the cue of cues that occurs in ws, or "".
func find(cues []Cue, ws []string) string {
	for _, c := range cues {
		if c.in(ws) {
			return c.Text
		}
	}
	return ""
}

func (c Cue) in(ws []string) bool {
	for start := range ws {
		if !matchAt(c.parts[0], ws, start) {
			continue
		}
		i, ok := start+len(c.parts[0]), true
		for _, part := range c.parts[1:] {
			found := false
			for ; i < len(ws) && ws[i] != "."; i++ {
				if matchAt(part, ws, i) {
					i += len(part)
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// startsWith returns the cue of cues the words ws begin with, or "".
func startsWith(cues []Cue, ws []string) string {
	for _, c := range cues {
		if len(c.parts) == 1 && matchAt(c.parts[0], ws, 0) {
			return c.Text
		}
	}
	return ""
}
