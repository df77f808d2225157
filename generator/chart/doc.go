// Package chart draws an indicator's time series as an inline SVG image,
// at build time, for the portal's indicator pages and project cards.
//
// # Why SVG without JavaScript
//
// The portal is a static site under a strict Content-Security-Policy
// (default-src 'self', no 'unsafe-inline'), with no third-party requests.
// A chart that is computed once at build time and written into the page as
// SVG needs no script, no web font and no CDN; it is vector graphics, so it
// stays sharp at any zoom level and in print; and it is there for readers
// whose browser runs no JavaScript and for crawlers. The Go chart libraries
// we looked at emit neither accessible SVG nor Czech number formats, so the
// drawing is done here with the standard library only.
//
// The SVG has a viewBox, width="100%" and no fixed height, so it scales to
// the width of its container and keeps its aspect ratio; all text is sized
// in user units and scales with it. Colours are set with presentation
// attributes (fill, stroke), never with a style attribute or a <style>
// element, so the strict CSP above renders it unchanged. Every element that
// a site may want to restyle carries a class (chart-series-0, chart-grid,
// chart-target, …): a stylesheet rule overrides a presentation attribute.
// The page can cap the chart's size with a rule for the class "chart".
//
// # Accessibility (WCAG 2.1 AA, EN 301 549)
//
//   - The root element is <svg role="img" aria-labelledby="P-title P-desc">
//     with a <title> (the indicator's title) and a <desc>: a text
//     description built from the data by [Describe] (what is shown, the
//     range of periods, the latest value with unit and period, the trend
//     against the first value, whether the target is reached). The wording
//     comes from a function the caller passes in [Labels].Describe, so that
//     it lives with the other UI strings; [DefaultDescribe] is a Czech and
//     English default. [Summarize] returns the underlying facts.
//   - The data table itself is rendered by the page, next to the chart.
//   - Meaning never depends on colour alone: every series of a line chart has
//     its own marker shape (circle, square, triangle, diamond, …) and dash
//     pattern, every series of a bar chart its own fill pattern (solid,
//     hatched, dotted, …), and a legend names them when there is more than
//     one. The palette is based on Okabe and Ito's colour-blind-safe set,
//     with every colour at least 3:1 against white (tested).
//   - Text is dark on white (at least 4.5:1) with a white halo where it may
//     cross a line.
//   - Numbers are formatted by the page's [locale.Locale]: Czech charts say
//     "2 345,25" (U+00A0 grouping, decimal comma).
//   - Sample data are never shown as real: when the indicator's metadata say
//     sample = true, the chart carries a visible badge (Labels.Sample) and
//     the title and description say so too.
//   - A missing value is a gap in a line (an isolated point still gets a
//     marker) and an absent bar: never a fake zero.
//   - The chart is static: it has nothing focusable and no tooltips.
//
// # Robustness
//
// SVG never panics: empty indicators, series that are all missing,
// infinities (treated as missing), rows with too few values and ten
// thousand periods all give a well-formed chart. Every text is escaped for
// XML, characters XML cannot carry are replaced, ids are reduced to safe
// characters, and the output is deterministic with coordinates rounded to
// one decimal. A fuzz test (FuzzSVG) checks this.
package chart
