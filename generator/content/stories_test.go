package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transformace/portal/generator/markdown"
)

func storySite(t *testing.T, index string, extra map[string]string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.toml":               "base_url = \"https://example.cz/\"\nlanguages = [\"cs\", \"en\"]\n[title]\ncs = \"T\"\nen = \"T\"\n",
		"content/stories/lom/index.cs.md": index,
		"content/stories/lom/lom.jpg":     "jpeg",
		"content/stories/lom/jezero.jpg":  "jpeg",
	}
	for k, v := range extra {
		files[k] = v
	}
	for p, text := range files {
		f := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "secret.jpg"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(dir, "secret.jpg"), filepath.Join(dir, "content/stories/lom/ven.jpg"))
	// A link to a link: the first stays inside content/, the second does not.
	os.Symlink("../../../secret.jpg", filepath.Join(dir, "content/stories/lom/krok.jpg"))
	os.Symlink("krok.jpg", filepath.Join(dir, "content/stories/lom/retez.jpg"))
	os.Symlink("../lom/../../../secret.jpg", filepath.Join(dir, "content/stories/lom/oklikou.jpg"))
	os.Symlink("retez.jpg", filepath.Join(dir, "content/stories/lom/smycka.jpg"))
	os.Remove(filepath.Join(dir, "content/stories/lom/smycka.jpg"))
	os.Symlink("smycka2.jpg", filepath.Join(dir, "content/stories/lom/smycka.jpg"))
	os.Symlink("smycka.jpg", filepath.Join(dir, "content/stories/lom/smycka2.jpg"))
	// Links that stay in the story's folder are fine.
	os.Symlink("lom.jpg", filepath.Join(dir, "content/stories/lom/alias.jpg"))
	os.Symlink("./../lom/jezero.jpg", filepath.Join(dir, "content/stories/lom/alias2.jpg"))
	_, err := Load(os.DirFS(dir), Options{Markdown: markdown.New(markdown.Options{})})
	return dir, err
}

const storyHead = "+++\ntitle = \"Lom\"\nsummary = \"Z lomu jezero.\"\nregion = \"karlovarsky\"\ncover = \"lom.jpg\"\ncover_alt = \"Lom Medard\"\n+++\n\n"

func TestStoryImages(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // "" means the story loads
	}{
		{"valid", "Text.\n\n![Lom před zatopením](lom.jpg \"Lom v roce 2005\")\n\n![Jezero dnes](jezero.jpg)\n", ""},
		{"no alt", "Text.\n\n![](jezero.jpg)\n", "content/stories/lom/index.cs.md:11: image \"jezero.jpg\" has no alt text"},
		{"parent folder", "![Tajné](../../../secret.jpg)\n", "content/stories/lom/index.cs.md:9: image \"../../../secret.jpg\": the photo must lie in the story's own folder"},
		{"absolute path", "![Heslo](/etc/passwd.jpg)\n", "index.cs.md:9: image \"/etc/passwd.jpg\": write the file name relative"},
		{"other website", "![Cizí](https://example.com/x.jpg)\n", "the portal loads nothing from other websites"},
		{"data URL", "![Vložené](data:image/png;base64,AAAA)\n", "the portal loads nothing from other websites"},
		{"missing file", "![Jezero](jezer.jpg)\n", "there is no jezer.jpg in content/stories/lom/ (did you mean \"jezero.jpg\"?)"},
		{"symlink out of content", "![Ven](ven.jpg)\n", "symbolic link leading outside content/"},
		{"relative symlink out of content", "![Krok](krok.jpg)\n", "image \"krok.jpg\": is a symbolic link leading outside content/"},
		{"symlink to a symlink out of content", "![Řetěz](retez.jpg)\n", "image \"retez.jpg\": is a symbolic link leading outside content/"},
		{"symlink out through its own folder", "![Oklikou](oklikou.jpg)\n", "image \"oklikou.jpg\": is a symbolic link leading outside content/"},
		{"symlink loop", "![Smyčka](smycka.jpg)\n", "image \"smycka.jpg\": is a symbolic link leading outside content/"},
		{"symlinks inside the folder", "![Alias](alias.jpg)\n\n![Alias 2](alias2.jpg)\n", ""},
		{"not a photo", "![Soubor](index.cs.md)\n", "only JPEG and PNG photos"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := storySite(t, storyHead+tt.body, nil)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestStoryCover(t *testing.T) {
	_, err := storySite(t, strings.Replace(storyHead, "cover_alt = \"Lom Medard\"\n", "", 1)+"Text.\n", nil)
	if err == nil || !strings.Contains(err.Error(), "index.cs.md:5: cover_alt is missing") {
		t.Errorf("error = %v", err)
	}
	_, err = storySite(t, strings.Replace(storyHead, `cover = "lom.jpg"`, `cover = "../lom.jpg"`, 1)+"Text.\n", nil)
	if err == nil || !strings.Contains(err.Error(), "index.cs.md:5: cover:") {
		t.Errorf("error = %v", err)
	}
}

func TestStoryLoads(t *testing.T) {
	dir := t.TempDir()
	_ = dir
	d, err := storySite(t, storyHead+"![Jezero dnes](jezero.jpg \"Jezero Medard, 2024\")\n", map[string]string{
		"content/stories/lom/index.en.md": "+++\ntitle = \"Quarry\"\nsummary = \"From a quarry, a lake.\"\n+++\n\n![The lake today](jezero.jpg)\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(os.DirFS(d), Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stories[0]
	if st.Slug != "lom" || st.Cover != "lom.jpg" || strings.Join(st.Images, ",") != "jezero.jpg,lom.jpg" || st.Region != "karlovarsky" {
		t.Errorf("story = %+v", st)
	}
	if en := st.In("en"); en.CoverAlt != "Lom Medard" || !en.Inherited["cover_alt"] {
		t.Errorf("English cover alt should inherit the Czech one, marked: %+v", en)
	}
}

// A story folder that is itself a symbolic link is not read at all: none
// of its photos is published, whatever the link leads to.
func TestStoryFolderLinkedOut(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "elsewhere")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "index.cs.md"), []byte(storyHead+"![Lom](lom.jpg)\n"), 0o644)
	os.WriteFile(filepath.Join(outside, "lom.jpg"), []byte("jpeg"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content/stories"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/site.toml"), []byte("base_url = \"https://example.cz/\"\nlanguages = [\"cs\"]\n[title]\ncs = \"T\"\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "content/stories/venku")); err != nil {
		t.Skip(err)
	}
	s, err := Load(os.DirFS(dir), Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Stories) != 0 {
		t.Errorf("a linked story folder was read: %+v", s.Stories[0])
	}
	if !strings.Contains(s.Warnings.Error(), "content/stories/venku: is not read") {
		t.Errorf("warnings = %v", s.Warnings)
	}
}

// The credit is written per language; a translation without one shows the
// default language's, marked as inherited.
func TestStoryCredit(t *testing.T) {
	head := strings.Replace(storyHead, "+++\n\n", "credit = \"Foto: Jan Novák, CC BY 4.0\"\n+++\n\n", 1)
	tests := []struct {
		name, en      string
		want          string
		wantInherited bool
	}{
		{"translated", "+++\ntitle = \"Quarry\"\nsummary = \"A lake.\"\ncredit = \"Photo: Jan Novák, CC BY 4.0\"\n+++\n", "Photo: Jan Novák, CC BY 4.0", false},
		{"inherited", "+++\ntitle = \"Quarry\"\nsummary = \"A lake.\"\n+++\n", "Foto: Jan Novák, CC BY 4.0", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := storySite(t, head+"Text.\n", map[string]string{"content/stories/lom/index.en.md": tt.en})
			if err != nil {
				t.Fatal(err)
			}
			s, err := Load(os.DirFS(d), Options{Markdown: markdown.New(markdown.Options{})})
			if err != nil {
				t.Fatal(err)
			}
			st := s.Stories[0]
			if cs := st.In("cs"); cs.Credit != "Foto: Jan Novák, CC BY 4.0" || cs.Inherited["credit"] {
				t.Errorf("Czech credit %q (inherited %v)", cs.Credit, cs.Inherited["credit"])
			}
			if en := st.In("en"); en.Credit != tt.want || en.Inherited["credit"] != tt.wantInherited {
				t.Errorf("English credit %q (inherited %v), want %q (%v)", en.Credit, en.Inherited["credit"], tt.want, tt.wantInherited)
			}
		})
	}
}
