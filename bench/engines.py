"""Build time of the two engines on the same synthetic library, in one run.

    python -m bench.engines                # 1,000 and 5,000 cases; prints a Markdown table
    python -m bench.engines --sizes 100

MkDocs builds with the widw plugin (`make build`), first with an empty cache and then warm
(as every rebuild does); Zensical builds the `widw render` output (`make build-zensical`),
first with `--clean` (its own cache emptied) and then again with its cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.generate import generate_project
from bench.run import BIN, _run, _site_project, _timed

COLUMNS = [
    "cases",
    "mkdocs_plugin_cold_s",
    "mkdocs_plugin_s",
    "render_s",
    "zensical_clean_s",
    "zensical_s",
    "render_plus_zensical_s",
]


def measure(size: int) -> dict[str, Any]:
    """Both engines on one generated library of `size` cases."""
    with tempfile.TemporaryDirectory(prefix=f"widw-engines-{size}-") as tmp:
        root = Path(tmp) / "project"
        generate_project(root, size)
        _site_project(root)
        build = [str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "mkdocs-site")]
        cold = _timed(lambda: _run(build, root))
        warm = _timed(lambda: _run(build, root))
        work = Path(tmp) / "zensical"
        render = [str(BIN / "widw"), "render", "--map", str(root), "--out", str(work / "docs")]
        render += ["--config-uit", str(work / "mkdocs.yml")]
        render_s = _timed(lambda: _run(render, root))
        zensical = [str(BIN / "zensical"), "build", "-f", "mkdocs.yml"]
        clean_s = _timed(lambda: _run([*zensical, "--clean"], work))
        again_s = _timed(lambda: _run(zensical, work))
        pages = len(list((work / "site" / "casussen").glob("*/index.html")))
        if pages != size:
            raise RuntimeError(f"Zensical wrote {pages} case pages for {size} cases")
    return {
        "cases": size,
        "mkdocs_plugin_cold_s": cold,
        "mkdocs_plugin_s": warm,
        "render_s": render_s,
        "zensical_clean_s": clean_s,
        "zensical_s": again_s,
        "render_plus_zensical_s": render_s + clean_s,
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(row[c]) for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    args = parser.parse_args(argv)
    if not (BIN / "zensical").exists():
        print("zensical is not installed: pip install -e '.[zensical]'", file=sys.stderr)
        return 1
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"{stamp}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(markdown([measure(size) for size in args.sizes]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
