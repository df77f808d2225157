// Package imaging turns the photos of a site into responsive variants —
// JPEG, and WebP next to it — for <img srcset> and <picture>, and keeps
// them in a cache folder that survives between builds, so that a rebuild
// with unchanged photos does no image work at all.
//
//	p, err := imaging.New(imaging.DefaultOptions(filepath.Join(site, ".portal-cache", "images")))
//	images, err := p.Process(sources)   // one Image per Source, in order
//	removed, err := p.Clean()           // after the build: drop stale entries
//
// # What happens to a photo
//
//  1. The file is read and hashed (SHA-256). The cache key is the hash of
//     that content hash, the widths, the quality, the formats and a version
//     constant. If the cache holds a complete entry for the key, that is
//     the answer: nothing is decoded (Stats.Cached).
//  2. image.DecodeConfig reads the header only. Anything but JPEG or PNG is
//     refused ("not a JPEG or PNG image"), and so is an image with more
//     than Options.MaxPixels pixels ("image is 24000×18000 (432
//     megapixels), more than the 100 allowed") before a byte of it is
//     decoded: a 40 KB file claiming 100 000×100 000 pixels cannot exhaust
//     memory.
//  3. For a JPEG, the EXIF orientation (tag 0x0112 of IFD0 in the APP1
//     "Exif" segment, either byte order) is read by a small parser of this
//     package; malformed metadata means "upright".
//  4. The image is decoded by image/jpeg or image/png. A truncated or
//     corrupt file gives an error naming it ("truncated JPEG image",
//     "corrupt PNG image"); a panic inside a decoder, the scaler or an
//     encoder is recovered and reported the same way.
//  5. Widths: the configured ones up to the photo's upright width; a photo
//     narrower than the smallest width gets one variant at its own width.
//     Nothing is ever upscaled. Heights keep the aspect ratio.
//  6. The largest variant is scaled from the decoded photo with the
//     Catmull-Rom kernel of golang.org/x/image/draw; the decoded photo is
//     then dropped, and the smaller variants are scaled from the largest.
//     When the factor is 3 or more in both directions, k×k blocks are first
//     averaged (k = 2 for 6000 → 1600 px) so that Catmull-Rom still scales
//     by at least 1.5: on a 24-megapixel photo the result differs from pure
//     Catmull-Rom by a PSNR of 52 dB (invisible; JPEG at quality 82 is
//     35–40 dB from its input) at a third of the scaling time.
//  7. Each variant is turned upright as the EXIF orientation says,
//     transparent pixels are composed over white, and it is encoded afresh.
//     The output carries no metadata at all: image/jpeg writes no APPn or
//     comment segment, the WebP files are the simple lossy format without
//     EXIF, XMP or ICCP chunks. Camera positions (GPS), serial numbers and
//     editing history never reach the site. Colour profiles are dropped
//     too, not converted: photos are assumed to be sRGB, as cameras and
//     phones write them by default.
//  8. Every WebP file is decoded again by golang.org/x/image/webp, a
//     decoder independent of the encoder; if any fails, the photo gets JPEG
//     only (Stats.WebPRejected) rather than a broken picture.
//  9. The variants and a manifest are written into a temporary folder in
//     the cache, which is renamed into place: an interrupted build leaves a
//     ".tmp-*" folder (removed by the next Clean), never a truncated
//     variant under a valid name. A variant whose size no longer matches
//     the manifest makes the entry count as missing.
//
// Published names are "<stem>-<width>.<key[:8]>.<ext>", for example
// "lom-medard-960.3f2a1b9c.jpg": the stem is the source's file name without
// extension in ASCII lower case ("Lom Medard – léto.JPG" → "lom-medard-leto"),
// and the short key changes whenever the photo or the options change, so
// the files can be served with a far-future cache lifetime.
//
// # Cache layout
//
//	<CacheDir>/<key[:2]>/<key>/manifest.json   sizes, formats, file sizes, source hash
//	<CacheDir>/<key[:2]>/<key>/480.jpg, 480.webp, 960.jpg, …
//	<CacheDir>/.tmp-*/                         an entry being written
//
// Every use of an entry sets its manifest's modification time. Clean
// removes the entries that neither this Processor used nor anyone else
// touched since New (less two seconds for file systems with coarse
// timestamps), so two builds sharing a cache folder do not delete each
// other's entries. Files in CacheDir that do not look like entries are
// left alone. On Netlify, keep CacheDir in the build cache (for example
// with netlify-plugin-cache, or under $NETLIFY_CACHE_DIR).
//
// # Memory
//
// Options.Workers images (default GOMAXPROCS) are processed at once, across
// all Process and Check calls of a Processor; each worker holds one image.
// And only as many images are decoded at once as fit Options.MemoryLimit
// (default 512 MiB), by an estimate made from the header before decoding
// (memoryNeed: 5 bytes a pixel for a baseline JPEG, 11 for a progressive
// one, 6 or 10 for an 8- or 16-bit PNG, plus the file): four 24-megapixel
// JPEGs at most, whatever the number of cores. An image that needs more
// than the whole limit is decoded alone. For a
// 24-megapixel baseline JPEG a worker holds the file (≈ 7 MB), the decoded
// YCbCr image (36 MB; 72 MB for 4:4:4), the 2×2-averaged copy (24 MB), a
// 1600×2000 intermediate (13 MB) and the variants (7 MB at 1600 px). A
// Catmull-Rom call of x/image/draw would allocate a float64 buffer of
// width×source height×32 bytes — 205 MB for 6000×4000 → 1600 — so the
// scaling runs as two separable passes over bands of about 8 MB each, which
// gives the same result up to 8-bit rounding of the intermediate.
// Measured with BenchmarkProcess40 (40 photos of 24 megapixels, the whole
// test process included): 2 workers peak at 228 MB RSS (JPEG only) and
// 244 MB (JPEG and WebP); 8 workers, as on an eight-core machine, at
// 501 MB. Before the memory limit, 8 workers took 857 MB for 16 such
// photos, and 16 workers would have taken about 1.7 GB.
// Larger cases: a progressive JPEG keeps 4 bytes per coefficient while
// decoding (+144 MB at 24 MP); a 100-megapixel 8-bit PNG decodes to 400 MB,
// a 16-bit one to 800 MB per worker — hence MaxPixels.
//
// # Why pure Go
//
// The portal is one static binary built with CGO_ENABLED=0: it must build
// and run the same on an editor's laptop, in CI and on Netlify without
// libvips, ImageMagick or libwebp installed, and produce the same bytes
// everywhere (the cache key would not see a system library's version).
// So decoding uses the standard library, scaling x/image/draw, and WebP a
// pure Go encoder; nothing here needs cgo, a build tag or an external
// program.
//
// # Formats: JPEG, and WebP from github.com/deepteams/webp
//
// Measured on this project's machine (AMD EPYC, 2 cores, shared), one core
// (GOMAXPROCS=1), CPU time per encode, on a photo-like 1600×1066 image
// (a 6000×4000 synthetic photo with noise and gradients, scaled);
// PSNR against the scaled image, decoded by each library's own decoder:
//
//	encoder                       size       time     PSNR
//	image/jpeg q82                206 KB     41 ms    35.4 dB
//	deepteams/webp q75 method 4    70 KB    861 ms    35.1 dB
//	deepteams/webp q80 method 4    90 KB    866 ms    35.8 dB
//	deepteams/webp q75 method 2    87 KB    337 ms    35.2 dB
//	gen2brain/webp q75 method 4    74 KB   1156 ms    35.4 dB  (-tags nodynamic)
//	gen2brain/webp q75 method 2    81 KB    376 ms    35.3 dB  (-tags nodynamic)
//
// and on a real 720×477 photograph: JPEG q82 102 KB (30.5 dB), deepteams
// q75 m4 66 KB (30.5 dB, 225 ms), gen2brain q75 m4 67 KB (31.0 dB, 282 ms).
// At the same PSNR, WebP is a third (synthetic) to two thirds (real photo)
// of the JPEG size, which matters for a public portal read on phones.
//
// Both WebP encoders are pure Go; deepteams/webp v1.2.8 is chosen because
//   - gen2brain/webp v0.6.4 loads the system's libwebp.so through purego
//     at start-up, whenever the binary is dynamically linked and the
//     library is installed, unless built with -tags nodynamic: a plain
//     "go build" would then make different bytes on machines with and
//     without libwebp. The portal must build with plain "go build ./...";
//   - deepteams was as fast or faster at the same size in our runs
//     (861 vs 1156 ms at method 4) and is a direct Go port (not WASM
//     transpiled), with fuzz and race tests of its own.
//
// Its risk is youth (a corruption bug was fixed in 2026-06), which step 8
// above contains: every WebP output is decoded by x/image/webp before it is
// cached. Note that x/image/webp itself decodes lossy WebP with reduced
// contrast (golang/go#40173), so it serves only as a validity check;
// browsers decode correctly.
//
// WebP costs time once per photo: about 0.5 s of CPU for the three widths
// of a 24-megapixel photo, on top of 1.2 s for decoding, scaling and JPEG
// (BenchmarkProcess40 on 2026-12-02: 0.81 photos per CPU second JPEG only,
// 0.59 with WebP, under a load of 8–10 on 2 cores; the first version of
// this package measured 1.2 s and 1.7 s). Because the cache keeps the
// result, a site pays it once per new photo, so DefaultOptions turns WebP
// on. The WebP quality is the JPEG quality minus 7 (82 → 75), which gave
// the same PSNR; method 4 is 20 % smaller than method 2 for about twice
// the time.
// AVIF (gen2brain/avif, 1–9 s per photo) is not offered.
package imaging
