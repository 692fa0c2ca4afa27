"""Bodies are read by one Markdown tokenizer: what validation reports is what the site renders.

Each problem names the line and column where the HTML or the address stands; examples in
code spans and code blocks are never reported.
"""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from widw.content.body import body_links, check_body
from widw.content.reader import RawDocument, parse_document
from widw.site.text import safe_body

FRONT = "---\nslug: proef\ntitel: Proef\n---\n"
BODY_LINE = FRONT.count("\n") + 1
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "def_list", "tables", "toc"]


def read(body: str) -> RawDocument:
    doc = parse_document((FRONT + body).encode(), "case", "cases/proef.md")
    assert doc.body_line == BODY_LINE, doc.body_line
    return doc


def problems(body: str) -> list[str]:
    doc = read(body)
    check_body(doc)
    return [f"{p.line - BODY_LINE + 1}:{p.column} {p.code}" for p in doc.problems]


def links(body: str) -> list[tuple[str, int, int]]:
    return [
        (link.target, link.line - BODY_LINE + 1, link.column) for link in body_links(read(body))
    ]


def test_raw_html_is_reported_where_it_starts_once_per_line() -> None:
    body = "Eerst tekst.\n\nKlik <a href=x onclick=y>hier</a> of <b>daar</b>.\n"
    assert problems(body) == ["3:6 html-in-tekst"]
    assert problems("<div>\nblok\n</div>\n") == ["1:1 html-in-tekst"]
    assert problems("Tekst\n\n  <!-- verborgen -->\n") == ["3:3 html-in-tekst"]
    assert problems("> Citaat met <img src=x>\n") == ["1:14 html-in-tekst"]


def test_a_lone_less_than_sign_is_text_not_html() -> None:
    # the old scanner took '< b ' for the start of a tag
    assert problems("Als a < b en c > d, dan klopt het.\n") == []


def test_unsafe_addresses_are_reported_where_they_are_written() -> None:
    body = (
        "[klik](javascript:alert(1)) en ![beeld](data:image/png;base64,xx)\n"
        "en <vbscript:msgbox> en [ook](JavaScript&#58;alert(2)).\n\n"
        "[verwijzing][r]\n\n"
        "[r]: javascript:alert(3)\n"
    )
    assert problems(body) == [
        "1:8 onveilige-link",
        "1:41 onveilige-link",
        "2:5 onveilige-link",
        "2:31 onveilige-link",
        "6:6 onveilige-link",
    ]
    assert problems("[web](https://a.example/) en <mailto:a@b.example>\n") == []


def test_code_spans_and_code_blocks_are_examples_not_problems() -> None:
    body = (
        "Schrijf `<b>` of `[x](javascript:y)` of ``[a](kapot.md)``.\n\n"
        "```html\n<script>alert(1)</script>\n[b](kapot.md)\n```\n\n"
        "    <i>ingesprongen</i> [c](kapot.md)\n"
    )
    assert problems(body) == []
    assert links(body) == []


def test_page_links_count_in_links_images_and_definitions() -> None:
    body = (
        "Zie [Kenhem](../casussen/kenhem.md#kern) en [weg](https://a.example/x.md).\n"
        "> Een ![plaat](<plaatje.md>) in een citaat\n\n"
        "Via [verwijzing][les].\n\n"
        "[les]: ../lessen/les.md?x=1\n"
    )
    assert links(body) == [
        ("../casussen/kenhem.md", 1, 14),
        ("plaatje.md", 2, 17),
        ("../lessen/les.md", 6, 8),
    ]


def test_validation_and_rendering_agree_on_what_is_code() -> None:
    body = "Zie `<b>`.\n\n```\n<i>x</i>\n```\n\n<u>onderstreept</u>\n"
    assert problems(body) == ["7:1 html-in-tekst"]
    out = str(safe_body(body))
    assert "`<b>`" in out
    assert "```\n<i>x</i>\n```" in out
    assert "&lt;u>onderstreept&lt;/u>" in out
    html = markdown.markdown(out, extensions=EXTENSIONS)
    assert "<u>" not in html
    assert "&lt;u&gt;onderstreept" in html


def test_safe_body_neutralises_every_unsafe_address_the_tokenizer_finds() -> None:
    body = (
        "[a](javascript&#58;alert(1)) [b][r] <javascript:alert(2)> ![c](data:x)\n\n"
        "[r]: vbscript:x\n"
    )
    html = markdown.markdown(str(safe_body(body)), extensions=EXTENSIONS)
    for word in ("javascript", "vbscript", "data:"):
        assert word not in html.lower(), html
    assert '<a href="#">a</a>' in html
    assert '<a href="#">b</a>' in html


def test_every_level_one_heading_becomes_level_two() -> None:
    body = "# Kop\n\nTitel\n=====\n\n> # In een citaat\n\n## Al twee\n"
    html = markdown.markdown(str(safe_body(body)), extensions=EXTENSIONS)
    assert "<h1" not in html
    assert html.count("<h2") == 4


def test_indented_code_in_a_list_is_escaped_for_mkdocs() -> None:
    # CommonMark reads this as code in the list item; MkDocs' Markdown may read raw HTML.
    html = markdown.markdown(str(safe_body("- punt\n\n      <i>x</i>\n")), extensions=EXTENSIONS)
    assert "<i>" not in html


def test_code_that_mkdocs_may_read_otherwise_is_escaped() -> None:
    for body in (
        "```\n<b>nooit gesloten</b>\n",  # CommonMark runs an open fence to the end
        "```taal met spaties <b>\n<i>x</i>\n```\n",  # an info string superfences refuses
        "```los `<script>x</script>`\n",  # a stray backtick run pairs up otherwise
        "Een `code\n#kop\n<b>x</b>` over regels.\n",  # '#kop' is a heading to MkDocs
    ):
        html = markdown.markdown(
            str(safe_body(body)), extensions=[*EXTENSIONS, "pymdownx.superfences"]
        )
        for tag in ("<b>", "<script>", "<i>"):
            assert tag not in html, (body, html)
    kept = str(safe_body("```html\n<b>x</b>\n```\n\nZie `<i>`."))
    assert kept == "```html\n<b>x</b>\n```\n\nZie `<i>`."


PIECES = [
    "<", ">", "[", "]", "(", ")", "`", "```", "~~~", "\n", "\n\n", "    ", "\t", "#", "# ", "=",
    "- ", "> ", "1. ", "javascript:", "data:", "a", " ", "!", "&#58;", "<b>", "</b>", "<script>",
    "x.md", "\\", "*", "_", ":", "<!--", "-->", "é",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_no_body_gets_raw_html_or_a_script_link_through_mkdocs(pieces: list[str]) -> None:
    body = "".join(pieces)
    html = markdown.markdown(str(safe_body(body)), extensions=[*EXTENSIONS, "pymdownx.superfences"])
    outside_code = re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.S)
    assert not re.search(r"<(?:script|b>|/b>|!--)", outside_code), (body, html)
    assert 'href="javascript' not in html.lower()
    assert 'src="data' not in html.lower()
