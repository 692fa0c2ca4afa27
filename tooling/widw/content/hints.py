"""Quality hints: warnings that help editors, errors only under `widw validate --strikt`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.reader import RawDocument
from widw.content.similar import TitlePairs

if TYPE_CHECKING:
    from widw.content.catalog import Library
    from widw.content.validate import Entry

SUMMARY_MAX_CHARS = 700
VERIFIED_MAX_AGE = dt.timedelta(days=2 * 365)
SIMILAR_TITLE_SCORE = 90


def quality_hints(
    library: Library,
    valid: list[tuple[RawDocument, Entry]],
    today: dt.date | None = None,
    titles: TitlePairs | None = None,
) -> list[Problem]:
    """Warnings for every entry, plus near-duplicate case titles.

    `titles` remembers which titles were compared before (see `widw.content.similar`):
    with it, only new or changed titles are compared with the others.
    """
    today = today or dt.date.today()
    out: list[Problem] = []
    for doc, entry in valid:
        out.extend(_entry_hints(library, doc, entry, today))
    cases = [(d, e) for d, e in valid if isinstance(e, Case)]
    out.extend(_similar_titles(cases, titles or TitlePairs()))
    return out


def _warn(doc: RawDocument, path: tuple[str | int, ...], code: str, message: str) -> Problem:
    line, column = doc.positions.of(path)
    return Problem(doc.path, line, column, code, message, "waarschuwing")


def _entry_hints(
    library: Library, doc: RawDocument, entry: Case | Lesson | Episode, today: dt.date
) -> Iterator[Problem]:
    if today - entry.last_verified > VERIFIED_MAX_AGE:
        yield _warn(
            doc,
            ("laatst_gecontroleerd",),
            "controle-verouderd",
            f"de feiten zijn voor het laatst gecontroleerd op {entry.last_verified.isoformat()}, "
            f"meer dan twee jaar geleden; loop de bronnen na en werk de datum bij",
        )
    for i, source in enumerate(entry.sources):
        if "date" not in source.model_fields_set:
            yield _warn(
                doc,
                ("bronnen", i),
                "bron-zonder-datum",
                f"'bronnen[{i + 1}]' ({source.title}) heeft geen 'datum'; voeg de "
                f"publicatiedatum toe, of schrijf 'datum: onbekend' als de bron die niet geeft",
            )
    if not isinstance(entry, Case):
        return
    if len(entry.summary) > SUMMARY_MAX_CHARS:
        yield _warn(
            doc,
            ("samenvatting",),
            "samenvatting-te-lang",
            f"de samenvatting is {len(entry.summary)} tekens; houd haar onder "
            f"{SUMMARY_MAX_CHARS} tekens (één alinea) en zet de rest in de tekst",
        )
    if entry.status == "beschreven" and not library.lessons_for_case(entry.slug):
        yield _warn(
            doc,
            ("lessen",),
            "geen-lessen",
            "deze beschreven casus onderbouwt nog geen enkele les; koppel een les als een "
            "bron die verbinding legt",
        )


def _similar_titles(cases: list[tuple[RawDocument, Case]], titles: TitlePairs) -> Iterator[Problem]:
    for i, j, score in titles.pairs(
        [entry.title.lower() for _, entry in cases], SIMILAR_TITLE_SCORE
    ):
        for (doc, entry), (other_doc, other) in ((cases[i], cases[j]), (cases[j], cases[i])):
            yield _warn(
                doc,
                ("titel",),
                "titel-lijkt-op",
                f"de titel '{entry.title}' lijkt sterk op '{other.title}' in {other_doc.path} "
                f"({score}% gelijk); is dit dezelfde casus?",
            )
