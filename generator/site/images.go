package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/transformace/portal/generator/content"
	"github.com/transformace/portal/generator/imaging"
	"github.com/transformace/portal/generator/l10n"
	"github.com/transformace/portal/generator/render"
)

// CacheDir is where processed images are kept between builds, inside the
// site folder (Netlify keeps it with netlify-plugin-cache).
const CacheDir = ".portal-cache/images"

// photos processes every photo the stories use and returns the variants
// by "<bundle dir>/<name>", ready for render.Options.Images. A photo that
// cannot be read is a content error naming its file.
func photos(fsys fs.FS, s *content.Site, proc *imaging.Processor) (map[string]*photo, error) {
	srcs := photoSources(fsys, s)
	if len(srcs) == 0 {
		return map[string]*photo{}, nil
	}
	imgs, err := proc.Process(srcs)
	if err != nil {
		return nil, imageErrors(err)
	}
	out := map[string]*photo{}
	for i, im := range imgs {
		slug := path.Base(path.Dir(srcs[i].Name))
		out[srcs[i].Name] = newPhoto(im, "/media/"+slug+"/")
	}
	return out, nil
}

// photoSources are the photos the stories use: their covers and the
// images of their texts. Their stamps (size and modification time) let
// the Processor of portal serve skip reading unchanged photos.
func photoSources(fsys fs.FS, s *content.Site) []imaging.Source {
	var srcs []imaging.Source
	for _, st := range s.Stories {
		for _, name := range st.Images {
			file := st.Dir + "/" + name
			src := imaging.Source{Name: file, Open: func() (io.ReadCloser, error) { return fsys.Open(file) }}
			if fi, err := fs.Stat(fsys, file); err == nil {
				src.Stamp = fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
			}
			srcs = append(srcs, src)
		}
	}
	return srcs
}

// checkPhotos finds the photos a build would refuse (not a JPEG or PNG,
// too large, corrupt, cut short) without writing anything.
func checkPhotos(src string, s *content.Site) error {
	srcs := photoSources(os.DirFS(src), s)
	if len(srcs) == 0 {
		return nil
	}
	proc, err := newProcessor(src)
	if err != nil {
		return err
	}
	if err := proc.Check(srcs); err != nil {
		return imageErrors(err)
	}
	return nil
}

// photo is a processed image with its published addresses.
type photo struct {
	set   *render.ImageSet
	files map[string]func() ([]byte, error) // output path → bytes
}

func newPhoto(im imaging.Image, base string) *photo {
	p := &photo{set: &render.ImageSet{Width: im.Width, Height: im.Height}, files: map[string]func() ([]byte, error){}}
	var jpeg, webp []string
	var jpegs []imaging.Variant
	for _, v := range im.Variants {
		url := base + v.Name
		p.files[strings.TrimPrefix(url, "/")] = v.Data
		entry := fmt.Sprintf("%s %dw", url, v.Width)
		switch v.Format {
		case "webp":
			webp = append(webp, entry)
		default:
			jpeg = append(jpeg, entry)
			jpegs = append(jpegs, v)
		}
	}
	p.set.Srcset = strings.Join(jpeg, ", ")
	p.set.WebPSrcset = strings.Join(webp, ", ")
	if len(jpegs) > 0 {
		// The fallback src is the variant nearest 960 px: sharp enough for
		// a browser that ignores srcset, not the heaviest.
		best := jpegs[0]
		for _, v := range jpegs {
			if abs(v.Width-960) < abs(best.Width-960) {
				best = v
			}
		}
		p.set.Src = base + best.Name
		p.set.Largest = base + jpegs[len(jpegs)-1].Name
	}
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// imageLookup gives render the variants of a bundle's photo.
func imageLookup(m map[string]*photo) func(dir, name string) *render.ImageSet {
	return func(dir, name string) *render.ImageSet {
		if p := m[dir+"/"+path.Clean(name)]; p != nil {
			return p.set
		}
		return nil
	}
}

// writePhotos publishes every variant.
func writePhotos(m map[string]*photo, out render.Output) error {
	for _, p := range m {
		for rel, data := range p.files {
			b, err := data()
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			if err := out.WriteFile(rel, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// imageErrors turns the pipeline's errors into content errors, one per
// photo, so they print as "file: message" like every other mistake.
func imageErrors(err error) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	var es content.Errors
	for _, e := range list {
		var ie *imaging.Error
		if errors.As(e, &ie) {
			es = append(es, content.ErrorText(ie.Name, 0, l10n.Of(ie.Err)))
			continue
		}
		es = append(es, content.ErrorText("content/stories", 0, l10n.Of(e)))
	}
	return es
}

// newProcessor opens the image cache of a site folder.
func newProcessor(src string) (*imaging.Processor, error) {
	return imaging.New(imaging.DefaultOptions(filepath.Join(src, filepath.FromSlash(CacheDir))))
}
