#!/usr/bin/env python3
"""Writes a synthetic province: N commune projects of M relics each, and a guide over them.

    bench/province.py N M DIR

DIR/guide/site.toml is a province's guide whose [[members]] are the projects
DIR/communes/<slug>/, each a bench/generate.py project (no photos, no print files) with its own
commune name, base_url and seed, so that names, words and places differ from one commune to
the next. bench/province.sh times the guide's build on it.

Python 3 standard library only; the output depends only on N and M.
"""

import argparse
import random
import subprocess
import sys
from pathlib import Path

import generate

GUIDE = """\
# Written by bench/province.py: a synthetic province's guide, for timing builds.
base_url = "https://dulich.nghean.example.gov.vn/di-tich/"
languages = ["vi", "en"]

[title]
vi = "Di tích Nghệ An (dữ liệu thử hiệu năng)"
en = "Heritage of Nghệ An (benchmark data)"

[province]
name = "Nghệ An"
code = "40"
"""


def commune_names(n, rng):
    """N distinct two-syllable commune names, as Nghệ An's are."""
    names, seen = [], set()
    while len(names) < n:
        name = " ".join(rng.sample(generate.PLACE_SYLLABLES, 2))
        if len(seen) >= len(generate.PLACE_SYLLABLES) ** 2 // 2:
            name += f" {len(names) + 1}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="number of communes")
    parser.add_argument("m", type=int, metavar="M", help="relics per commune")
    parser.add_argument("dir", type=Path, metavar="DIR", help="folder to write (new or empty)")
    args = parser.parse_args()
    if args.n < 1 or args.m < 1:
        parser.error("N and M must be at least 1")
    if args.dir.exists() and any(args.dir.iterdir()):
        parser.error(f"{args.dir} is not empty")
    rng = random.Random(2026)
    guide = [GUIDE]
    for i, name in enumerate(commune_names(args.n, rng), start=1):
        slug = generate.fold(name)
        project = args.dir / "communes" / slug
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("generate.py")), "--no-photos",
             "--seed", str(i), "--commune", name,
             "--base-url", f"https://{slug.replace('-', '')}.nghean.example.gov.vn/du-lich/",
             str(args.m), str(project)],
            check=True, stderr=subprocess.DEVNULL)
        guide.append(f'\n[[members]]\nproject = "../communes/{slug}"\n')
    generate.write(args.dir / "guide" / "site.toml", "".join(guide))
    print(f"wrote a guide over {args.n} communes of {args.m} relics to {args.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
