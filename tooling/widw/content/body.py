"""Rules for the Markdown body of a content file, and the internal links it makes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from widw.content.characters import INVISIBLE, invisible_message
from widw.content.reader import RawDocument

_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
_HTML = re.compile(r"<!--|<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?=[\s>/])")
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript):", re.IGNORECASE)
_LINK = re.compile(r"\]\(\s*<?([^()\s<>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s<>]+)>?", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|/)")


@dataclass(frozen=True)
class BodyLink:
    """A relative link to a page (`…/x.md`) in a body, with its place in the file."""

    target: str
    line: int
    column: int


def _without_code(body: str) -> str:
    """The body with code blanked out (newlines kept): examples in code are not checked."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def _place(doc: RawDocument, text: str, offset: int) -> tuple[int, int]:
    line = doc.body_line + text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_body(doc: RawDocument) -> None:
    """Bodies are Markdown only: raw HTML, script links and invisible characters are refused."""
    if not doc.body:
        return
    text = _without_code(doc.body)
    for pattern, code, message in (
        (
            _HTML,
            "html-in-tekst",
            "HTML is niet toegestaan in de tekst; gebruik Markdown "
            "(bijvoorbeeld **vet** of [link](https://…))",
        ),
        (
            _UNSAFE_LINK,
            "onveilige-link",
            "alleen links naar http(s)-adressen of andere pagina's zijn toegestaan",
        ),
    ):
        match = pattern.search(text)
        if match:
            doc.problem(code, message, *_place(doc, text, match.start()))
    hidden = INVISIBLE.search(doc.body)
    if hidden:
        line, column = _place(doc, doc.body, hidden.start())
        message = invisible_message(hidden.group(0), "de tekst", column - 1)
        doc.problem("onzichtbaar-teken", message.replace("op positie", "in kolom"), line, column)


def body_links(doc: RawDocument) -> list[BodyLink]:
    """Every relative link to a Markdown page in the body (fragments and queries removed)."""
    if "](" not in doc.body and "]:" not in doc.body:
        return []
    text = _without_code(doc.body)
    links: list[BodyLink] = []
    for pattern in (_LINK, _REFERENCE):
        for match in pattern.finditer(text):
            target = match.group(1)
            if _EXTERNAL.match(target):
                continue
            target = target.split("#", 1)[0].split("?", 1)[0]
            if target.endswith(".md"):
                links.append(BodyLink(target, *_place(doc, text, match.start(1))))
    return links
