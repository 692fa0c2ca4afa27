"""Pages that share well: a meta description and Open Graph / Twitter card tags per page.

Material writes `<meta name="description">` from the page's `description` front matter;
the Open Graph and Twitter tags go into `widw_head`, the head HTML the site's main.html
already renders. Both are plain front matter, so every builder of the generated pages gets
them. The page URL comes from the site URL the site is built with.
"""

from __future__ import annotations

import html
import json
import re

import yaml

from widw.site.text import esc

SITE_NAME = "Wij in de Wijk — kennisbank"
"""The site's name in share cards (as `site_name` in mkdocs.yml)."""
SITE_DESCRIPTION = (
    "Casussen, lessen en bronnen uit Wij in de Wijk, het project van Movisie (2019–2022) "
    "over initiatieven die bewoners met elkaar verbinden."
)
"""The description of pages that have no text of their own."""

MAX_DESCRIPTION = 200
"""Longest description in characters (search engines and cards cut longer ones)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_FRONT = re.compile(r"^---\n(.*?\n)---\n", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def description_of(text: str, *, first_sentence: bool = False) -> str:
    """A one-line description from a summary (or only its first sentence), cut at a word."""
    flat = " ".join(text.split())
    if first_sentence:
        flat = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(flat) <= MAX_DESCRIPTION:
        return flat
    cut = flat[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def share_tags(*, title: str, description: str, url: str, site_name: str) -> str:
    """Open Graph and Twitter card tags (text already in plain form; escaped here)."""
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "nl_NL"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    return "\n".join(f'<meta {kind}="{name}" content="{esc(value)}">' for kind, name, value in tags)


def with_share_tags(
    page: str, *, url: str, site_name: str = SITE_NAME, fallback: str = SITE_DESCRIPTION
) -> str:
    """A generated page (front matter + body) with its description and share tags added.

    The description is the page's own, else the first paragraph of its body, else
    `fallback` (the site description). Head HTML already in the page is kept after the tags.
    """
    match = _FRONT.match(page)
    if match is None:
        return page
    meta = yaml.load(match.group(1), Loader=_LOADER) or {}
    title = _plain(str(meta.get("title") or site_name))
    description = _plain(str(meta.get("description") or "")) or _first_paragraph(
        page[match.end() :]
    )
    description = description or fallback
    head = share_tags(title=title, description=description, url=url, site_name=site_name)
    lines = [f"description: {json.dumps(esc(description), ensure_ascii=False)}"]
    if meta.get("description"):
        lines = []
    if meta.get("widw_head"):
        head += "\n" + str(meta["widw_head"])
        front = re.sub(r"^widw_head:.*?(?=^\S|\Z)", "", match.group(1), flags=re.M | re.S)
    else:
        front = match.group(1)
    lines.append(f"widw_head: {json.dumps(head, ensure_ascii=False)}")
    return "---\n" + front + "\n".join(lines) + "\n---\n" + page[match.end() :]


def _plain(text: str) -> str:
    """Front matter text is HTML-escaped; the tags escape again, so undo it first."""
    return " ".join(html.unescape(text).split())


_MARKUP = re.compile(r"[*_`#>\[\]]|\{[^}]*\}|\([^)]*\.md[^)]*\)|<[^>]+>")


def _first_paragraph(body: str) -> str:
    """The first prose paragraph of a Markdown body: no heading, list, table or HTML."""
    for block in body.split("\n\n"):
        text = block.strip()
        if not text or text[0] in "#<|-*!{:" or text[:2].isdigit():
            continue
        return description_of(_plain(_MARKUP.sub("", text)))
    return ""
