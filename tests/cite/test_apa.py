"""APA 7 in Dutch through citeproc-py: dates, 'z.d.', retrieval, escaping per flavour."""

from __future__ import annotations

import warnings
from importlib.resources import files

from citeproc import CitationStylesStyle

from tests.cite.conftest import NASTY_TITLE, SITE, TODAY
from widw.cite.apa import apa, markdown_escape, sorted_apa
from widw.cite.csl import case_item, entry_url, source_items
from widw.content.library import Library


def test_style_is_valid_csl() -> None:
    path = files("widw.cite").joinpath("styles", "apa-nl.csl")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # citeproc-py warns when RelaxNG validation fails
        style = CitationStylesStyle(str(path), locale="nl-NL", validate=True)
    assert style.has_bibliography()


def test_case_citation_has_version_date_and_retrieval(library: Library) -> None:
    case = library.cases["buurtkamer-noord"]
    url = entry_url(SITE, "case", case.slug)
    text = apa(case_item(case, url=url, accessed=TODAY))
    assert text.startswith("Wij in de Wijk. (2026, 1 november). Buurtkamer Noord. ")
    assert "Wij in de Wijk — kennisbank." in text
    assert text.endswith(f"Geraadpleegd op 1 december 2026, van {url}")


def test_source_without_date_gets_zd_and_authors_in_apa_form(library: Library) -> None:
    case = library.cases["wijkwerkplaats"]
    refs = sorted_apa(source_items(case.sources, case.slug))
    dated, undated = refs
    assert dated.startswith("Engbersen, R., & Jansen, J. (2019, 13 mei). Repareren in de wijk? ")
    assert "wijk?." not in dated  # no full stop after a question mark
    assert undated.startswith("Werkplaats zonder datum. (z.d.). Wijkkrant Holtenbroek.")


def test_report_shows_year_only_and_publisher(library: Library) -> None:
    lesson = library.lessons["begin-klein"]
    (ref,) = sorted_apa(source_items(lesson.sources, lesson.id))
    assert ref == "Lessen uit bundel 2. (2020). Movisie. https://bron.example/lessen-2"


def test_html_is_escaped_and_linked(library: Library) -> None:
    case = library.cases["wijkwerkplaats"]
    url = entry_url(SITE, "case", case.slug)
    rendered = apa(case_item(case, url=url, accessed=TODAY), "html")
    assert "<script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert f'<a href="{url}">{url}</a>' in rendered
    sources = sorted_apa(source_items(case.sources, case.slug), "html")
    assert 'href="https://bron.example/repareren?a=1&amp;b=2"' in sources[0]
    assert "Engbersen, R., &amp; Jansen, J." in sources[0]


def test_markdown_escapes_markup_but_keeps_url(library: Library) -> None:
    case = library.cases["wijkwerkplaats"]
    url = entry_url(SITE, "case", case.slug)
    rendered = apa(case_item(case, url=url, accessed=TODAY), "markdown")
    assert f"*{markdown_escape(NASTY_TITLE)}*" in rendered
    assert "a\\_b" in rendered
    assert rendered.endswith(f"<{url}>")


def test_plain_text_keeps_characters(library: Library) -> None:
    case = library.cases["wijkwerkplaats"]
    text = apa(case_item(case, url=entry_url(SITE, "case", case.slug), accessed=None))
    assert NASTY_TITLE in text
    assert "Geraadpleegd" not in text  # without a retrieval date, just the URL
