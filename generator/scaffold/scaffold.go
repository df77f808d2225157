// Package scaffold creates new content files from the templates in
// layouts/new/, one file per language of the site, so that an editor starts
// from a file that already has every field and the right shape.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"

	"github.com/transformace/portal/generator/config"
	"github.com/transformace/portal/generator/content"
)

// ErrUsage marks mistakes in the command line rather than in content.
var ErrUsage = errors.New("usage")

// Kinds are what can be created, with the folder each lives in.
var Kinds = map[string]string{"project": "projects", "partner": "partners", "page": "pages", "story": "stories"}

// Data is what a template in layouts/new/ sees.
type Data struct {
	Slug, Lang, DefaultLang string
	// Default is true for the default language's file, which carries the
	// language-neutral fields.
	Default bool
}

// New creates the files of a new entry of kind with slug in the site
// folder src, one per language, and returns their paths. It never
// overwrites a file.
func New(src string, theme fs.FS, kind, slug string) ([]string, error) {
	dir, ok := Kinds[kind]
	if !ok {
		return nil, fmt.Errorf("%w: unknown kind %q: use project, partner, story or page", ErrUsage, kind)
	}
	if !content.ValidSlug(slug) {
		return nil, fmt.Errorf("%w: %q is not a valid slug: use lowercase letters without diacritics, digits and hyphens", ErrUsage, slug)
	}
	siteFile := filepath.Join(src, "content", "site.toml")
	data, err := os.ReadFile(siteFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (run portal new inside a portal folder, or pass --src)", siteFile, err)
	}
	cfg, err := config.Parse(filepath.ToSlash(siteFile), data)
	if err != nil {
		return nil, err
	}
	name := "layouts/new/" + kind + ".md"
	tsrc, err := readOverlay(src, theme, name)
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New(kind).Parse(string(tsrc))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var paths []string
	for _, lang := range cfg.Languages {
		p := filepath.Join(src, "content", dir, slug+"."+lang+".md")
		if kind == "story" {
			p = filepath.Join(src, "content", dir, slug, "index."+lang+".md")
		}
		if _, err := os.Stat(p); err == nil {
			return paths, fmt.Errorf("%s already exists: choose another slug or edit that file", p)
		}
		paths = append(paths, p)
	}
	for i, lang := range cfg.Languages {
		var b bytes.Buffer
		d := Data{Slug: slug, Lang: lang, DefaultLang: cfg.DefaultLanguage(), Default: i == 0}
		if err := tmpl.Execute(&b, d); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := os.MkdirAll(filepath.Dir(paths[i]), 0o755); err != nil {
			return nil, err
		}
		// O_EXCL: never overwrite an editor's work, even in a race.
		f, err := os.OpenFile(paths[i], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(b.Bytes()); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

func readOverlay(src string, theme fs.FS, name string) ([]byte, error) {
	if b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(name))); err == nil {
		return b, nil
	}
	return fs.ReadFile(theme, name)
}
