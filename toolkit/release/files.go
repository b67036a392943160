package release

import (
	"github.com/presskit/presskit/toolkit/output"
	"github.com/presskit/presskit/toolkit/release/sheet"
)

// BuildFile reads, checks and lays out one release file and renders it in each format.
// Nothing is returned but an error when anything is wrong.
func BuildFile(name string, read func(string) ([]byte, error), env Env, formats []string) ([]output.File, error) {
	data, err := read(name)
	if err != nil {
		return nil, err
	}
	r, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if err := Check(name, data, env); err != nil {
		return nil, err
	}
	s, err := Sheet(r, env)
	if err != nil {
		return nil, err
	}
	return sheet.Files(s, "release", formats, env.Now)
}
