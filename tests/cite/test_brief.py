"""The briefing pack as a host uses it: what every lesson says, per case a page, printed."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.cite.conftest import FILES, SITE
from tests.cite.tools import require_tool
from widw.cite.brief import build_brief
from widw.cite.excerpt import excerpt, shared_paragraphs
from widw.content.library import Library, ProjectPaths, load_library

BOILERPLATE = (
    "Deze les komt uit het rapport dat Movisie schreef over de Wijkwerkplaats in Zwolle.\n"
    "Het rapport sluit af met lessen per rol."
)


def _lesson(slug: str, role: str, title: str, body: str) -> str:
    return f"""---
id: {slug}
rollen: [{role}]
titel: {title}
casussen: [wijkwerkplaats, buurtkamer-noord]
bronnen:
  - titel: Lessen uit de werkplaats
    uitgever: Movisie
    auteurs: ["Mourik, K. van"]
    url: https://bron.example/werkplaats-lessen
    soort: rapport
laatst_gecontroleerd: 2026-11-01
---

{body}
"""


OWN_TEXT = {
    "geef-ruimte": "Bewoners weten zelf het best wat de werkplaats nodig heeft.",
    "drie-redenen": "Movisie noemt drie redenen waarom repareren samen bindt:",
    "deel-de-sleutel": "Wie de sleutel heeft, bepaalt wie binnenkomt.",
}
"""The first words of each lesson's own text (after the shared opening paragraph)."""

LESSONS = {
    "lessons/geef-ruimte.md": _lesson(
        "geef-ruimte",
        "ambtenaren",
        "Geef bewoners de ruimte",
        f"{BOILERPLATE}\n\n{OWN_TEXT['geef-ruimte']} Het rapport raadt aan hen te volgen.\n\n"
        "Een tweede alinea die niet in de hand-out hoort.",
    ),
    "lessons/drie-redenen.md": _lesson(
        "drie-redenen",
        "bestuurders-politici",
        "Repareren verbindt",
        f"{BOILERPLATE}\n\n{OWN_TEXT['drie-redenen']}\n\n- je leert elkaar kennen;\n"
        "- je deelt gereedschap;\n- je ziet resultaat.\n\nDaarna volgt meer.",
    ),
    "lessons/deel-de-sleutel.md": _lesson(
        "deel-de-sleutel",
        "actieve-inwoners",
        "Deel de sleutel",
        f"{BOILERPLATE}\n\n## Kern\n\n{OWN_TEXT['deel-de-sleutel']} Geef daarom meer "
        "bewoners een sleutel, zodat de ruimte niet van één persoon afhangt.",
    ),
}


@pytest.fixture
def brief_library(make_project: Callable[[Mapping[str, str | bytes]], Path]) -> Library:
    root = make_project({**FILES, **LESSONS})
    result = load_library(ProjectPaths(root))
    assert result.ok, [p.format() for p in result.errors]
    return result.library


class LessonBlocks(HTMLParser):
    """The text of every <li class="lesson"> and of its lesson__text paragraph."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[dict[str, str]] = []
        self._depth = 0
        self._in_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and "lesson" in classes:
            self.blocks.append({"id": dict(attrs).get("data-les") or "", "all": "", "text": ""})
            self._depth = 1
        elif self._depth and tag == "li":
            self._depth += 1
        self._in_text = self._in_text or (self._depth > 0 and "lesson__text" in classes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_text = False
        if self._depth and tag == "li":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.blocks[-1]["all"] += data
            if self._in_text:
                self.blocks[-1]["text"] += data


def lesson_blocks(html: str) -> list[dict[str, str]]:
    parser = LessonBlocks()
    parser.feed(html)
    return [{k: " ".join(v.split()) for k, v in block.items()} for block in parser.blocks]


def test_excerpt_skips_shared_openings_and_never_ends_in_a_colon(brief_library: Library) -> None:
    shared = shared_paragraphs(x.body for x in brief_library.lessons.values())
    assert " ".join(BOILERPLATE.split()) in shared
    texts = {slug: excerpt(brief_library.lessons[slug].body, shared) for slug in OWN_TEXT}
    assert texts["geef-ruimte"] == (
        "Bewoners weten zelf het best wat de werkplaats nodig heeft. "
        "Het rapport raadt aan hen te volgen."
    )
    assert texts["drie-redenen"] == (
        "Movisie noemt drie redenen waarom repareren samen bindt: je leert elkaar kennen; "
        "je deelt gereedschap; je ziet resultaat."
    )
    assert texts["deel-de-sleutel"].startswith(OWN_TEXT["deel-de-sleutel"])
    assert not any(t.endswith(":") or "Deze les komt uit" in t for t in texts.values())


def test_excerpt_cuts_at_a_sentence_end() -> None:
    body = "Eerste zin is kort. " + "Tweede zin is veel langer dan de rest. " * 3 + "Slot:"
    assert excerpt(body, limit=60) == "Eerste zin is kort. Tweede zin is veel langer dan de rest."
    assert excerpt("Alleen een inleiding:\n\nTekst erna.") == "Tekst erna."


def test_pack_html_holds_every_lessons_own_text(brief_library: Library) -> None:
    html = build_brief(
        brief_library, ["wijkwerkplaats", "buurtkamer-noord"], site_url=SITE, today=dt.date.today()
    )
    blocks = lesson_blocks(html)
    per_case = len(brief_library.lessons_for_case("wijkwerkplaats")) + len(
        brief_library.lessons_for_case("buurtkamer-noord")
    )
    assert len(blocks) == per_case
    for block in blocks:
        if block["id"] in OWN_TEXT:
            assert block["text"].startswith(OWN_TEXT[block["id"]].rstrip(":")), block
        assert block["text"], f"lesson {block['id']} has no text"
        assert "Deze les komt uit" not in block["all"]
        assert not block["text"].endswith(":")
        assert "Voor: " in block["all"]
        assert "Bron: Movisie, ‘Lessen" in block["all"]
    whole = [b["all"] for b in blocks]
    assert len(set(whole)) == len(whole), "two lesson blocks are the same"
    for article in html.split("<article")[1:]:
        texts = [b["text"] for b in lesson_blocks(article)]
        assert len(set(texts)) == len(texts), "two lessons of one case say the same"


def _in_order(text: str, *needles: str) -> bool:
    """True when every needle occurs (ignoring case: headings print in capitals), in order."""
    positions = [text.lower().index(needle.lower()) for needle in needles]
    return positions == sorted(positions)


@pytest.mark.browser
def test_pack_prints_one_page_per_case_with_every_lesson(
    brief_library: Library, browser: Any, tmp_path: Path
) -> None:
    pdftotext = require_tool("pdftotext")
    html = build_brief(
        brief_library, ["wijkwerkplaats", "buurtkamer-noord"], site_url=SITE, today=dt.date.today()
    )
    source = tmp_path / "brief.html"
    source.write_text(html, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(source.as_uri())
        pdf = tmp_path / "brief.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        page.close()
    printed = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(p.split()) for p in printed.split("\f") if p.strip()]
    assert 2 <= len(pages) <= 8, f"{len(pages)} pages"
    workshop = next(i for i, p in enumerate(pages) if "Zwolle" in p)
    room = next(i for i, p in enumerate(pages) if p.startswith("Buurtkamer Noord"))
    assert room > workshop, "the second case starts on a page of its own"
    first = " ".join(pages[workshop:room])
    assert _in_order(
        first, "Holtenbroek", "vanaf 2017", "Vraag voor het gesprek", "Uitkomst", "Lessen"
    )
    own = OWN_TEXT["geef-ruimte"][:30]
    assert _in_order(first, "Lessen", own, "Repareren in de wijk", "Citeer deze casus")
    everything = " ".join(pages)
    for slug, own in OWN_TEXT.items():
        words = re.sub(r"\W+", " ", own).split()
        assert " ".join(words[:6]) in re.sub(r"\W+", " ", everything), slug
    assert "Deze les komt uit" not in everything
    for article in html.split("<article")[1:]:
        texts = [b["text"] for b in lesson_blocks(article)]
        assert len(texts) >= 3
        assert len(set(texts)) == len(texts)


def test_every_case_opens_with_place_period_question_and_outcome(brief_library: Library) -> None:
    html = build_brief(brief_library, ["wijkwerkplaats"], site_url=SITE, today=dt.date.today())
    article = html.split("<article")[1]
    text = " ".join(re.sub(r"<[^>]+>", " ", article).split())
    assert _in_order(text, "Holtenbroek, Zwolle", "vanaf 2017", "Vraag voor het gesprek")
    assert _in_order(text, "Uitkomst: Onbekend: geen bron zegt hoe het afliep.", "Waar gaat het om")
    assert _in_order(text, "Waar gaat het om", "Lessen", "Aantekeningen", "Bronnen")
