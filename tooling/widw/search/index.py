"""The index life cycle: where it lives, atomic full builds and incremental updates.

Layout of the search cache directory (`<root>/.cache/widw/search/`, outside `docs/` and
every watched folder):

    CURRENT             name of the live index directory (replaced atomically)
    index-<token>/      a complete Whoosh index plus manifest.json
    .tmp-<token>/       a build in progress (removed on failure, cleaned up later)
    lock                held while the index is being checked or changed
    related.json        related-cases cache (see widw.search.related)

A full build writes a fresh directory and only then points CURRENT at it, so an
interrupted build leaves the previous index in use. An update of a few documents happens
in place: Whoosh writes new segment files and switches to them by renaming its table of
contents, so readers see the old generation or the new one, never a mix; copying a
5,000-case index first would cost more than the whole update. The manifest records the
Whoosh generation it belongs to; if a crash falls between the commit and the manifest,
the generations differ and the next run rebuilds.
"""

from __future__ import annotations

import gc
import json
import secrets
import shutil
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.util.filelock import FileLock

from widw.atomic import write_atomic
from widw.search.analysis import compound_words
from widw.search.documents import (
    SearchDocument,
    document_for,
    input_hashes,
    library_documents,
)
from widw.search.engine import EngineFactory, IndexUnavailableError, ProgressCallback, SearchEngine
from widw.search.whoosh_engine import WhooshEngine

if TYPE_CHECKING:
    from widw.content.library import Library

CACHE_SUBDIR = Path(".cache") / "widw" / "search"
POINTER = "CURRENT"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
REBUILD_SHARE = 0.3
"""When more than this share of documents changed, a fresh build is faster than updates."""

SMALL_UPDATE = 10
"""Up to this many changed documents are always updated in place."""

LOCK_TIMEOUT = 60.0

OWN_FILES = frozenset({"lock", "related.json", "snapshot.json"})
"""Files of ours beside the index directories."""


def search_cache_dir(root: Path) -> Path:
    """The search cache directory of a project: `<root>/.cache/widw/search`."""
    return root / CACHE_SUBDIR


@dataclass
class IndexReport:
    """What `ensure_index` did, with Dutch notices for the user."""

    action: str
    """'ongewijzigd', 'bijgewerkt' or 'opgebouwd'."""
    documents: int
    changed: list[str] = field(default_factory=list)
    """Keys of the documents (re)written."""
    removed: list[str] = field(default_factory=list)
    """Keys of the documents deleted."""
    notices: list[str] = field(default_factory=list)


@dataclass
class SearchIndex:
    """An up-to-date index, ready to search."""

    engine: SearchEngine
    directory: Path
    report: IndexReport
    hashes: dict[str, str]
    """Content hash per document key ('casus:<slug>')."""


def ensure_index(
    library: Library,
    cache_dir: Path,
    progress: ProgressCallback | None = None,
    *,
    rebuild: bool = False,
    engine_factory: EngineFactory = WhooshEngine,
) -> SearchIndex:
    """Bring the index in `cache_dir` up to date with `library` and open it."""
    index = _ensure(library, cache_dir, progress, rebuild, engine_factory)
    index.engine.set_synonyms(library.vocabulary.synonyms)
    return index


def _ensure(
    library: Library,
    cache_dir: Path,
    progress: ProgressCallback | None,
    rebuild: bool,
    engine_factory: EngineFactory,
) -> SearchIndex:
    wordset = compound_words(library.vocabulary.words())
    hashes = input_hashes(library)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexUnavailableError(
            f"kan de zoekmap {cache_dir} niet maken ({exc.strerror})."
        ) from None
    with _Locked(cache_dir):
        notices: list[str] = []
        current = None if rebuild else _open_current(cache_dir, wordset, engine_factory, notices)
        if current is not None:
            engine, directory, indexed = current
            _clean(cache_dir, keep=directory.name)  # we hold the lock: leftovers are dead
            keys = [key for key, value in hashes.items() if indexed.get(key) != value]
            removed = sorted(set(indexed) - set(hashes))
            if not keys and not removed:
                report = IndexReport("ongewijzigd", len(hashes), notices=notices)
                return SearchIndex(engine, directory, report, hashes)
            if len(keys) + len(removed) <= max(SMALL_UPDATE, REBUILD_SHARE * len(hashes)):
                changed = [document_for(library, key) for key in keys]
                engine.update(changed, removed, progress)
                _write_manifest(directory, engine, hashes)
                report = IndexReport("bijgewerkt", len(hashes), keys, removed, notices)
                return SearchIndex(engine, directory, report, hashes)
            engine.close()
        docs = library_documents(library)
        engine, directory = _build(cache_dir, docs, hashes, wordset, engine_factory, progress)
        report = IndexReport("opgebouwd", len(hashes), list(hashes), [], notices)
        return SearchIndex(engine, directory, report, hashes)


def open_current(cache_dir: Path) -> WhooshEngine | None:
    """The live index as it is, without the library (None if there is none or it fails)."""
    # Whoosh leaves a file open when a damaged index fails to load; closing it then warns.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            name = (cache_dir / POINTER).read_text(encoding="utf-8").strip()
            if not name.startswith("index-") or "/" in name or "\\" in name:
                return None
            return WhooshEngine.open_built(cache_dir / name)
        except Exception:  # a missing, corrupt or foreign index: the caller takes the long way
            gc.collect()
            return None


def _open_current(
    cache_dir: Path, wordset: frozenset[str], factory: EngineFactory, notices: list[str]
) -> tuple[SearchEngine, Path, dict[str, str]] | None:
    """The live index with its manifest, or None (with a notice if something was wrong)."""
    pointer = cache_dir / POINTER
    if not pointer.exists():
        if any(p.name not in OWN_FILES for p in cache_dir.iterdir()):
            notices.append(
                f"De zoekmap {cache_dir} bevat bestanden die niet bij een zoekindex van widw "
                "horen; er wordt een nieuwe zoekindex naast gebouwd."
            )
        return None
    # Whoosh leaves a file open when a corrupt index fails to load; closing it then warns.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        result = _try_open(cache_dir, pointer, wordset, factory, notices)
        if result is None:
            gc.collect()
    return result


def _try_open(
    cache_dir: Path,
    pointer: Path,
    wordset: frozenset[str],
    factory: EngineFactory,
    notices: list[str],
) -> tuple[SearchEngine, Path, dict[str, str]] | None:
    try:
        name = pointer.read_text(encoding="utf-8").strip()
        if not name.startswith("index-") or "/" in name or "\\" in name:
            raise ValueError(f"onverwachte verwijzing '{name[:40]}'")
        directory = cache_dir / name
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        engine = factory(directory, wordset)
        if manifest.get("format") != MANIFEST_FORMAT:
            raise ValueError("onbekende indeling van manifest.json")
        if manifest.get("analysis") != engine.analysis_key:
            notices.append(
                "De woordenlijst of de taalanalyse is veranderd; de zoekindex wordt opnieuw "
                "opgebouwd."
            )
            return None
        if manifest.get("generation") != engine.generation():
            raise ValueError("manifest.json hoort bij een andere versie van de index")
        documents = manifest.get("documents")
        if not isinstance(documents, dict):
            raise ValueError("manifest.json mist de lijst met documenten")
        return engine, directory, {str(k): str(v) for k, v in documents.items()}
    except Exception as exc:  # a corrupt or foreign index can fail in many ways
        notices.append(
            f"De zoekindex in {cache_dir} is beschadigd of onbekend ({_reason(exc)}); "
            "hij wordt opnieuw opgebouwd."
        )
        return None


def _build(
    cache_dir: Path,
    docs: list[SearchDocument],
    hashes: dict[str, str],
    wordset: frozenset[str],
    factory: EngineFactory,
    progress: ProgressCallback | None,
) -> tuple[SearchEngine, Path]:
    """Build a fresh index beside the old one, then switch CURRENT to it atomically."""
    token = f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(4)}"
    temp = cache_dir / f".tmp-{token}"
    final = cache_dir / f"index-{token}"
    try:
        engine = factory(temp, wordset)
        engine.build(docs, progress)
        _write_manifest(temp, engine, hashes)
        engine.close()
        temp.rename(final)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    write_atomic(cache_dir / POINTER, final.name + "\n")
    _clean(cache_dir, keep=final.name)
    return factory(final, wordset), final


def _write_manifest(directory: Path, engine: SearchEngine, hashes: dict[str, str]) -> None:
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "analysis": engine.analysis_key,
        "generation": engine.generation(),
        "documents": dict(sorted(hashes.items())),
    }
    write_atomic(directory / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")


def _clean(cache_dir: Path, keep: str) -> None:
    """Remove earlier indexes and leftovers of interrupted builds (ours only)."""
    for path in cache_dir.iterdir():
        if path.name != keep and path.is_dir() and path.name.startswith(("index-", ".tmp-")):
            shutil.rmtree(path, ignore_errors=True)


class _Locked:
    """Hold the cache directory's lock file (other processes wait up to LOCK_TIMEOUT)."""

    def __init__(self, cache_dir: Path) -> None:
        self.lock = FileLock(str(cache_dir / "lock"))

    def __enter__(self) -> None:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while not self.lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise IndexUnavailableError(
                    "een ander proces is al lang bezig met de zoekindex; probeer het later opnieuw."
                )
            time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"
