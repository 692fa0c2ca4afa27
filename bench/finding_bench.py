"""Finding cases in a browser: bytes, search latency, list-page size and Lighthouse.

For each size a synthetic library is built twice from the same pages:

- **ours**: `mkdocs build` with the widw plugin (Pagefind index, zoeken.js, filter.js);
- **plain**: plain Material on the `widw render` output with Material's own lunr search
  (`search` plugin, Dutch pipeline) and without the widw scripts: the baseline.

Both are served by a plain static server without compression and measured in Chromium
(Debian's /usr/bin/chromium through Playwright): bytes of a first visit to the home page and
to a case page, bytes of one search and the time from the last keystroke to the first
result, the largest overview or facet page, and, at 5,000 cases (or with `--lighthouse`),
Lighthouse's mobile performance score of home, overview, a case page and a role page.

    python -m bench.finding_bench --sizes 100 1000 5000
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from bench.generate import REPO, generate_project
from bench.run import BIN, ENV, _permissive_loader, _run, _site_project

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = REPO / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIST_FOLDERS = ("casussen", "themas", "elementen", "provincies", "gemeenten", "bundels")
LIGHTHOUSE_PAGES = {
    "home": "",
    "overzicht": "casussen/",
    "casus": None,
    "rol": "rollen/ambtenaren/",
}
"""Pages Lighthouse scores (None: the first case page)."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """A plain static server (no compression) on a free local port."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_both(root: Path) -> tuple[Path, Path]:
    """The site with the widw plugin and Pagefind, and plain Material with lunr."""
    _site_project(root)
    ours = root / "site-ours"
    _run([str(BIN / "mkdocs"), "build", "-q", "-d", str(ours)], root)
    rendered = root / "rendered"
    _run([str(BIN / "widw"), "render", "--map", str(root), "--out", str(rendered)], root)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _permissive_loader())
    config["docs_dir"] = str(rendered)
    config["plugins"] = [
        {"search": {"lang": "nl", "pipeline": ["stemmer", "stopWordFilter", "trimmer"]}},
        "tags",
    ]
    features = config["theme"].setdefault("features", [])
    features.extend(["search.suggest", "search.highlight"])
    config["extra_javascript"] = [
        s for s in config.get("extra_javascript", []) if s != "assets/widw/site.js"
    ]
    plain_yml = root / "mkdocs-lunr.yml"
    plain_yml.write_text(yaml.dump(config, allow_unicode=True), encoding="utf-8")
    plain = root / "site-plain"
    _run([str(BIN / "mkdocs"), "build", "-q", "-f", str(plain_yml), "-d", str(plain)], root)
    return ours, plain


def largest_list_page(site: Path) -> tuple[str, int]:
    """The biggest overview or facet page (path, bytes of HTML)."""
    pages = [p for f in LIST_FOLDERS for p in (site / f).rglob("index.html")]
    pages = [p for p in pages if not _is_case_page(site, p)]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.parent.relative_to(site).as_posix() + "/", biggest.stat().st_size


def largest_browse_page(site: Path) -> tuple[str, int]:
    """The biggest HTML page that is not about one case, lesson or episode (path, bytes).

    Home, overview, facet, role, lesson index, media index, collection and the other
    pages whose lists could grow with the library.
    """
    details = re.compile(r"(casussen|lessen|media)/(?!pagina/)[^/]+/index\.html")
    pages = [
        p
        for p in site.rglob("*.html")
        if not details.fullmatch(p.relative_to(site).as_posix())
        and p.name != "404.html"
        and "pagefind" not in p.parts
    ]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def site_figures(
    browser: Any, base: str, site: Path, name: str, n: int, query: str, *, ours: bool
) -> dict[str, Any]:
    """Bytes of first visits and of one search, search latency, the largest list page."""
    search_bytes, latency = one_search(browser, base, query, ours=ours)
    page, size = largest_list_page(site)
    return {
        "cases": n,
        "site": name,
        "home_first_visit_kb": first_visit(browser, base) / 1024,
        "case_first_visit_kb": first_visit(browser, base + "casussen/casus-00000/") / 1024,
        "search_kb": search_bytes / 1024,
        "first_result_ms": latency,
        "largest_list_page_kb": size / 1024,
        "largest_list_page": page,
        "query": query,
    }


def measure_built(
    sites: dict[str, Path], n: int, query: str, *, lighthouse_runs: int
) -> list[dict[str, Any]]:
    """Figures for sites built elsewhere (e.g. this branch and main, from one library).

    Lighthouse runs `lighthouse_runs` times per page, the sites taking turns, and the
    median counts: the machine may be shared, and the simulated throttling scales what
    the CPU did.
    """
    from playwright.sync_api import sync_playwright

    rows: dict[str, dict[str, Any]] = {}
    case = "casussen/casus-00000/"
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(serve(site)) for name, site in sites.items()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for name, site in sites.items():
                rows[name] = site_figures(browser, bases[name], site, name, n, query, ours=True)
                browse, browse_size = largest_browse_page(site)
                rows[name]["largest_browse_page_kb"] = browse_size / 1024
                rows[name]["largest_browse_page"] = browse
            browser.close()
        scores: dict[tuple[str, str], list[float]] = {}
        for _ in range(lighthouse_runs):
            for label, path in LIGHTHOUSE_PAGES.items():
                for name in sites:
                    score = lighthouse(bases[name] + (path or case))
                    if score is not None:
                        scores.setdefault((name, label), []).append(score)
    for (name, label), values in scores.items():
        rows[name][f"lighthouse_{label}"] = statistics.median(values)
        rows[name][f"lighthouse_{label}_runs"] = "/".join(f"{v:.0f}" for v in values)
    for row in rows.values():
        print("  " + ", ".join(f"{k}={_fmt(v)}" for k, v in row.items()), flush=True)
    return list(rows.values())


def _is_case_page(site: Path, page: Path) -> bool:
    parts = page.relative_to(site).parts
    return parts[0] == "casussen" and len(parts) == 3 and parts[1] != "pagina"


def query_word(root: Path) -> str:
    """A word that occurs in the text of the first described case (so a search finds it)."""
    text = (root / "cases" / "casus-00000.md").read_text(encoding="utf-8").split("---", 2)[2]
    # Uninflected-looking words: lunr (Material) does not stem what is typed.
    words = [w for w in re.findall(r"[a-z]{6,}", text.lower()) if w[-1] in "ptdm"]
    words = [w for w in words if not w.endswith(("heid", "end", "baar"))]
    return words[len(words) // 2]


def _bytes(context: Any) -> list[int]:
    total = [0]

    def finished(request: Any) -> None:
        try:
            sizes = request.sizes()
            total[0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:  # a request cancelled by navigation has no sizes
            return

    context.on("requestfinished", finished)
    return total


def first_visit(browser: Any, url: str) -> int:
    """Bytes transferred by a first visit (empty cache) until the network is idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    total = _bytes(context)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    return total[0]


WATCH = """(selector) => {
  window.__last = 0; window.__first = 0;
  document.addEventListener('keydown', () => {
    window.__last = performance.now(); window.__first = 0;
  }, true);
  new MutationObserver(() => {
    if (!window.__first && window.__last && document.querySelector(selector)) {
      window.__first = performance.now();
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def one_search(browser: Any, base: str, query: str, *, ours: bool) -> tuple[int, float]:
    """Bytes from the first keystroke to the results, and ms from last keystroke to result."""
    field = "#widw-kopzoekveld" if ours else "input.md-search__input"
    result = ".widw-kopzoeken .widw-resultaat" if ours else ".md-search-result__item"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    page.wait_for_timeout(500)
    total = _bytes(context)
    page.evaluate(WATCH, result)
    page.locator(field).click()
    page.keyboard.type(query, delay=80)
    page.locator(result).first.wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    first, last = page.evaluate("[window.__first, window.__last]")
    latency = float(first - last) if first else float("nan")
    found = page.locator(result).count()
    context.close()
    if not found:
        raise RuntimeError(f"{base}: no result for {query!r}")
    return total[0], latency


def lighthouse(url: str) -> float | None:
    """Lighthouse mobile performance score (0–100), or None without Lighthouse."""
    if not LIGHTHOUSE.exists():
        return None
    done = subprocess.run(
        [
            str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
            "--quiet", "--chrome-flags=--headless --no-sandbox",
        ],
        env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=False,
        timeout=300,
    )  # fmt: skip
    if done.returncode != 0:
        return None
    score = json.loads(done.stdout)["categories"]["performance"]["score"]
    return round(float(score) * 100, 1) if score is not None else None


def measure_size(n: int, *, with_lighthouse: bool) -> list[dict[str, Any]]:
    """Both sites' figures for one library size."""
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix=f"widw-finding-{n}-") as tmp:
        root = Path(tmp)
        generate_project(root, n)
        ours, plain = build_both(root)
        query = query_word(root)
        case = "casussen/casus-00000/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for name, site in (("widw + Pagefind", ours), ("Material + lunr", plain)):
                with serve(site) as base:
                    row = site_figures(browser, base, site, name, n, query, ours=site == ours)
                    if with_lighthouse:
                        for label, path in LIGHTHOUSE_PAGES.items():
                            row[f"lighthouse_{label}"] = lighthouse(base + (path or case))
                    rows.append(row)
                    print("  " + ", ".join(f"{k}={_fmt(v)}" for k, v in row.items()), flush=True)
            browser.close()
        shutil.rmtree(root / "rendered", ignore_errors=True)
    return rows


def run(sizes: list[int], *, lighthouse_at: int = 5000) -> list[dict[str, Any]]:
    """Figures for every size; Lighthouse runs at `lighthouse_at` cases and above."""
    rows: list[dict[str, Any]] = []
    for n in sizes:
        rows.extend(measure_size(n, with_lighthouse=n >= lighthouse_at))
    return rows


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return "–" if value is None else str(value)


def markdown(rows: list[dict[str, Any]]) -> str:
    """A table for BENCHMARKS.md."""
    keys = list(dict.fromkeys(k for row in rows for k in row))
    out = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    out += ["| " + " | ".join(_fmt(row.get(k)) for k in keys) + " |" for row in rows]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument(
        "--lighthouse-at", type=int, default=5000, help="run Lighthouse from this size on"
    )
    parser.add_argument(
        "--built",
        nargs="*",
        metavar="NAME=SITE",
        help="measure sites built elsewhere from one generated library (see --project)",
    )
    parser.add_argument("--project", type=Path, help="the generated library of --built")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} ontbreekt: geen browsermetingen.")
        return 1
    if args.built:
        sites = {k: Path(v) for k, v in (item.split("=", 1) for item in args.built)}
        n = len(list((args.project / "cases").glob("*.md")))
        runs = args.lighthouse_runs if n >= args.lighthouse_at else 0
        rows = measure_built(sites, n, query_word(args.project), lighthouse_runs=runs)
        print(markdown(rows))
        return 0
    rows = run(args.sizes, lighthouse_at=args.lighthouse_at)
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
