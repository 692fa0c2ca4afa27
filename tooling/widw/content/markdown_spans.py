"""One Markdown tokenizer for bodies: markdown-it-py's tokens, each with its place in the text.

Validation (`widw.content.body`) reports raw HTML and unsafe links at the line and column
where they stand; the site (`widw.site.text.safe_body`) escapes and rewrites exactly the
spans found here. Both read the same token stream, so what the site treats as code, HTML
or a link is what validation checked. markdown-it-py gives block tokens their lines only;
the inline rules that make code spans, HTML, links, images and autolinks, and the block
rule for link definitions, are wrapped here to record where each token starts and ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel
from markdown_it.rules_block import StateBlock, reference
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, autolink, backtick, html_inline, image, link
from markdown_it.token import Token

SpanKind = Literal["code", "html", "link", "image", "autolink", "definition", "heading"]
LINK_KINDS: frozenset[SpanKind] = frozenset({"link", "image", "autolink", "definition"})
"""Spans with an address: inline links and images, autolinks and link definitions."""

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
_INLINE_MARKS = re.compile(r"[`<\[]")
_LABEL = re.compile(r"[ \t]*\[(?:\\.|[^\\\]])*\]:[ \t]*\n?[ \t]*")


@dataclass(frozen=True)
class Span:
    """A piece of a body that matters to validation or rendering, by offset in the text."""

    kind: SpanKind
    start: int
    end: int
    target: str = ""
    """The address as written (angle brackets removed), for the kinds in LINK_KINDS."""
    href: str = ""
    """The address as a browser gets it (entities decoded, normalised)."""
    target_start: int = -1
    target_end: int = -1
    level: int = 0
    """A heading's level (1–6)."""
    setext: bool = False
    """A heading underlined with '===' or '---' rather than opened with '#'."""

    @property
    def unsafe(self) -> bool:
        """A link that would run a script or embed data: javascript:, vbscript:, data:."""
        return any(
            _IGNORED_IN_SCHEME.sub("", address).lower().startswith(UNSAFE_SCHEMES)
            for address in (self.target, self.href)
        )


class _Tokenizer(MarkdownIt):
    """CommonMark with raw HTML on, every address accepted (validation judges them)."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


InlineRule = Callable[[StateInline, bool], bool]


def _recorded(rule: InlineRule, kinds: tuple[str, ...]) -> InlineRule:
    """The inline rule, noting on the token it makes where in the source it begins and ends."""

    def run(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[before:]:
                if token.type in kinds and "start" not in token.meta:
                    token.meta.update(start=start, end=state.pos)
                    if rule in (link, image):
                        _note_destination(state, token, start + (rule is image), rule is link)
                    break
        return True

    return run


def _note_destination(state: StateInline, token: Token, label_at: int, is_link: bool) -> None:
    """Where an inline link's address is written (reference-style links have none here)."""
    label_end = parseLinkLabel(state, label_at, is_link)
    src = state.src
    if label_end < 0 or src[label_end + 1 : label_end + 2] != "(":
        return
    pos = label_end + 2
    while pos < len(src) and src[pos] in " \t\n":
        pos += 1
    found = parseLinkDestination(src, pos, len(src))
    if found.ok:
        token.meta.update(target_start=pos, target_end=found.pos)


def _recorded_definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """The link definition rule ('[naam]: adres'), keeping where each definition's address is."""
    if not reference(state, start, end, silent):
        return False
    if not silent:
        begin = state.bMarks[start] + state.tShift[start]
        label = _LABEL.match(state.src, begin)
        if label is not None:
            found = parseLinkDestination(state.src, label.end(), state.eMarks[state.line - 1])
            if found.ok:
                state.env.setdefault("widw_definitions", []).append(
                    (begin, label.end(), found.pos, state.md.normalizeLink(found.str))
                )
    return True


def _inline_where_needed(state: StateCore) -> None:
    """Inline parsing, skipped for text that cannot hold code, HTML, a link or an image."""
    for token in state.tokens:
        if token.type == "inline" and _INLINE_MARKS.search(token.content):
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _tokenizer() -> _Tokenizer:
    md = _Tokenizer("commonmark")
    md.core.ruler.at("inline", _inline_where_needed)
    for name, rule, kinds in (
        ("backticks", backtick, ("code_inline",)),
        ("link", link, ("link_open",)),
        ("image", image, ("image",)),
        ("autolink", autolink, ("link_open",)),
        ("html_inline", html_inline, ("html_inline",)),
    ):
        md.inline.ruler.at(name, _recorded(rule, kinds))
    md.block.ruler.at("reference", _recorded_definition)
    return md


_MD = _tokenizer()


def spans(text: str) -> list[Span]:
    """Code, raw HTML, links, images, autolinks, link definitions and headings, in order."""
    env: dict[str, list[tuple[int, int, int, str]]] = {}
    tokens = _MD.parse(text, env)
    starts = _line_starts(text)
    found = list(_block_spans(text, starts, tokens))
    for begin, target_start, target_end, href in env.get("widw_definitions", []):
        found.append(
            _address_span("definition", text, (begin, target_end), (target_start, target_end), href)
        )
    return sorted(found, key=lambda span: (span.start, span.end))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    starts.append(len(text) + 1)
    return starts


def _block_spans(text: str, starts: list[int], tokens: list[Token]) -> Iterator[Span]:
    lists = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        if token.map is None:
            continue
        first, last = token.map
        begin, end = starts[first], starts[last] - 1
        if (token.type == "fence" and _plain_fence(text, starts, token)) or (
            token.type == "code_block" and not lists
        ):
            # Python-Markdown (MkDocs) counts list indentation in fours, CommonMark by the
            # marker, and needs a closing fence: only code that both see is code here.
            yield Span("code", begin, end)
        elif token.type == "html_block":
            offset = text.find("<", begin, end)
            yield Span("html", offset if offset >= 0 else begin, end)
        elif token.type == "heading_open":
            yield Span(
                "heading", begin, end, level=int(token.tag[1]), setext=token.markup[0] in "=-"
            )
        elif token.type == "inline" and token.children:
            bases = _content_bases(text, starts, token)
            yield from _inline_spans(text, token.children, token.content, bases)


_PLAIN_INFO = re.compile(r"\.?[\w#.+-]*|\{[^{}]*\}")
"""An info string MkDocs' fences (pymdownx.superfences) read too: a language or {attributes}."""


def _plain_fence(text: str, starts: list[int], token: Token) -> bool:
    """A fenced block MkDocs reads as one too: a plain info string and a closing fence
    (CommonMark also lets a fence run to the end of the text)."""
    assert token.map is not None
    first, last = token.map
    closing = text[starts[last - 1] : starts[last] - 1].lstrip(" \t>").rstrip()
    fence = token.markup
    return (
        last - first >= 2
        and closing.startswith(fence)
        and not closing.strip(fence[0])
        and bool(_PLAIN_INFO.fullmatch(token.info.strip()))
    )


def _content_bases(text: str, starts: list[int], token: Token) -> list[int]:
    """The offset in the text of each line of an inline token's content.

    markdown-it strips quote markers, list indentation and outer white space from the
    lines it hands to the inline rules; each content line is found again in its source line.
    """
    assert token.map is not None
    bases: list[int] = []
    for number, line in enumerate(token.content.split("\n"), start=token.map[0]):
        source = text[starts[number] : starts[number + 1] - 1]
        tail = source.rstrip()
        if line.strip() and tail.endswith(line.rstrip()):
            shift = len(tail) - len(line.rstrip())
        else:
            shift = max(source.find(line), 0)
        bases.append(starts[number] + shift)
    return bases


def _inline_spans(
    text: str, children: list[Token], content: str, bases: list[int], shift: int = 0
) -> Iterator[Span]:
    def at(offset: int) -> int:
        offset += shift
        line = content.count("\n", 0, offset)
        return bases[line] + offset - (content.rfind("\n", 0, offset) + 1)

    # a stray backtick may pair up differently in another Markdown: then no span is code
    stray = any("`" in token.content for token in children if token.type == "text")
    for token in children:
        if "start" not in token.meta:
            continue
        start, end = at(token.meta["start"]), at(token.meta["end"])
        if token.type == "code_inline":
            if not stray and _plain_code_span(text, start, end):
                yield Span("code", start, end)
        elif token.type == "html_inline":
            yield Span("html", start, end)
        elif token.type == "link_open" and token.markup == "autolink":
            href = token.attrs["href"]
            yield _address_span("autolink", text, (start, end), (start + 1, end - 1), href)
        elif token.type in ("link_open", "image"):
            kind: SpanKind = "image" if token.type == "image" else "link"
            href = str(token.attrs.get("href" if kind == "link" else "src", ""))
            if "target_start" in token.meta:
                target = (at(token.meta["target_start"]), at(token.meta["target_end"]))
                yield _address_span(kind, text, (start, end), target, href)
            else:
                yield Span(kind, start, end, href=href)
            if token.type == "image" and token.children:  # the alt text was parsed apart
                yield from _inline_spans(
                    text, token.children, content, bases, shift + token.meta["start"] + 2
                )


_PLAIN_CODE_SPAN = re.compile(r"(`+)[^`\n]+\1")


def _plain_code_span(text: str, start: int, end: int) -> bool:
    """A code span every Markdown reads alike: on one line, no backslash before, no backtick in.

    Other spans are not kept as code, so their '<' is escaped too (a cosmetic '&lt;' at
    worst, never raw HTML in a renderer that reads backticks differently).
    """
    return text[start - 1 : start] != "\\" and bool(_PLAIN_CODE_SPAN.fullmatch(text, start, end))


def _address_span(
    kind: SpanKind, text: str, span: tuple[int, int], target: tuple[int, int], href: object
) -> Span:
    """A span with an address; '<…>' around an inline link's address is not its target."""
    target_start, target_end = target
    bracketed = text[target_start : target_start + 1] + text[target_end - 1 : target_end]
    if kind != "autolink" and bracketed == "<>":
        target_start, target_end = target_start + 1, target_end - 1
    return Span(
        kind,
        *span,
        target=text[target_start:target_end],
        href=str(href),
        target_start=target_start,
        target_end=target_end,
    )
