"""Site build benchmark (issue 16): plugin build cold and warm, peak memory, plain Material,
what Pagefind and the minify plugin cost apart, and the `mkdocs serve` edit loop.

    python -m bench.build_bench --sizes 1000 5000                     # this checkout only
    python -m bench.build_bench --sizes 1000 5000 --baseline DIR      # and DIR's code, alternating
    python -m bench.build_bench --sizes 1000 --serve --append         # edit loop; append figures
    python -m bench.build_bench --sizes 1000 --serve-only --rounds 3 --baseline DIR  # only that

DIR is a checkout of another commit (`git archive <commit> | tar -x -C DIR`); its builds run
with `PYTHONPATH=DIR/tooling` and its mkdocs.yml and docs/, in a copy of the same generated
library with a cache of its own. The codes take turns (baseline cold, this cold, baseline
warm, this warm, and again), so load from other work on a shared machine hits both alike.

Every build is a separate `mkdocs build -q` process; its time is wall clock and its memory
the peak resident set size (`os.wait4`). Plain Material builds the same pages (`widw render`
output) without the widw plugin (and so without Pagefind), once with the minify plugin and
once without it (`ratio_no_minify`: the warm plugin build against the latter, the plain
build that does least). `pagefind_s` / `pagefind_mib` are `widw zoekindex` (Pagefind
without its cache) over the finished plugin build: what an edit costs besides the build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.generate import REPO, generate_project
from bench.run import ENV, _plain_config

BIN = Path(sys.executable).parent
RESULTS = REPO / "BENCHMARKS.md"
EDITED = "casus-00001"
MARKER = "Proefbewerking"


LAST_CPU: list[float] = []
"""CPU seconds (user + system, with the processes it waited for) of each `timed` run."""


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and peak memory (MiB) of one process; raises if it fails.

    Its CPU time goes to LAST_CPU: on a shared machine that figure moves far less."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        LAST_CPU.append(usage.ru_utime + usage.ru_stime)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            tail = log.read()[-3000:].decode(errors="replace")
            raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{tail}")
    return seconds, usage.ru_maxrss / 1024


def _env(code: Path) -> dict[str, str]:
    return {**ENV, "PYTHONPATH": str(code / "tooling")}


def _project(library: Path, code: Path, target: Path) -> Path:
    """A copy of the generated library with `code`'s mkdocs.yml and docs/."""
    shutil.copytree(library, target)
    shutil.copyfile(code / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(code / "docs", target / "docs")
    return target


def _build(root: Path, code: Path) -> tuple[float, float]:
    return timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(root / "site")], root, _env(code))


def _without_minify(config: Path) -> Path:
    path = config.with_name("mkdocs-plain-nominify.yml")
    path.write_text(_drop(config.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _drop(text: str) -> str:
    """The plain config without its minify plugin (YAML written by yaml.dump)."""
    import yaml

    config = yaml.safe_load(text)
    config["plugins"] = [p for p in config["plugins"] if not _named(p, "minify")]
    return yaml.dump(config, allow_unicode=True)


def _named(plugin: Any, name: str) -> bool:
    return plugin == name or (isinstance(plugin, dict) and name in plugin)


def plain(root: Path, code: Path) -> dict[str, float]:
    """Plain Material (no widw plugin) on the same pages: with and without minify."""
    rendered = root / "rendered"
    args = [str(BIN / "widw"), "render", "--map", str(root), "--out", str(rendered)]
    timed(args, root, _env(code))
    config = _plain_config(root, rendered)
    build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(root / "p")]
    runs = []
    for _ in range(2):
        runs.append((*timed(build, root, _env(code)), LAST_CPU[-1]))
    bare = _without_minify(config)
    build_bare = [str(BIN / "mkdocs"), "build", "-q", "-f", str(bare), "-d", str(root / "p")]
    bare_s, _ = timed(build_bare, root, _env(code))
    pages = sum(1 for _ in (root / "p").rglob("*.html"))
    return {
        "plain_s": min(s for s, _, _ in runs),
        "plain_cpu_s": min(c for _, _, c in runs),
        "plain_mib": max(m for _, m, _ in runs),
        "plain_no_minify_s": bare_s,
        "plain_no_minify_cpu_s": LAST_CPU[-1],
        "html_pages": pages,
    }


def pagefind(root: Path, code: Path) -> tuple[float, float]:
    """Seconds and peak MiB of `widw zoekindex` (Pagefind, no cache) over the plugin build."""
    return timed([str(BIN / "widw"), "zoekindex", str(root / "site")], root, _env(code))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            text: str = answer.read().decode("utf-8", errors="replace")
            return text
    except OSError:
        return ""


def serve_edit(root: Path, code: Path, *, limit: float = 900.0) -> dict[str, float]:
    """`mkdocs serve`: seconds until the first page is served, then from an edit of one
    case's summary until its page shows the new text."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/casussen/{EDITED}/"
    args = [sys.executable, "-m", "widw.mkdocs_serve", str(port)]  # what `make serve` runs
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=root, env=_env(code), stdout=log, stderr=log)
        try:
            while "samenvatting" not in _page(url):
                if process.poll() is not None or time.perf_counter() - started > limit:
                    log.seek(0)
                    raise RuntimeError("serve did not start:\n" + log.read()[-3000:].decode())
                time.sleep(0.5)
            first = time.perf_counter() - started
            time.sleep(2.0)  # let the watcher settle after the first build
            source = root / "cases" / f"{EDITED}.md"
            word = f"{MARKER}{int(time.time())}"
            text = source.read_text(encoding="utf-8")
            edited = text.replace("samenvatting: ", f"samenvatting: {word} ", 1)
            source.write_text(edited, encoding="utf-8")
            edit_started = time.perf_counter()
            while word not in _page(url):
                if process.poll() is not None or time.perf_counter() - edit_started > limit:
                    raise RuntimeError("the edit did not show within the limit")
                time.sleep(0.2)
            edit = time.perf_counter() - edit_started
        finally:
            process.terminate()
            process.wait(timeout=60)
    return {"serve_first_page_s": first, "serve_edit_s": edit}


def measure(
    n: int, baseline: Path | None, *, serve: bool, rounds: int = 2, code: Path = REPO
) -> list[dict[str, Any]]:
    """All figures for one library size, for this code and the baseline, alternating."""
    this = code
    codes = [("baseline", baseline)] if baseline else []
    codes.append(("this", this))
    with tempfile.TemporaryDirectory(prefix=f"widw-build-{n}-") as tmp:
        library = Path(tmp) / "library"
        generate_project(library, n)
        roots = {name: _project(library, code, Path(tmp) / name) for name, code in codes}
        rows: dict[str, dict[str, Any]] = {name: {"cases": n, "code": name} for name, _ in codes}
        for name, code in codes:
            seconds, mib = _build(roots[name], code)
            rows[name].update(cold_s=seconds, cold_cpu_s=LAST_CPU[-1], cold_mib=mib)
            print(f"  {n} {name} cold {seconds:.1f} s {mib:.0f} MiB", flush=True)
        warm: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in codes}
        for _ in range(rounds):
            for name, code in codes:
                warm[name].append((*_build(roots[name], code), LAST_CPU[-1]))
                print(f"  {n} {name} warm {warm[name][-1]}", flush=True)
        for name, _ in codes:
            rows[name]["warm_s"] = min(s for s, _, _ in warm[name])
            rows[name]["warm_cpu_s"] = min(c for _, _, c in warm[name])
            rows[name]["warm_mib"] = max(m for _, m, _ in warm[name])
        figures = plain(roots["this"], this)
        for name, _ in codes:
            seconds, mib = pagefind(roots[name], dict(codes)[name])
            rows[name].update(pagefind_s=seconds, pagefind_cpu_s=LAST_CPU[-1], pagefind_mib=mib)
            rows[name].update(figures)
            rows[name]["ratio"] = rows[name]["warm_s"] / figures["plain_s"]
            rows[name]["cpu_ratio"] = rows[name]["warm_cpu_s"] / figures["plain_cpu_s"]
            rows[name]["ratio_no_minify"] = rows[name]["warm_s"] / figures["plain_no_minify_s"]
        if serve:
            for name, code in codes:
                rows[name].update(serve_edit(roots[name], code))
                print(f"  {n} {name} serve edit {rows[name]['serve_edit_s']:.1f} s", flush=True)
    return list(rows.values())


def serve_rounds(
    n: int, baseline: Path | None, *, rounds: int = 3, code: Path = REPO
) -> list[dict[str, Any]]:
    """Only the edit loop, `rounds` times per code, taking turns (the order flips each round).

    Every run starts its own server on its own copy of one generated library; the rows keep
    each run's figures and the 1-minute load average before and after it (a shared machine).
    """
    codes = [("baseline", baseline)] if baseline else []
    codes.append(("this", code))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix=f"widw-serve-{n}-") as tmp:
        library = Path(tmp) / "library"
        generate_project(library, n)
        roots = {name: _project(library, path, Path(tmp) / name) for name, path in codes}
        for number in range(1, rounds + 1):
            turn = codes if number % 2 else codes[::-1]
            for name, path in turn:
                before = os.getloadavg()[0]
                figures = serve_edit(roots[name], path)
                row = {"cases": n, "code": name, "round": number, **figures}
                rows.append({**row, "load_before": before, "load_after": os.getloadavg()[0]})
                edit = figures["serve_edit_s"]
                print(f"  {n} {name} round {number}: edit {edit:.2f} s", flush=True)
                time.sleep(10)  # the search index of the run before ends first
    return rows


COLUMNS = [
    "cases", "code", "cold_s", "cold_cpu_s", "cold_mib", "warm_s", "warm_cpu_s", "warm_mib",
    "plain_s", "plain_cpu_s", "plain_mib", "ratio", "cpu_ratio", "plain_no_minify_s",
    "plain_no_minify_cpu_s", "ratio_no_minify", "pagefind_s", "pagefind_cpu_s", "pagefind_mib",
    "html_pages", "serve_first_page_s", "serve_edit_s", "round", "load_before", "load_after",
]  # fmt: skip


def markdown(rows: list[dict[str, Any]], baseline: Path | None) -> str:
    def cell(value: Any) -> str:
        return f"{value:.2f}" if isinstance(value, float) else str(value)

    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    columns = [c for c in COLUMNS if any(c in r for r in rows)]
    lines = [
        f"### {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC — bench/build_bench.py — {machine}",
        "",
        f"Baseline: {baseline or 'none'}.",
        "",
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
    ]
    lines += ["| " + " | ".join(cell(r.get(c, "")) for c in columns) + " |" for r in rows]
    by = {(r["cases"], r["code"]): r for r in rows if "warm_s" in r}
    for code in ("baseline", "this"):
        edits = sorted(r["serve_edit_s"] for r in rows if r["code"] == code and "round" in r)
        if edits:
            median = statistics.median(edits)
            lines += ["", f"Edit until the page shows it ({code}): median {median:.2f} s."]
        if (1000, code) in by and (5000, code) in by:
            growth = by[(5000, code)]["warm_s"] / by[(1000, code)]["warm_s"]
            lines += ["", f"Warm build growth 1,000 → 5,000 cases ({code}): ×{growth:.2f}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--serve", action="store_true", help="also measure the edit loop")
    parser.add_argument(
        "--serve-only", action="store_true", help="only the edit loop, --rounds runs per code"
    )
    parser.add_argument("--append", action="store_true", help="append to BENCHMARKS.md")
    parser.add_argument(
        "--code", type=Path, default=REPO, help="checkout measured as 'this' (default: here)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="warm builds per code")
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        if args.serve_only:
            rows += serve_rounds(n, args.baseline, rounds=args.rounds, code=args.code)
            continue
        rows += measure(n, args.baseline, serve=args.serve, rounds=args.rounds, code=args.code)
    table = markdown(rows, args.baseline)
    print(table)
    if args.append:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
