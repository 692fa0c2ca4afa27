"""The library: every valid case, lesson and episode, linked both ways, built once per build."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from widw.content.doccache import DocumentCache
from widw.content.folders import content_files
from widw.content.hints import quality_hints
from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.published import PUBLISHED_FILE, check_published
from widw.content.reader import Kind, RawDocument, read_document
from widw.content.references import check_references, claimed, page_names
from widw.content.validate import Entry, validate_document
from widw.content.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class ProjectPaths:
    """Where the content lives, relative to the project root."""

    root: Path
    cases: str = "cases"
    lessons: str = "lessons"
    episodes: str = "episodes"
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

    @property
    def cache_dir(self) -> Path:
        """Where caches live (never inside docs/ or a watched folder); git-ignored."""
        return self.root / ".cache" / "widw"

    def watched(self) -> list[Path]:
        """The folders and files whose change must rebuild the site."""
        paths = [self.root / folder for folder, _ in self.folders()]
        return [*paths, self.root / self.vocabulary]


@dataclass(frozen=True)
class SourceFile:
    """Where an entry came from: for edit links, caches and messages."""

    path: str
    content_hash: str


@dataclass
class Library:
    """Typed content with indexes in both directions."""

    cases: dict[str, Case]
    lessons: dict[str, Lesson]
    episodes: dict[str, Episode]
    vocabulary: Vocabulary
    files: dict[tuple[Kind, str], SourceFile] = field(default_factory=dict)
    _lessons_by_case: dict[str, list[str]] = field(init=False, repr=False)
    _cases_by_lesson: dict[str, list[str]] = field(init=False, repr=False)
    _episodes_by_case: dict[str, list[str]] = field(init=False, repr=False)
    _aliases: dict[tuple[Kind, str], str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_case: dict[str, set[str]] = defaultdict(set)
        by_lesson: dict[str, set[str]] = defaultdict(set)
        for case in self.cases.values():
            for lesson_id in case.lessons:
                if lesson_id in self.lessons:
                    by_case[case.slug].add(lesson_id)
                    by_lesson[lesson_id].add(case.slug)
        for lesson in self.lessons.values():
            for slug in lesson.cases:
                if slug in self.cases:
                    by_case[slug].add(lesson.id)
                    by_lesson[lesson.id].add(slug)
        self._lessons_by_case = {k: sorted(v) for k, v in by_case.items()}
        self._cases_by_lesson = {k: sorted(v) for k, v in by_lesson.items()}
        episodes: dict[str, list[str]] = defaultdict(list)
        for episode in self.episodes.values():
            for discussed in episode.cases:
                episodes[discussed.slug].append(episode.slug)
        self._episodes_by_case = dict(episodes)
        self._aliases = {}
        named: list[tuple[Kind, str, list[str]]] = [
            *(("case", c.slug, c.aliases) for c in self.cases.values()),
            *(("lesson", ls.id, ls.aliases) for ls in self.lessons.values()),
            *(("episode", e.slug, e.aliases) for e in self.episodes.values()),
        ]
        for kind, name, aliases in named:
            for alias in aliases:
                self._aliases[(kind, alias)] = name

    def lessons_for_case(self, slug: str) -> list[Lesson]:
        """Lessons this case supports (linked from either side)."""
        return [self.lessons[i] for i in self._lessons_by_case.get(slug, [])]

    def cases_for_lesson(self, lesson_id: str) -> list[Case]:
        """Cases that show this lesson (linked from either side)."""
        return [self.cases[s] for s in self._cases_by_lesson.get(lesson_id, [])]

    def episodes_for_case(self, slug: str) -> list[Episode]:
        """Episodes, films and meetings in which this case is discussed."""
        return [self.episodes[s] for s in self._episodes_by_case.get(slug, [])]

    def lessons_for_role(self, role: str) -> list[Lesson]:
        """Every lesson addressed to a role, in file order."""
        return [lesson for lesson in self.lessons.values() if role in lesson.roles]

    def resolve(self, kind: Kind, name: str) -> str | None:
        """The current slug for a slug or old alias, or None."""
        current: dict[Kind, Mapping[str, object]] = {
            "case": self.cases,
            "lesson": self.lessons,
            "episode": self.episodes,
        }
        if name in current[kind]:
            return name
        return self._aliases.get((kind, name))

    def source_of(self, kind: Kind, name: str) -> SourceFile | None:
        """The file an entry was read from."""
        return self.files.get((kind, name))


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
    today = today or dt.date.today()
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
    problems.extend(quality_hints(library, valid, today))
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
