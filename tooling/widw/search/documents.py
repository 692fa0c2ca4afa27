"""Library → search documents: engine-independent field values plus a content hash each.

Field names are Dutch because they are part of the query syntax people type
(`thema:ouderen`, `titel:krachtstation`). Facet fields hold vocabulary terms (slugs);
labels are looked up at display time. Which model field fills which facet, and which
vocabulary labels become keywords, is the models' field metadata (`widw.content.fieldmeta`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from widw.content import routes
from widw.content.kinds import KINDS, by_search_word

if TYPE_CHECKING:  # the search command's fast path must not import the content models
    from pydantic import BaseModel

    from widw.content.library import Library
    from widw.content.models import Case, Episode, Lesson
    from widw.content.vocabulary import Vocabulary

KIND_LABELS = {info.search_word: info.label for info in KINDS.values()}
"""The document kinds (value of the `soort` field) and their labels."""

TEXT_FIELDS = ("titel", "tekst", "trefwoorden")
"""Analyzed text fields: the default fields of the query parser."""

FACET_FIELDS = (
    "thema",
    "element",
    "rol",
    "provincie",
    "gemeente",
    "bundel",
    "uitkomst",
    "participatievorm",
    "status",
    "jaar",
)
"""Stored keyword fields for filters and facet counts (several values: space-separated), in
the order results show them. Each is filled by the model fields whose metadata name it,
except `rol` on a case: the roles of the lessons that name the case."""


@dataclass(frozen=True)
class SearchDocument:
    """One indexed entry: identity, display data, text and facet values."""

    kind: str
    slug: str
    title: str
    text: str
    """Everything searchable: prose, place, labels, actors, funding, outcome."""
    display: str
    """The prose alone (summary and body): for snippets and more-like-this."""
    place: str
    url: str
    facets: dict[str, list[str]] = field(default_factory=dict)
    keywords: list[tuple[str, str]] = field(default_factory=list)
    """Vocabulary labels with their search words: (what, e.g. 'thema Groen en natuur',
    searchable words). Indexed apart and weighted lower than the prose, so a hit found only
    through them can say so ("via thema …")."""

    @property
    def key(self) -> str:
        """Unique key across kinds ('casus:krachtstation-kanaleneiland')."""
        return f"{self.kind}:{self.slug}"

    @property
    def content_hash(self) -> str:
        """sha256 of everything that goes into the index for this document."""
        payload = {
            "kind": self.kind,
            "slug": self.slug,
            "title": self.title,
            "text": self.text,
            "display": self.display,
            "place": self.place,
            "url": self.url,
            "facets": {k: sorted(v) for k, v in sorted(self.facets.items())},
            "keywords": [list(k) for k in self.keywords],
        }
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()


DOCUMENT_VERSION = "2"
"""Bump when the mapping from entries to documents changes (part of every input hash)."""


def input_hashes(library: Library) -> dict[str, str]:
    """A hash per document key of everything its document is made from, without building it.

    Inputs: the entry's file, the vocabulary, and the files of linked entries (a case shows
    the roles of its lessons; a lesson and an episode show the titles of their cases).
    Entries without a known source file fall back to the built document's content hash.
    """
    files = library.files
    vocab = library.vocabulary.content_hash

    def file_hash(kind: str, name: str) -> str | None:
        source = files.get((kind, name))  # type: ignore[arg-type]
        return source.content_hash if source is not None else None

    out: dict[str, str] = {}
    for slug, case in library.cases.items():
        linked = [file_hash("lesson", lesson.id) for lesson in library.lessons_for_case(slug)]
        out[f"casus:{slug}"] = _combine(file_hash("case", slug), linked, vocab) or (
            case_document(library, case).content_hash
        )
    for lesson_id, lesson in library.lessons.items():
        linked = [file_hash("case", case.slug) for case in library.cases_for_lesson(lesson_id)]
        out[f"les:{lesson_id}"] = _combine(file_hash("lesson", lesson_id), linked, vocab) or (
            lesson_document(library, lesson).content_hash
        )
    for slug, episode in library.episodes.items():
        linked = [
            file_hash("case", d.slug) if d.slug in library.cases else "-" for d in episode.cases
        ]
        out[f"aflevering:{slug}"] = _combine(file_hash("episode", slug), linked, vocab) or (
            episode_document(library, episode).content_hash
        )
    return out


def document_for(library: Library, key: str) -> SearchDocument:
    """The search document of one key ('casus:<slug>', 'les:<id>', 'aflevering:<slug>')."""
    word, _, name = key.partition(":")
    kind = by_search_word(word)
    if kind == "case":
        return case_document(library, library.cases[name])
    if kind == "lesson":
        return lesson_document(library, library.lessons[name])
    return episode_document(library, library.episodes[name])


def _combine(own: str | None, linked: list[str | None], vocab: str) -> str | None:
    if own is None or not vocab or any(h is None for h in linked):
        return None
    raw = "\n".join([DOCUMENT_VERSION, own, vocab, *(h or "" for h in linked)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def library_documents(library: Library) -> list[SearchDocument]:
    """Every case, lesson and episode as a search document, in library order."""
    docs = [case_document(library, case) for case in library.cases.values()]
    docs += [lesson_document(library, lesson) for lesson in library.lessons.values()]
    docs += [episode_document(library, episode) for episode in library.episodes.values()]
    return docs


def case_document(library: Library, case: Case) -> SearchDocument:
    """A case: its summary and body first (for snippets), then facts and labels."""
    from widw.content.fieldmeta import vocabulary_of
    from widw.content.models import Case

    vocab = library.vocabulary
    place = case.place
    province_list = vocabulary_of(Case, "plaats.provincie")
    province = vocab.label(province_list, place.province) if place.province else None
    roles = sorted(
        {role for lesson in library.lessons_for_case(case.slug) for role in lesson.roles}
    )
    parts: list[str | None] = [
        case.summary,
        case.body,
        place.district,
        place.municipality,
        province,
    ]
    parts += [*case.context.promoting, *case.context.hindering]
    for actor in case.actors:
        parts += [actor.name, actor.role]
    parts += [funding.description for funding in case.funding]
    parts += [case.outcome.description, *(c.name for c in case.candidates)]
    shown_place = ", ".join(p for p in (place.district, place.municipality) if p)
    return SearchDocument(
        kind=KINDS["case"].search_word,
        slug=case.slug,
        title=case.title,
        text=_join(parts),
        display=_join([case.summary, case.body, case.outcome.description]),
        place=shown_place,
        url="/" + routes.url("case", case.slug),
        facets=_facets(case, rol=roles),
        keywords=_entry_keywords(vocab, case),
    )


def lesson_document(library: Library, lesson: Lesson) -> SearchDocument:
    """A lesson: its explanation, the roles it addresses and the titles of its cases."""
    vocab = library.vocabulary
    cases = library.cases_for_lesson(lesson.id)
    parts: list[str | None] = [lesson.body, *(case.title for case in cases)]
    return SearchDocument(
        kind=KINDS["lesson"].search_word,
        slug=lesson.id,
        title=lesson.title,
        text=_join(parts),
        display=_join([lesson.body]),
        place="",
        url="/" + routes.url("lesson", lesson.id),
        facets=_facets(lesson),
        keywords=_entry_keywords(vocab, lesson),
    )


def episode_document(library: Library, episode: Episode) -> SearchDocument:
    """An episode, film or meeting: summary, notes, series and the cases discussed."""
    vocab = library.vocabulary
    titles = [library.cases[d.slug].title for d in episode.cases if d.slug in library.cases]
    parts: list[str | None] = [episode.summary, episode.body, episode.series, *titles]
    return SearchDocument(
        kind=KINDS["episode"].search_word,
        slug=episode.slug,
        title=episode.title,
        text=_join(parts),
        display=_join([episode.summary, episode.body]),
        place="",
        url="/" + routes.url("episode", episode.slug),
        facets=_facets(episode),
        keywords=_entry_keywords(vocab, episode),
    )


def _facets(entry: BaseModel, **linked: list[str]) -> dict[str, list[str]]:
    """Facet field → values, from the fields whose metadata names a facet, plus `linked`
    values the entry does not hold itself; in `FACET_FIELDS` order, sorted, empty left out."""
    from widw.content.fieldmeta import facet_facts

    found: dict[str, list[str]] = dict(linked)
    for facts in facet_facts(type(entry)):
        how = facts.meta.get("facet_value", "term")
        values = found.setdefault(facts.meta["facet"], [])
        values += [_facet_value(how, value) for _, value in facts.values(entry)]
    return _clean({name: sorted(found.get(name, [])) for name in FACET_FIELDS})


def _facet_value(how: str, value: Any) -> str:
    """A field value as a facet value: slugified, its year, or as written."""
    from widw.content.fields import slugify

    if how == "slug":
        return slugify(str(value))
    if how == "year":
        return str(value)[:4]
    return str(value)


def _entry_keywords(vocab: Vocabulary, entry: BaseModel) -> list[tuple[str, str]]:
    """The vocabulary labels of an entry's keyword fields, in keyword order."""
    from widw.content.fieldmeta import keyword_facts

    out: list[tuple[str, str]] = []
    for facts in keyword_facts(type(entry)):
        terms = [str(value) for _, value in facts.values(entry)]
        out += _keywords(vocab, str(facts.vocabulary), str(facts.meta["keyword"]), terms)
    return out


def _keywords(
    vocab: Vocabulary, list_name: str, what: str, terms: list[str]
) -> list[tuple[str, str]]:
    """(what and label, label plus search words) for each known term."""
    out = []
    for term in dict.fromkeys(terms):
        entry = vocab.terms(list_name).get(term)
        if entry is not None:
            out.append((f"{what} {entry.label}", " ".join([entry.label, *entry.zoekwoorden])))
    return out


def _join(parts: list[str | None]) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _clean(facets: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: values for name, values in facets.items() if values}
