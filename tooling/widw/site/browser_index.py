"""The browser search index: Pagefind over a built site folder, whichever builder made it.

`index_site(site_dir)` runs Pagefind (the `pagefind` package and its binary) on the HTML of
a finished static build and writes the Dutch index and Pagefind's own files into
`site_dir/pagefind/`. Only the regions the generator marked with `data-pagefind-body`
(widw.site.findable) are indexed; the site's search script (zoeken.js) reads the result.
The MkDocs plugin calls this after its build, `widw zoekindex` after any other builder.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

OUTPUT = "pagefind"
"""Folder of the index inside the site (zoeken.js loads `<site>/pagefind/pagefind.js`)."""

LANGUAGE = "nl"
"""Every page is Dutch: one index with Pagefind's Dutch stemming."""

EXCLUDE = [".headerlink", ".widw-cite", ".widw-kaart", ".widw-zoekgegevens", "nav", "form"]
"""Parts of an indexed region that are not text to find: permalinks, citation, the fact box
(its facts are filters and the page's search words instead), forms."""


class IndexFailure(Exception):
    """Pagefind could not index the site; the message says why, in Dutch."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did."""

    pages: int
    output: Path


def index_site(site_dir: Path) -> IndexReport:
    """Index the built site in `site_dir` and write the index to `site_dir/pagefind/`.

    A previous index is replaced only after the new one is complete. Raises IndexFailure
    with a Dutch message when the folder holds no site or Pagefind fails.
    """
    site = site_dir.resolve()
    if not (site / "index.html").is_file():
        raise IndexFailure(f"{site_dir}: geen gebouwde site (index.html ontbreekt).")
    target = site / OUTPUT
    staging = site / f".{OUTPUT}-nieuw"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        # A thread of its own: the caller may already run an event loop (mkdocs serve).
        with ThreadPoolExecutor(max_workers=1) as pool:
            pages = pool.submit(asyncio.run, _index(site, staging)).result()
    except Exception as exc:  # the Pagefind service reports its own errors in many shapes
        shutil.rmtree(staging, ignore_errors=True)
        raise IndexFailure(f"{site_dir}: Pagefind kon de site niet indexeren ({exc}).") from exc
    problem = _check(staging) if pages else "Pagefind vond geen HTML-pagina's om te doorzoeken"
    if problem:
        shutil.rmtree(staging, ignore_errors=True)
        raise IndexFailure(f"{site_dir}: {problem}.")
    old = site / f".{OUTPUT}-oud"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return IndexReport(pages, target)


def _check(output: Path) -> str | None:
    """Why the written index is unusable, or None when its entry file is complete."""
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        count = int(entry["languages"][LANGUAGE]["page_count"])
    except (OSError, ValueError, KeyError, TypeError):
        return "Pagefind schreef geen volledige zoekindex (pagefind-entry.json)"
    return None if count > 0 else "de zoekindex bevat geen enkele pagina"


async def _index(site: Path, output: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        force_language=LANGUAGE,
        exclude_selectors=EXCLUDE,
        output_path=str(output),
    )
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site), glob="**/*.html")
        # Leaving the context writes the files to output_path.
        return int(result["page_count"])
