"""The case page block and head tags: Highwire meta, JSON-LD, escaping, assets."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from tests.cite.conftest import NASTY_TITLE, SITE, TODAY
from widw.cite.csl import entry_url
from widw.cite.page import citation_for, cite_assets, json_for_script
from widw.content.library import Library


class HeadReader(HTMLParser):
    """Collects meta tags, links and script bodies the way a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str | None]] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "meta" and found.get("name"):
            self.meta.setdefault(str(found["name"]), []).append(str(found.get("content")))
        elif tag == "link":
            self.links.append(found)
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _read(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    reader.close()
    return reader


@pytest.fixture
def nasty(library: Library) -> tuple[str, str]:
    case = library.cases["wijkwerkplaats"]
    return citation_for(case, entry_url(SITE, "case", case.slug), site_url=SITE, today=TODAY)


def test_highwire_meta_tags(nasty: tuple[str, str]) -> None:
    head = _read(nasty[1])
    assert head.meta["citation_title"] == [NASTY_TITLE]
    assert head.meta["citation_author"] == ["Wij in de Wijk"]
    assert head.meta["citation_publication_date"] == ["2026/11/20"]
    assert head.meta["citation_online_date"] == ["2026/11/20"]
    assert head.meta["citation_public_url"] == [SITE + "casussen/wijkwerkplaats/"]
    assert head.meta["citation_publisher"] == ["Wij in de Wijk"]
    assert head.meta["citation_language"] == ["nl"]
    # Material fetches sitemap.xml beside every rel=alternate link: there must be none.
    assert not [link for link in head.links if link.get("rel") == "alternate"]


def test_json_ld_describes_the_case(nasty: tuple[str, str]) -> None:
    head = _read(nasty[1])
    (script,) = head.scripts
    data = json.loads(script)
    assert data["@type"] == "Article"
    assert data["name"] == NASTY_TITLE
    assert data["url"] == SITE + "casussen/wijkwerkplaats/"
    assert data["inLanguage"] == "nl"
    assert data["dateModified"] == "2026-11-20"
    assert data["publisher"]["name"] == "Wij in de Wijk"
    assert data["about"]["@type"] == "Place"
    assert data["about"]["name"] == "Holtenbroek, Zwolle"
    assert data["about"]["geo"]["latitude"] == pytest.approx(52.53)


def test_xss_payload_never_appears_unescaped(nasty: tuple[str, str]) -> None:
    block, head = nasty
    for html in (block, head):
        assert "<script>alert" not in html
    # The only tags the head holds are ours: the payload never opens one.
    assert set(_read(head).tags) == {"meta", "script"}
    assert head.count("</script>") == 1
    assert set(_read(block).tags) <= {"div", "p", "i", "a", "time", "button", "span", "ul", "li"}


def test_json_for_script_cannot_break_out() -> None:
    payload = {"x": "</script><!-- & \u2028"}
    text = json_for_script(payload)
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text) == payload


def test_markdown_block_has_text_button_downloads_and_sources(nasty: tuple[str, str]) -> None:
    block = nasty[0]
    assert block.startswith("## Citeer deze casus\n")
    assert 'data-widw-copy="apa-wijkwerkplaats"' in block
    assert 'id="apa-wijkwerkplaats"' in block
    assert " hidden>" in block  # the button appears only when the script runs
    assert 'Geraadpleegd op <time class="widw-cite__accessed" datetime="2026-12-01">' in block
    for ext in ("bib", "ris", "json"):
        assert f"(../citeer/wijkwerkplaats.{ext})" in block
    assert "### Bronnen van deze casus (APA)" in block
    assert "(z.d.). Wijkkrant Holtenbroek." in block


def test_case_without_sources_has_no_source_list(library: Library) -> None:
    case = library.cases["buurtkamer-noord"].model_copy(update={"sources": []})
    block, _ = citation_for(case, SITE + "casussen/buurtkamer-noord/", site_url=SITE, today=TODAY)
    assert "Bronnen van deze casus" not in block


def test_assets_ship_script_and_styles() -> None:
    assets = cite_assets()
    assert set(assets) == {"assets/widw/cite.js", "assets/widw/cite.css"}
    assert "data-widw-copy" in assets["assets/widw/cite.js"]
    assert "navigator.clipboard" in assets["assets/widw/cite.js"]
    assert "@media print" in assets["assets/widw/cite.css"]
