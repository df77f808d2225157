// Package opendata writes the open data of a portal: every number and every
// project card that the pages show, as files that journalists download and
// that the national open data catalogue (NKOD, data.gov.cz) harvests.
//
// # What is published
//
// Paths are relative to the output folder; their URLs are stable (see
// CONTENT-MODEL.md, section 6).
//
//	data/projects.csv                      every project card, one row each
//	data/projects.json                     the same rows as JSON objects
//	data/indicators/<id>.csv               one indicator, normalised
//	data/indicators/<id>.json              the same with its metadata
//	data/indicators/<id>.csv-metadata.json its CSVW schema
//	data/datasets/<id>.jsonld              the DCAT-AP-CZ record of one data set
//	data/catalog.jsonld                    the DCAT-AP-CZ catalogue
//	data/datapackage.json                  a Frictionless Data Package of all CSV files
//
// There is one data set for the projects (id "projects") and one per
// indicator (its id). Datasets lists them without writing anything, for the
// open data page and the build summary; Write writes them.
//
// # For journalists
//
// CSV files are UTF-8 without a byte order mark, comma-delimited, with a
// header row and RFC 4180 quoting; lines end in "\n" rather than RFC 4180's
// CRLF (every CSV reader accepts both, and the files diff cleanly). Numbers
// are machine-formatted: a decimal point, no thousands separators, money as
// whole CZK, the shortest decimal that reads back as the same float64, and
// an empty cell for a missing value. Periods and dates are written as
// given, in ISO 8601 form (2024, 2024-03, 2024-03-05), quarters as
// 2024-Q1.
//
// Text is given per site language in columns such as title_cs and
// title_en. A text that has not been translated is an empty cell (null in
// JSON), never the default language's text, so that a reader can see what
// exists in which language. Lists (regions, partners, tags) are joined by
// ";" in CSV and are arrays in JSON; partner_icos lines up with partners
// item by item, an unknown IČO being an empty item (null in JSON).
//
// Indicators marked sample = true in their metadata hold illustrative
// numbers; every file about them says so (the JSON's "sample", the CSVW
// and DCAT descriptions, the data package).
//
// # For the national catalogue
//
// The catalogue follows "DCAT-AP-CZ: Rozhraní katalogů otevřených dat",
// version 2024-05-28 (https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/),
// interface "DCAT-AP Dokumenty": data/catalog.jsonld lists the IRIs of the
// dataset records, and each record is a separate JSON-LD document served at
// its own IRI, base_url + "data/datasets/<id>.jsonld". Data sets and their
// distributions are identified by IRIs, never blank nodes, as the
// specification requires ("Datové sady, datové série, distribuce a datové
// služby musí být identifikovány svými IRI", section "Rozhraní DCAT-AP
// Dokumenty"); a distribution's IRI is a fragment of its record's
// ("…/projects.jsonld#distribuce-csv"). The terms of use (podmínky užití),
// contact points and time intervals are blank nodes, as in the
// specification's own examples.
//
// The publisher IRI is built from publisher_ico in site.toml. When
// publisher_ico is empty the catalogue and the dataset records are not
// written (a record without a publisher would be rejected) and the IRI of
// every Dataset is empty; the data files are written all the same.
// data_license may be CC-BY-4.0 (the default) or CC0-1.0.
//
// NKOD requires https IRIs and file URLs; with an http base_url (a local
// preview) the documents are written but would not pass its validation.
//
// # Hosting
//
// NKOD checks that the catalogue, the records and the data files are
// served with CORS (it sends OPTIONS requests and expects
// Access-Control-Allow-Origin: *; see
// https://opendata.gov.cz/špatná-praxe:chybějící-cors), and browser-based
// tools of data journalists need the same. The host must send that header
// for /data/*; this package only writes files. The JSON-LD documents should
// be served as application/ld+json.
//
// # Determinism
//
// Output depends only on the Site: rows follow the site's order (projects
// and indicators by slug), JSON objects are encoded from structs or in a
// fixed key order, language maps have sorted keys, and non-ASCII text is
// written as UTF-8 rather than \u escapes. JSON is indented by two spaces
// for the build to minify. Its minifier must keep numbers as they are
// (tdewolff/minify's json.Minifier{KeepNumbers: true}): the default one
// rewrites 54675000 as 54675e3, which is the same number to a program but
// not to a journalist reading projects.json.
package opendata
