// Package publish is the last step of a build: it minifies stylesheets,
// scripts, JSON and XML (pages come compact from the templates) and publishes the build into the output folder only once it is
// complete, writing only what changed.
//
// # Updating in place
//
// A Writer never touches the output folder while a build runs, so a build
// that fails, is aborted or is interrupted leaves the previous site as it
// was. What it writes goes into a fresh folder beside the output folder
// (same parent, so renames stay on one file system) named
// "<out>.tmp-<random>"; leftovers of interrupted builds are removed by
// the next NewWriter.
//
// When the output folder holds a previous build (its marker lists the
// files), each file is compared with the previous build's file at the same
// path: identical files are not written at all, and only new or changed
// files go to the temporary folder. Commit then removes the files that
// are gone and moves the changed ones into place, one rename each, so a
// reader sees every file either old or new, never half written. A rebuild
// of a 10 000-project portal changes a few files instead of writing 48 000
// files and 40 000 folders anew and deleting as many: on an ordinary disk
// that was most of the time of a rebuild.
//
// # Unchanged files keep their modification time
//
// Deploy tools (rsync, S3 sync, FTP mirrors) decide what to upload by size
// and modification time. A rebuild that wrote every file again would make
// them upload the whole portal each time; files that did not change are
// left alone, so a rebuild without content changes changes nothing a
// deploy tool can see.
//
// # Kept pages
//
// Comparing bytes still needs the bytes. A page written with WriteKeyed
// carries a key, a name for everything it was made from (for pages,
// render's fingerprint of their inputs and the program that rendered
// them), and the marker records a sum of it. The next build asks Keep
// before it renders a page: if the key is the same and the file is still
// there with its size, the page is neither rendered nor compared, and
// counts as unchanged.
//
// # The first build
//
// Into an empty or missing folder, or one whose marker lists no files
// (written by an older version), the whole site is written into the
// temporary folder and swapped into place: the old site is renamed aside
// to "<out>.old-<random>", the new folder renamed into place, and only
// then the old one removed.
//
// # The marker
//
// Replacing a folder deletes what was in it, so the Writer only ever
// replaces or updates a folder that a build wrote. Every build writes a
// marker file, [Marker], with the list of its files, last. CheckOut and NewWriter refuse a
// non-empty output folder that lacks it, and CheckOut also refuses the
// folders a mistyped --out could destroy: the site's sources, the user's
// home, the root of the file system.
//
// The package holds no mutable state; one Writer per build is safe for
// use by many goroutines at once.
package publish
