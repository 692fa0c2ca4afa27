"""CSL-JSON items for cases, lessons, episodes and their source publications.

Every citation format (APA, BibTeX, RIS, Markdown) is derived from these items.

Decisions for the library's own pages (documented in tooling/widw/cite/README.md):

* type ``webpage``: a case page is a web page that changes over time, so APA asks for a
  retrieval date ("Geraadpleegd op … van …");
* author is the institution, as a literal name: ``Wij in de Wijk``; it is also the
  publisher, so no ``publisher`` is given (APA names an author who is the publisher only
  once); the site name ``Wij in de Wijk — kennisbank`` is the container title;
* issued is the version date of the page (``laatst_gecontroleerd``), accessed is *today*
  (a parameter, so exports stay deterministic);
* the citation key (``id``) is the slug for a case, ``les:<id>`` for a lesson and
  ``media:<slug>`` for an episode page (slugs never contain a colon, so keys never clash).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from widw.content import routes
from widw.content.dates import dutch_date
from widw.content.kinds import KINDS
from widw.content.models import Case, Episode, Lesson, Source
from widw.content.reader import Kind

CslItem = dict[str, Any]
"""One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""

SITE_NAME = "Wij in de Wijk — kennisbank"
PUBLISHER = "Wij in de Wijk"
AUTHOR = "Wij in de Wijk"
LANGUAGE = "nl"

KEY_PREFIXES: dict[Kind, str] = {kind: info.citation_prefix for kind, info in KINDS.items()}

SOURCE_TYPES = {
    "casusbundel": "report",
    "rapport": "report",
    "artikel": "webpage",
    "nieuwsbericht": "article-newspaper",
    "webpagina": "webpage",
    "podcast": "broadcast",
    "video": "motion_picture",
    "catalogus": "webpage",
}
"""Source kind (vocabulary 'bronsoorten') → CSL item type."""

SOURCE_GENRES = {"podcast": "Podcast", "video": "Video"}
"""APA's bracketed description after the title, e.g. '[Video]'."""


def normalise_site_url(site_url: str) -> str:
    """The site URL with exactly one trailing slash."""
    return site_url.rstrip("/") + "/"


def entry_path(kind: Kind, slug: str) -> str:
    """The site-relative URL path of an entry (`routes.url`: folder, slug, slash)."""
    return routes.url(kind, slug)


def entry_url(site_url: str, kind: Kind, slug: str) -> str:
    """The stable absolute URL of an entry's page."""
    return normalise_site_url(site_url) + entry_path(kind, slug)


def citation_key(kind: Kind, slug: str) -> str:
    """The citation key of an entry (the slug for a case)."""
    return KEY_PREFIXES[kind] + slug


def date_parts(value: dt.date | str) -> dict[str, list[list[int]]]:
    """A CSL date from a date or a partial date 'JJJJ', 'JJJJ-MM' or 'JJJJ-MM-DD'."""
    if isinstance(value, dt.date):
        return {"date-parts": [[value.year, value.month, value.day]]}
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def _page_item(
    kind: Kind, slug: str, title: str, version: dt.date, url: str, accessed: dt.date | None
) -> CslItem:
    item: CslItem = {
        "id": citation_key(kind, slug),
        "type": "webpage",
        "title": title,
        "author": [{"literal": AUTHOR}],
        "container-title": SITE_NAME,
        "issued": date_parts(version),
        "URL": url,
        "language": LANGUAGE,
        "note": f"Versie van {dutch_date(version)}.",
    }
    if accessed is not None:
        item["accessed"] = date_parts(accessed)
    return item


def case_item(case: Case, *, url: str, accessed: dt.date | None) -> CslItem:
    """The citation of a case page."""
    item = _page_item("case", case.slug, case.title, case.last_verified, url, accessed)
    item["abstract"] = case.summary
    return item


def lesson_item(lesson: Lesson, *, url: str, accessed: dt.date | None) -> CslItem:
    """The citation of a lesson page."""
    return _page_item("lesson", lesson.id, lesson.title, lesson.last_verified, url, accessed)


def episode_item(episode: Episode, *, url: str, accessed: dt.date | None) -> CslItem:
    """The citation of an episode page (the page about it, not the recording)."""
    item = _page_item("episode", episode.slug, episode.title, episode.last_verified, url, accessed)
    if episode.summary:
        item["abstract"] = episode.summary
    return item


PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ten",
        "ter",
        "in",
        "op",
        "von",
        "du",
        "la",
        "le",
    }
)
"""Lower-case name particles ('tussenvoegsels')."""


def _split_particles(words: list[str], *, trailing: bool) -> tuple[list[str], list[str]]:
    """Split particle words off the end (trailing) or the start of `words`."""
    index = len(words) if trailing else 0
    if trailing:
        while index > 1 and words[index - 1] in PARTICLES:
            index -= 1
        return words[:index], words[index:]
    while index < len(words) - 1 and words[index] in PARTICLES:
        index += 1
    return words[index:], words[:index]


def parse_author(text: str) -> dict[str, str]:
    """A person 'Achternaam, V.' (particles as written: 'Mourik, K. van' or 'van Mourik, K.');
    anything without a comma is an organisation.

    Particles after the initials stay there ('dropping-particle': "Mourik, K. van"); particles
    before the surname stay in front ('non-dropping-particle': "van Mourik, K.").
    """
    family, sep, given = text.partition(",")
    if not (sep and family.strip() and given.strip()):
        return {"literal": text.strip()}
    name: dict[str, str] = {}
    given_words, after = _split_particles(given.split(), trailing=True)
    family_words, before = _split_particles(family.split(), trailing=False)
    name["family"] = " ".join(family_words)
    name["given"] = " ".join(given_words)
    if after:
        name["dropping-particle"] = " ".join(after)
    if before:
        name["non-dropping-particle"] = " ".join(before)
    return name


def source_item(source: Source, key: str) -> CslItem:
    """A case's (or lesson's) source publication as a CSL item."""
    csl_type = SOURCE_TYPES.get(source.kind, "webpage")
    item: CslItem = {"id": key, "type": csl_type, "title": source.title}
    if source.authors:
        item["author"] = [parse_author(a) for a in source.authors]
    if source.publisher:
        # Reports name their publisher; web pages, news and media their site or outlet.
        field = "publisher" if csl_type == "report" else "container-title"
        item[field] = source.publisher
    if source.date:
        item["issued"] = date_parts(source.date)
    if source.url:
        item["URL"] = source.url
    if source.accessed and csl_type == "webpage":
        item["accessed"] = date_parts(source.accessed)
    if source.kind in SOURCE_GENRES:
        item["genre"] = SOURCE_GENRES[source.kind]
    return item


def source_items(sources: list[Source], owner: str) -> list[CslItem]:
    """All sources of one entry, keyed '<owner>-bron-<n>' in file order."""
    return [source_item(s, f"{owner}-bron-{n}") for n, s in enumerate(sources, start=1)]
