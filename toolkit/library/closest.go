package library

import "sort"

// closest returns the candidate nearest to s by edit distance, or "" when none is near.
func closest(s string, candidates []string) string {
	best, bestD := "", max(2, len([]rune(s))/3)+1
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Nearest returns the candidate nearest to s by edit distance, or "" when none is near.
func Nearest(s string, candidates []string) string { return closest(s, candidates) }

// Closest returns up to n ids of the library nearest to id, nearest first.
func (l *Library) Closest(id string, n int) []string {
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	for _, c := range l.order {
		d := editDistance(id, c)
		if d <= max(2, len([]rune(id))/3) {
			cs = append(cs, cand{c, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].id < cs[j].id
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
