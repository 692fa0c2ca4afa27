"""The briefing pack: one self-contained, printable HTML handout for a reflection session.

Per case one printed page (or more) that opens with what a session needs: place, period,
the question the case raises and the outcome. Then what happened, the lessons (each with
what it says, for whom, and where it comes from), a notes box, the key facts, the sources
(APA) and the citation with a QR code to the case page. No external requests: CSS is
inline and the QR code is a PNG data URI made by segno.

"The question the case raises" is not a field in the case files. The pack asks it from the
case's own content: what stood in the way (the hindering context factors), or else which
lesson fits the reader's own neighbourhood; for an open slot (stub), what is known locally.
The question is ours; the facts under it come from the case's sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import segno
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel

from widw.cite.apa import apa, sorted_apa
from widw.cite.csl import case_item, entry_url, source_items
from widw.cite.excerpt import excerpt, shared_paragraphs
from widw.content.dates import dutch_date
from widw.content.fieldmeta import field_terms
from widw.content.library import Library
from widw.content.models import Case, Lesson, Source

QR_SCALE = 4
QR_BORDER = 4

QUESTION_HINDERED = "Wat stond dit initiatief in de weg, en hoe zou dat bij jullie gaan?"
QUESTION_LESSONS = "Welke les uit deze casus past bij jullie wijk, en wat is daarvoor nodig?"
QUESTION_OPEN = "Wat zou jullie wijk hiervan kunnen overnemen, en wat juist niet?"
QUESTION_STUB = "Wat weten jullie over initiatieven op deze plek, en welke bron kan dat bevestigen?"


@dataclass(frozen=True)
class LessonView:
    """One lesson as the pack prints it."""

    id: str
    title: str
    roles: str
    text: str
    evidence: list[str]
    also_in: list[str]


@dataclass(frozen=True)
class CaseView:
    """Everything the template shows for one case."""

    anchor: str
    title: str
    url: str
    place: str
    period: str
    question: str
    hindrances: list[str]
    outcome: str
    summary: str
    stub: bool
    facts: list[tuple[str, list[str]]]
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


def place_text(library: Library, case: Case) -> str:
    """'K-buurt, Amsterdam, provincie Noord-Holland', or 'Plaats onbekend'."""
    place = case.place
    parts = [p for p in (place.district, place.municipality) if p]
    if place.province:
        parts.append(f"provincie {_labels(library, case, 'plaats.provincie')}")
    return ", ".join(parts) or "Plaats onbekend"


def period_text(case: Case) -> str:
    """'2017 – 2021', 'vanaf 2017', 'tot 2021' or 'Periode onbekend'."""
    start = dutch_date(case.period.start) if case.period and case.period.start else None
    end = dutch_date(case.period.end) if case.period and case.period.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"vanaf {start}"
    if end:
        return f"tot {end}"
    return "Periode onbekend"


def outcome_text(library: Library, case: Case) -> str:
    """'Loopt nog: …' from the outcome, or a plain statement that no source gives it."""
    label = _labels(library, case, "uitkomst.soort")
    description = case.outcome.description or ""
    if label and description:
        return f"{label}: {description}"
    return label or description or "Onbekend: geen bron zegt hoe het afliep."


def _labels(library: Library, entry: BaseModel, path: str) -> str:
    """The labels of the terms in one field of an entry, joined ('Groen, Wonen')."""
    list_name, terms = field_terms(entry, path)
    return ", ".join(library.vocabulary.label(list_name, t) for t in terms)


def funding_lines(library: Library, case: Case) -> list[str]:
    """One line per funding stream: kind, amount and description."""
    lines = []
    for funding in case.funding:
        line = _labels(library, funding, "soort")
        if funding.amount_eur is not None:
            line += f" (€ {funding.amount_eur:,})".replace(",", ".")
        if funding.description:
            line += f": {funding.description}"
        lines.append(line)
    return lines


def key_facts(library: Library, case: Case) -> list[tuple[str, list[str]]]:
    """(label, lines) for the facts a source gives; unknown facts are left out."""
    facts: list[tuple[str, list[str]]] = []
    if case.bundle and case.bundle.number:
        sure = "" if case.bundle.certainty == "bevestigd" else " (afgeleid)"
        facts.append(("Bundel", [f"Wij in de Wijk-bundel {case.bundle.number}{sure}"]))
    if case.kinds:
        facts.append(("Soort", [_labels(library, case, "soort")]))
    if case.participation:
        facts.append(("Participatievorm", [_labels(library, case, "participatievorm")]))
    if case.themes:
        facts.append(("Thema's", [_labels(library, case, "themas")]))
    if case.elements:
        facts.append(("Elementen", [_labels(library, case, "elementen")]))
    if case.context.promoting:
        facts.append(("Wat hielp", list(case.context.promoting)))
    if case.actors:
        facts.append(("Betrokken", [", ".join(a.name for a in case.actors)]))
    if case.funding:
        facts.append(("Financiering", funding_lines(library, case)))
    if case.candidates:
        facts.append(("Kandidaten", [f"{c.name} ({c.certainty})" for c in case.candidates]))
    return facts


def lessons_for(library: Library, slug: str, role: str | None) -> list[Lesson]:
    """The case's lessons, only those for `role` when one is given."""
    lessons = library.lessons_for_case(slug)
    return [x for x in lessons if role is None or role in x.roles]


def source_line(source: Source) -> str:
    """A short mention of a lesson's source: 'Movisie, ‘Titel’ (2021)'."""
    who = source.publisher or ", ".join(source.authors)
    text = f"{who}, ‘{source.title}’" if who else f"‘{source.title}’"
    return f"{text} ({str(source.date)[:4]})" if source.date else text


def lesson_view(library: Library, lesson: Lesson, case: Case, shared: frozenset[str]) -> LessonView:
    """One lesson: what it says, for whom, its sources and the other cases that show it."""
    others = [c.title for c in library.cases_for_lesson(lesson.id) if c.slug != case.slug]
    return LessonView(
        id=lesson.id,
        title=lesson.title,
        roles=_labels(library, lesson, "rollen"),
        text=excerpt(lesson.body, shared),
        evidence=[source_line(s) for s in lesson.sources],
        also_in=others,
    )


def case_view(
    library: Library,
    case: Case,
    *,
    role: str | None,
    site_url: str,
    today: dt.date,
    shared: frozenset[str] = frozenset(),
) -> CaseView:
    """Everything the template shows for one case, escaped where it holds HTML."""
    url = entry_url(site_url, "case", case.slug)
    lessons = [lesson_view(library, x, case, shared) for x in lessons_for(library, case.slug, role)]
    hindrances = list(case.context.hindering)
    question = QUESTION_LESSONS if lessons else QUESTION_OPEN
    question = QUESTION_HINDERED if hindrances else question
    question = QUESTION_STUB if case.status == "stub" else question
    return CaseView(
        anchor=f"casus-{case.slug}",
        title=case.title,
        url=url,
        place=place_text(library, case),
        period=period_text(case),
        question=question,
        hindrances=hindrances,
        outcome=outcome_text(library, case),
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
    shared = shared_paragraphs(x.body for x in library.lessons.values())
    views = [
        case_view(library, library.cases[s], role=role, site_url=site_url, today=day, shared=shared)
        for s in slugs
    ]
    role_label = library.vocabulary.label("rollen", role) if role else ""
    title = "Reflectiesessie: " + ", ".join(v.title for v in views)
    template = _environment().get_template("brief.html.j2")
    return template.render(title=title, cases=views, role_label=role_label, made=dutch_date(day))
