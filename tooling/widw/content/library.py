"""The library: every valid case, lesson and episode, linked both ways, built once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from widw.content.catalog import Library, SourceFile
from widw.content.doccache import DocumentCache
from widw.content.folders import content_files
from widw.content.hints import quality_hints
from widw.content.kinds import KINDS
from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.published import PUBLISHED_FILE, check_published
from widw.content.reader import Kind, RawDocument, read_document
from widw.content.references import check_references, claimed, page_names
from widw.content.validate import Entry, validate_document
from widw.content.vocabulary import Vocabulary, load_vocabulary
from widw.gcpause import collector_paused

__all__ = [
    "InvalidFile",
    "Library",
    "LoadResult",
    "ProjectPaths",
    "SourceFile",
    "load_library",
]


@dataclass(frozen=True)
class ProjectPaths:
    """Where the content lives, relative to the project root."""

    root: Path
    cases: str = KINDS["case"].source_folder
    lessons: str = KINDS["lesson"].source_folder
    episodes: str = KINDS["episode"].source_folder
    vocabulary: str = "vocabulary.yml"
    published: str = PUBLISHED_FILE
    docs: str = "docs"

    def docs_pages(self) -> list[str]:
        """The hand-written site pages, relative to the docs folder ('over.md')."""
        folder = self.root / self.docs
        if not folder.is_dir():
            return []
        return [page.relative_to(folder).as_posix() for page in folder.rglob("*.md")]

    def folders(self) -> list[tuple[str, Kind]]:
        return [(self.cases, "case"), (self.lessons, "lesson"), (self.episodes, "episode")]

    def folder(self, kind: Kind) -> str:
        """The folder holding the files of `kind` ('cases' unless configured otherwise)."""
        return next(folder for folder, k in self.folders() if k == kind)

    @property
    def cache_dir(self) -> Path:
        """Where caches live (never inside docs/ or a watched folder); git-ignored."""
        return self.root / ".cache" / "widw"

    def watched(self) -> list[Path]:
        """The folders and files whose change must rebuild the site."""
        paths = [self.root / folder for folder, _ in self.folders()]
        return [*paths, self.root / self.vocabulary]


@dataclass(frozen=True)
class InvalidFile:
    """A content file that failed validation: enough to show an error page in its place."""

    kind: Kind
    path: str
    names: tuple[str, ...]
    title: str | None
    problems: tuple[Problem, ...]


@dataclass
class LoadResult:
    """The library plus every problem found while building it (root causes first)."""

    library: Library
    problems: list[Problem]
    invalid: list[InvalidFile] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def load_library(
    paths: ProjectPaths,
    *,
    strict: bool = False,
    cache: DocumentCache | None = None,
    today: dt.date | None = None,
) -> LoadResult:
    """Read, validate and link all content under a project root.

    Every file is checked completely, valid or not. Problems in vocabulary.yml come first
    (they are the cause of whatever else goes wrong); while it cannot be read, terms are not
    checked. `strict` turns quality hints into errors; `today` fixes the date that
    verification dates and hints compare against.
    """
    with collector_paused():  # thousands of documents: see widw.gcpause
        return _load(paths, strict, cache, today or dt.date.today())


def _load(
    paths: ProjectPaths, strict: bool, cache: DocumentCache | None, today: dt.date
) -> LoadResult:
    vocabulary, vocabulary_problems = load_vocabulary(
        paths.root / paths.vocabulary, paths.vocabulary
    )
    usable = None if vocabulary_problems else vocabulary
    problems: list[Problem] = []
    docs: list[RawDocument] = []
    valid: list[tuple[RawDocument, Entry]] = []
    invalid: list[InvalidFile] = []
    for folder, kind in paths.folders():
        files, skipped = content_files(paths.root, folder)
        problems.extend(skipped)
        for file in files:
            display = f"{folder}/{file.name}"
            doc = cache.read(file, kind, display) if cache else read_document(file, kind, display)
            entry = validate_document(doc, usable, today)
            problems.extend(doc.problems)
            docs.append(doc)
            if entry is not None and not doc.problems:
                valid.append((doc, entry))
            else:
                invalid.append(_invalid(doc))
    problems.extend(check_references(docs, paths.docs_pages()))
    library = _assemble(valid, vocabulary)
    problems.extend(check_published(library, paths.root / paths.published, claimed(docs)))
    problems.extend(quality_hints(library, valid, today, cache.titles if cache else None))
    if cache is not None:
        cache.save()
    ordered = vocabulary_problems + sorted(problems)
    if strict:
        ordered = [Problem(p.path, p.line, p.column, p.code, p.message) for p in ordered]
    return LoadResult(library, ordered, invalid)


def _invalid(doc: RawDocument) -> InvalidFile:
    data = doc.data if isinstance(doc.data, dict) else {}
    title = data.get("titel")
    return InvalidFile(
        doc.kind,
        doc.path,
        tuple(sorted(page_names(doc))),
        title.strip() or None if isinstance(title, str) else None,
        tuple(sorted(p for p in doc.problems if p.is_error)),
    )


def _assemble(valid: list[tuple[RawDocument, Entry]], vocabulary: Vocabulary) -> Library:
    cases: dict[str, Case] = {}
    lessons: dict[str, Lesson] = {}
    episodes: dict[str, Episode] = {}
    files: dict[tuple[Kind, str], SourceFile] = {}
    for doc, entry in valid:
        if isinstance(entry, Case):
            cases.setdefault(entry.slug, entry)
            files.setdefault(("case", entry.slug), SourceFile(doc.path, doc.content_hash))
        elif isinstance(entry, Lesson):
            lessons.setdefault(entry.id, entry)
            files.setdefault(("lesson", entry.id), SourceFile(doc.path, doc.content_hash))
        else:
            episodes.setdefault(entry.slug, entry)
            files.setdefault(("episode", entry.slug), SourceFile(doc.path, doc.content_hash))
    return Library(cases, lessons, episodes, vocabulary, files)
