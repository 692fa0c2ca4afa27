"""The cold path of a site build, one component at a time (issue 16).

    python -m bench.cold_path --sizes 1000 5000

For each size a generated library (`bench/generate.py`) is built up from nothing, component
by component, in one process, in the order a site build meets them: related cases
(`related_cases`: on main this builds the Whoosh index first, since related cases took
their inputs from it), the Whoosh search index (`ensure_index`: what `widw search` builds on
first use; on main already built by then) and citations (every case's 'Citeer deze casus'
block and head tags, every source in APA, and the citation and data files of
`export_files`, through the APA render cache). Then one case is edited (title and body) and
the library is loaded again, and each component is timed once more: what a rebuild after
one edit pays. Between the two rounds the caches go through their files, as between two
builds.

Only public functions that main also has are called, so the same script measures another
checkout of `widw` in the same run (`PYTHONPATH=/other/checkout/tooling`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import generate_project

SITE_URL = "https://example.org/"
TODAY = dt.date(2026, 12, 1)


def _timed(row: dict[str, Any], name: str, action: Callable[[], Any]) -> None:
    """Wall seconds as `name`, and this process's CPU seconds as `name` + '_cpu' (on a
    shared machine the CPU time says more about the code than the wall time)."""
    cpu, started = time.process_time(), time.perf_counter()
    action()
    row[f"{name}_s"] = round(time.perf_counter() - started, 3)
    row[f"{name}_cpu_s"] = round(time.process_time() - cpu, 3)


def _load(root: Path) -> Any:
    from widw.content.library import ProjectPaths, load_library

    result = load_library(ProjectPaths(root), today=TODAY)
    if not result.ok:
        raise RuntimeError(result.errors[0].format())
    return result.library


def _index(library: Any, cache_dir: Path) -> str:
    from widw.search.index import ensure_index

    index = ensure_index(library, cache_dir)
    index.engine.close()
    return index.report.action


def _related(library: Any, cache_dir: Path) -> None:
    from widw.search.related import related_cases

    related_cases(library, cache_dir)


def _citations(library: Any, apa_file: Path) -> None:
    """What a site build asks of widw.cite, through the render cache and its file."""
    from widw.cite.apa import RenderCache, caching
    from widw.cite.exports import export_files
    from widw.cite.page import citation_for, source_apa_html

    references = RenderCache()
    references.load(apa_file)
    with caching(references):
        for slug, case in library.cases.items():
            citation_for(
                case,
                f"{SITE_URL}casussen/{slug}/",
                site_url=SITE_URL,
                today=TODAY,
                with_sources=False,
            )
            for source in case.sources:
                source_apa_html(source)
        export_files(library, site_url=SITE_URL, today=TODAY)
    references.save(apa_file)


def _edit(root: Path) -> str:
    """Retitle the first described case and add a sentence to its body."""
    for path in sorted((root / "cases").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "status: beschreven" in text:
            text = text.replace("\ntitel: ", "\ntitel: Herzien ", 1)
            path.write_text(text + "\nEen nieuwe zin over de buurtkamer.\n", encoding="utf-8")
            return path.stem
    raise RuntimeError("no described case to edit")


def measure(n_cases: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix=f"widw-cold-{n_cases}-"))
    try:
        root = folder / "project"
        generate_project(root, n_cases)
        cache_dir = root / ".cache" / "widw" / "search"
        apa_file = root / ".cache" / "widw" / "apa.json"
        row: dict[str, Any] = {"cases": n_cases}
        library = _load(root)
        # Related cases first: on main they build the index themselves (timed there).
        _timed(row, "related_cold", lambda: _related(library, cache_dir))
        _timed(row, "index_cold", lambda: _index(library, cache_dir))
        _timed(row, "citations_cold", lambda: _citations(library, apa_file))
        _edit(root)
        library = _load(root)
        _timed(row, "related_edit", lambda: _related(library, cache_dir))
        actions: list[str] = []
        _timed(row, "index_edit", lambda: actions.append(_index(library, cache_dir)))
        _timed(row, "citations_edit", lambda: _citations(library, apa_file))
        row["index_edit_action"] = actions[0]
        return row
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--label", default="", help="a name for the code measured")
    args = parser.parse_args(argv)
    import widw

    for size in args.sizes:
        row = {"code": args.label or str(Path(widw.__file__).parents[2]), **measure(size)}
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
