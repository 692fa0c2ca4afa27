"""Drop the templates' indentation from a finished HTML page without changing what it shows.

Material's templates indent their markup; on a case page that is about 6 KB of spaces. A
browser collapses every run of white space in running text to one space, so a run that
holds a line break can become a single line break with nothing changed on the screen. The
page is left as it is inside tags (attribute values keep their spaces), comments, and the
elements whose white space counts: `pre`, `textarea`, `code`, `kbd` (Material sets them to
`pre-wrap`), `script` and `style`.

This replaces an HTML minifier (htmlmin parsed every page in Python: on thousands of pages
that was the largest part of a build); the widw MkDocs plugin calls it for every page.
"""

from __future__ import annotations

import re

_SPACE_COUNTS = r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>|<!--.*?-->"
_KEPT = re.compile(_SPACE_COUNTS, re.DOTALL)
"""What stays byte for byte: elements whose white space counts, and comments."""

_KEPT_AND_LONG_TAGS = re.compile(_SPACE_COUNTS + r"|<[^>\n]*\n[^>]*>", re.DOTALL)
"""The same and every tag that spans lines (its attribute values keep their line breaks)."""

_LONG_TAG = re.compile(r"<[^<>\n]*\n")

_BREAK = re.compile(r"\n\s+")
"""White space after a line break."""


def trim_indentation(page: str) -> str:
    """The page with the white space after every line break, outside tags and
    white-space-sensitive elements, dropped (the line break stays)."""
    kept = _KEPT_AND_LONG_TAGS if _LONG_TAG.search(page) else _KEPT
    parts: list[str] = []
    start = 0
    for match in kept.finditer(page):
        parts.append(_BREAK.sub("\n", page[start : match.start()]))
        parts.append(match.group())
        start = match.end()
    parts.append(_BREAK.sub("\n", page[start:]))
    return "".join(parts)
