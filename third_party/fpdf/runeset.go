// Copyright ©2026 The presskit Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "math/bits"

// runeSet is the set of characters a document draws in a UTF-8 font, one bit a
// character. (presskit patch: upstream kept a map[int]int, assigned for every
// character drawn, then iterated and sorted it three times while writing.)
//
// It gives what upstream's map gave. The map started with the entries 0 to
// reserved-1, each of value 0 (makeSubsetRange), set m[c] = c for a character c
// drawn, and lost its entry 0 before the subset was cut: its values were the
// characters drawn other than 0, and 0 while one of 1 to reserved-1 was not drawn.
type runeSet struct {
	bits     []uint64
	reserved int
}

func newRuneSet(reserved int) *runeSet {
	return &runeSet{bits: make([]uint64, 4), reserved: reserved}
}

// add marks c as drawn.
func (s *runeSet) add(c int) {
	w := c >> 6
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits))...)
	}
	s.bits[w] |= 1 << (c & 63)
}

func (s *runeSet) has(c int) bool {
	return c>>6 < len(s.bits) && s.bits[c>>6]&(1<<(c&63)) != 0
}

// drawn returns the characters drawn other than 0, ascending: the keys of
// upstream's map with a value other than 0.
func (s *runeSet) drawn() []int {
	n := 0
	for _, w := range s.bits {
		n += bits.OnesCount64(w)
	}
	out := make([]int, 0, n)
	for i, w := range s.bits {
		for w != 0 {
			if c := i<<6 | bits.TrailingZeros64(w); c != 0 {
				out = append(out, c)
			}
			w &= w - 1
		}
	}
	return out
}

// values returns the values upstream's map held when the subset was cut: the
// characters drawn other than 0, ascending, and then 0 if one of 1 to
// reserved-1 was not drawn.
func (s *runeSet) values() []int {
	out := s.drawn()
	for c := 1; c < s.reserved; c++ {
		if !s.has(c) {
			return append(out, 0)
		}
	}
	return out
}
