"""What a case page needs from the citation kit: the 'Citeer deze casus' block and head tags.

The site helper calls `citation_for` per case page and ships `cite_assets()` as static files.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from importlib.resources import files
from typing import Any

from widw.cite.apa import apa, sorted_apa
from widw.cite.csl import (
    AUTHOR,
    PUBLISHER,
    SITE_NAME,
    case_item,
    normalise_site_url,
    source_items,
)
from widw.content import routes
from widw.content.dates import dutch_date
from widw.content.models import Case, Source

DOWNLOADS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
ASSETS = ("cite.js", "cite.css")


def export_path(slug: str, extension: str) -> str:
    """Site-relative path of a per-case citation file (in the 'citation' section's folder)."""
    return routes.file("citation", f"{slug}.{extension}")


def cite_assets() -> dict[str, str]:
    """Static files for the site: the copy-button script and the reference-list styles."""
    folder = files("widw.cite").joinpath("assets")
    return {
        routes.file("assets", name): folder.joinpath(name).read_text("utf-8") for name in ASSETS
    }


def json_for_script(data: Any) -> str:
    """JSON that cannot end a <script> element or open a comment: '<', '>', '&' escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def source_apa_html(source: Source, key: str = "bron") -> str:
    """One source publication as an APA reference (HTML)."""
    return sorted_apa(source_items([source], key), "html")[0]


def sources_apa_html(case: Case) -> list[str]:
    """The case's own source publications as APA references (HTML), in APA order."""
    return sorted_apa(source_items(case.sources, case.slug), "html")


def _mark_accessed(apa_html: str, accessed: dt.date) -> str:
    shown = dutch_date(accessed)
    marked = f'<time class="widw-cite__accessed" datetime="{accessed.isoformat()}">{shown}</time>'
    head, sep, tail = apa_html.partition(f"Geraadpleegd op {shown}")
    if not sep:
        return apa_html
    return f"{head}Geraadpleegd op {marked}{tail}"


def citation_markdown(
    case: Case, page_url: str, *, today: dt.date, with_sources: bool = True
) -> str:
    """The 'Citeer deze casus' section (Markdown with raw HTML blocks)."""
    item = case_item(case, url=page_url, accessed=today)
    anchor = f"apa-{case.slug}"
    lines = [
        "## Citeer deze casus",
        "",
        '<div class="widw-cite">',
        f'<p class="widw-cite__apa" id="{anchor}">{_mark_accessed(apa(item, "html"), today)}</p>',
        f'<button type="button" class="md-button widw-cite__copy" data-widw-copy="{anchor}" '
        "hidden>Kopieer de verwijzing</button>",
        '<span class="widw-cite__status" role="status" aria-live="polite"></span>',
        "</div>",
        "",
        "Download deze verwijzing voor je literatuurbeheer: "
        + " · ".join(f"[{label}](../{export_path(case.slug, ext)})" for ext, label in DOWNLOADS)
        + ".",
        "",
    ]
    references = sources_apa_html(case) if with_sources else []
    if references:
        lines += ["### Bronnen van deze casus (APA)", "", '<ul class="widw-cite__sources">']
        lines += [f"<li>{reference}</li>" for reference in references]
        lines += ["</ul>", ""]
    return "\n".join(lines)


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{html.escape(content, quote=True)}">'


def _place(case: Case) -> dict[str, Any]:
    place = case.place
    names = [n for n in (place.district, place.municipality) if n]
    about: dict[str, Any] = {"@type": "Place", "name": ", ".join(names) or case.title}
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "NL"}
    if place.municipality:
        address["addressLocality"] = place.municipality
    about["address"] = address
    if place.coordinates:
        about["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": place.coordinates.lat,
            "longitude": place.coordinates.lon,
        }
    return about


def json_ld(case: Case, page_url: str, *, site_url: str) -> dict[str, Any]:
    """schema.org Article describing the case page."""
    version = case.last_verified.isoformat()
    organisation = {"@type": "Organization", "name": PUBLISHER}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": page_url,
        "url": page_url,
        "name": case.title,
        "headline": case.title[:110],
        "description": case.summary,
        "identifier": case.slug,
        "datePublished": version,
        "dateModified": version,
        "inLanguage": "nl",
        "author": {"@type": "Organization", "name": AUTHOR},
        "publisher": organisation,
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": normalise_site_url(site_url)},
        "about": _place(case),
    }
    citations = [
        {"@type": "CreativeWork", "name": s.title, **({"url": s.url} if s.url else {})}
        for s in case.sources
    ]
    if citations:
        data["citation"] = citations
    return data


def head_html(case: Case, page_url: str, *, site_url: str) -> str:
    """Highwire Press citation_* tags and JSON-LD for the page head."""
    date = case.last_verified.strftime("%Y/%m/%d")
    tags = [
        _meta("citation_title", case.title),
        _meta("citation_author", AUTHOR),
        _meta("citation_publication_date", date),
        _meta("citation_online_date", date),
        _meta("citation_public_url", page_url),
        _meta("citation_publisher", PUBLISHER),
        _meta("citation_language", "nl"),
    ]
    # No <link rel="alternate"> to the citation files: Material's JavaScript treats every
    # alternate link as a language version and fetches "sitemap.xml" next to it.
    ld = json_for_script(json_ld(case, page_url, site_url=site_url))
    tags.append(f'<script type="application/ld+json">{ld}</script>')
    return "\n".join(tags) + "\n"


def citation_for(
    case: Case,
    page_url: str,
    *,
    site_url: str,
    today: dt.date | None = None,
    with_sources: bool = True,
) -> tuple[str, str]:
    """(markdown_block, head_html) for a case page; today is the retrieval date shown.

    `with_sources=False` leaves out the APA list of the case's sources, for a page that
    already shows those sources in APA (see `source_apa_html`).
    """
    accessed = today or dt.date.today()
    return (
        citation_markdown(case, page_url, today=accessed, with_sources=with_sources),
        head_html(case, page_url, site_url=site_url),
    )
