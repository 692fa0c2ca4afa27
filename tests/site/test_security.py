"""YAML text is escaped wherever it lands; Markdown bodies cannot carry raw HTML."""

from __future__ import annotations

import datetime as dt

import markdown
import yaml

from tests.conftest import REPO
from widw.content.library import Library
from widw.content.models import Case, Lesson
from widw.content.vocabulary import load_vocabulary
from widw.site import build_site
from widw.site.text import clean_html, md_text, safe_body

EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "def_list", "tables", "toc"]


def evil_library() -> Library:
    vocabulary, problems = load_vocabulary(REPO / "vocabulary.yml")
    assert not problems
    source = {"titel": EVIL, "uitgever": EVIL, "soort": "artikel", "url": "https://b.example/x"}
    case = Case.model_validate(
        {
            "slug": "kwaad",
            "titel": EVIL,
            "samenvatting": EVIL,
            "status": "beschreven",
            "collectie": "wij-in-de-wijk",
            "plaats": {"gemeente": EVIL, "wijk": EVIL, "provincie": "utrecht"},
            "themas": ["ontmoeting"],
            "actoren": [{"naam": EVIL, "soort": "bewoners", "rol": EVIL}],
            "uitkomst": {"soort": "loopt", "omschrijving": EVIL},
            "lessen": ["les"],
            "bronnen": [source],
            "afgeleid": [{"veld": "plaats.wijk", "toelichting": EVIL}],
            "laatst_gecontroleerd": dt.date(2026, 1, 1),
            "body": "Tekst <script>alert(2)</script> en [klik](javascript:alert(3)).",
        }
    )
    lesson = Lesson.model_validate(
        {
            "id": "les",
            "rollen": ["ambtenaren"],
            "titel": EVIL,
            "casussen": ["kwaad"],
            "bronnen": [source],
            "laatst_gecontroleerd": dt.date(2026, 1, 1),
        }
    )
    return Library({"kwaad": case}, {"les": lesson}, {}, vocabulary)


def test_no_page_contains_raw_html_from_yaml_or_bodies() -> None:
    site = build_site(evil_library(), site_url="https://x.example/")
    for src_uri, page in site.pages.items():
        html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
        assert "<script" not in html, src_uri
        assert "<img" not in html, src_uri
        assert "javascript:" not in html, src_uri
    case_page = site.pages["casussen/kwaad.md"]
    assert "&lt;script&gt;" in case_page


def test_front_matter_values_are_escaped() -> None:
    site = build_site(evil_library(), site_url="https://x.example/")
    front = yaml.safe_load(site.pages["casussen/kwaad.md"].split("---\n", 2)[1])
    assert "<" not in front["title"]
    assert "<" not in front["description"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in front["title"]


def test_md_text_escapes_html_and_markdown() -> None:
    assert str(md_text("<b>*x*</b> [a](b)")) == r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\](b)"
    assert str(md_text("- item")) == r"\- item"
    assert str(md_text("Barista's & co")) == "Barista's &amp; co"


def test_safe_body_keeps_code_and_autolinks() -> None:
    body = "Zie <https://a.example/x>.\n\n```html\n<b>code</b>\n```\n\nEn `<i>` inline.\n# Kop"
    out = str(safe_body(body))
    assert "<https://a.example/x>" in out
    assert "```html\n<b>code</b>\n```" in out
    assert "`<i>`" in out
    assert "\n##  Kop" in out or "\n## Kop" in out
    html = markdown.markdown(str(safe_body("<div onclick=x>hoi</div>")), extensions=EXTENSIONS)
    assert "<div" not in html


def test_clean_html_drops_scripts_and_handlers() -> None:
    cleaned = clean_html('<p onclick="x">a<script>b</script><a href="javascript:c">d</a></p>')
    assert "onclick" not in cleaned
    assert "<script" not in cleaned
    assert "javascript:" not in cleaned


def test_generated_pages_parse_as_markdown() -> None:
    site = build_site(evil_library(), site_url="https://x.example/")
    for page in site.pages.values():
        assert page.startswith("---\n")
        assert yaml.safe_load(page.split("---\n", 2)[1])["title"]
