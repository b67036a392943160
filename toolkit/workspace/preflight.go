package workspace

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/library"
)

// Preflight is what a build is checked against before anything is published.
type Preflight struct {
	// Workspace is the settings file in use, "" when none was found.
	Workspace string
	Config    config.Config
	Lib       *library.Library
	// Examples gives the ids of the example items `presskit init` writes. It is called
	// only when the library holds items of the user's own (reading the examples takes
	// a millisecond or more, at every build).
	Examples func() []string
	// Embargo is the kit's embargo, nil when it has none.
	Embargo *time.Time
	Now     time.Time
	// Show, when set, turns a path into the form messages print (relative to the working
	// folder, say).
	Show func(path string) string
}

// Warnings lists what would make a kit unfit to publish: no organisation or contacts,
// init's example items still in the user's library, an embargo already past. Each is a
// sentence that says what to do.
func (p Preflight) Warnings() []string {
	var out []string
	show := p.Show
	if show == nil {
		show = func(s string) string { return s }
	}
	where := "presskit.yaml"
	if p.Workspace != "" {
		where = show(p.Workspace)
	}
	if p.Workspace != "" && strings.TrimSpace(p.Config.Organisation.Name) == "" {
		out = append(out, fmt.Sprintf("organisation.name is empty: the documents carry no organisation; fill in organisation: in %s", where))
	}
	if p.Workspace != "" && len(p.Config.Contacts) == 0 {
		out = append(out, fmt.Sprintf("contacts is empty: journalists get no one to call; add contacts: in %s", where))
	}
	if p.Lib != nil && p.Examples != nil && ownItems(p.Lib) {
		var left []string
		origin := ""
		for _, id := range p.Examples() {
			if it := p.Lib.Get(id); it != nil && it.Origin != "embedded" {
				left = append(left, id)
				origin = show(it.Origin)
			}
		}
		if len(left) > 0 {
			sort.Strings(left)
			out = append(out, fmt.Sprintf("your library (%s) still holds the example items of presskit init (%s): they go into the documents first; edit them (with new ids) or delete them",
				origin, strings.Join(left, ", ")))
		}
	}
	if p.Embargo != nil && !p.Embargo.After(p.Now) {
		out = append(out, fmt.Sprintf("the embargo (%s) is already past: every document would say it is embargoed until then; remove embargo: from the kit or set a new date",
			p.Embargo.Format("2006-01-02 15:04 -07:00")))
	}
	return out
}

// ownItems reports whether lib holds any item not from the embedded library.
func ownItems(lib *library.Library) bool {
	for _, it := range lib.Items() {
		if it.Origin != "embedded" {
			return true
		}
	}
	return false
}
