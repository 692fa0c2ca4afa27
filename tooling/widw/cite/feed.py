"""The Atom feed of new and updated cases (feed.xml), built with feedgen.

Entries are ordered by version date (``laatst_gecontroleerd``), newest first; an entry's id
is the case URL, so a reader sees a changed case as an update, not as a new item. The feed
carries no clock time: every timestamp comes from the content or the `updated` parameter.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from widw.cite.csl import AUTHOR, SITE_NAME, entry_url, normalise_site_url
from widw.content.library import Library

FEED_PATH = "feed.xml"
MAX_ENTRIES = 100


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def atom_feed(library: Library, *, site_url: str, updated: dt.datetime | None = None) -> bytes:
    """feed.xml; `updated` defaults to the newest version date (never 'now')."""
    base = normalise_site_url(site_url)
    cases = sorted(library.cases.values(), key=lambda c: (-c.last_verified.toordinal(), c.slug))
    cases = cases[:MAX_ENTRIES]
    newest = max((c.last_verified for c in cases), default=dt.date(2019, 1, 1))
    feed = FeedGenerator()
    feed.id(base + FEED_PATH)
    feed.title(f"{SITE_NAME}: nieuwe en bijgewerkte casussen")
    feed.subtitle("Casussen van Wij in de Wijk die zijn toegevoegd of opnieuw nagelopen.")
    feed.author({"name": AUTHOR})
    feed.link(href=base, rel="alternate")
    feed.link(href=base + FEED_PATH, rel="self", type="application/atom+xml")
    feed.language("nl")
    feed.generator("widw")
    feed.updated(updated or _midnight(newest))
    for case in cases:
        url = entry_url(site_url, "case", case.slug)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(case.title)
        entry.link(href=url, rel="alternate")
        entry.updated(_midnight(case.last_verified))
        entry.summary(case.summary)
        for theme in case.themes:
            entry.category(term=theme, label=library.vocabulary.label("themas", theme))
    xml: bytes = feed.atom_str(pretty=True)
    return xml
