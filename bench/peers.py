#!/usr/bin/env python3
"""Cold builds of ditich beside Zola and Hugo, on the same corpus, in one run.

    bench/peers.py [N ...] [--runs R] [--warmup W] [--places P,...] [--tools T,...]
                   [--disk DIR] [--tmpfs DIR] [--keep]

    N          corpus sizes, in pages (default: 1000 10000)
    --runs     timed runs per cell (default: 5); the table gives their median, min and max
    --warmup   untimed runs first, so inputs are in the page cache (default: 1)
    --places   where the builds write, any of (default: all three):
                 tmpfs    a tmpfs (memory): file-system work costs least
                 aside    the disk, the previous output renamed out of the way first
                 deleted  the disk, the previous output deleted just before the build,
                          as after `rm -rf output` (the file system still owes that work)
    --tools    any of ditich, zola, hugo (default: those found, and ditich-before when
               DITICH_BEFORE names it)
    --disk     a folder on the disk to measure (default: $TMPDIR or /tmp, under ditich-peers)
    --tmpfs    a folder on a tmpfs (default: /dev/shm/ditich-peers)
    --keep     keep the generated corpora (under the two folders) for the next run

    DITICH     the binary to time (default: cargo build --release, target/release/ditich)
    DITICH_BEFORE  another ditich binary, timed in the same turns as "ditich-before": a
               change's effect, measured where the machine's mood falls on both alike
    ZOLA       Zola (default: unpacked from ../shared/peers/zola-0.22.1-x86_64-linux.xz)
    HUGO       Hugo (default: hugo on the PATH; HUGO= leaves it out)

The corpus is ../shared/peers/gen_corpus.py's: the same Vietnamese pages for each tool, with
equivalent minimal templates. Every build is cold: no output, no cache (ditich's
.ditich-cache/ and .output.previous, Hugo's resources/). The tools take turns within each
run, in an order that rotates, so that a slow moment of the machine falls on all of them.

Per build: wall time from spawn to reap, CPU (user + system, from wait4), peak RSS, and the
share of the machine's CPU that other processes used meanwhile (from /proc/stat). The
Markdown table on stdout gives, per place, size and tool: wall median [min-max], CPU median,
peak RSS median, the speed against Zola's (Zola's median wall / the tool's), and "busy", the
largest share other processes took during any of its runs: above 5 % the row is noisy.
The load average before each cell goes to stderr with the progress.

Python 3 standard library only; Linux (wait4, /proc).
"""

import argparse
import lzma
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS = os.path.join(REPO, "..", "shared", "peers")

# What each tool reads and writes: the corpus format, the command, and every folder it leaves
# that would make the next build warm.
TOOLS = {
    "ditich": ("ditich", ["build"], ["output", ".ditich-cache", ".output.previous",
                                     ".output.staging"]),
    "zola": ("zola", ["build"], ["public"]),
    "hugo": ("hugo", ["--quiet"], ["public", "resources"]),
}
# DITICH_BEFORE's binary: the same corpus, command and leftovers as ditich's.
TOOLS["ditich-before"] = TOOLS["ditich"]


def note(message):
    print("== " + message, file=sys.stderr, flush=True)


def busy_seconds():
    """CPU seconds the whole machine has been busy, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    steal = fields[7] if len(fields) > 7 else 0
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def fs_type(path):
    return subprocess.run(["stat", "-f", "-c", "%T", path], capture_output=True,
                          text=True, check=True).stdout.strip()


def binaries(args):
    found = {}
    wanted = args.tools or [tool for tool in TOOLS if tool != "ditich-before"]
    if "ditich" in wanted:
        ditich = os.environ.get("DITICH")
        if not ditich:
            subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
            ditich = os.path.join(REPO, "target", "release", "ditich")
        found["ditich"] = ditich
        if os.environ.get("DITICH_BEFORE"):
            found["ditich-before"] = os.environ["DITICH_BEFORE"]
    if "zola" in wanted:
        zola = os.environ.get("ZOLA")
        packed = os.path.join(PEERS, "zola-0.22.1-x86_64-linux.xz")
        if not zola and os.path.exists(packed):
            zola = os.path.join(args.disk, "zola")
            with lzma.open(packed) as src, open(zola, "wb") as dst:
                shutil.copyfileobj(src, dst)
            os.chmod(zola, 0o755)
        if zola:
            found["zola"] = zola
        elif args.tools:
            sys.exit("bench/peers.py: no Zola: set ZOLA or provide " + packed)
    if "hugo" in wanted:
        hugo = os.environ.get("HUGO", shutil.which("hugo") or "")
        if hugo:
            found["hugo"] = hugo
        elif args.tools:
            sys.exit("bench/peers.py: no Hugo: set HUGO or apt-get install hugo")
    for tool, path in found.items():
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            sys.exit("bench/peers.py: {} is not an executable: {}".format(tool, path))
        found[tool] = os.path.abspath(path)
    if not found:
        sys.exit("bench/peers.py: no tool to time")
    return found


def corpus(root, tool, n, keep):
    """The corpus of `n` pages in `tool`'s format under `root`, generated unless kept."""
    fmt = TOOLS[tool][0]
    folder = os.path.join(root, "{}-{}".format(fmt, n))
    stamp = folder + ".done"
    if not (keep and os.path.exists(stamp)):
        subprocess.run([sys.executable, os.path.join(PEERS, "gen_corpus.py"), "--n", str(n),
                        "--out", folder, "--format", fmt, "--force"],
                       check=True, stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
    return folder


def clear(folder, tool, place, trash):
    """Takes away what a build of `tool` left in `folder`, the way `place` says."""
    left = [os.path.join(folder, name) for name in TOOLS[tool][2]]
    left = [path for path in left if os.path.lexists(path)]
    if place == "deleted":
        # Flushed first, so the build pays for the deletion, not for its predecessor's writes.
        os.sync()
        for path in left:
            shutil.rmtree(path)
        return
    for path in left:
        os.makedirs(trash, exist_ok=True)
        os.rename(path, os.path.join(trash, "{}-{}".format(len(os.listdir(trash)),
                                                            os.path.basename(path))))
    os.sync()


def build(command, folder, log):
    """One build: wall seconds, CPU seconds, peak RSS in MiB, and the busy share of others."""
    with open(log, "ab") as out:
        before = busy_seconds()
        started = time.monotonic()
        child = subprocess.Popen(command, cwd=folder, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
        after = busy_seconds()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit("bench/peers.py: {} failed in {} (exit {}); see {}".format(
            " ".join(command), folder, child.returncode, log))
    cpu = usage.ru_utime + usage.ru_stime
    cores = os.cpu_count() or 1
    # /proc/stat counts in ticks of 10 ms: too coarse for the shortest builds.
    busy = max(0.0, (after - before) - cpu) / (wall * cores) if wall >= 0.5 else None
    return wall, cpu, usage.ru_maxrss / 1024, busy


def cell_rows(place, n, results, tools):
    zola = statistics.median(results["zola"]["wall"]) if "zola" in results else None
    for tool in tools:
        r = results[tool]
        wall = statistics.median(r["wall"])
        busy = [b for b in r["busy"] if b is not None]
        yield "| {} | {:,} | {} | {:.3f} [{:.3f}–{:.3f}] | {:.2f} | {:.0f} | {} | {} |".format(
            place, n, tool, wall, min(r["wall"]), max(r["wall"]),
            statistics.median(r["cpu"]), statistics.median(r["rss"]),
            "{:.2f}×".format(zola / wall) if zola else "–",
            "{:.0f} %".format(100 * max(busy)) if busy else "–")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--places", default="tmpfs,aside,deleted")
    parser.add_argument("--tools", type=lambda s: s.split(","))
    parser.add_argument("--disk", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                       "ditich-peers"))
    parser.add_argument("--tmpfs", default="/dev/shm/ditich-peers")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    places = args.places.split(",")
    for place in places:
        if place not in ("tmpfs", "aside", "deleted"):
            parser.error("unknown place: " + place)
    for tool in args.tools or []:
        if tool not in TOOLS:
            parser.error("unknown tool: " + tool)
    if args.runs < 1:
        parser.error("--runs needs a positive number")
    os.makedirs(args.disk, exist_ok=True)
    roots = {"aside": args.disk, "deleted": args.disk}
    if "tmpfs" in places:
        os.makedirs(args.tmpfs, exist_ok=True)
        if fs_type(args.tmpfs) != "tmpfs":
            sys.exit("bench/peers.py: {} is not on a tmpfs".format(args.tmpfs))
        roots["tmpfs"] = args.tmpfs
    if "aside" in places or "deleted" in places:
        if fs_type(args.disk) == "tmpfs":
            sys.exit("bench/peers.py: {} is on a tmpfs, not a disk".format(args.disk))
    found = binaries(args)
    tools = [tool for tool in TOOLS if tool in found]
    versions = {}
    for tool in tools:
        flag = "version" if tool == "hugo" else "--version"
        out = subprocess.run([found[tool], flag], capture_output=True, text=True)
        versions[tool] = (out.stdout or out.stderr).strip().splitlines()[0]
    header = ["# {}Z, {} cores, load average {}".format(
        time.strftime("%Y-%m-%dT%H:%M", time.gmtime()), os.cpu_count(), load_average())]
    header += ["# {}: {}".format(tool, versions[tool]) for tool in tools]
    header += ["# {}: {} ({})".format(place, roots[place], fs_type(roots[place]))
               for place in places]
    print("\n".join(header), file=sys.stderr, flush=True)

    rows = []
    try:
        for place in places:
            root = roots[place]
            trash = os.path.join(root, ".trash")
            for n in args.sizes:
                # Tools that read one format (ditich and ditich-before) share its corpus.
                by_format = {}
                for tool in tools:
                    fmt = TOOLS[tool][0]
                    if fmt not in by_format:
                        by_format[fmt] = corpus(root, tool, n, args.keep)
                folders = {tool: by_format[TOOLS[tool][0]] for tool in tools}
                note("{} N={} (load average {})".format(place, n, load_average()))
                results = {tool: {"wall": [], "cpu": [], "rss": [], "busy": []}
                           for tool in tools}
                for run in range(args.warmup + args.runs):
                    turn = tools[run % len(tools):] + tools[:run % len(tools)]
                    for tool in turn:
                        folder = folders[tool]
                        clear(folder, tool, place, trash)
                        log = os.path.join(root, "{}-{}.log".format(tool, n))
                        measured = build([found[tool]] + TOOLS[tool][1], folder, log)
                        if run >= args.warmup:
                            for key, value in zip(("wall", "cpu", "rss", "busy"), measured):
                                results[tool][key].append(value)
                rows.extend(cell_rows(place, n, results, tools))
                for tool in tools:
                    clear(folders[tool], tool, "aside", trash)
                # Deleted only now: what a deletion leaves the file system to do would
                # fall on the next build.
                if os.path.exists(trash):
                    shutil.rmtree(trash)
                    os.sync()
    finally:
        if not args.keep:
            for place in places:
                for tool in tools:
                    for n in args.sizes:
                        folder = os.path.join(roots[place], "{}-{}".format(TOOLS[tool][0], n))
                        shutil.rmtree(folder, ignore_errors=True)
                        if os.path.exists(folder + ".done"):
                            os.remove(folder + ".done")
    print("\n".join(header))
    print()
    print("| where | N | tool | wall s: median [min–max] | CPU s | peak MiB | vs Zola | busy |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
