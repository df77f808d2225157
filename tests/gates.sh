#!/usr/bin/env bash
# The project's whole test suite; README.md names this as the test command.
#
# Go: gofmt, go vet, go test, go test -race, every fuzz target for 30 s.
# Content: portal check (no warnings) and builds of the example site, a
# generated site with every page type (bench/gensite) and the fixture site.
# Output: link check (generator/linkcheck), Nu HTML Checker, and in
# Debian's Chromium: the browser and search checks, axe-core on every page
# type, a keyboard walk, Lighthouse, screenshots (tests/browser/out/).
#
# It installs what it needs (chromium and, if java is missing,
# default-jre-headless through apt-get; the npm packages of tests/browser
# through npm ci). Go and Node.js must be there. A broken prerequisite
# stops it at once; the quality gates all run, and it ends with a table of
# tool, pages checked and failures, and exits 1 if any failed.
#
# The race tests and the fuzzing run in the background while the browser
# checks run, so that the whole run stays under 15 minutes on 2 cores
# (about 9 minutes on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

tmp=$(mktemp -d)
bg=""
cleanup() {
  if [ -n "$bg" ]; then kill -- "-$bg" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
export SUMMARY_FILE="$tmp/summary.tsv"
: >"$SUMMARY_FILE"

step() { printf '\n== %s  (%ss)\n' "$*" "$(($(date +%s) - started))"; }
# nfail PATTERN FILE: how many lines of a failed step's log match; at least 1.
nfail() { local n; n=$(grep -cE "$1" "$2" 2>/dev/null || true); [ "${n:-0}" -gt 0 ] 2>/dev/null || n=1; echo "$n"; }
# joinlines: the lines of standard input as one " ¦ "-separated line.
joinlines() { awk 'BEGIN { ORS = " ¦ " } { print }'; }
# record TOOL PAGES FAILURES [DETAILS]: one row of the summary table.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(tr '\t\n' '  ' <<<"${4:-}")" >>"$SUMMARY_FILE"; }
summary() {
  printf '\n== summary (%ss in all)\n' "$(($(date +%s) - started))"
  printf '%-48s %-34s %s\n' "tool" "checked" "failures"
  printf '%-48s %-34s %s\n' "----" "-------" "--------"
  local failed=0
  while IFS=$'\t' read -r tool pages n details; do
    printf '%-48s %-34s %s\n' "$tool" "$pages" "$n"
    [ "$n" = 0 ] || failed=1
  done <"$SUMMARY_FILE"
  while IFS=$'\t' read -r tool pages n details; do
    [ "$n" = 0 ] && continue
    printf '\n%s failed:\n' "$tool"
    sed 's/ *¦ */\n/g' <<<"$details" | sed '/^ *$/d; s/^/  /' | head -8
  done <"$SUMMARY_FILE"
  return $failed
}
# fail: a prerequisite is broken; nothing after it can run.
fail() { # fail TOOL MESSAGE
  printf '\nFAILED: %s: %s\n' "$1" "${2:-}" >&2
  record "$1" "-" 1 "${2:-$1}"
  summary || true
  exit 1
}

command -v go >/dev/null || fail go "Go is not installed (need Go 1.26 or newer)"
command -v node >/dev/null || fail node "Node.js is needed for the browser checks"

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*') $(git ls-files --others --exclude-standard '*.go' 2>/dev/null))
if [ -z "$unformatted" ]; then record gofmt "$(git ls-files '*.go' | wc -l) files" 0
else echo "gofmt would change: $unformatted (run gofmt -w .)"; record gofmt "Go files" "$(wc -w <<<"$unformatted")" "gofmt would change: $unformatted"; fi

step "go vet"
if out=$(go vet ./... 2>&1); then record "go vet" "./..." 0
else echo "$out"; echo "$out" >"$tmp/vet.log"; record "go vet" "./..." "$(nfail '^[^#]' "$tmp/vet.log")" "$(grep '^[^#]' "$tmp/vet.log" | head -8 | joinlines)"; fi

# The race tests and every fuzz target run in the background, in two
# lanes: the race tests and a third of the fuzz targets in one, the other
# two thirds in the other; one fuzz worker each (-parallel=1), one target
# after the other. The job gets its own process group (set -m), so that it
# can be stopped whole.
step "go test -race and fuzzing: started in the background"
grep -rn --include='*_test.go' --exclude-dir=node_modules --exclude-dir=.git --exclude-dir=testdata -E '^func Fuzz[A-Za-z0-9_]*\(' . |
  sed -E 's|^(.*)/[^/]*_test\.go:[0-9]+:func (Fuzz[A-Za-z0-9_]*)\(.*|\1 \2|' | sort -u >"$tmp/fuzz.list"
echo "fuzz targets: $(awk '{print $2}' "$tmp/fuzz.list" | tr '\n' ' ')"
: >"$tmp/fuzz.results"
fuzz_lane() { # fuzz_lane K: the targets whose line number mod 3 is K (0 = 1st, 4th, …)
  awk -v k="$1" '(NR - 1) % 3 == k' "$tmp/fuzz.list" | while read -r pkg name; do
    local s; s=$(date +%s)
    if go test -run='^$' -fuzz="^${name}\$" -fuzztime=30s -parallel=1 "$pkg" >"$tmp/fuzz-$name-${pkg//\//_}.log" 2>&1; then r=ok; else r=FAIL; fi
    echo "$r $pkg $name $(($(date +%s) - s))s" >>"$tmp/fuzz.results"
  done
}
set -m
(
  set +e
  exec >"$tmp/bg.log" 2>&1
  ( go test -race -count=1 ./... >"$tmp/race.log" 2>&1; echo $? >"$tmp/race.rc"; fuzz_lane 2 ) &
  ( fuzz_lane 0; fuzz_lane 1 ) &
  wait
) &
bg=$!
set +m

step "go test"
if go test -count=1 ./... 2>&1 | tee "$tmp/test.log"; then
  record "go test" "$(grep -c '^ok' "$tmp/test.log") packages" 0
else
  record "go test" "$(grep -cE '^(ok|FAIL\s)' "$tmp/test.log" || true) packages" "$(nfail '^--- FAIL' "$tmp/test.log")" \
    "$(grep -E '^(--- FAIL|FAIL\s)' "$tmp/test.log" | head -8 | joinlines)"
fi

step "portal check of the example content"
out=$(go run ./cmd/portal check 2>&1) || { echo "$out"; fail "portal check" "the example content has errors"; }
echo "$out"
if grep -q '^warning:' <<<"$out"; then record "portal check" "example content" "$(grep -c '^warning:' <<<"$out")" "$(grep '^warning:' <<<"$out" | head -8 | joinlines)"
else record "portal check" "example content" 0; fi

step "portal build: the example site, a generated site, the fixture site"
go build -o "$tmp/portal" ./cmd/portal || fail "go build" "cmd/portal does not build"
go build -o "$tmp/linkcheck" ./generator/linkcheck/cmd || fail "go build" "generator/linkcheck/cmd does not build"
"$tmp/portal" build --out "$tmp/example" || fail "portal build" "the example site does not build"
for f in index.html 404.html cs/index.html en/index.html cs/404.html en/404.html sitemap.xml robots.txt data/catalog.jsonld; do
  [ -s "$tmp/example/$f" ] || fail "portal build" "the build did not write $f"
done
"$tmp/portal" build --src generator/site/testdata/basic --out "$tmp/basic" || fail "portal build" "the fixture site generator/site/testdata/basic does not build"
sites=("example=$tmp/example")
if [ -d bench/gensite ] && go run ./bench/gensite -n 200 -seed 1 -out "$tmp/gen" && "$tmp/portal" build --src "$tmp/gen" --out "$tmp/gensite"; then
  sites+=("gensite=$tmp/gensite")
else
  echo "bench/gensite is missing or failed: the generated site is left out"
  record "bench/gensite" "-" 1 "go run ./bench/gensite -n 200 -seed 1 did not give a site that builds"
fi
allsites=("${sites[@]}" "basic=$tmp/basic")
dirs=(); for s in "${allsites[@]}"; do dirs+=("${s#*=}"); done

step "link check (generator/linkcheck)"
if "$tmp/linkcheck" "${dirs[@]}" >"$tmp/links.log" 2>&1; then rc=0; else rc=$?; fi
cat "$tmp/links.log"
[ "$rc" -le 1 ] || fail "link check" "linkcheck could not read the sites"
record "link check" "$(sed -n 's/^linkcheck: \([0-9]*\) pages.*/\1 pages/p' "$tmp/links.log"), 3 sites" \
  "$(grep -c -v '^linkcheck:' "$tmp/links.log" || true)" "$(grep -v '^linkcheck:' "$tmp/links.log" | sed "s|$tmp/||" | head -8 | joinlines)"

step "installing chromium, java and the browser test packages"
apt_install() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y "$@" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$@" >/dev/null; }
}
command -v chromium >/dev/null || { echo "installing Debian's chromium"; apt_install chromium || fail "apt-get" "apt-get install chromium"; }
command -v java >/dev/null || { echo "installing default-jre-headless"; apt_install default-jre-headless || fail "apt-get" "apt-get install default-jre-headless"; }
# npm ci, unless node_modules was installed by npm ci from this very lockfile.
lock=$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)
if [ "$(cat tests/browser/node_modules/.ci-lock 2>/dev/null)" != "$lock" ]; then
  (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci" "npm ci in tests/browser"
  echo "$lock" >tests/browser/node_modules/.ci-lock
else
  echo "tests/browser/node_modules is up to date with package-lock.json"
fi
export CHROME_PATH=/usr/bin/chromium
# A browser tool that crashes without writing its row still counts as a failure.
browser_step() {
  local tool=$1; shift
  local before; before=$(wc -l <"$SUMMARY_FILE")
  if ! node "$@"; then
    [ "$(wc -l <"$SUMMARY_FILE")" != "$before" ] || record "$tool" "-" 1 "node $* failed before it could report"
  fi
}

step "Lighthouse (home, project, indicator, story)"
browser_step Lighthouse tests/browser/lighthouse.mjs "$tmp/example"

step "Nu HTML Checker (all pages, one call)"
browser_step "Nu HTML Checker" tests/browser/vnu.mjs "${allsites[@]}"

step "browser checks (Chromium + playwright-core)"
browser_step "browser checks" tests/browser/run.mjs "$tmp/example"
if [ -f tests/browser/search.mjs ]; then
  step "search page (tests/browser/search.mjs)"
  if node tests/browser/search.mjs "$tmp/example"; then record "search page" "/cs/hledat/, /en/search/" 0
  else record "search page" "/cs/hledat/, /en/search/" 1 "node tests/browser/search.mjs failed: see its output above"; fi
fi

step "axe-core on every page type (390/1280 px, with and without JS) and screenshots"
browser_step axe-core tests/browser/axe.mjs "${sites[@]}"

step "keyboard walk"
browser_step "keyboard walk" tests/browser/keyboard.mjs "$tmp/example"

step "waiting for go test -race and the fuzzing"
wait "$bg" || true
bg=""
cat "$tmp/bg.log"
race_rc=$(cat "$tmp/race.rc" 2>/dev/null || echo 1)
if [ "$race_rc" = 0 ]; then record "go test -race" "$(grep -c '^ok' "$tmp/race.log") packages" 0
else
  grep -E '^(--- FAIL|FAIL|WARNING: DATA RACE)|_test.go:[0-9]+:' "$tmp/race.log" | head -40
  record "go test -race" "$(grep -cE '^(ok|FAIL\s)' "$tmp/race.log" || true) packages" "$(nfail '^--- FAIL|^WARNING: DATA RACE' "$tmp/race.log")" \
    "$(grep -E '^(--- FAIL|FAIL\s)' "$tmp/race.log" | head -8 | joinlines)"
fi
cat "$tmp/fuzz.results" 2>/dev/null || true
nfuzz=$(cat "$tmp/fuzz.list" 2>/dev/null | wc -l)
fuzzfail=$(grep -c '^FAIL' "$tmp/fuzz.results" 2>/dev/null || true); fuzzfail=${fuzzfail:-0}
for f in $(grep '^FAIL' "$tmp/fuzz.results" 2>/dev/null | awk '{print $3 "-" $2}' | tr '/' '_'); do
  echo "--- $f"; grep -vE '^(fuzz: elapsed|=== RUN|PASS|ok)' "$tmp/fuzz-$f.log" | head -30
done
[ "$nfuzz" -gt 0 ] || { nfuzz=0; fuzzfail=1; }
record "go fuzz (30 s each)" "$nfuzz targets" "$fuzzfail" "$(grep '^FAIL' "$tmp/fuzz.results" 2>/dev/null | awk '{print $2 " " $3 ": failed (its crasher is under " $2 "/testdata/fuzz/" $3 "/)"}' | joinlines)"

if summary; then printf '\nAll checks passed.\n'; else printf '\nFAILED: see the table above.\n' >&2; exit 1; fi
