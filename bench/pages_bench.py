"""Page sizes: the largest case page, and the bytes the map and the charts add to a page.

    python -m bench.pages_bench                       # real content + 100, 1,000, 5,000 cases
    python -m bench.pages_bench --sizes 100           # chosen sizes
    python -m bench.pages_bench --baseline DIR        # also build with the code in DIR
    python -m bench.pages_bench --append              # append the table to BENCHMARKS.md

Each library (the real content, then synthetic libraries from bench/generate.py) is built
once with `mkdocs build` and the widw plugin. Measured from the HTML files: the largest and
the median case page, and on the home, collection, overview and one province page the page
size and the bytes of the map figure and the chart figures in it. With `--baseline DIR`
(a checkout of another commit, e.g. `git archive <commit> | tar -x -C DIR`) every library is
also built with that commit's code and mkdocs.yml, for the figures beside each other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.generate import REPO, generate_project

BIN = Path(sys.executable).parent
RESULTS = REPO / "BENCHMARKS.md"
MAP = re.compile(r'<figure class="?widw-nl"?.*?</figure>', re.DOTALL)
CHART = re.compile(r'<figure class="?widw-grafiek"?.*?</figure>', re.DOTALL)
PAGES = {
    "home": "index.html",
    "collectie": "collectie/index.html",
    "overzicht": "casussen/index.html",
}


def build(project: Path, code: Path, out: Path) -> None:
    """mkdocs build of `project` with the widw package and mkdocs.yml from `code`."""
    shutil.copyfile(code / "mkdocs.yml", project / "mkdocs.yml")
    if (project / "docs").exists():
        shutil.rmtree(project / "docs")
    shutil.copytree(code / "docs", project / "docs")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(code / "tooling"),
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(out)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"build failed in {project}:\n{done.stderr[-3000:]}")


def measure(site: Path) -> dict[str, Any]:
    """Case page sizes and the map/chart bytes on the pages that show them."""
    cases = {p.parent.name: p.stat().st_size for p in (site / "casussen").glob("*/index.html")}
    largest = max(cases, key=lambda slug: cases[slug])
    row: dict[str, Any] = {
        "case_kb_max": cases[largest] / 1024,
        "largest": largest,
        "case_kb_median": statistics.median(cases.values()) / 1024,
    }
    provinces = sorted((site / "provincies").glob("*/index.html"))
    pages = dict(PAGES)
    if provinces:
        biggest = max(provinces, key=lambda p: p.stat().st_size)
        pages["provincie"] = str(biggest.relative_to(site))
    for name, path in pages.items():
        html = (site / path).read_text(encoding="utf-8")
        figure = sum(len(m.encode()) for m in MAP.findall(html))
        charts = sum(len(m.encode()) for m in CHART.findall(html))
        row[f"{name}_kb"] = len(html.encode()) / 1024
        row[f"{name}_map_charts_kb"] = (figure + charts) / 1024
    return row


def run(sizes: list[int], baseline: Path | None) -> list[dict[str, Any]]:
    rows = []
    codes = [("deze versie", REPO)] + ([("basis", baseline)] if baseline else [])
    libraries: list[tuple[str, int | None]] = [("echte inhoud", None)]
    libraries += [(f"{n} casussen", n) for n in sizes]
    with tempfile.TemporaryDirectory() as tmp:
        for label, n in libraries:
            project = Path(tmp) / label.replace(" ", "-")
            if n is None:
                project.mkdir()
                for folder in ("cases", "lessons", "episodes"):
                    shutil.copytree(REPO / folder, project / folder)
                shutil.copyfile(REPO / "vocabulary.yml", project / "vocabulary.yml")
            else:
                generate_project(project, n)
            for version, code in codes:
                site = project / f"site-{version.replace(' ', '-')}"
                build(project, code, site)
                row = {"library": label, "code": version, **measure(site)}
                print(row, flush=True)
                rows.append(row)
                shutil.rmtree(site)
    return rows


COLUMNS = [
    "library", "code", "case_kb_max", "largest", "case_kb_median", "home_kb",
    "home_map_charts_kb", "collectie_kb", "collectie_map_charts_kb", "overzicht_kb",
    "overzicht_map_charts_kb", "provincie_kb", "provincie_map_charts_kb",
]  # fmt: skip


def markdown(rows: list[dict[str, Any]]) -> str:
    def cell(value: Any) -> str:
        return f"{value:.1f}" if isinstance(value, float) else str(value)

    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    lines = [
        f"## {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} — page sizes (issue 19) — vm: {machine}",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(cell(r.get(c, "")) for c in COLUMNS) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--append", action="store_true")
    args = parser.parse_args(argv)
    table = markdown(run(args.sizes, args.baseline))
    print(table)
    if args.append:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
