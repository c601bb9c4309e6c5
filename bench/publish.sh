#!/usr/bin/env bash
# What `ditich publish` sends: files and bytes for a first publish, for one edit, and for a
# publish with nothing changed, over SFTP to an sshd this script starts on 127.0.0.1. Prints a
# Markdown table on stdout; progress goes to stderr.
#
#   bench/publish.sh [sample | N ...]
#
#   sample   the repository's sample (7 relics, every print format)
#   N        a project of N relics from bench/generate.py (a photo on every 10th, no posters)
#   DITICH   the binary to run (default: cargo build --release, then target/release/ditich)
#
# Default: sample 1000. The times are of a loopback link, so they show ditich's own cost; on a
# rural line the bytes are what counts. One edit appends a sentence to one relic's story. The
# files and bytes are the site's; the host's manifest, read by every publish and written by
# every one that changes something, is in the last column.
#
# Needs python3, and sshd and ssh-keygen (Debian openssh-server).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench/publish.sh: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

cases=()
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    sample | [1-9]*) cases+=("$arg") ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done
((${#cases[@]})) || cases=(sample 1000)
[[ -x /usr/sbin/sshd ]] || die "needs sshd (apt-get install openssh-server)"

if [[ -n ${DITICH:-} ]]; then
  ditich=$DITICH
else
  cargo build --release --quiet
  ditich=$repo/target/release/ditich
fi
work=$(mktemp -d)
ssh=$work/ssh
mkdir -p "$ssh"
trap 'kill $(cat "$ssh/sshd.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

ssh-keygen -q -t ed25519 -N '' -C '' -f "$ssh/host"
ssh-keygen -q -t ed25519 -N '' -C '' -f "$ssh/client"
cp "$ssh/client.pub" "$ssh/authorized_keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$ssh/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $ssh/host
PidFile $ssh/sshd.pid
AuthorizedKeysFile $ssh/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
Subsystem sftp internal-sftp
EOF
[[ $EUID != 0 ]] || mkdir -p /run/sshd
/usr/sbin/sshd -f "$ssh/sshd_config" -E "$ssh/sshd.log"
echo "[127.0.0.1]:$port $(cat "$ssh/host.pub")" >"$ssh/known_hosts"

# "published to …: 140 files sent (7285 KB), 0 deleted" → "140 | 7,285 KB"
sent() { sed -n 's/.*: \([0-9]*\) files sent (\([0-9]*\) KB), \([0-9]*\) deleted.*/\1 | \2 KB/p' "$1" | python3 -c '
import sys
line = sys.stdin.read().strip()
if not line:
    print("0 | 0 KB")
else:
    files, kb = line.split(" | ")
    print(f"{int(files):,} | {int(kb.split()[0]):,} KB")'; }
timed() { # timed LOG CMD…: runs CMD, stderr to LOG, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "${@:2}" 2>"$1" || { cat "$1" >&2; die "failed: ${*:2}"; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f s", e - s }'
}

echo "| project | relics | first publish: files | bytes | time | one edit: files | bytes | time | nothing changed: time | the host's manifest |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for case in "${cases[@]}"; do
  project=$work/$case
  if [[ $case == sample ]]; then
    mkdir -p "$project"
    cp -r site.toml sites "$project/"
  else
    python3 bench/generate.py "$case" "$project" >&2
  fi
  relics=$(find "$project/sites" -name index.md | wc -l)
  host=$work/host-$case
  cat >>"$project/site.toml" <<EOF

[publish]
url = "sftp://$(id -un)@127.0.0.1:$port$host"
key = "$ssh/client"
known_hosts = "$ssh/known_hosts"
EOF
  # The first build is not what is measured: a publish builds first, and a rebuild is quick.
  "$ditich" build --quiet --root "$project"
  note "$case: first publish"
  first_time=$(timed "$work/first.log" "$ditich" publish --root "$project")
  first=$(sent "$work/first.log")
  story=$(find "$project/sites" -name index.md | sort | awk 'NR == 1')
  echo "Một câu thêm vào để đo một lần sửa." >>"$story"
  "$ditich" build --quiet --root "$project"
  note "$case: one edit"
  edit_time=$(timed "$work/edit.log" "$ditich" publish --root "$project")
  edit=$(sent "$work/edit.log")
  note "$case: nothing changed"
  same_time=$(timed "$work/same.log" "$ditich" publish --root "$project")
  grep -q "nothing to send" "$work/same.log" || die "a publish without changes sent something"
  diff -r -x '.ditich-*' "$project/output" "$host" >&2 || die "the host differs from output/"
  manifest=$(stat -c %s "$host/.ditich-published.gz" | awk '{ printf "%.1f KB", $1 / 1024 }')
  echo "| $case | $relics | $first | $first_time | $edit | $edit_time | $same_time | $manifest |"
done
