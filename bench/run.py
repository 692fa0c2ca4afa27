"""The benchmark suite: one command, dated figures appended to BENCHMARKS.md.

    python -m bench.run              # 100, 1,000 and 5,000 cases; appends to BENCHMARKS.md
    python -m bench.run --smoke      # 100 cases, prints only (run by `make test`)
    python -m bench.run --sizes 1000 # chosen sizes

Measured on synthetic libraries from bench/generate.py: `widw validate` time, full site
build with the plugin vs. plain MkDocs on the `widw render` output, HTML bytes per case page,
browser search-index bytes per case, and (from bench/search_bench.py) Whoosh index and query
times with tantivy as a baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import REPO, generate_project

BIN = Path(sys.executable).parent
RESULTS = REPO / "BENCHMARKS.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Best wall-clock time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def _run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def bench_validate(root: Path) -> dict[str, Any]:
    """In-process `load_library` time (what `widw validate` does), best of three."""
    from widw.content.library import ProjectPaths, load_library

    seconds = _timed(lambda: load_library(ProjectPaths(root)), repeat=3)
    result = load_library(ProjectPaths(root))
    if not result.ok:
        raise RuntimeError("generated library is not valid: " + result.errors[0].format())
    return {"validate_s": seconds}


def _site_project(root: Path) -> None:
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if (root / "docs").exists():
        shutil.rmtree(root / "docs")
    shutil.copytree(REPO / "docs", root / "docs")


def _plain_config(root: Path, rendered: Path) -> Path:
    """mkdocs.yml without the widw plugin, reading the `widw render` output."""
    import yaml

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_permissive_loader())
    config["docs_dir"] = str(rendered)
    config["plugins"] = [p for p in config.get("plugins", []) if p != "widw" and "widw" not in p]
    config.pop("watch", None)
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    path = root / "mkdocs-plain.yml"
    path.write_text(yaml.dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _permissive_loader() -> type:
    """A YAML loader that keeps MkDocs' !!python/name and !ENV tags as plain strings."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        del loader, suffix
        return getattr(node, "value", None)

    Loader.add_multi_constructor("", keep)
    return Loader


def bench_site(root: Path) -> dict[str, Any]:
    """Plugin build vs. plain MkDocs on `widw render` output; page and index sizes.

    The first plugin build starts with an empty cache (search index, related cases); the
    compared build runs with the cache warm, as every rebuild and `mkdocs serve` does.
    """
    _site_project(root)
    site = root / "site"
    build = [str(BIN / "mkdocs"), "build", "-q", "-d", str(site)]
    cold_s = _timed(lambda: _run(build, root))
    rendered = root / "rendered"
    render = [str(BIN / "widw"), "render", "--map", str(root), "--out", str(rendered)]
    render_s = _timed(lambda: _run(render, root))
    plain = _plain_config(root, rendered)
    plain_build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(plain), "-d", str(root / "p")]
    # Best of two: a 2-core VM is noisy, and both builds are measured the same way.
    plain_s = _timed(lambda: _run(plain_build, root), repeat=2)
    plugin_s = _timed(lambda: _run(build, root), repeat=2)
    pages = sorted((site / "casussen").glob("*/index.html"))
    sizes = [p.stat().st_size for p in pages]
    n_cases = len(list((root / "cases").glob("*.md")))
    index = site / "pagefind"
    index_bytes = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    return {
        "build_plugin_cold_s": cold_s,
        "render_s": render_s,
        "build_plain_s": plain_s,
        "build_plugin_s": plugin_s,
        "plugin_ratio": plugin_s / plain_s if plain_s else float("nan"),
        "case_page_kb_max": max(sizes) / 1024 if sizes else 0.0,
        "case_page_kb_median": statistics.median(sizes) / 1024 if sizes else 0.0,
        # The whole Pagefind bundle on disk; a search fetches only a few chunks of it.
        "search_index_bytes_per_case": index_bytes / max(n_cases, 1),
    }


def bench_search(sizes: list[int]) -> list[dict[str, Any]]:
    """Figures from bench/search_bench.py, if that module is present."""
    try:
        from bench import search_bench
    except ImportError:
        return []
    figures: list[dict[str, Any]] = search_bench.run(sizes)
    return figures


def bench_relevance() -> str:
    """The relevance benchmark on the real content, as one Markdown line."""
    from bench import relevance

    _, totals = relevance.run()
    return (
        f"Search relevance on the real content ({int(totals['queries'])} judged queries, "
        f"bench/relevance.py): precision@3 {totals['precision_at_3']:.2f} (capped by the "
        f"number judged relevant: {totals['precision_at_3_capped']:.2f}); best answer in the "
        f"top 3: {totals['best_in_top_3']:.0%} (target ≥ 90 %)."
    )


def measure(sizes: list[int], *, site: bool = True) -> list[dict[str, Any]]:
    """All figures for each library size."""
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"widw-bench-{n}-") as tmp:
            root = Path(tmp)
            generate_project(root, n)
            row: dict[str, Any] = {"cases": n, **bench_validate(root)}
            if site:
                row.update(bench_site(root))
            rows.append(row)
            print(f"  {n} cases: " + ", ".join(f"{k}={_fmt(v)}" for k, v in row.items()))
    return rows


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(
    rows: list[dict[str, Any]], search_rows: list[dict[str, Any]], relevance: str = ""
) -> str:
    """A dated section for BENCHMARKS.md."""
    machine = (
        f"{platform.node() or 'machine'}: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}"
    )
    out = [f"## {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — {machine}", ""]
    for table in (rows, search_rows):
        if not table:
            continue
        keys = list(dict.fromkeys(k for row in table for k in row))
        out.append("| " + " | ".join(keys) + " |")
        out.append("|" + "---|" * len(keys))
        for row in table:
            out.append("| " + " | ".join(_fmt(row.get(k, "")) for k in keys) + " |")
        out.append("")
    if len(rows) >= 2 and "build_plugin_s" in rows[0]:
        by_size = {row["cases"]: row for row in rows}
        if 1000 in by_size and 5000 in by_size:
            growth = by_size[5000]["build_plugin_s"] / by_size[1000]["build_plugin_s"]
            out.append(f"Build growth 1,000 → 5,000 cases: ×{growth:.2f} (target ≤ 5.5).")
            out.append("")
    if relevance:
        out += [relevance, ""]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="100 cases, print only")
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    parser.add_argument("--no-site", action="store_true", help="skip the site build figures")
    parser.add_argument("--no-search", action="store_true", help="skip the search figures")
    parser.add_argument(
        "--no-finding", action="store_true", help="skip the browser figures (bench/finding_bench)"
    )
    args = parser.parse_args(argv)
    sizes = [100] if args.smoke else (args.sizes or [100, 1000, 5000])
    print(f"benchmark: sizes {sizes}")
    rows = measure(sizes, site=not args.no_site)
    search_rows = [] if args.no_search else bench_search(sizes)
    relevance = "" if args.no_search else bench_relevance()
    section = markdown(rows, search_rows, relevance)
    if not (args.smoke or args.no_finding):
        from bench import finding_bench

        finding = finding_bench.markdown(finding_bench.run(sizes))
        section += "\nFinding cases in Chromium (bench/finding_bench.py):\n\n" + finding
    print(section)
    if not args.smoke:
        header = "" if RESULTS.exists() else "# Benchmarks\n\nFigures appended by `make bench`.\n\n"
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(header + section + "\n")
        print(f"appended to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
