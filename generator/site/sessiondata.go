package site

import (
	"maps"

	"github.com/transformace/portal/generator/opendata"
	"github.com/transformace/portal/generator/render"
	"github.com/transformace/portal/generator/search"
)

// dataMaker makes the data files of a session's builds (the second step
// of Session.Build) and keeps what lets the next build redo only what
// changed.
type dataMaker struct {
	// indexes are the search indexes by language. The map is replaced,
	// never modified, when a language is added, so that a build's
	// renderer may read it while the next build starts.
	indexes map[string]*search.Index
	// open keeps the files of each indicator (only the data step uses it).
	open *opendata.Cache
}

func newDataMaker() *dataMaker {
	return &dataMaker{indexes: map[string]*search.Index{}, open: opendata.NewCache()}
}

// searchIndexes returns an Index for each of langs (called by Build,
// before the data step of its build starts).
func (m *dataMaker) searchIndexes(langs []string) map[string]*search.Index {
	for _, l := range langs {
		if m.indexes[l] == nil {
			next := maps.Clone(m.indexes)
			next[l] = search.NewIndex()
			m.indexes = next
		}
	}
	return m.indexes
}

// make makes every data file of the build of ld rendered by r: what
// WriteExtras writes (the project lists' index, feeds, sitemap, robots.txt
// and search indexes) and the open data.
func (m *dataMaker) make(ld *Loaded, r *render.Renderer) (map[string][]byte, error) {
	out := &memOutput{files: map[string][]byte{}}
	err := parallel(
		func() error { return r.WriteExtras(out) },
		func() error {
			// As writeOpenData, with the cache (TestSessionDataSameAsBuild
			// compares the files with a build's).
			_, err := opendata.WriteWith(ld.Site, out, opendata.Options{
				ProjectURL: func(lang, slug string) string {
					return render.Routes{Lang: lang, L: ld.Locales[lang]}.Project(slug)
				},
				Cache: m.open,
			})
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	return out.files, nil
}
