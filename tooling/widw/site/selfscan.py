"""The self-scan "Waar staat uw gemeente?": twelve questions on four areas and three phases.

The frame (the areas of attention and the phases) comes from a guide for municipalities; the
questions are our own elaboration of it. Each cell links the lessons and cases tagged with its
area and phase (`aandachtsgebieden`, `fases`). The grid is plain Markdown, so it reads and
prints without JavaScript; `zelfscan.js` adds the tick boxes and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from widw.content import routes
from widw.content.models import Case, Lesson
from widw.site.context import SiteContext, is_inferred
from widw.site.jinja import render
from widw.site.text import front_matter

ROLES = ("ambtenaren", "bestuurders-politici")
"""The roles whose pages link to the self-scan."""

MAX_CASES = 6
"""Cases shown per cell: the page must not grow with the size of the library."""

QUESTIONS: dict[tuple[str, str], str] = {
    ("opgave", "kennis"): (
        "Weet uw gemeente welke maatschappelijke vragen er in haar buurten spelen, en aan "
        "welke daarvan bewonersinitiatieven al werken?"
    ),
    ("opgave", "uitvoering"): (
        "Steunt uw gemeente een initiatief om de vraag die het oppakt, los van de vraag of "
        "bewoners of een instelling het werk doen?"
    ),
    ("opgave", "monitoring-en-evaluatie"): (
        "Beoordeelt uw gemeente resultaten op het niveau van de hele buurt, en past ze haar "
        "aanpak aan als de vragen in de buurt veranderen?"
    ),
    ("bekostiging", "kennis"): (
        "Weet uw gemeente welk geld er voor initiatieven is, en wat initiatieven naast geld "
        "nodig hebben, zoals tijd, ruimte en aandacht?"
    ),
    ("bekostiging", "uitvoering"): (
        "Komen bewoners zonder ingewikkelde aanvragen aan middelen, bijvoorbeeld via een "
        "buurtbudget, en is de steun voor langere tijd geregeld?"
    ),
    ("bekostiging", "monitoring-en-evaluatie"): (
        "Kijkt uw gemeente op een manier die bij kleine initiatieven past naar wat haar steun "
        "oplevert, en blijft ze steunen als er iets misgaat?"
    ),
    ("samenleving", "kennis"): (
        "Weet uw gemeente welke bewonersgroepen en netwerken er al zijn, en wie er niet "
        "vanzelf aan tafel komt?"
    ),
    ("samenleving", "uitvoering"): (
        "Werkt uw gemeente samen met groepen die al georganiseerd zijn, en gaat ze actief naar "
        "bewoners die zich minder laten horen?"
    ),
    ("samenleving", "monitoring-en-evaluatie"): (
        "Gaat uw gemeente na wie er meedoet en wie niet, en stuurt ze bij als groepen buiten "
        "beeld raken?"
    ),
    ("overheid", "kennis"): (
        "Weet uw gemeente welke rol ze wil spelen: bewoners laten meedenken over eigen plannen, "
        "of aansluiten bij wat bewoners zelf beginnen?"
    ),
    ("overheid", "uitvoering"): (
        "Hebben ambtenaren tijd en ruimte om de wijk in te gaan, en weten bewoners vooraf "
        "waarover zij zelf beslissen?"
    ),
    ("overheid", "monitoring-en-evaluatie"): (
        "Kijkt uw gemeente geregeld terug op haar eigen houding en regels, en past ze die aan "
        "als bewoners erop vastlopen?"
    ),
}
"""Our own question per (area, phase): an elaboration of the source's frame, not its text."""


@dataclass(frozen=True)
class Cell:
    """One question of the grid with what helps at that area and phase."""

    area: str
    phase: str
    phase_label: str
    number: int
    question: str
    lessons: list[Lesson]
    cases: list[Case]
    more_cases: int


@dataclass(frozen=True)
class Area:
    """One row of the grid: an area of attention and its three cells."""

    term: str
    label: str
    description: str
    cells: list[Cell]


def scan_areas(ctx: SiteContext) -> list[Area]:
    """The grid in vocabulary order; cells without a question are left out."""
    lib = ctx.library
    phases = list(lib.vocabulary.terms("fases").items())
    areas = []
    for area, entry in lib.vocabulary.terms("aandachtsgebieden").items():
        cells = []
        for number, (phase, phase_entry) in enumerate(phases, start=1):
            question = QUESTIONS.get((area, phase))
            if question is None:
                continue
            lessons = [
                les for les in lib.lessons.values() if area in les.areas and phase in les.phases
            ]
            cases = sorted(
                (c for c in lib.cases.values() if area in c.areas and phase in c.phases),
                key=lambda c: (c.status != "beschreven", c.title.lower()),
            )
            cells.append(
                Cell(
                    area, phase, phase_entry.label, number, question,
                    lessons, cases[:MAX_CASES], max(0, len(cases) - MAX_CASES),
                )
            )  # fmt: skip
        areas.append(Area(area, entry.label, _own_words(entry.omschrijving), cells))
    return areas


def _own_words(description: str) -> str:
    """The vocabulary marks area descriptions as ours; the page says so once, above."""
    text = description.removeprefix("Eigen uitwerking:").strip()
    return text[:1].upper() + text[1:]


class Tag(NamedTuple):
    """One self-scan tag of a case or lesson, with its place on the self-scan page."""

    text: str
    href: str | None
    inferred: bool


def scan_tags(ctx: SiteContext, entry: Case | Lesson, root: str = "../") -> list[Tag]:
    """The areas (linked to their row of the grid) and phases an entry is tagged with."""
    marks = {i.field for i in entry.inferred}
    tags = [
        Tag(
            ctx.label("aandachtsgebieden", a),
            f"{root}{routes.page('selfscan')}#{a}",
            is_inferred(marks, "aandachtsgebieden"),
        )
        for a in entry.areas
    ]
    tags += [
        Tag(f"fase {ctx.label('fases', p).lower()}", None, is_inferred(marks, "fases"))
        for p in entry.phases
    ]
    return tags


def linked_entries(ctx: SiteContext) -> tuple[set[str], set[str]]:
    """Every lesson id and case slug the page links (for checks)."""
    lessons: set[str] = set()
    cases: set[str] = set()
    for area in scan_areas(ctx):
        for cell in area.cells:
            lessons.update(les.id for les in cell.lessons)
            cases.update(c.slug for c in cell.cases)
    return lessons, cases


def selfscan_page(ctx: SiteContext) -> str:
    """zelfscan.md: the grid of questions with links, and room for the summary."""
    frame = ("drie-fases-partnerschap", "vier-aandachtsgebieden")
    body = render(
        "selfscan.md.j2",
        areas=scan_areas(ctx),
        phases=list(ctx.library.vocabulary.terms("fases").values()),
        frame={les: les in ctx.library.lessons for les in frame},
    )
    meta = {"title": "Waar staat uw gemeente?", "hide": ["toc"], "widw": {"soort": "zelfscan"}}
    return front_matter(meta, body)
