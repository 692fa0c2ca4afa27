"""Every file the citation kit adds to the site, as site-relative path → content.

Deterministic: the same library, site URL and `today` give byte-identical files.
`today` is the retrieval date written into citation files (BibTeX urldate, RIS Y2,
CSL-JSON accessed); None means the build date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from widw.buildcache import INTERNAL, Part
from widw.cite import formats
from widw.cite.csl import CslItem, case_item, entry_url, episode_item, lesson_item
from widw.cite.feed import FEED_PATH, atom_feed
from widw.cite.page import export_path
from widw.cite.redirects import redirect_files
from widw.cite.tables import (
    case_csv,
    case_json,
    case_lessons,
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

    def earlier(name: str) -> str:
        return str(out[name])

    for part in export_parts(library, site_url=site_url, today=today, earlier=earlier):
        out.update(part.make())
    return dict(sorted((k, v) for k, v in out.items() if not k.startswith(INTERNAL)))


def export_parts(
    library: Library,
    *,
    site_url: str,
    earlier: Callable[[str], str],
    today: dt.date | None = None,
    hashes: EntryHashes | None = None,
) -> list[Part]:
    """`export_files` in parts: each case's own files, then the files over the whole library.

    A case's part reads the case and the ids of its lessons (and the site address and date,
    which are part of every build's salt): its citation files and, for the files over the
    whole library, its record in cases.json and its row in cases.csv (`INTERNAL` outputs):
    the last part joins those and the citation files, read through `earlier`. So an edit
    to one case writes only its own pieces again, and the joined files.
    """
    day = today or dt.date.today()
    hashes = hashes or EntryHashes(library)
    parts = []
    for slug in sorted(library.cases):
        lessons = hashes.of("lesson", case_lessons(library, library.cases[slug]))
        inputs = (hashes.own("case", slug), lessons)
        parts.append(Part(f"cite:{slug}", inputs, _cited(library, slug, site_url, day)))
    everything = hashes.everything()
    parts.append(Part("exports", everything, _joined(library, site_url, day, earlier)))
    return parts


def _cited(
    library: Library, slug: str, site_url: str, day: dt.date
) -> Callable[[], dict[str, str | bytes]]:
    def make() -> dict[str, str | bytes]:
        case = library.cases[slug]
        return {
            **case_files(case, site_url=site_url, today=day),
            _record(slug): case_json(library, case, site_url),
            _row(slug): case_csv(library, case, site_url),
        }

    return make


def _record(slug: str) -> str:
    return f"{INTERNAL}cases.json/{slug}"


def _row(slug: str) -> str:
    return f"{INTERNAL}cases.csv/{slug}"


def case_files(case: Case, *, site_url: str, today: dt.date) -> dict[str, str | bytes]:
    """One case's citation files: BibTeX, RIS and CSL-JSON."""
    item = case_item(case, url=entry_url(site_url, "case", case.slug), accessed=today)
    return {
        export_path(case.slug, "bib"): formats.bibtex([item]),
        export_path(case.slug, "ris"): formats.ris([item]),
        export_path(case.slug, "json"): formats.csl_json([item]),
    }


def _joined(
    library: Library, site_url: str, day: dt.date, earlier: Callable[[str], str]
) -> Callable[[], dict[str, str | bytes]]:
    def make() -> dict[str, str | bytes]:
        items = library_items(library, site_url=site_url, today=day)
        out: dict[str, str | bytes] = {
            routes.file("data", "cases.json"): cases_json(
                library, site_url=site_url, records=lambda slug: earlier(_record(slug))
            ),
            routes.file("data", "cases.schema.json"): cases_json_schema(site_url=site_url),
            routes.file("data", "cases.csv"): cases_csv(
                library, site_url=site_url, rows=lambda slug: earlier(_row(slug))
            ),
            routes.file("data", "codeboek.csv"): codebook_csv(library),
            "citations.bib": formats.bibtex(items),
            "citations.ris": formats.ris(items),
            "citations.json": formats.joined_csl_json(
                [
                    *(earlier(export_path(slug, "json")) for slug in sorted(library.cases)),
                    *(formats.csl_json([item]) for item in items[len(library.cases) :]),
                ]
            ),
            FEED_PATH: atom_feed(library, site_url=site_url),
        }
        out.update(redirect_files(library, site_url=site_url))
        out.update({routes.file("schema", name): text for name, text in schema_files().items()})
        return out

    return make


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
