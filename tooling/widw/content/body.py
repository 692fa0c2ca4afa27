"""Rules for the Markdown body of a content file, and the internal links it makes.

The body is read by the same tokenizer the site renders with (`widw.content.markdown_spans`):
examples in code spans and code blocks are never reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from widw.content.characters import INVISIBLE, invisible_message
from widw.content.reader import RawDocument

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|/)")
_HTML_MESSAGE = (
    "HTML is niet toegestaan in de tekst; gebruik Markdown "
    "(bijvoorbeeld **vet** of [link](https://…))"
)
_UNSAFE_MESSAGE = "alleen links naar http(s)-adressen of andere pagina's zijn toegestaan"


@dataclass(frozen=True)
class BodyLink:
    """A relative link to a page (`…/x.md`) in a body, with its place in the file."""

    target: str
    line: int
    column: int


def _place(doc: RawDocument, offset: int) -> tuple[int, int]:
    line = doc.body_line + doc.body.count("\n", 0, offset)
    return line, offset - (doc.body.rfind("\n", 0, offset) + 1) + 1


def _may_have_markup(body: str) -> bool:
    """HTML, autolinks and links all need one of these; most bodies have none."""
    return "<" in body or "](" in body or "]:" in body


def check_body(doc: RawDocument) -> None:
    """Bodies are Markdown only: raw HTML, script links and invisible characters are refused.

    Raw HTML is reported once per line, each unsafe address where it is written.
    """
    if not doc.body:
        return
    if _may_have_markup(doc.body):
        # imported here: most bodies have no markup, and validation then needs no parser
        from widw.content.markdown_spans import LINK_KINDS, spans

        html_lines: set[int] = set()
        for span in spans(doc.body):
            if span.kind == "html":
                line, column = _place(doc, span.start)
                if line not in html_lines:
                    html_lines.add(line)
                    doc.problem("html-in-tekst", _HTML_MESSAGE, line, column)
            elif span.kind in LINK_KINDS and span.unsafe and span.target_start >= 0:
                # a reference-style link is reported at its definition, where the address is
                doc.problem("onveilige-link", _UNSAFE_MESSAGE, *_place(doc, span.target_start))
    hidden = INVISIBLE.search(doc.body)
    if hidden:
        line, column = _place(doc, hidden.start())
        message = invisible_message(hidden.group(0), "de tekst", column - 1)
        doc.problem("onzichtbaar-teken", message.replace("op positie", "in kolom"), line, column)


def body_links(doc: RawDocument) -> list[BodyLink]:
    """Every relative link to a Markdown page in the body (fragments and queries removed).

    Inline links and images count where their address is written, reference-style links
    at their definition ('[naam]: adres').
    """
    if "](" not in doc.body and "]:" not in doc.body:
        return []
    from widw.content.markdown_spans import LINK_KINDS, spans

    links: list[BodyLink] = []
    for span in spans(doc.body):
        if span.kind not in LINK_KINDS or span.kind == "autolink" or span.target_start < 0:
            continue
        if _EXTERNAL.match(span.target):
            continue
        target = span.target.split("#", 1)[0].split("?", 1)[0]
        if target.endswith(".md"):
            links.append(BodyLink(target, *_place(doc, span.target_start)))
    return links
