package main

import (
	"strings"
)

// cleanList trims the values of a list flag and drops empty ones and repeats, keeping
// the first occurrence: "--ids 'a, b,a'" is [a b].
func cleanList(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			p = strings.TrimSpace(p)
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// enumList is cleanList for a flag of fixed values: case does not matter ("PDF" is pdf),
// and a value that is not allowed is a usage error naming the flag and the choices.
func enumList(flag string, vals []string, allowed ...string) ([]string, error) {
	var lower []string
	for _, v := range vals {
		lower = append(lower, strings.ToLower(v))
	}
	out := cleanList(lower)
	for _, v := range out {
		ok := false
		for _, a := range allowed {
			ok = ok || a == v
		}
		if !ok {
			return nil, usageErrorf("%s %q: use %s, or a comma list of them", flag, v, strings.Join(allowed, ", "))
		}
	}
	return out, nil
}
