"""The library's data: every valid case, lesson and episode, indexed both ways.

Loading it from files is `widw.content.library`; checks that read a finished library
(quality hints, published slugs) import only this module, so loading and data do not import
each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from widw.content.models import Case, Episode, Lesson
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary


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
