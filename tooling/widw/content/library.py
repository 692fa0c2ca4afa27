"""The library: every valid case, lesson and episode, linked both ways, built once per build."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from widw.content.doccache import DocumentCache
from widw.content.hints import quality_hints
from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.published import PUBLISHED_FILE, check_published
from widw.content.reader import Kind, RawDocument, read_document
from widw.content.validate import Entry, check_references, validate_document
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


@dataclass
class LoadResult:
    """The library plus every problem found while building it."""

    library: Library
    problems: list[Problem]

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

    `strict` turns quality hints into errors; `today` fixes the date hints compare against.
    """
    vocabulary, problems = load_vocabulary(paths.root / paths.vocabulary, paths.vocabulary)
    valid: list[tuple[RawDocument, Entry]] = []
    broken: list[tuple[Kind, str]] = []
    for folder, kind in paths.folders():
        directory = paths.root / folder
        if not directory.is_dir():
            continue
        for file in sorted(directory.glob("*.md")):
            display = f"{folder}/{file.name}"
            doc = cache.read(file, kind, display) if cache else read_document(file, kind, display)
            entry = validate_document(doc, vocabulary)
            problems.extend(doc.problems)
            if entry is not None and not doc.problems:
                valid.append((doc, entry))
            else:
                broken += [(kind, name) for name in _claimed_names(doc, file)]
    problems.extend(check_references(valid, broken))
    library = _assemble(valid, vocabulary)
    problems.extend(check_published(library, paths.root / paths.published))
    problems.extend(quality_hints(library, valid, today))
    if cache is not None:
        cache.save()
    if strict:
        problems = [Problem(p.path, p.line, p.column, p.code, p.message) for p in problems]
    return LoadResult(library, sorted(problems))


def _claimed_names(doc: RawDocument, file: Path) -> list[str]:
    """The slug an invalid file claims and its file name, so links to it are not flagged."""
    name = (doc.data or {}).get("id" if doc.kind == "lesson" else "slug")
    return [file.stem, name] if isinstance(name, str) else [file.stem]


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
