package prefault

import (
	"syscall"
	"unsafe"
)

const (
	madvPopulateRead  = 22 // MADV_POPULATE_READ (Linux 5.14)
	madvPopulateWrite = 23 // MADV_POPULATE_WRITE (Linux 5.14)
	// heapAhead is how much of the heap, from the first page in use, is made ready: about
	// what `presskit version` and `list` touch; a document touches it and more.
	heapAhead = 512 << 10
)

func init() {
	populateCode()
	populateHeap()
}

// heapMark is a first heap object; where it lies is where the heap begins to grow.
var heapMark *[64]byte

// populateHeap maps heapAhead bytes of the heap from heapMark's page on. Go's page
// allocator hands out the lowest free pages first, so the spans the start-up allocates
// next lie there. The pages are already mapped read-write by the runtime, and a
// populated page reads as zero, as a faulted one does. It returns the bytes populated.
func populateHeap() uintptr {
	heapMark = new([64]byte)
	start := uintptr(unsafe.Pointer(heapMark)) &^ (64<<10 - 1)
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, start, heapAhead, madvPopulateWrite); e != 0 {
		return 0
	}
	return heapAhead
}

// populateCode maps the executable's code pages (its r-xp mapping in /proc/self/maps)
// that are in the page cache. It returns the bytes populated.
func populateCode() uintptr {
	var exe [512]byte
	n, err := syscall.Readlink("/proc/self/exe", exe[:])
	if err != nil || n <= 0 || n >= len(exe) {
		return 0
	}
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0
	}
	var buf [8192]byte
	m, _ := syscall.Read(fd, buf[:])
	syscall.Close(fd)
	if m <= 0 {
		return 0
	}
	lo, hi, ok := codeMapping(buf[:m], string(exe[:n]))
	if !ok {
		return 0
	}
	return populateResident(lo, hi)
}

// codeMapping finds the r-xp mapping of the file exe in the text of /proc/self/maps:
// "lo-hi perms offset dev inode path".
func codeMapping(maps []byte, exe string) (lo, hi uintptr, ok bool) {
	for len(maps) > 0 {
		end := 0
		for end < len(maps) && maps[end] != '\n' {
			end++
		}
		line := maps[:end]
		if end < len(maps) {
			maps = maps[end+1:]
		} else {
			maps = nil
		}
		if len(line) < len(exe) || string(line[len(line)-len(exe):]) != exe {
			continue
		}
		a, i := hex(line, 0)
		if i >= len(line) || line[i] != '-' {
			continue
		}
		b, j := hex(line, i+1)
		if j+5 > len(line) || string(line[j:j+5]) != " r-xp" || b <= a {
			continue
		}
		return a, b, true
	}
	return 0, 0, false
}

// populateResident populates the pages of [lo, hi) that mincore reports resident, in
// runs, so that none is read from disk for it.
func populateResident(lo, hi uintptr) uintptr {
	page := uintptr(syscall.Getpagesize())
	npages := (hi - lo + page - 1) / page
	vec := make([]byte, npages)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, lo, hi-lo, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return 0
	}
	var done uintptr
	for i := uintptr(0); i < npages; {
		if vec[i]&1 == 0 {
			i++
			continue
		}
		j := i
		for j < npages && vec[j]&1 != 0 {
			j++
		}
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo+i*page, (j-i)*page, madvPopulateRead); e != 0 {
			return done
		}
		done += (j - i) * page
		i = j
	}
	return done
}

func hex(b []byte, i int) (uintptr, int) {
	var v uintptr
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, i
		}
	}
	return v, i
}
