package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/transformace/portal/generator/l10n"
)

const kindStories = "stories"

// Story is a region's photo story: a bundle folder
// content/stories/<slug>/ with index.<lang>.md and the images beside it.
type Story struct {
	Entry
	// Dir is the bundle folder, "content/stories/<slug>".
	Dir    string
	Region string
	// Cover is an image file of the bundle shown on region pages and when
	// the story is shared; its alt text is Text.CoverAlt per language.
	Cover string
	Date  Period
	// Images are the bundle's image files used by the cover or a body, by
	// name, sorted; only these are published.
	Images []string
}

// imageExts are the photo formats a bundle may hold.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true}

// readStories reads every bundle in content/stories/: its index files,
// grouped like other kinds, and the names of its image files.
func (l *loader) readStories(s *Site) (map[string]map[string]*rawFile, map[string]map[string]bool) {
	out := map[string]map[string]*rawFile{}
	images := map[string]map[string]bool{}
	dir := "content/" + kindStories
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, images
	}
	if err != nil {
		l.p.errorf(dir, 0, "cannot read: %v", err)
		return out, images
	}
	for _, e := range entries {
		name := e.Name()
		if Ignored(name) {
			continue
		}
		if !e.IsDir() {
			l.p.warnf(dir+"/"+name, 0, "is not read: a story is a folder content/stories/<slug>/ with index.%s.md and its photos", l.cfg.DefaultLanguage())
			continue
		}
		if !ValidSlug(name) {
			l.p.errorf(dir+"/"+name, 0, "%q is not a valid slug: use lowercase letters without diacritics, digits and hyphens", name)
			continue
		}
		bundle := dir + "/" + name
		files, err := fs.ReadDir(l.fsys, bundle)
		if err != nil {
			l.p.errorf(bundle, 0, "cannot read: %v", err)
			continue
		}
		images[name] = map[string]bool{}
		for _, f := range files {
			fn := f.Name()
			file := bundle + "/" + fn
			switch {
			case Ignored(fn):
			case f.IsDir():
				l.p.warnf(file, 0, "folders inside a story are not read; keep the photos beside index.%s.md", l.cfg.DefaultLanguage())
			case strings.HasPrefix(fn, "index.") && strings.HasSuffix(fn, ".md"):
				lang := strings.TrimSuffix(strings.TrimPrefix(fn, "index."), ".md")
				if !l.cfg.HasLanguage(lang) {
					l.p.errorf(file, 0, "language %q is not one of the site's languages (%s in content/site.toml)", lang, strings.Join(l.cfg.Languages, ", "))
					continue
				}
				rf := l.readFile(file)
				if rf == nil {
					l.broken[kindStories+"/"+name] = true
					continue
				}
				rf.slug, rf.lang = name, lang
				if out[name] == nil {
					out[name] = map[string]*rawFile{}
				}
				out[name][lang] = rf
				s.Files = append(s.Files, file)
			case imageExts[strings.ToLower(path.Ext(fn))]:
				images[name][fn] = true
			default:
				l.p.warnf(file, 0, "is not published: a story folder holds index.<language>.md and JPEG or PNG photos")
			}
		}
	}
	return out, images
}

func (l *loader) story(slug string, files map[string]*rawFile, images map[string]bool, jobs *[]renderJob) *Story {
	known := []string{"title", "summary", "region", "cover", "cover_alt", "credit", "date"}
	st := &Story{Dir: "content/" + kindStories + "/" + slug}
	f := l.entry(kindStories, slug, files, &st.Entry, known, jobs)
	if f == nil {
		return nil
	}
	if st.Texts[l.cfg.DefaultLanguage()].Summary == "" && !f.has("summary") {
		l.p.errorf(f.file, keyLine(f.fm, "title"), "summary is missing: add one or two sentences as summary = \"…\"")
	}
	st.Region = f.str("region")
	if st.Region != "" && !contains(Regions, st.Region) {
		f.bad("region", "unknown region %q%s; regions are %s", st.Region, didYouMean(st.Region, Regions), strings.Join(Regions, ", "))
	}
	st.Cover = f.str("cover")
	if st.Cover != "" {
		if msg := l.bundleImage(st.Dir, st.Cover, images); !msg.IsZero() {
			f.bad("cover", "%s", msg)
			st.Cover = ""
		} else if st.Texts[l.cfg.DefaultLanguage()].CoverAlt == "" {
			l.p.errorf(f.file, keyLine(f.fm, "cover"), "cover_alt is missing: describe the cover photo for people who cannot see it, e.g. cover_alt = \"Zatopený lom Medard se sokolovskou výsypkou v pozadí\"")
		}
	}
	st.Date = f.period("date")
	f.unknown(known)
	return st
}

// checkStoryImages runs after the bodies are rendered: every image needs
// alt text and must be a photo of the story's own folder.
func (l *loader) checkStoryImages(st *Story, images map[string]bool) {
	used := map[string]bool{}
	if st.Cover != "" {
		used[st.Cover] = true
	}
	for _, lang := range l.cfg.Languages {
		t := st.Texts[lang]
		if t == nil || t.Fallback {
			continue
		}
		for _, im := range t.Images {
			if strings.TrimSpace(im.Alt) == "" {
				l.p.errorf(t.File, im.Line, "image %q has no alt text: describe what the photo shows, ![Zatopený lom Medard](%s)", im.Dest, im.Dest)
			}
			if msg := l.bundleImage(st.Dir, im.Dest, images); !msg.IsZero() {
				l.p.errorf(t.File, im.Line, "image %q: %s", im.Dest, msg)
				continue
			}
			used[path.Clean(im.Dest)] = true
		}
	}
	for name := range used {
		st.Images = append(st.Images, name)
	}
	sort.Strings(st.Images)
}

// bundleImage says what is wrong with an image reference of a bundle, or
// nothing (a zero Text) when it names a photo beside the index file. Nothing outside the
// bundle is ever read: not "../x.jpg", not "/etc/x", not another website,
// not a symbolic link leading out of content/.
func (l *loader) bundleImage(dir, ref string, images map[string]bool) l10n.Text {
	switch {
	case strings.Contains(ref, "://") || strings.HasPrefix(ref, "//") || strings.HasPrefix(strings.ToLower(ref), "data:"):
		return l10n.New("images must be photos in the story's own folder; the portal loads nothing from other websites")
	case strings.HasPrefix(ref, "/") || strings.Contains(ref, "\\"):
		return l10n.New("write the file name relative to the story's folder, e.g. \"lom-medard.jpg\", not an absolute path")
	}
	clean := path.Clean(ref)
	if clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(clean, "/") {
		return l10n.New("the photo must lie in the story's own folder, beside index.md; \"..\" and subfolders are not allowed")
	}
	if !imageExts[strings.ToLower(path.Ext(clean))] {
		return l10n.New("only JPEG and PNG photos can be published")
	}
	if !images[clean] {
		have := make([]string, 0, len(images))
		for n := range images {
			have = append(have, n)
		}
		sort.Strings(have)
		if len(have) == 0 {
			return l10n.New("there is no %s in %s/ (the folder has no photos yet)", clean, dir)
		}
		return l10n.New("there is no %s in %s/%s; photos there: %s", clean, dir, didYouMean(clean, have), strings.Join(have, ", "))
	}
	if real, ok := realPath(l.fsys, dir+"/"+clean); !ok || !strings.HasPrefix(real, "content/") {
		return l10n.New("is a symbolic link leading outside content/; copy the photo into the story's folder")
	}
	return l10n.Text{}
}

// realPath follows every symbolic link on the way to name (a slash path
// in fsys): links to links, and linked folders such as a story folder that
// is itself a link. It returns the path the file really has in fsys; ok is
// false when a link is absolute, leads above the root of fsys or there are
// more than 40 of them (a loop). The folder "content" itself is taken as it
// is: a site may keep its whole content folder elsewhere.
func realPath(fsys fs.FS, name string) (real string, ok bool) {
	parts := strings.Split(name, "/")
	var done []string
	hops := 0
	for len(parts) > 0 {
		p := parts[0]
		parts = parts[1:]
		switch p {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", false
			}
			done = done[:len(done)-1]
			continue
		}
		next := strings.Join(append(done, p), "/")
		target, err := fs.ReadLink(fsys, next)
		if err != nil || next == "content" {
			done = append(done, p) // not a link (or not there: the reader says so)
			continue
		}
		target = strings.ReplaceAll(target, "\\", "/")
		if hops++; hops > 40 || path.IsAbs(target) || (len(target) > 1 && target[1] == ':') {
			return "", false
		}
		parts = append(strings.Split(target, "/"), parts...)
	}
	return strings.Join(done, "/"), true
}
