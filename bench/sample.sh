#!/usr/bin/env bash
# Times `ditich build` of the sample project (7 relics) with the print files on and off.
# Needs hyperfine (Debian package `hyperfine`). Prints the median wall time of each case.
#
#   bench/sample.sh [RUNS]      # default 5 runs per case
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v hyperfine >/dev/null || { echo "bench/sample.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One copy of the sample per case; only [posters] differs.
cases=(no-posters svg pdf png all)
for case in "${cases[@]}"; do
  mkdir -p "$work/$case"
  cp -r site.toml sites "$work/$case/"
  case $case in
    no-posters) sed -i 's/^sizes = .*/sizes = []/' "$work/$case/site.toml" ;;
    all) ;;
    *) sed -i "s/^formats = .*/formats = [\"$case\"]/" "$work/$case/site.toml" ;;
  esac
done

commands=()
for case in "${cases[@]}"; do
  commands+=(--command-name "$case" "$PWD/target/release/ditich build --root $work/$case")
done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/times.json" "${commands[@]}" >/dev/null

python3 - "$work/times.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
print(f"{'case':<12} {'median':>9} {'min':>9} {'max':>9}")
for r in results:
    t = r["times"]
    print(f"{r['command']:<12} {statistics.median(t):8.3f}s {min(t):8.3f}s {max(t):8.3f}s")
PY
