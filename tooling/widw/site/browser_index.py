"""The browser search index: Pagefind over a built site folder, whichever builder made it.

`index_site(site_dir)` runs Pagefind (the `pagefind` package and its binary) on the HTML of
a finished static build and writes the Dutch index and Pagefind's own files into
`site_dir/pagefind/`. Pagefind runs as its own command (`python -m pagefind`), which exits
only when every file is written; the index replaces the old one only when it is complete.
Only the regions the generator marked with `data-pagefind-body`
(widw.site.findable) are indexed; the site's search script (zoeken.js) reads the result.
The MkDocs plugin calls this after its build, `widw zoekindex` after any other builder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

OUTPUT = "pagefind"
"""Folder of the index inside the site (zoeken.js loads `<site>/pagefind/pagefind.js`)."""

LANGUAGE = "nl"
"""Every page is Dutch: one index with Pagefind's Dutch stemming."""

EXCLUDE = [".headerlink", ".widw-cite", ".widw-kaart", ".widw-zoekgegevens", "nav", "form"]
"""Parts of an indexed region that are not text to find: permalinks, citation, the fact box
(its facts are filters and the page's search words instead), forms."""


class IndexingError(Exception):
    """Pagefind could not index the site; the message says why, in Dutch."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did."""

    pages: int
    output: Path


def index_site(site_dir: Path) -> IndexReport:
    """Index the built site in `site_dir` and write the index to `site_dir/pagefind/`.

    A previous index is replaced only after the new one is complete. Raises IndexingError
    with a Dutch message when the folder holds no site or Pagefind fails.
    """
    site = site_dir.resolve()
    if not (site / "index.html").is_file():
        raise IndexingError(f"{site_dir}: geen gebouwde site (index.html ontbreekt).")
    target = site / OUTPUT
    staging = site / f".{OUTPUT}-nieuw"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        pages = _index(site, staging)
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise IndexingError(f"{site_dir}: Pagefind kon niet starten ({exc}).") from exc
    except IndexingError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise IndexingError(f"{site_dir}: {exc}.") from None
    old = site / f".{OUTPUT}-oud"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return IndexReport(pages, target)


def _index(site: Path, output: Path) -> int:
    """Run Pagefind's command (its own process, which exits once every file is written)."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-path", str(output),
        "--force-language", LANGUAGE,
        "--exclude-selectors", ", ".join(EXCLUDE),
        "--glob", "**/*.html",
        "--silent",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1800)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["geen uitleg"]
        raise IndexingError(f"Pagefind stopte met een fout: {detail[0]}")
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        return int(entry["languages"][LANGUAGE]["page_count"])
    except (OSError, ValueError, KeyError, TypeError):
        raise IndexingError(
            "Pagefind schreef geen volledige zoekindex (pagefind-entry.json)"
        ) from None
