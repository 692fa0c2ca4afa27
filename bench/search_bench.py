"""Search benchmark: Whoosh (widw.search) against a tantivy-py baseline on the same corpus.

    python -m bench.search_bench                 # 100, 1,000 and 5,000 cases
    python -m bench.search_bench --sizes 100     # chosen sizes

Per size and engine: full index build, re-indexing one changed case, query p50/p95 over
5 rounds of 20 Dutch queries (the first round cold, right after opening the searcher; top
10 with snippets and, for Whoosh, facet counts), the first query of a fresh process-like
engine (it opens the searcher and reads its arrays), p95 of phrase and prefix queries
(Whoosh only), related cases for every case, and the median wall time of a whole new
`widw search` process on a warm index (`process_warm_s`; for tantivy a new Python process
that opens its index and prints ten titles). The first row is that process time on the
repository's own content. `run(sizes)` returns the figures; a Markdown table is printed.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import generate_project
from widw.content.library import Library, ProjectPaths, load_library
from widw.search.documents import SearchDocument, library_documents
from widw.search.engine import SearchRequest
from widw.search.index import SearchIndex, ensure_index
from widw.search.related import RELATED_FILE, Finder, compute_related

QUERIES = [
    "buurtbudget",
    "ouderen eenzaamheid",
    '"sociale basis"',
    "moestuin",
    "jongeren sport",
    "wijkcentrum OR buurthuis",
    "vrijwilligers",
    "armoede schulden",
    "zeggenschap bewoners",
    "woningcorporatie",
    "gemeente subsidie",
    "coöperatie",
    "nieuwkomers taal",
    "talenten ontwikkeling",
    "digitaal platform",
    "ontmoetingsplek",
    "ouderen NOT jongeren",
    "thema:ouderen",
    "bewonersbudget",
    "leefbaarheid veiligheid",
]
"""Twenty Dutch queries: single words, AND, OR, NOT, a phrase, a field and compounds."""

PHRASE_PREFIX_QUERIES = [
    '"bewoners en buurt"',
    '"sociale basis" OR ouderen',
    "buurt*",
    "wijk* budget",
]
"""Reported apart (Whoosh only): phrases run through Whoosh's own positional matcher and
prefixes expand to many words, so these are the slowest shapes."""

TANTIVY_QUERIES = [q.replace(" NOT ", " -") for q in QUERIES]
"""The same queries in tantivy's syntax (`-word` excludes)."""

ROUNDS = 5

RELATED_FULL_LIMIT = 1000
"""Above this many cases, related cases for all are estimated from a sample."""

PROCESS_RUNS = 7
"""Whole `widw search` processes per size (the median is reported)."""

PROCESS_QUERY = "eenzaamheid ouderen"

RELATED_SAMPLE = 100


def _related_per_case_ms(library: Library, index: SearchIndex) -> float:
    """Milliseconds to compute one case's related list (sample of RELATED_SAMPLE cases)."""
    finder = Finder(library, 3)
    sample = list(library.cases.values())[:RELATED_SAMPLE]
    started = time.perf_counter()
    for case in sample:
        finder.related(case)
    return (time.perf_counter() - started) * 1000 / len(sample)


def run(sizes: list[int]) -> list[dict[str, Any]]:
    """Figures per library size: one row for Whoosh, one for tantivy (if installed)."""
    rows: list[dict[str, Any]] = [real_content_row()]
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"widw-search-{n}-") as tmp:
            root = Path(tmp)
            generate_project(root, n)
            library = load_library(ProjectPaths(root)).library
            rows.append(bench_whoosh(root, library))
            tantivy_row = bench_tantivy(root, library)
            if tantivy_row is not None:
                rows.append(tantivy_row)
    return rows


def bench_whoosh(root: Path, library: Library) -> dict[str, Any]:
    """Whoosh through the real life cycle (`ensure_index`, `compute_related`)."""
    cache = root / ".cache" / "widw" / "search"
    index, build_s = _timed(lambda: ensure_index(library, cache))
    engine = index.engine
    _, first_s = _timed(lambda: engine.search(SearchRequest(QUERIES[0])))  # opens the searcher
    p50, p95 = _percentiles(lambda q: engine.search(SearchRequest(q, limit=10)), QUERIES)
    cpu_p95 = CPU_P95["last"]
    _, slow_p95 = _percentiles(
        lambda q: engine.search(SearchRequest(q, limit=10)), PHRASE_PREFIX_QUERIES
    )
    per_case_ms = _related_per_case_ms(library, index)
    full = len(library.cases) <= RELATED_FULL_LIMIT
    related_s: float | str = f"≈{per_case_ms * len(library.cases) / 1000:.0f} (geschat)"
    if full:
        cache.joinpath(RELATED_FILE).unlink(missing_ok=True)
        related_s = _timed(lambda: compute_related(library, index, cache))[1]
    engine.close()

    changed = _edit_one_case(root, library)
    started = time.perf_counter()
    library2 = load_library(ProjectPaths(root)).library
    load_s = time.perf_counter() - started
    index2, update_s = _timed(lambda: ensure_index(library2, cache))
    assert index2.report.action == "bijgewerkt", index2.report
    hits = index2.engine.search(SearchRequest("zeldzaamwoord")).hits
    assert [h.slug for h in hits] == [changed], hits
    related_again_s: float | str = ""
    if full:
        related_again_s = _timed(lambda: compute_related(library2, index2, cache))[1]
    index2.engine.close()
    process_s = whole_process_s(root)
    process_cpu = PROCESS_CPU["last"]
    return {
        "engine": "whoosh 2.7.4",
        "cases": len(library.cases),
        "docs": len(index.hashes),
        "build_s": build_s,
        "update_one_s": update_s,
        "reload_library_s": load_s,
        "query_p50_ms": p50,
        "query_p95_ms": p95,
        "query_p95_cpu_ms": cpu_p95,
        "first_query_ms": first_s * 1000,
        "phrase_prefix_p95_ms": slow_p95,
        "related_ms_per_case": per_case_ms,
        "related_all_s": related_s,
        "related_after_edit_s": related_again_s,
        "process_warm_s": process_s,
        "process_warm_cpu_s": process_cpu,
        "index_mb": _size_mb(index.directory),
    }


def bench_tantivy(root: Path, library: Library) -> dict[str, Any] | None:
    """The same documents in tantivy-py with its Dutch analyzer (new Snowball Dutch)."""
    try:
        import tantivy
    except ImportError:
        return None
    docs = library_documents(library)
    directory = root / ".cache" / "tantivy"
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)

    def build() -> Any:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("key", stored=True, tokenizer_name="raw")
        builder.add_text_field("slug", stored=True, tokenizer_name="raw")
        builder.add_text_field("thema", tokenizer_name="raw")
        builder.add_text_field("status", tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="nl")
        builder.add_text_field("text", stored=True, tokenizer_name="nl")
        ix = tantivy.Index(builder.build(), path=str(directory))
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stopword("dutch"))
            .filter(tantivy.Filter.stemmer("dutch"))
            .build()
        )
        ix.register_tokenizer("nl", analyzer)
        writer = ix.writer(heap_size=128_000_000, num_threads=1)
        for doc in docs:
            writer.add_document(_tantivy_doc(tantivy, doc))
        writer.commit()
        writer.wait_merging_threads()
        ix.reload()
        return ix

    ix, build_s = _timed(build)
    searcher = ix.searcher()
    schema = ix.schema

    def query(text: str) -> None:
        parsed = ix.parse_query(text, ["title", "text"], conjunction_by_default=True)
        found = searcher.search(parsed, limit=10)
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, schema, "text")
        for _, address in found.hits:
            doc = searcher.doc(address)
            snippets.snippet_from_doc(doc).fragment()

    query(TANTIVY_QUERIES[0])
    p50, p95 = _percentiles(query, TANTIVY_QUERIES)
    cpu_p95 = CPU_P95["last"]

    def related() -> None:
        described = ix.parse_query("status:beschreven")
        for slug in library.cases:
            hit = searcher.search(ix.parse_query(f'key:"casus:{slug}"'), limit=1).hits
            if hit:
                mlt = tantivy.Query.more_like_this_query(hit[0][1], min_doc_frequency=1)
                only = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, mlt), (tantivy.Occur.Must, described)]
                )
                searcher.search(only, limit=15)

    _, related_s = _timed(related)
    per_case_ms = related_s * 1000 / max(1, len(library.cases))

    changed = next(d for d in docs if d.kind == "casus")
    edited = SearchDocument(**{**changed.__dict__, "text": changed.text + " zeldzaamwoord"})

    def update() -> None:
        writer = ix.writer(heap_size=50_000_000, num_threads=1)
        writer.delete_documents_by_term("key", edited.key)
        writer.add_document(_tantivy_doc(tantivy, edited))
        writer.commit()
        writer.wait_merging_threads()
        ix.reload()

    _, update_s = _timed(update)
    process_s = tantivy_process_s(directory)
    process_cpu = PROCESS_CPU["last"]
    return {
        "engine": "tantivy 0.27 (baseline)",
        "cases": len(library.cases),
        "docs": len(docs),
        "build_s": build_s,
        "update_one_s": update_s,
        "reload_library_s": "",
        "query_p50_ms": p50,
        "query_p95_ms": p95,
        "query_p95_cpu_ms": cpu_p95,
        "first_query_ms": "",
        "phrase_prefix_p95_ms": "",
        "related_ms_per_case": per_case_ms,
        "related_all_s": related_s,
        "related_after_edit_s": "",
        "process_warm_s": process_s,
        "process_warm_cpu_s": process_cpu,
        "index_mb": _size_mb(directory),
    }


def whole_process_s(root: Path, query: str = PROCESS_QUERY) -> float:
    """Median wall time of a new `widw search` process on a warm index (nothing changed).

    The first run brings the index up to date and records the snapshot; the timed runs
    are what a host waits for when typing one query after another.
    """
    command = [sys.executable, "-m", "widw", "search", query, "--map", str(root)]
    return _process_times(command)


TANTIVY_PROCESS = """
import sys, tantivy
ix = tantivy.Index.open(sys.argv[1])
ix.register_tokenizer("nl", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stopword("dutch"))
    .filter(tantivy.Filter.stemmer("dutch")).build())
searcher = ix.searcher()
query = ix.parse_query(sys.argv[2], ["title", "text"], conjunction_by_default=True)
for _, address in searcher.search(query, limit=10).hits:
    print(searcher.doc(address)["title"][0])
"""
"""The baseline process: open a tantivy index, search, print ten titles (no snippets,
facets or checks of the content files)."""


def tantivy_process_s(directory: Path, query: str = PROCESS_QUERY) -> float:
    """Median wall time of a new Python process querying the tantivy index."""
    command = [sys.executable, "-c", TANTIVY_PROCESS, str(directory), query]
    return _process_times(command)


PROCESS_CPU: dict[str, float] = {}
"""Median CPU seconds (user + system) of the processes of the last `_process_times`."""


def _process_times(command: list[str]) -> float:
    """Median wall seconds of PROCESS_RUNS runs after one warm-up (CPU median aside)."""
    subprocess.run(command, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(PROCESS_RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    PROCESS_CPU["last"] = statistics.median(cpus)
    return statistics.median(walls)


def real_content_row() -> dict[str, Any]:
    """The whole `widw search` process on the repository's own content (warm index)."""
    from bench.generate import REPO

    library = load_library(ProjectPaths(REPO)).library
    return {
        "engine": "whoosh 2.7.4 (real content)",
        "cases": len(library.cases),
        "docs": len(library.cases) + len(library.lessons) + len(library.episodes),
        "process_warm_s": whole_process_s(REPO),
        "process_warm_cpu_s": PROCESS_CPU["last"],
    }


def _tantivy_doc(tantivy: Any, doc: SearchDocument) -> Any:
    return tantivy.Document(
        key=doc.key,
        slug=doc.slug,
        thema=doc.facets.get("thema", []),
        status=doc.facets.get("status", []),
        title=doc.title,
        text=doc.text,
    )


def _edit_one_case(root: Path, library: Library) -> str:
    """Append a rare word to the body of the first described case; return its slug."""
    slug = next(s for s, c in library.cases.items() if c.status == "beschreven")
    path = root / "cases" / f"{slug}.md"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\nEen zeldzaamwoord om te vinden.\n")
    return slug


def _timed(action: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


CPU_P95: dict[str, float] = {}
"""p95 of process CPU time per query set of the last `_percentiles` call (key 'last')."""


def _percentiles(search: Callable[[str], object], queries: list[str]) -> tuple[float, float]:
    """p50 and p95 wall milliseconds over ROUNDS passes of all queries (CPU p95 aside)."""
    times, cpu = [], []
    for _ in range(ROUNDS):
        for text in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            search(text)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    CPU_P95["last"] = statistics.quantiles(cpu, n=100, method="inclusive")[94]
    return cuts[49], cuts[94]


def _size_mb(directory: Path) -> float:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) / 1e6


def markdown(rows: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table."""
    keys = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        cells = [
            f"{v:.3f}" if isinstance(v, float) else str(v) for v in (row.get(k, "") for k in keys)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    args = parser.parse_args(argv)
    print(markdown(run(args.sizes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
