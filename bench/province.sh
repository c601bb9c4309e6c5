#!/usr/bin/env bash
# Times a province's guide at scale: N communes of M relics each (bench/province.py), built
# cold from the communes' project folders. Prints a Markdown table on stdout; progress goes to
# stderr.
#
#   bench/province.sh [N×M ...] [--runs R]
#
#   N×M        communes × relics per commune (default: 130×20 200×200, the 2,600 relics of
#              Nghệ An's inventory and the 40,000 of Vietnam's)
#   --runs R   timed builds per case (default: 5)
#   DITICH     the binary to time (default: cargo build --release, then target/release/ditich)
#
# For each case: the median, min and max wall time of R cold builds (hyperfine -N, no output/
# left between runs), the peak RSS of one more (/usr/bin/time -v), the home page's size raw and
# gzipped, the search index (files, total, largest file), and the median time of a search in
# headless Chromium from Enter to the results shown, with the bytes of index it loaded
# (bench/search.mjs; skipped without node and chromium).
#
# Needs python3, hyperfine and GNU time; node and chromium for the search times.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench/province.sh: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

cases=()
runs=5
while (($#)); do
  case $1 in
    --runs) (($# >= 2)) || die "--runs needs a number"; runs=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *×* | *x*) cases+=("${1/x/×}"); shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
((${#cases[@]})) || cases=(130×20 200×200)
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number, not '$runs'"
command -v hyperfine >/dev/null || die "needs hyperfine (apt-get install hyperfine)"
[[ -x /usr/bin/time ]] || die "needs GNU time (apt-get install time)"

if [[ -n ${DITICH:-} ]]; then
  built=$DITICH
else
  cargo build --release --quiet
  built=$repo/target/release/ditich
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ditich=$work/ditich
cp "$built" "$ditich"

search=false
if command -v node >/dev/null && command -v chromium >/dev/null; then
  [[ -d tests/browser/node_modules/playwright-core ]] || (cd tests/browser && npm ci --no-audit --no-fund >&2)
  search=true
else
  note "no node or chromium: the search is not timed"
fi

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

echo "| communes × relics | relics | cold build, median (min–max) | peak RSS | home page, raw / gzip | search index: files, total, largest | search in Chromium, median (index loaded) |"
echo "|---|---:|---:|---:|---:|---:|---|"
for case in "${cases[@]}"; do
  n=${case%×*} m=${case#*×}
  dir=$work/$n-$m
  note "$n communes × $m relics: generating"
  python3 bench/province.py "$n" "$m" "$dir"
  guide=$dir/guide
  note "$n × $m: $runs cold build(s)"
  hyperfine -N --runs "$runs" --export-json "$work/times.json" \
    --prepare "rm -rf $guide/output $guide/.output.previous" \
    "$ditich build --root $guide" >&2
  rm -rf "$guide/output"
  /usr/bin/time -v -o "$work/time.txt" "$ditich" build --root "$guide" >&2
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$work/time.txt")
  wall=$(python3 -c '
import json, statistics, sys
t = json.load(open(sys.argv[1]))["results"][0]["times"]
print(f"{statistics.median(t):.2f} s ({min(t):.2f}–{max(t):.2f})")' "$work/times.json")
  home=$guide/output/index.html
  raw=$(wc -c <"$home")
  gz=$(gzip -9c "$home" | wc -c)
  index=$guide/output/search
  files=$(find "$index" -name '*.json' | wc -l)
  total=$(du -cb "$index"/*.json | tail -1 | cut -f1)
  largest=$(find "$index" -name '*.json' -printf '%s\n' | sort -n | tail -1)
  timed="—"
  if $search; then
    note "$n × $m: searching in Chromium"
    timed=$(DITICH_SITE=$guide/output DITICH_PREFIX=/di-tich/ node bench/search.mjs)
  fi
  echo "| $n × $m | $((n * m)) | $wall | $rss | $(kb "$raw") / $(kb "$gz") KB | $files, $(kb "$total") KB, $(kb "$largest") KB | $timed |"
done
