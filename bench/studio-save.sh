#!/usr/bin/env bash
# Time from the studio's Lưu to the updated preview, on a copy of the sample: each run saves
# den-mau's form with another hamlet (checked, written, preview rebuilt) and then fetches the
# preview page, as the studio's page does. Then the live preview: the form sent as typed, built
# without writing, and its page fetched. Prints each run and the medians, in milliseconds.
#   bench/studio-save.sh [RUNS] [DITICH]
set -euo pipefail
runs=${1:-10}
ditich=$(realpath "${2:-target/release/ditich}")
work=$(mktemp -d)
trap 'kill "$studio" 2>/dev/null || true; rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work"
cd "$work"
"$ditich" studio --no-open --port 0 2>"$work/log" &
studio=$!
until grep -q "the studio is at" "$work/log"; do sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/log" | head -1)
token=$(curl -s "$url" | grep -o 'content="[0-9a-f]\{64\}"' | cut -d'"' -f2)
python3 - "$url" "$token" "$runs" <<'PY'
import json, statistics, sys, time, urllib.request
url, token, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def call(path, body=None):
    request = urllib.request.Request(url.rstrip("/") + path, data=body and json.dumps(body).encode())
    if body:
        request.add_header("Content-Type", "application/json")
        request.add_header("X-Ditich-Token", token)
        request.add_header("Origin", url.rstrip("/"))
    with urllib.request.urlopen(request) as response:
        return response.read()
times = []
for run in range(runs):
    relic = json.loads(call("/api/relic?folder=den-mau"))
    relic["form"]["text"]["hamlet"] = f"Xóm {run}"
    start = time.perf_counter()
    saved = json.loads(call("/api/relic?folder=den-mau", {"version": relic["version"], "form": relic["form"]}))
    page = call("/preview/den-mau/").decode()
    times.append((time.perf_counter() - start) * 1000)
    assert saved["saved"] and f"Xóm {run}" in page, "the preview did not show the save"
    print(f"run {run + 1}: {times[-1]:.0f} ms")
print(f"Lưu → preview, median of {runs}: {statistics.median(times):.0f} ms ({min(times):.0f}–{max(times):.0f})")
live = []
for run in range(runs):
    relic = json.loads(call("/api/relic?folder=den-mau"))
    relic["form"]["body"] = f"\n## Đang gõ {run}\n"
    start = time.perf_counter()
    shown = json.loads(call("/api/preview?folder=den-mau", {"version": relic["version"], "form": relic["form"]}))
    page = call(shown["page"]).decode()
    live.append((time.perf_counter() - start) * 1000)
    assert f"Đang gõ {run}" in page, "the live preview did not show the text"
print(f"typed → live preview, median of {runs}: {statistics.median(live):.0f} ms ({min(live):.0f}–{max(live):.0f})")
PY
