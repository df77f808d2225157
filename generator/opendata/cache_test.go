package opendata

import (
	"bytes"
	"hash/maphash"
	"reflect"
	"strings"
	"testing"
)

// TestCacheSameFiles: WriteWith with a Cache writes the bytes WriteWith
// without one writes, after each of a sequence of edits, and makes again
// only the files whose inputs changed.
func TestCacheSameFiles(t *testing.T) {
	c := NewCache()
	edits := []map[string]string{
		nil,
		nil, // nothing changed
		{"content/indicators/akce.csv": strings.Replace(testFiles["content/indicators/akce.csv"], "2024-Q4,11", "2024-Q4,12", 1)},
		{"content/indicators/akce.toml": strings.Replace(testFiles["content/indicators/akce.toml"], "target = 12", "target = 15", 1)},
		{"content/site.toml": strings.Replace(testSiteTOML, `publisher_ico = "70891168"`, "", 1)},
		{"content/site.toml": strings.Replace(testSiteTOML, "https://", "http://", 1)},
	}
	var last map[string][]byte
	for i, e := range edits {
		s := loadSite(t, e)
		want, _ := write(t, s, Options{})
		got, _ := write(t, s, Options{Cache: c})
		if !reflect.DeepEqual(sortedKeys(got), sortedKeys(want)) {
			t.Fatalf("edit %d: files %v, want %v", i, sortedKeys(got), sortedKeys(want))
		}
		for f := range want {
			if !bytes.Equal(got[f], want[f]) {
				t.Errorf("edit %d: %s differs from a WriteWith without cache", i, f)
			}
		}
		if i == 1 {
			for f := range got {
				if !bytes.Equal(got[f], last[f]) {
					t.Errorf("nothing changed, yet %s did", f)
				}
			}
		}
		last = got
	}
	if len(c.files) == 0 {
		t.Error("the cache kept nothing")
	}
}

// TestHashValue: values that differ hash differently, equal ones alike,
// and nothing panics (nil pointers, maps in any order, self-reference).
func TestHashValue(t *testing.T) {
	seed := maphash.MakeSeed()
	sum := func(v any) uint64 {
		var h maphash.Hash
		h.SetSeed(seed)
		hashValue(&h, reflect.ValueOf(v), 0)
		return h.Sum64()
	}
	type node struct {
		Name string
		Next *node
		M    map[string]int
		F    func()
	}
	a := &node{Name: "a", M: map[string]int{"x": 1, "y": 2}}
	b := &node{Name: "a", M: map[string]int{"y": 2, "x": 1}}
	if sum(a) != sum(b) {
		t.Error("equal values hash differently")
	}
	b.M["x"] = 3
	if sum(a) == sum(b) {
		t.Error("different maps hash alike")
	}
	if sum([]string{"ab", "c"}) == sum([]string{"a", "bc"}) {
		t.Error("strings are not delimited")
	}
	a.Next = a // self-reference stops at maxDepth
	sum(a)
	sum(nil)
	sum((*node)(nil))
}
