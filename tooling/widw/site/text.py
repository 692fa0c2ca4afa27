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

from widw.content.markdown_spans import LINK_KINDS, spans

_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]#|])")
_MD_LINE_START = re.compile(r"^([-+]|\d+\.)(?=\s|$)")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")


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

    The body is read by the tokenizer validation uses (`widw.content.markdown_spans`).
    Code blocks and code spans are left alone (Markdown escapes them itself); everywhere
    else `<` becomes `&lt;`, except for `<https://…>` autolinks. A script or data address
    becomes `#`. A level-1 heading becomes level 2: the page title is the only h1.
    """
    text = "\n".join(markdown.splitlines())
    if "<" not in text and "#" not in text and "=" not in text and ":" not in text:
        return Markup(text)
    kept: list[tuple[int, int]] = []
    edits: list[tuple[int, int, str]] = []
    for span in spans(text):
        if span.kind == "code" or (
            span.kind == "autolink" and _WEB_AUTOLINK.fullmatch(text, span.start, span.end)
        ):
            kept.append((span.start, span.end))
        elif span.kind in LINK_KINDS and span.unsafe and span.target_start >= 0:
            edits.append((span.target_start, span.target_end, "#"))
        elif span.kind == "heading" and span.level == 1:
            edits.append(_demoted(text, span.start, span.end, span.setext))
    return Markup(_rewrite(text, kept, sorted(edits)))


_WEB_AUTOLINK = re.compile(r"<https?://[^\s<>]+>")
_ATX_MARK = re.compile(r"(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]))*[ \t]*(#)")
_SETEXT_LINE = re.compile(r"[ \t>]*(=+)[ \t]*$")


def _demoted(text: str, start: int, end: int, setext: bool) -> tuple[int, int, str]:
    """The edit that makes a level-1 heading level 2: '#' → '##', '===' → '---'."""
    if setext:
        underline = text.rfind("\n", start, end) + 1
        match = _SETEXT_LINE.match(text, underline, end)
        if match:
            return match.start(1), match.end(1), "-" * len(match.group(1))
        return start, start, ""
    match = _ATX_MARK.match(text, start, end)
    return (match.start(1), match.end(1), "##") if match else (start, start, "")


def _rewrite(text: str, kept: list[tuple[int, int]], edits: list[tuple[int, int, str]]) -> str:
    """The text with `edits` applied and `<` escaped outside the `kept` spans."""
    out: list[str] = []
    position = 0
    for start, end, replacement in edits:
        if start < position:
            continue
        out.append(_escape_outside(text, position, start, kept))
        out.append(replacement)
        position = end
    out.append(_escape_outside(text, position, len(text), kept))
    return "".join(out)


def _escape_outside(text: str, start: int, end: int, kept: list[tuple[int, int]]) -> str:
    out: list[str] = []
    for keep_start, keep_end in kept:
        if keep_end <= start or keep_start >= end:
            continue
        out.append(text[start:keep_start].replace("<", "&lt;"))
        out.append(text[max(keep_start, start) : min(keep_end, end)])
        start = min(keep_end, end)
    out.append(text[start:end].replace("<", "&lt;"))
    return "".join(out)


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
