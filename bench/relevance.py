"""Relevance benchmark: hand-judged everyday Dutch queries on the real content.

    python -m bench.relevance          # Markdown: per-query top 3, then the totals

Reads `bench/relevance_queries.yml` (query, best answers, relevant answers) and searches
the repository's own content through the real index life cycle. Reports, over all queries:

* precision at 3: relevant entries among the first three, divided by three (the usual
  definition) and by min(3, number judged relevant) (so a query with one relevant entry
  can score 1.0);
* best in top 3: the share of queries with one of their best answers among the first three.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import yaml

from widw.content.library import ProjectPaths, load_library
from widw.search.engine import SearchRequest
from widw.search.index import ensure_index

REPO = Path(__file__).resolve().parents[1]
QUERIES = Path(__file__).with_name("relevance_queries.yml")


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    """The judged queries."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return [dict(entry) for entry in data]


def run(root: Path = REPO) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Per-query rows and the totals."""
    library = load_library(ProjectPaths(root)).library
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="widw-relevance-") as tmp:
        index = ensure_index(library, Path(tmp))
        try:
            for entry in load_queries():
                hits = index.engine.search(SearchRequest(entry["vraag"], limit=3)).hits
                top = [f"{hit.kind}:{hit.slug}" for hit in hits]
                relevant = set(entry["relevant"]) | set(entry["beste"])
                found = sum(key in relevant for key in top)
                rows.append(
                    {
                        "vraag": entry["vraag"],
                        "top": top,
                        "p3": found / 3,
                        "p3_capped": found / min(3, len(relevant)),
                        "best": any(key in entry["beste"] for key in top),
                    }
                )
        finally:
            index.engine.close()
    n = len(rows)
    totals = {
        "queries": n,
        "precision_at_3": sum(r["p3"] for r in rows) / n,
        "precision_at_3_capped": sum(r["p3_capped"] for r in rows) / n,
        "best_in_top_3": sum(r["best"] for r in rows) / n,
    }
    return rows, totals


def markdown(rows: list[dict[str, Any]], totals: dict[str, float]) -> str:
    """Per-query table and totals."""
    lines = ["| vraag | top 3 | P@3 | beste in top 3 |", "|---|---|---|---|"]
    for row in rows:
        top = ", ".join(key.split(":", 1)[1] for key in row["top"]) or "—"
        best = "ja" if row["best"] else "**nee**"
        lines.append(f"| {row['vraag']} | {top} | {row['p3']:.2f} | {best} |")
    lines.append("")
    lines.append(
        f"{int(totals['queries'])} queries: precision@3 {totals['precision_at_3']:.2f} "
        f"(capped by the number judged relevant: {totals['precision_at_3_capped']:.2f}); "
        f"best answer in the top 3: {totals['best_in_top_3']:.0%}."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    print(markdown(*run()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
