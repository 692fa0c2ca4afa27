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

_KEPT = re.compile(
    r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
"""What stays byte for byte: elements whose white space counts, comments and every tag."""

_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\f\n]*")
"""A run of white space that holds a line break."""


def trim_indentation(page: str) -> str:
    """The page with every white-space run that holds a line break, outside tags and
    white-space-sensitive elements, shortened to one line break."""
    parts: list[str] = []
    start = 0
    for kept in _KEPT.finditer(page):
        parts.append(_BREAK.sub("\n", page[start : kept.start()]))
        parts.append(kept.group())
        start = kept.end()
    parts.append(_BREAK.sub("\n", page[start:]))
    return "".join(parts)
