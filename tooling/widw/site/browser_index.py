"""The browser search index: Pagefind over a built site folder, whichever builder made it.

`index_site(site_dir)` runs Pagefind (the `pagefind` package and its binary) on the HTML of
a finished static build and writes the Dutch index and Pagefind's own files into
`site_dir/pagefind/`. Pagefind runs as its own command (`python -m pagefind`), which exits
only when every file is written; the index replaces the old one only when it is complete.
Only the regions the generator marked with `data-pagefind-body`
(widw.site.findable) are indexed; the site's search script (zoeken.js) reads the result.
The MkDocs plugin calls this after its build, `widw zoekindex` after any other builder.

With a `cache` folder the finished index is kept there under a hash of every HTML file
Pagefind reads, its version and options: a build whose pages did not change gets the
same index back (hard-linked or copied) instead of Pagefind reading every page again, which
at thousands of pages costs seconds and more memory than the rest of the build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
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
    reused: bool = False
    """True when the index came from the cache (no page changed since it was made)."""


def index_site(site_dir: Path, *, cache: Path | None = None) -> IndexReport:
    """Index the built site in `site_dir` and write the index to `site_dir/pagefind/`.

    A previous index is replaced only after the new one is complete. With `cache`, an index
    made from the same pages is reused and a new one kept there. Raises IndexingError with
    a Dutch message when the folder holds no site or Pagefind fails.
    """
    site = site_dir.resolve()
    if not (site / "index.html").is_file():
        raise IndexingError(f"{site_dir}: geen gebouwde site (index.html ontbreekt).")
    target = site / OUTPUT
    staging = site / f".{OUTPUT}-nieuw"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        key = input_key(site) if cache is not None else ""
    except OSError as exc:  # a page went away while it was read (a rebuild, a clean)
        raise IndexingError(
            f"{site_dir}: de site veranderde terwijl de zoekindex werd gemaakt "
            f"({exc.strerror}: {exc.filename})."
        ) from None
    try:
        pages = _restore(cache, key, staging) if cache is not None else None
        reused = pages is not None
        if pages is None:
            pages = _index(site, staging)
            if cache is not None:
                _keep(cache, key, staging, pages)
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
    return IndexReport(pages, target, reused)


def _command(site: Path, output: Path) -> list[str]:
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-path", str(output),
        "--force-language", LANGUAGE,
        "--exclude-selectors", ", ".join(EXCLUDE),
        "--glob", "**/*.html",
        "--silent",
    ]  # fmt: skip


def input_key(site: Path) -> str:
    """A hash of what Pagefind's output depends on: every HTML page, its version, options."""
    try:
        versions = f"{version('pagefind')}/{version('pagefind-bin')}"
    except PackageNotFoundError:
        versions = "?"
    hasher = hashlib.sha256(f"{versions}\0{_command(Path(), Path())}\0".encode())
    for folder, names, files in os.walk(site):
        names[:] = sorted(n for n in names if n != OUTPUT and not n.startswith("."))
        for name in sorted(files):
            if name.endswith(".html"):
                path = Path(folder, name)
                with path.open("rb") as handle:
                    page = hashlib.file_digest(handle, "sha256").hexdigest()
                hasher.update(f"{path.relative_to(site).as_posix()}\0{page}\n".encode())
    return hasher.hexdigest()


_DONE = "pages"
"""File written last into a cached index: its page count, and the sign that it is whole."""


def _restore(cache: Path, key: str, staging: Path) -> int | None:
    """Put the index cached under `key` into `staging`; its page count, or None."""
    entry = cache / key
    try:
        pages = int((entry / _DONE).read_text(encoding="ascii"))
        shutil.copytree(entry / OUTPUT, staging, copy_function=_link_or_copy)
    except (OSError, ValueError):
        shutil.rmtree(staging, ignore_errors=True)
        return None
    return pages


def _keep(cache: Path, key: str, staging: Path, pages: int) -> None:
    """Keep the new index as the only cache entry (a cache that fails is just not kept)."""
    entry = cache / key
    try:
        for old in cache.iterdir() if cache.is_dir() else []:
            shutil.rmtree(old, ignore_errors=True)
        shutil.copytree(staging, entry / OUTPUT, copy_function=_link_or_copy)
        (entry / _DONE).write_text(str(pages), encoding="ascii")
    except OSError:
        shutil.rmtree(entry, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link (the index files are written once and never changed), else copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _index(site: Path, output: Path) -> int:
    """Run Pagefind's command (its own process, which exits once every file is written)."""
    done = subprocess.run(
        _command(site, output), capture_output=True, text=True, check=False, timeout=1800
    )
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
