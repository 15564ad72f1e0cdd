#!/usr/bin/env bash
# build-speed.sh: times a cold `./poolbench build` of 49 GTN-sized lessons against Hugo on the same
# Markdown, and prints the medians and their ratio.
#
#   site-generator/scripts/build-speed.sh [--pairs N] [--poolbench LAUNCHER] [--keep] [LESSON.md ...]
#
# The lesson set is 7 copies of 7 lessons in the GTN dialect, without charts or measured values
# (there are no results to quote): by default the GTN fixture of the tests and the six lessons of
# content/lessons/, their chart and results blocks and their {% measured %} and {% compare %} tags
# replaced by plain text. Name 7 other files to time those instead. --poolbench times the launcher
# of another checkout (an older commit, say) on the same lessons and templates; --keep leaves the
# lessons, both sites and the logs in the temporary folder and prints its name.
#
# Each timed run is a new process from start to exit, wall clock: the whole launcher for poolbench
# (a new JVM each time, no daemon), `hugo` for Hugo. One untimed run of each comes first, so that
# the jar is built, the launcher's start-up cache made and the files read once; then the pairs
# run alternately, poolbench first, so that load from other programs falls on both sides.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pairs=7
keep=false
launcher="$root/poolbench"
sources=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs=$2; shift 2 ;;
    --poolbench) launcher=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build-speed: unknown option $1" >&2; exit 2 ;;
    *) sources+=("$1"); shift ;;
  esac
done
if [ ${#sources[@]} -eq 0 ]; then
  sources=("$root/site-generator/src/test/resources/fixtures/gtn/content/lessons/threads-and-pools.md")
  for lesson in "$root"/content/lessons/*.md; do sources+=("$lesson"); done
fi
if [ ${#sources[@]} -ne 7 ]; then
  echo "build-speed: want 7 lessons, got ${#sources[@]}" >&2
  exit 2
fi
if [ "$pairs" -lt 5 ]; then
  echo "build-speed: want at least 5 pairs, got $pairs" >&2
  exit 2
fi
hugo=$(command -v hugo) || { echo "build-speed: hugo not found (apt-get install hugo)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/build-speed.XXXXXX")
if [ "$keep" = false ]; then trap 'rm -rf "$work"' EXIT; fi

# The lessons: copy-1/ to copy-7/, each with the 7 lessons. Results blocks and tags need results,
# which the set has none of; links between the lessons point at the neighbour in the same copy.
mkdir -p "$work/content" "$work/results" "$work/hugo/content" "$work/hugo/layouts/_default"
for copy in 1 2 3 4 5 6 7; do
  mkdir -p "$work/content/copy-$copy" "$work/hugo/content/copy-$copy"
  for source in "${sources[@]}"; do
    perl -0pe 's/^((?:> ?)*)```(?:chart|results)\n.*?^\1```\n//gms;
               s/\{%\s*measured\s[^%]*%\}/a measured time/g;
               s/\{%\s*compare\s[^%]*%\}/about as fast/g;
               s/\{%\s*link\s+lessons\/([^ %]+)\.md\s*%\}/$1.html/g' "$source" >"$work/content/copy-$copy/$(basename "$source")"
  done
  cp "$work/content/copy-$copy/"*.md "$work/hugo/content/copy-$copy/"
done

# The smallest Hugo site that renders each file to a page of its own: one template for every
# layout the front matter names, nothing else (no lists, feeds, sitemap or taxonomies).
cat >"$work/hugo/hugo.toml" <<'EOF'
baseURL = "http://127.0.0.1/"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
EOF
printf '<!doctype html><title>{{ .Title }}</title>\n<main>{{ .Content }}</main>\n' >"$work/hugo/layouts/_default/single.html"
cp "$work/hugo/layouts/_default/single.html" "$work/hugo/layouts/_default/tutorial_hands_on.html"

now() { date +%s%N; }

# One run of each: prints its wall time in ms; poolbench's --timings line goes to $work/timings.
run_poolbench() {
  rm -rf "$work/site" "$work/.poolbench-cache"
  local start end
  start=$(now)
  "$launcher" build --timings --content "$work/content" --templates "$root/templates" \
    --results "$work/results" --out "$work/site" >"$work/poolbench.log" 2>&1 \
    || { cat "$work/poolbench.log" >&2; echo "build-speed: poolbench build failed" >&2; exit 1; }
  end=$(now)
  grep '^timings:' "$work/poolbench.log" >>"$work/timings" || :
  echo $(((end - start) / 1000000))
}

run_hugo() {
  rm -rf "$work/hugo-site" "$work/hugo-cache" "$work/hugo/resources"
  local start end
  start=$(now)
  "$hugo" --quiet --source "$work/hugo" --destination "$work/hugo-site" --cacheDir "$work/hugo-cache" >"$work/hugo.log" 2>&1 \
    || { cat "$work/hugo.log" >&2; echo "build-speed: hugo failed" >&2; exit 1; }
  end=$(now)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "lessons: $(find "$work/content" -name '*.md' | wc -l) ($(cat "$work"/content/copy-1/*.md | wc -c) bytes a copy), $pairs pairs, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
run_poolbench >/dev/null
run_hugo >/dev/null
pages=$(find "$work/site" -name '*.html' -path '*copy-*' | wc -l)
hugo_pages=$(find "$work/hugo-site" -name '*.html' | wc -l)
if [ "$pages" -ne 49 ] || [ "$hugo_pages" -ne 49 ]; then
  echo "build-speed: expected 49 lesson pages from each, got poolbench $pages, hugo $hugo_pages" >&2
  exit 1
fi
: >"$work/timings"
: >"$work/poolbench.ms"
: >"$work/hugo.ms"
for i in $(seq 1 "$pairs"); do
  p=$(run_poolbench)
  h=$(run_hugo)
  echo "$p" >>"$work/poolbench.ms"
  echo "$h" >>"$work/hugo.ms"
  echo "pair $i: poolbench $p ms, hugo $h ms"
done

p=$(median <"$work/poolbench.ms")
h=$(median <"$work/hugo.ms")
echo "median wall: poolbench $p ms, hugo $h ms, ratio $(awk -v p="$p" -v h="$h" 'BEGIN { printf "%.1f", p / h }')x"
if [ -s "$work/timings" ]; then
  parse=$(sed -n 's/.* parse \([0-9]*\) ms.*/\1/p' "$work/timings" | median)
  render=$(sed -n 's/.* render \([0-9]*\) ms.*/\1/p' "$work/timings" | median)
  total=$(sed -n 's/.* total \([0-9]*\) ms.*/\1/p' "$work/timings" | median)
  jvm=$(sed -n 's/.*JVM start to build start \([0-9]*\) ms.*/\1/p' "$work/timings" | median)
  echo "poolbench --timings, medians: parse $parse ms, render $render ms, build total $total ms, JVM start to build start $jvm ms"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
if [ "$keep" = true ]; then echo "kept: $work"; fi
