package snapcode

import "testing"

// TestRoundTripAndDamage: what a Writer encodes reads back the same, strings written
// once into the table; every truncation of it is damage the Reader reports, never a
// crash or a wrong value passed off as right.
func TestRoundTripAndDamage(t *testing.T) {
	w := NewWriter()
	w.Uint(0)
	w.Uint(1 << 33)
	w.Int(-42)
	w.Bool(true)
	w.Str("миф")
	w.Str("")
	w.Str("миф")
	data := string(w.Encode("magic\n"))
	r := NewReader("test snapshot", data, len("magic\n"))
	if u0, u1, i, b, s1, s2, s3 := r.Uint(), r.Uint(), r.Int(), r.Bool(), r.Str(), r.Str(), r.Str(); u0 != 0 || u1 != 1<<33 || i != -42 || !b || s1 != "миф" || s2 != "" || s3 != "миф" {
		t.Fatalf("read back %d %d %d %v %q %q %q", u0, u1, i, b, s1, s2, s3)
	}
	if err := r.Done(); err != nil {
		t.Fatal(err)
	}
	if n := len(NewWriter().Encode("")); n != 1 {
		t.Errorf("an empty snapshot is %d bytes, want 1 (no strings)", n)
	}
	for cut := 0; cut < len(data); cut++ {
		r := NewReader("test snapshot", data[:cut], len("magic\n"))
		r.Uint()
		r.Uint()
		r.Int()
		r.Bool()
		r.Str()
		r.Str()
		r.Str()
		if r.Done() == nil {
			t.Errorf("cut at byte %d of %d: no damage reported", cut, len(data))
		}
	}
}
