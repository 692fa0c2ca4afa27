"""Quality hints: warnings that help editors, errors only under `widw validate --strikt`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from widw.content.models import Case, Episode, Lesson
from widw.content.problems import Problem
from widw.content.reader import RawDocument

if TYPE_CHECKING:
    from widw.content.catalog import Library
    from widw.content.validate import Entry

SUMMARY_MAX_CHARS = 700
VERIFIED_MAX_AGE = dt.timedelta(days=2 * 365)
SIMILAR_TITLE_SCORE = 90


def quality_hints(
    library: Library, valid: list[tuple[RawDocument, Entry]], today: dt.date | None = None
) -> list[Problem]:
    """Warnings for every entry, plus near-duplicate case titles."""
    today = today or dt.date.today()
    out: list[Problem] = []
    for doc, entry in valid:
        out.extend(_entry_hints(library, doc, entry, today))
    out.extend(_similar_titles([(d, e) for d, e in valid if isinstance(e, Case)]))
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


def _similar_titles(cases: list[tuple[RawDocument, Entry]]) -> Iterator[Problem]:
    titles = [entry.title.lower() for _, entry in cases]
    if len(titles) < 2:
        return
    # Imported here: only this hint needs them, and numpy takes a while to import.
    import numpy as np
    from rapidfuzz import fuzz, process

    # One vectorised all-pairs comparison in C++ (both cores), instead of n Python loops.
    scores = process.cdist(
        titles,
        titles,
        scorer=fuzz.ratio,
        score_cutoff=SIMILAR_TITLE_SCORE,
        dtype=np.uint8,
        workers=-1,
    )
    for i, j in zip(*np.nonzero(scores), strict=True):
        if i == j:
            continue
        doc, entry = cases[i]
        other_doc, other = cases[j]
        yield _warn(
            doc,
            ("titel",),
            "titel-lijkt-op",
            f"de titel '{entry.title}' lijkt sterk op '{other.title}' in {other_doc.path} "
            f"({scores[i, j]}% gelijk); is dit dezelfde casus?",
        )
