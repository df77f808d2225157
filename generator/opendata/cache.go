package opendata

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"sync"
	"time"
)

// Cache keeps the files of each indicator (its CSV, JSON, CSVW and DCAT
// record) that WriteWith made, with a hash of everything each was made
// from, so that a WriteWith after an editor saved one file encodes only
// the files whose inputs changed: portal serve writes the open data after
// every save, and a site may have thousands of indicators. The files that
// depend on every project or data set (projects CSV/JSON, catalogue, data
// package) are made every time. A Cache is for one site; it is safe for
// concurrent use, though WriteWith calls with one Cache take turns.
type Cache struct {
	mu    sync.Mutex
	seed  maphash.Seed
	files map[string]cachedFile // by output path
	used  map[string]bool       // paths of the current WriteWith
}

type cachedFile struct {
	key  uint64
	data []byte
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), files: map[string]cachedFile{}}
}

// begin and end bracket a WriteWith: files it did not make are dropped.
func (c *Cache) begin() {
	c.mu.Lock()
	c.used = map[string]bool{}
	c.mu.Unlock()
}

func (c *Cache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.files {
		if !c.used[p] {
			delete(c.files, p)
		}
	}
}

// sum is a hash of everything inputs hold (hashValue).
func (c *Cache) sum(inputs ...any) uint64 {
	h := maphash.Hash{}
	h.SetSeed(c.seed)
	for _, in := range inputs {
		hashValue(&h, reflect.ValueOf(in), 0)
	}
	return h.Sum64()
}

// get returns the file made at path from inputs whose sum is key,
// building it when the key differs from the last time.
func (c *Cache) get(path string, key uint64, build func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	f, ok := c.files[path]
	c.used[path] = true
	c.mu.Unlock()
	if ok && f.key == key {
		return f.data, nil
	}
	data, err := build()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.files[path] = cachedFile{key, data}
	c.mu.Unlock()
	return data, nil
}

var timeType = reflect.TypeFor[time.Time]()

// maxDepth bounds hashValue on data that refers to itself.
const maxDepth = 24

// hashValue writes everything v holds into h: every field, element and
// map entry, what pointers point to, the kind of each value between them,
// so that two values hash alike only when they hold the same.
func hashValue(h *maphash.Hash, v reflect.Value, depth int) {
	var b [8]byte
	num := func(x uint64) {
		binary.LittleEndian.PutUint64(b[:], x)
		h.Write(b[:])
	}
	if !v.IsValid() {
		h.WriteByte(0)
		return
	}
	h.WriteByte(byte(v.Kind()))
	if depth > maxDepth {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		num(v.Uint())
	case reflect.Float32, reflect.Float64:
		num(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		num(math.Float64bits(real(v.Complex())))
		num(math.Float64bits(imag(v.Complex())))
	case reflect.String:
		num(uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice, reflect.Array:
		num(uint64(v.Len()))
		for i := range v.Len() {
			hashValue(h, v.Index(i), depth+1)
		}
	case reflect.Map:
		// In no particular order: the entries' hashes are added up.
		num(uint64(v.Len()))
		var sum uint64
		seed := h.Seed()
		it := v.MapRange()
		for it.Next() {
			var e maphash.Hash
			e.SetSeed(seed)
			hashValue(&e, it.Key(), depth+1)
			hashValue(&e, it.Value(), depth+1)
			sum += e.Sum64()
		}
		num(sum)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		if v.Kind() == reflect.Interface {
			h.WriteString(v.Elem().Type().String())
		}
		hashValue(h, v.Elem(), depth+1)
	case reflect.Struct:
		if v.Type() == timeType && v.CanInterface() {
			t := v.Interface().(time.Time)
			num(uint64(t.UnixNano()))
			h.WriteString(t.Location().String())
			return
		}
		for i := range v.NumField() {
			hashValue(h, v.Field(i), depth+1)
		}
	default: // functions and channels: only whether there is one
		if v.IsNil() {
			h.WriteByte(0)
		} else {
			h.WriteByte(1)
		}
	}
}
