"""The briefing pack: one self-contained, printable HTML handout for a reflection session.

Per case: summary, key facts, the lessons for the chosen role, the sources (APA), a QR code
to the case page and the APA citation. No external requests: CSS is inline and the QR code
is a PNG data URI made by segno.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import segno
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from widw.cite.apa import apa, sorted_apa
from widw.cite.csl import case_item, entry_url, source_items
from widw.content.dates import dutch_date
from widw.content.library import Library
from widw.content.models import Case, Lesson

QR_SCALE = 4
QR_BORDER = 4


@dataclass(frozen=True)
class LessonView:
    title: str
    roles: str
    text: str


@dataclass(frozen=True)
class CaseView:
    anchor: str
    title: str
    url: str
    place: str
    summary: str
    stub: bool
    facts: list[tuple[str, str]]
    lessons: list[LessonView]
    sources: list[Markup]
    citation: Markup
    qr: str


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("widw.cite", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )


def qr_data_uri(url: str) -> str:
    """A QR code for `url` as a PNG data URI."""
    code = segno.make(url, error="m", micro=False)
    uri: str = code.png_data_uri(scale=QR_SCALE, border=QR_BORDER)
    return uri


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|\*|`)")


def first_paragraph(markdown: str) -> str:
    """The first paragraph of a Markdown text as plain text (links and emphasis dropped)."""
    for block in markdown.strip().split("\n\n"):
        text = " ".join(line.strip() for line in block.splitlines()).strip()
        if text and not text.startswith("#"):
            return _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    return ""


def _place(library: Library, case: Case) -> str:
    place = case.place
    parts = [p for p in (place.district, place.municipality) if p]
    if place.province:
        parts.append(f"provincie {library.vocabulary.label('provincies', place.province)}")
    return ", ".join(parts)


def _labels(library: Library, list_name: str, terms: list[str]) -> str:
    return ", ".join(library.vocabulary.label(list_name, t) for t in terms)


def key_facts(library: Library, case: Case) -> list[tuple[str, str]]:
    """(label, value) pairs for the facts a source gives; unknown facts are left out."""
    facts: list[tuple[str, str]] = []
    if case.bundle and case.bundle.number:
        sure = "" if case.bundle.certainty == "bevestigd" else " (afgeleid)"
        facts.append(("Bundel", f"Wij in de Wijk-bundel {case.bundle.number}{sure}"))
    if case.period and case.period.start and case.period.end:
        facts.append(("Periode", f"{case.period.start} – {case.period.end}"))
    elif case.period and (case.period.start or case.period.end):
        facts.append(
            (
                "Periode",
                f"vanaf {case.period.start}" if case.period.start else f"tot {case.period.end}",
            )
        )
    if case.kinds:
        facts.append(("Soort", _labels(library, "soorten", case.kinds)))
    if case.participation:
        label = library.vocabulary.label("participatievormen", case.participation)
        facts.append(("Participatievorm", label))
    if case.themes:
        facts.append(("Thema's", _labels(library, "themas", case.themes)))
    if case.elements:
        facts.append(("Elementen", _labels(library, "elementen", case.elements)))
    if case.actors:
        facts.append(("Betrokken", ", ".join(a.name for a in case.actors)))
    if case.funding:
        kinds = [f.kind for f in case.funding]
        facts.append(("Financiering", _labels(library, "financieringssoorten", kinds)))
    if case.outcome.kind or case.outcome.description:
        label = library.vocabulary.label("uitkomsten", case.outcome.kind or "")
        facts.append(("Uitkomst", " — ".join(t for t in (label, case.outcome.description) if t)))
    if case.candidates:
        named = [f"{c.name} ({c.certainty})" for c in case.candidates]
        facts.append(("Kandidaten", ", ".join(named)))
    return facts


def lessons_for(library: Library, slug: str, role: str | None) -> list[Lesson]:
    """The case's lessons, only those for `role` when one is given."""
    lessons = library.lessons_for_case(slug)
    return [x for x in lessons if role is None or role in x.roles]


def case_view(
    library: Library, case: Case, *, role: str | None, site_url: str, today: dt.date
) -> CaseView:
    """Everything the template shows for one case, escaped where it holds HTML."""
    url = entry_url(site_url, "case", case.slug)
    lessons = [
        LessonView(x.title, _labels(library, "rollen", x.roles), first_paragraph(x.body))
        for x in lessons_for(library, case.slug, role)
    ]
    return CaseView(
        anchor=f"casus-{case.slug}",
        title=case.title,
        url=url,
        place=_place(library, case),
        summary=case.summary,
        stub=case.status == "stub",
        facts=key_facts(library, case),
        lessons=lessons,
        sources=[Markup(s) for s in sorted_apa(source_items(case.sources, case.slug), "html")],
        citation=Markup(apa(case_item(case, url=url, accessed=today), "html")),
        qr=qr_data_uri(url),
    )


def build_brief(
    library: Library,
    slugs: list[str],
    *,
    role: str | None = None,
    site_url: str,
    today: dt.date | None = None,
) -> str:
    """The handout for the given (current) case slugs, in the given order."""
    day = today or dt.date.today()
    views = [
        case_view(library, library.cases[s], role=role, site_url=site_url, today=day) for s in slugs
    ]
    role_label = library.vocabulary.label("rollen", role) if role else ""
    title = "Reflectiesessie: " + ", ".join(v.title for v in views)
    template = _environment().get_template("brief.html.j2")
    return template.render(title=title, cases=views, role_label=role_label, made=dutch_date(day))
