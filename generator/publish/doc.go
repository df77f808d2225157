// Package publish is the last step of a build: it minifies every output file
// and replaces the output folder in one move, so that readers and deploy
// tools only ever see a whole site, the previous one or the new one.
//
// # Atomic swap
//
// A Writer never touches the output folder while a build runs. It writes
// into a fresh folder beside it (same parent, so the final rename stays on
// one file system and is atomic) named "<out>.tmp-<random>". Commit moves
// the old site aside to "<out>.old-<random>", renames the new folder into
// place and only then removes the old one. A build that fails, is aborted
// or is interrupted leaves the previous site exactly as it was; the
// leftover temporary folders are removed by the next NewWriter, and a
// previous site caught half-way through the two renames is put back.
//
// # Unchanged files keep their inode
//
// Deploy tools (rsync, S3 sync, FTP mirrors) decide what to upload by size
// and modification time. A rebuild that writes every file again would make
// them upload the whole portal each time. So when the previous build has a
// file at the same path with identical bytes (after minification), the
// Writer hard-links the old file into the new folder instead of writing it:
// the file keeps its inode and modification time, and a rebuild without
// content changes changes nothing a deploy tool can see. Where hard links
// are not possible (another file system, FAT) the file is simply written.
//
// # The marker
//
// Replacing a folder deletes what was in it, so the Writer only ever
// replaces a folder that a build wrote. Every build writes a marker file,
// [Marker], last, just before the swap. CheckOut and NewWriter refuse a
// non-empty output folder that lacks it, and CheckOut also refuses the
// folders a mistyped --out could destroy: the site's sources, the user's
// home, the root of the file system.
//
// The package holds no mutable state; one Writer per build is safe for
// use by many goroutines at once.
package publish
