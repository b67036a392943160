package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/presskit/presskit/toolkit/config"
	"github.com/presskit/presskit/toolkit/workspace"
)

// app is what every command shares: the streams, and the configuration read once per run.
type app struct {
	*streams
	configFile string
	v          *viper.Viper
	cfg        config.Config
	// origin says where each setting came from, for `presskit config`.
	origin map[string]string
	// workspace is the presskit.yaml in use ("" when none was found); root is its folder,
	// or the working folder when there is none. Relative paths are resolved against root.
	workspace, root string
	// searched is the folder the search for presskit.yaml began in.
	searched string
	// docLangs are the languages as given, with any two-sided handout ("en+ru");
	// sides says there is one. cfg.Lang holds the plain languages.
	docLangs []string
	sides    bool
	// noSnapshot: parse the embedded library's files and interface strings even where
	// their snapshots are current (presskit validate).
	noSnapshot bool
}

// flagKeys maps global and command flags to configuration keys.
var flagKeys = map[string]string{"library": "library", "lang": "lang", "paper": "paper", "output": "output"}

// loadConfig layers, highest first: flags, PRESSKIT_* environment, the workspace's
// presskit.yaml (or --config), the user config folder, built-in defaults. A fresh viper
// per run. The workspace is found as git finds a repository: presskit.yaml in the working
// folder or the nearest folder above it; for `build KIT`, from the kit file's folder up,
// then, when the kit lies outside any workspace, from the working folder.
func (a *app) loadConfig(cmd *cobra.Command, args []string) error {
	v := viper.New()
	for k, d := range config.Defaults() {
		v.SetDefault(k, d)
	}
	a.origin = map[string]string{}
	for _, k := range config.Keys {
		a.origin[k] = "default"
	}
	var files []string
	if a.UserConfDir != "" {
		files = append(files, filepath.Join(a.UserConfDir, "presskit", "presskit.yaml"))
	}
	explicit := a.configFile
	if explicit == "" {
		explicit = a.Getenv("PRESSKIT_CONFIG")
	}
	a.searched = a.searchStart(cmd, args)
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return fmt.Errorf("configuration file %s: %w", explicit, plainErr(err))
		}
		a.workspace = a.abs(explicit)
		files = append(files, a.workspace)
	} else if found := workspace.Find(a.searched); found != "" {
		a.workspace = found
		files = append(files, found)
	} else if a.searched != a.WorkDir {
		// A kit file outside any workspace is built with the working folder's, if any.
		if found := workspace.Find(a.WorkDir); found != "" {
			a.workspace = found
			files = append(files, found)
		}
	}
	a.root = a.WorkDir
	if a.workspace != "" {
		a.root = filepath.Dir(a.workspace)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("configuration file %s: %v", f, plainErr(err))
		}
		if err := config.CheckFile(f, data); err != nil {
			return err
		}
		one := viper.New()
		one.SetConfigType("yaml")
		if err := one.ReadConfig(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("configuration file %s: %v", f, err)
		}
		// Relative paths in a configuration file are relative to that file.
		dir := filepath.Dir(f)
		for _, k := range []string{"organisation.logo", "output", "fonts.sans", "fonts.serif"} {
			if p := one.GetString(k); p != "" && one.IsSet(k) && !filepath.IsAbs(p) {
				one.Set(k, filepath.Join(dir, p))
			}
		}
		if one.IsSet("library") {
			var libs []string
			for _, p := range one.GetStringSlice("library") {
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				libs = append(libs, p)
			}
			one.Set("library", libs)
		}
		for _, k := range one.AllKeys() {
			v.Set(k, one.Get(k))
			a.origin[topKey(k)] = f
		}
	}
	for _, k := range config.Keys {
		env := "PRESSKIT_" + strings.ToUpper(strings.NewReplacer(".", "_").Replace(k))
		if val, ok := a.LookupEnv(env); ok {
			if k == "contacts" {
				return &exitError{code: 1, err: fmt.Errorf("%s: contacts is a list of people and cannot be given in one environment variable; put contacts: in presskit.yaml (or unset %s)", env, env)}
			}
			if k == "lang" || k == "library" {
				v.Set(k, splitList(val))
			} else {
				v.Set(k, val)
			}
			a.origin[k] = "env " + env
		}
	}
	visit := func(f *pflag.Flag) {
		key, ok := flagKeys[f.Name]
		if !ok || !f.Changed {
			return
		}
		switch f.Value.Type() {
		case "stringSlice", "stringArray":
			vals, _ := cmd.Flags().GetStringSlice(f.Name)
			if f.Value.Type() == "stringArray" {
				vals, _ = cmd.Flags().GetStringArray(f.Name)
			}
			v.Set(key, splitAll(vals))
		default:
			v.Set(key, f.Value.String())
		}
		a.origin[key] = "flag --" + f.Name
	}
	cmd.Flags().VisitAll(visit)
	// The built-in output folder is the workspace's; paths from flags and the
	// environment stay relative to the working folder, as the user typed them.
	if p := v.GetString("output"); a.workspace != "" && a.origin["output"] == "default" && !filepath.IsAbs(p) {
		v.Set("output", filepath.Join(a.root, p))
	}
	if libs := v.GetStringSlice("library"); len(libs) > 0 {
		for i, p := range libs {
			libs[i] = a.abs(p)
		}
		v.Set("library", libs)
	}
	a.v = v
	perLanguageRoles(v.Get("contacts"))
	var cfg config.Config
	if err := v.Unmarshal(&cfg); err != nil {
		return a.decodeError(err)
	}
	if err := cfg.Check(); err != nil {
		var ps config.Problems
		if errors.As(err, &ps) {
			return a.configProblems(ps)
		}
		return err
	}
	// A two-sided handout ("en+ru") needs both languages loaded; every command but
	// the handout's works in the plain languages.
	plain, sides, err := workspace.SplitSides(cfg.Lang)
	if err != nil {
		if strings.HasPrefix(a.origin["lang"], "flag ") {
			return &exitError{code: 2, err: fmt.Errorf("--lang: %w", err)}
		}
		return fmt.Errorf("%w (set by %s)", err, a.setIn("lang"))
	}
	a.docLangs, a.sides = cfg.Lang, len(sides) > 0
	cfg.Lang = plain
	a.cfg = cfg
	return nil
}

// searchStart is the folder the search for presskit.yaml begins in: the kit file's for
// `build KIT`, else the working folder.
func (a *app) searchStart(cmd *cobra.Command, args []string) string {
	if cmd != nil && cmd.Name() == "build" && len(args) == 1 {
		return filepath.Dir(a.abs(args[0]))
	}
	return a.WorkDir
}

// abs makes a path from the command line absolute against the working folder.
func (a *app) abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(a.WorkDir, p)
}

// rel shows a path relative to the working folder when it lies below it.
func (a *app) rel(p string) string {
	r, err := filepath.Rel(a.WorkDir, p)
	if err != nil || r == "." || !filepath.IsAbs(p) {
		return p
	}
	// Up to two folders up reads as git prints it (../presskit.yaml); further, the full path.
	up := ".." + string(filepath.Separator)
	if strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(r, up), up), up) || r == ".." {
		return p
	}
	return r
}

func (a *app) relAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = a.rel(p)
	}
	return out
}

// perLanguageRoles moves a contact's role given per language (role: {en: …, fr: …}) to
// roles, where the configuration keeps it.
func perLanguageRoles(contacts any) {
	list, _ := contacts.([]any)
	for _, c := range list {
		m, ok := c.(map[string]any)
		if !ok {
			continue
		}
		if r, ok := m["role"].(map[string]any); ok {
			roles := map[string]any{}
			for lang, text := range r {
				roles[strings.ToLower(lang)] = fmt.Sprint(text)
			}
			m["roles"] = roles
			delete(m, "role")
		}
	}
}

// decodeKey is compiled on first use (a decoding error), not at every start.
var decodeKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`'([A-Za-z_.]+)(\[\d+\])?[A-Za-z_.\[\]0-9]*'`)
})

// decodeError turns a decoding failure (a setting of the wrong shape) into a message that
// names the setting and where it came from, without the decoder's own words.
func (a *app) decodeError(err error) error {
	m := decodeKey().FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("configuration: a setting has the wrong form; presskit config --format json shows them all")
	}
	key := strings.TrimPrefix(m[1], ".")
	from := a.origin[topKey(key)]
	switch {
	case strings.HasPrefix(from, "env "):
		from = "environment variable " + strings.TrimPrefix(from, "env ")
	case from == "" || from == "default":
		from = "the configuration"
	}
	return fmt.Errorf("%s: setting %s has the wrong form (set in %s); see presskit help settings", "configuration", key, from)
}

// setIn says where the user set key, in the words they would look for it:
// "PRESSKIT_ORGANISATION_LOGO", "--paper", "organisation.logo in presskit.yaml".
func (a *app) setIn(key string) string {
	from := a.origin[topKey(key)]
	switch {
	case strings.HasPrefix(from, "env "):
		return "the environment variable " + strings.TrimPrefix(from, "env ")
	case strings.HasPrefix(from, "flag "):
		return strings.TrimPrefix(from, "flag ")
	case from == "" || from == "default":
		return key
	}
	return key + " in " + a.rel(from)
}

func topKey(k string) string {
	for _, known := range config.Keys {
		if k == known || strings.HasPrefix(k, known+".") {
			return known
		}
	}
	return k
}

// configProblems says where each bad setting came from; a bad flag or environment
// variable is a usage error.
func (a *app) configProblems(ps config.Problems) error {
	var parts []string
	usage := false
	for _, p := range ps {
		from := a.origin[p.Key]
		switch {
		case strings.HasPrefix(from, "flag "):
			parts = append(parts, fmt.Sprintf("%s %s", strings.TrimPrefix(from, "flag "), p.Msg))
			usage = true
		case strings.HasPrefix(from, "env "):
			parts = append(parts, fmt.Sprintf("%s=%s", strings.TrimPrefix(from, "env "), p.Msg))
		case from == "default" || from == "":
			parts = append(parts, fmt.Sprintf("%s %s", p.Key, p.Msg))
		default:
			parts = append(parts, fmt.Sprintf("%s %s (set in %s)", p.Key, p.Msg, from))
		}
	}
	code := 1
	if usage {
		code = 2 // a bad flag is a mistake in the command line
	}
	return &exitError{code: code, err: errors.New(strings.Join(parts, "; ")), usage: usage}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func splitAll(vals []string) []string {
	var out []string
	for _, v := range vals {
		out = append(out, splitList(v)...)
	}
	return out
}

func plainErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
