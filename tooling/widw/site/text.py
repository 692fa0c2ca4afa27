"""Escaping and formatting helpers shared by every page type.

Every text value from YAML passes through `esc` (HTML) or `md_text` (HTML + Markdown)
before it lands in a page; Markdown bodies pass through `safe_body`, which turns raw HTML
into visible text and drops script links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

import nh3
import yaml
from markupsafe import Markup

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]#|])")
_MD_LINE_START = re.compile(r"^([-+]|\d+\.)(?=\s|$)")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_H1 = re.compile(r"^ {0,3}#(?=\s)")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_BAD_REF = re.compile(r"^(\s*\[[^\]]+\]:\s*)<?\s*(?:javascript|data|vbscript)\s*:", re.I | re.M)


def esc(value: object) -> str:
    """HTML-escape a value for text or a double-quoted attribute (apostrophes stay)."""
    text = "" if value is None else str(value)
    return html.escape(text, quote=False).replace('"', "&quot;")


def md_text(value: object) -> Markup:
    """Escape a YAML text for inline Markdown: no HTML, no accidental formatting."""
    text = esc(value)
    text = " ".join(text.split())
    text = _MD_SPECIALS.sub(r"\\\1", text)
    return Markup(_MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text))


def safe_body(markdown: str) -> Markup:
    """Neutralise raw HTML and script links in an editor's Markdown body.

    Code blocks and code spans are left alone (Markdown escapes them itself); everywhere
    else `<` becomes `&lt;`, except for `<https://…>` autolinks. A level-1 heading becomes
    level 2: the page title is the only h1.
    """
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if match:
            fence = match.group(2)
            out.append(line)
            continue
        if line.startswith(("    ", "\t")) and out and not out[-1].strip():
            out.append(line)  # indented code block
            continue
        out.append(_H1.sub("## ", _escape_line(line)))
    text = "\n".join(out)
    text = _BAD_LINK.sub("](#", text)
    return Markup(_BAD_REF.sub(r"\1#", text))


def _escape_line(line: str) -> str:
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_escape_html(line[last : span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_escape_html(line[last:]))
    return "".join(parts)


def _escape_html(text: str) -> str:
    links: list[str] = []

    def keep(match: re.Match[str]) -> str:
        links.append(match.group(0))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep, text).replace("<", "&lt;")
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], text)


_ALLOWED_TAGS = {
    "a", "div", "p", "span", "strong", "em", "i", "table", "caption", "thead", "tbody", "tr",
    "th", "td", "form", "label", "select", "option", "input", "button", "output", "ul",
    "li", "fieldset", "legend", "small", "abbr", "time", "nav", "section", "h2", "h3",
}  # fmt: skip
_ALLOWED_ATTRS: dict[str, set[str]] = {
    "*": {"class", "id", "hidden", "role", "title", "lang"},
    "div": {"tabindex"},
    "a": {"href", "rel"},
    "fieldset": {"disabled"},
    "th": {"scope"},
    "form": {"action", "method", "role"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "input": {"name", "type", "value", "placeholder", "autocomplete", "enterkeyhint"},
    "button": {"type"},
    "output": {"for"},
    "time": {"datetime"},
}


def clean_html(fragment: str) -> str:
    """Sanitise an HTML fragment we emit (defence in depth behind autoescaping)."""
    return nh3.clean(
        fragment,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        generic_attribute_prefixes={"data-", "aria-"},
        link_rel=None,
        url_schemes={"http", "https", "mailto"},
        strip_comments=True,
    )


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where present: several times faster than the pure-Python one."""


def front_matter(meta: Mapping[str, Any], body: str) -> str:
    """A Markdown page: YAML front matter (string values HTML-escaped) and the body."""
    meta = {**meta, "widw": meta.get("widw") or {"soort": "pagina"}}
    dumped = yaml.dump(
        _escape_meta(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{dumped}---\n\n{tidy(body).strip()}\n"


_NEEDS_GAP = re.compile(r"^(#{1,6}\s|<div\b|</div>|\?\?\?|!!!|<table\b|<form\b)")


def tidy(markdown: str) -> str:
    """Put a blank line before headings, HTML blocks and admonitions (outside code fences)."""
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match:
            fence = None if fence else match.group(2)
        elif fence is None and _NEEDS_GAP.match(line) and out and out[-1].strip():
            out.append("")
        out.append(line)
        if fence is None and line.startswith(("<div", "</div>")):
            out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)) if fence is None else "\n".join(out)


def _escape_meta(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)  # already trusted HTML (e.g. head tags from the cite helper)
    if isinstance(value, str):
        return esc(value)
    if isinstance(value, dict):
        return {k: _escape_meta(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape_meta(v) for v in value]
    return value


def join_nl(items: Iterable[str]) -> str:
    """'a, b en c'."""
    values = list(items)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " en " + values[-1]
