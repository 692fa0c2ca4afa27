"""Bodies are read by one Markdown tokenizer: what validation reports is what the site renders.

Each problem names the line and column where the HTML or the address stands; examples in
code spans and code blocks are never reported.
"""

from __future__ import annotations

import markdown

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
