#!/usr/bin/env bash
# compare-render.sh: builds the same lessons with this checkout's launcher and another's, and
# diffs the pages, so that a change to the lesson pipeline shows what it changes in the HTML.
#
#   site-generator/scripts/compare-render.sh --poolbench OTHER-CHECKOUT/poolbench [--keep] [CONTENT ...]
#
# The inputs are the real site (content/ and its results), the GTN fixture, the claims fixture and
# the irregular GTN fixtures, plus any content folders named (built without results). Each side
# uses its own templates. Per set it prints both exit codes and the lines and files that differ,
# charts, styles, data, downloads and the generated index and machine pages left out; the warnings
# of both sides are compared too. --keep leaves both sites, the diffs and the logs in the temporary
# folder and prints its name.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
other=""
keep=false
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --poolbench) other=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "compare-render: unknown option $1" >&2; exit 2 ;;
    *) extra+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ -n "$other" ] || { echo "compare-render: name the other launcher with --poolbench" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-render.XXXXXX")
if [ "$keep" = false ]; then trap 'rm -rf "$work"' EXIT; fi
fixtures="$root/site-generator/src/test/resources/fixtures"
mkdir -p "$work/in/claims" "$work/in/irregular" "$work/in/empty"
cp "$fixtures/claims/claims.md" "$work/in/claims/"
cp "$fixtures/gtn/irregular/"*.md "$work/in/irregular/"
sets=("site|$root/content|$root/content/results"
  "gtn|$fixtures/gtn/content|$fixtures/results"
  "claims|$work/in/claims|$fixtures/modes-results"
  "irregular|$work/in/irregular|$fixtures/results")
for folder in ${extra[@]+"${extra[@]}"}; do sets+=("$(basename "$folder")|$folder|$work/in/empty"); done

for set in "${sets[@]}"; do
  IFS='|' read -r name content results <<<"$set"
  codes=""
  for side in this other; do
    launcher=$root/poolbench
    [ "$side" = other ] && launcher=$other
    status=0
    "$launcher" build --content "$content" --results "$results" --templates "$(dirname "$launcher")/templates" \
      --out "$work/$side/$name" >"$work/$side-$name.log" 2>&1 || status=$?
    codes="$codes $side exit $status,"
    # the last line names the output folder, which differs by side
    sed -i "s#$work/$side/#OUT/#" "$work/$side-$name.log"
  done
  diff -r -x '*.png' -x '*.css' -x '*.js' -x '*.jar' -x '*.json' -x index.html -x machines -x downloads \
    "$work/other/$name" "$work/this/$name" >"$work/diff-$name.txt" 2>&1 || :
  warnings=same
  cmp -s "$work/other-$name.log" "$work/this-$name.log" || warnings=differ
  echo "$name:$codes $(grep -c '^[<>]' "$work/diff-$name.txt" || :) lines differ in $(grep -c '^diff' "$work/diff-$name.txt" || :) pages; messages $warnings"
done
if [ "$keep" = true ]; then echo "kept: $work"; fi
