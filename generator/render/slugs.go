package render

import "github.com/transformace/portal/generator/locale"

// slug is locale.Slugify remembered for the life of the Renderer: the
// model slugs the same few topics and funds of every project, and on a
// site of 10 000 projects that was a fifth of building it.
func (r *Renderer) slug(s string) string {
	if v, ok := r.slugs.Load(s); ok {
		return v.(string)
	}
	v := locale.Slugify(s)
	r.slugs.Store(s, v)
	return v
}
