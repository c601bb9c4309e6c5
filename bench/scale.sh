#!/usr/bin/env bash
# Times `ditich build` on generated projects of N relics (bench/generate.py), with and without
# print files, and Hugo on the same content. Prints a Markdown table for docs/performance.md on
# stdout; progress goes to stderr.
#
#   bench/scale.sh [N ...] [--runs R] [--posters-10k]
#
#   N               project sizes, in relics (default: 7 1000 10000)
#   --runs R        timed runs per case (default: 5)
#   --posters-10k   also time the print files for N >= 10000 (several minutes per run)
#   DITICH=PATH     the binary to time, copied first (default: cargo build --release, then
#                   target/release/ditich)
#   HUGO=PATH       the Hugo to compare with (default: hugo on the PATH; skipped when there is
#                   none, or when HUGO is set empty)
#
# Projects, for each N: a photo on every 10th relic and no print files; no photos and no print
# files (the case of the speed targets); photos and one size (plaque) in two formats (pdf, png).
# Cases, for each project:
#   cold        no output/, .output.* or .ditich-cache/: every photo and print file encoded
#   no-change   a rebuild over the output and cache the runs before left
#   one-edit    a rebuild after a line is appended to one relic's index.md
#   hugo cold   Hugo without public/ or resources/ (its resized photos)
# The table gives the median, min and max wall time of R runs (hyperfine -N), the CPU time
# (user + system, mean), pages (.html files in the output) per second of the median, and the
# peak RSS of one more cold run (/usr/bin/time -v).
#
# The projects are generated in a temporary folder (mktemp -d: under $TMPDIR, default /tmp),
# so that is the disk measured. Wall times on a busy machine vary a lot; CPU time much less.
#
# Needs python3, hyperfine and GNU time (Debian packages `hyperfine`, `time`); Hugo is
# optional (`hugo`). CI runs the quick form: bench/scale.sh 7 200 --runs 1
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench/scale.sh: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

sizes=()
runs=5
posters_10k=false
while (($#)); do
  case $1 in
    --runs) (($# >= 2)) || die "--runs needs a number"; runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --posters-10k) posters_10k=true; shift ;;
    -h | --help) usage; exit 0 ;;
    '' | *[!0-9]*) usage >&2; die "unknown argument: $1" ;;
    *) sizes+=("$1"); shift ;;
  esac
done
((${#sizes[@]})) || sizes=(7 1000 10000)
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number, not '$runs'"

command -v python3 >/dev/null || die "needs python3"
command -v hyperfine >/dev/null || die "needs hyperfine (apt-get install hyperfine)"
[[ -x /usr/bin/time ]] || die "needs GNU time for the peak RSS (apt-get install time)"

if [[ -n ${DITICH:-} ]]; then
  built=$DITICH
else
  cargo build --release --quiet
  built=$repo/target/release/ditich
fi
[[ -x $built ]] || die "$built is not an executable"
hugo=${HUGO-$(command -v hugo || true)}
if [[ -z $hugo ]]; then
  if [[ -v HUGO ]]; then note "HUGO is empty: skipping the Hugo comparison"
  else note "hugo not found: skipping the Hugo comparison (apt-get install hugo)"; fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Time a copy: a long run must not switch binaries halfway when the original is rebuilt.
ditich=$work/ditich
cp "$built" "$ditich"
rows=$work/rows.tsv
: >"$rows"

# --prepare commands, as scripts so that they run the same with or without a shell.
cat >"$work/clean" <<'EOF'
#!/bin/sh
# Removes everything a build leaves in a project: ditich's output, staging folders and photo
# cache, Hugo's public/, resources/ and cache.
cd "$1" && rm -rf output .output.* .ditich-cache public resources .hugo-cache .hugo_build.lock
EOF
cat >"$work/edit" <<'EOF'
#!/bin/sh
# Appends a line to a relic's story, as an officer's small correction would.
printf '\nĐã đối chiếu lại với hồ sơ di tích.\n' >>"$1"
EOF

# A command line for hyperfine -N, which splits it like a shell.
quote() { printf '%q ' "$@"; }

# Runs a command once from a clean project under /usr/bin/time; prints its peak RSS in kB.
peak_rss() {
  local dir=$1
  shift
  sh "$work/clean" "$dir"
  if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    die "the build of $dir failed"
  fi
  if grep -qi 'warning' "$work/build.log"; then
    note "warnings in the build of $dir:"
    grep -i -A2 'warning' "$work/build.log" | head -20 >&2
  fi
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt"
}

# The .html files under a folder.
pages() { find "$1" -name '*.html' | wc -l; }

# measure N CASE POSTERS PAGES RSS PREPARE COMMAND: times COMMAND, records a table row.
measure() {
  local n=$1 case=$2 posters=$3 pages=$4 rss=$5 prepare=$6 command=$7
  local json=$work/$n-$posters-${case// /-}.json
  note "N=$n posters=$posters: $case, $runs run(s)"
  local args=(-N --runs "$runs" --export-json "$json" --command-name "$case")
  [[ -n $prepare ]] && args+=(--prepare "$prepare")
  hyperfine "${args[@]}" "$command" >&2
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$case" "$posters" "$pages" "$rss" "$json" >>"$rows"
}

skipped=()
for n in "${sizes[@]}"; do
  for posters in none no-photos plaque-pdf-png; do
    if [[ $posters == plaque-pdf-png ]] && ((n >= 10000)) && ! $posters_10k; then
      note "N=$n: skipping the print files (pass --posters-10k to time them)"
      skipped+=("$n")
      continue
    fi
    dir=$work/ditich-$n-$posters
    if [[ $posters == no-photos ]]; then
      python3 bench/generate.py --no-photos "$n" "$dir"
    else
      python3 bench/generate.py --posters "$posters" "$n" "$dir"
    fi
    build=$(quote "$ditich" build --root "$dir")

    rss=$(peak_rss "$dir" "$ditich" build --root "$dir")
    count=$(pages "$dir/output")
    ((count >= n)) || die "N=$n: only $count pages in $dir/output"

    measure "$n" cold "$posters" "$count" "$rss" "$(quote sh "$work/clean" "$dir")" "$build"
    measure "$n" no-change "$posters" "$count" - "" "$build"
    relics=("$dir"/sites/*/index.md)
    measure "$n" one-edit "$posters" "$count" - "$(quote sh "$work/edit" "${relics[0]}")" "$build"
    rm -rf "$dir"
  done

  if [[ -n $hugo ]]; then
    dir=$work/hugo-$n
    python3 bench/generate.py --hugo "$n" "$dir"
    build=$(quote "$hugo" --quiet --source "$dir" --cacheDir "$dir/.hugo-cache")
    rss=$(peak_rss "$dir" "$hugo" --quiet --source "$dir" --cacheDir "$dir/.hugo-cache")
    count=$(pages "$dir/public")
    measure "$n" "hugo cold" - "$count" "$rss" "$(quote sh "$work/clean" "$dir")" "$build"
    rm -rf "$dir"
  fi
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
echo "ditich $("$ditich" --version | awk '{print $NF}')${hugo:+, Hugo $("$hugo" version | awk '{print $2}')};" \
  "$(nproc) CPUs (${cpu:-unknown}); $runs run(s) per case; $(date +%F)."
echo
python3 - "$rows" <<'PY'
import json, statistics, sys

print("| N | case | photos, print files | pages | median s | min s | max s | CPU s | pages/s | peak RSS MB |")
print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")
for line in open(sys.argv[1], encoding="utf-8"):
    n, case, posters, pages, rss, path = line.rstrip("\n").split("\t")
    result = json.load(open(path))["results"][0]
    times = result["times"]
    median = statistics.median(times)
    cpu = result["user"] + result["system"]
    posters = {
        "none": "every 10th, none",
        "no-photos": "no photos, none",
        "plaque-pdf-png": "every 10th, plaque pdf+png",
    }.get(posters, "–")
    rss = f"{int(rss) / 1024:.0f}" if rss != "-" else "–"
    print(f"| {n} | {case} | {posters} | {pages} | {median:.2f} | {min(times):.2f} | "
          f"{max(times):.2f} | {cpu:.2f} | {int(pages) / median:,.0f} | {rss} |")
PY
if ((${#skipped[@]})); then
  echo
  echo "Print files not timed for N = ${skipped[*]} (bench/scale.sh --posters-10k times them)."
fi
