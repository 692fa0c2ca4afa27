"""Every file the citation kit adds to the site, as site-relative path → content.

Deterministic: the same library, site URL and `today` give byte-identical files.
`today` is the retrieval date written into citation files (BibTeX urldate, RIS Y2,
CSL-JSON accessed); None means the build date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from widw.buildcache import Part
from widw.cite import formats
from widw.cite.csl import CslItem, case_item, entry_url, episode_item, lesson_item
from widw.cite.feed import FEED_PATH, atom_feed
from widw.cite.page import export_path
from widw.cite.redirects import redirect_files
from widw.cite.tables import (
    cases_csv,
    cases_json,
    cases_json_schema,
    codebook_csv,
    codebook_markdown,
)
from widw.content import routes
from widw.content.entryhash import EntryHashes
from widw.content.kinds import KINDS
from widw.content.library import Library
from widw.content.models import Case
from widw.content.schema import schema_files


def library_items(library: Library, *, site_url: str, today: dt.date) -> list[CslItem]:
    """CSL items of every case, lesson and episode page, in that order, each sorted."""
    items = [
        case_item(library.cases[s], url=entry_url(site_url, "case", s), accessed=today)
        for s in sorted(library.cases)
    ]
    items += [
        lesson_item(library.lessons[i], url=entry_url(site_url, "lesson", i), accessed=today)
        for i in sorted(library.lessons)
    ]
    items += [
        episode_item(library.episodes[s], url=entry_url(site_url, "episode", s), accessed=today)
        for s in sorted(library.episodes)
    ]
    return items


def export_files(
    library: Library, *, site_url: str, today: dt.date | None = None
) -> dict[str, str | bytes]:
    """All static files: open data, JSON Schemas, citation files, feed and alias redirects."""
    out: dict[str, str | bytes] = {}
    for part in export_parts(library, site_url=site_url, today=today):
        out.update(part.make())
    return dict(sorted(out.items()))


def export_parts(
    library: Library,
    *,
    site_url: str,
    today: dt.date | None = None,
    hashes: EntryHashes | None = None,
) -> list[Part]:
    """`export_files` in parts: the files over the whole library, then each case's own.

    A case's citation files read only the case (and the site address and date, which are
    part of every build's salt), so an edit writes only its own three files again.
    """
    day = today or dt.date.today()
    hashes = hashes or EntryHashes(library)
    parts = [Part("exports", hashes.everything(), lambda: _library_files(library, site_url, day))]
    for slug in sorted(library.cases):
        inputs = (hashes.own("case", slug),)
        parts.append(Part(f"cite:{slug}", inputs, _cited(library.cases[slug], site_url, day)))
    return parts


def _cited(case: Case, site_url: str, day: dt.date) -> Callable[[], dict[str, str | bytes]]:
    return lambda: case_files(case, site_url=site_url, today=day)


def case_files(case: Case, *, site_url: str, today: dt.date) -> dict[str, str | bytes]:
    """One case's citation files: BibTeX, RIS and CSL-JSON."""
    item = case_item(case, url=entry_url(site_url, "case", case.slug), accessed=today)
    return {
        export_path(case.slug, "bib"): formats.bibtex([item]),
        export_path(case.slug, "ris"): formats.ris([item]),
        export_path(case.slug, "json"): formats.csl_json([item]),
    }


def _library_files(library: Library, site_url: str, day: dt.date) -> dict[str, str | bytes]:
    items = library_items(library, site_url=site_url, today=day)
    out: dict[str, str | bytes] = {
        routes.file("data", "cases.json"): cases_json(library, site_url=site_url),
        routes.file("data", "cases.schema.json"): cases_json_schema(site_url=site_url),
        routes.file("data", "cases.csv"): cases_csv(library, site_url=site_url),
        routes.file("data", "codeboek.csv"): codebook_csv(library),
        "citations.bib": formats.bibtex(items),
        "citations.ris": formats.ris(items),
        "citations.json": formats.csl_json(items),
        FEED_PATH: atom_feed(library, site_url=site_url),
    }
    out.update(redirect_files(library, site_url=site_url))
    out.update({routes.file("schema", name): text for name, text in schema_files().items()})
    return out


def data_pages(library: Library) -> dict[str, str]:
    """Markdown pages for the site: the open-data overview and the codebook."""
    links = [
        ("Alle casussen als JSON", "cases.json"),
        ("JSON Schema van cases.json", "cases.schema.json"),
        ("Alle casussen als CSV (spreadsheet)", "cases.csv"),
        ("Codeboek als CSV", "codeboek.csv"),
        ("Verwijzingen in BibTeX", "../citations.bib"),
        ("Verwijzingen in RIS (Zotero, EndNote, Mendeley)", "../citations.ris"),
        ("Verwijzingen in CSL-JSON", "../citations.json"),
        ("Nieuwe en bijgewerkte casussen (Atom-feed)", "../feed.xml"),
        *(
            (
                f"JSON Schema van een {info.singular}",
                "../" + routes.file("schema", info.schema_file),
            )
            for info in KINDS.values()
        ),
    ]
    index = [
        "# Open data",
        "",
        f"De kennisbank bevat {len(library.cases)} casussen. Je mag de gegevens hergebruiken;",
        "vermeld dan de bron. Elke casus heeft een vast webadres en een citeersleutel (de slug).",
        "",
        *(f"- [{label}]({target})" for label, target in links),
        "",
        "Wat elke kolom betekent, staat in het [codeboek](codeboek.md).",
        "",
    ]
    return {
        routes.page("data"): "\n".join(index),
        routes.page("data", "codeboek"): codebook_markdown(library),
    }
