"""APA 7 in Dutch through citeproc-py: dates, 'z.d.', retrieval, escaping per flavour."""

from __future__ import annotations

import html
import warnings
from importlib.resources import files

import pytest
from citeproc import CitationStylesStyle

from tests.cite.conftest import NASTY_TITLE, SITE, TODAY
from widw.cite.apa import Flavour, apa, markdown_escape, sorted_apa
from widw.cite.csl import case_item, entry_url, parse_author, source_items
from widw.content.library import Library
from widw.content.models import Source


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


def _source(**fields: object) -> Source:
    data: dict[str, object] = {"titel": "Een titel", "soort": "rapport", **fields}
    return Source.model_validate(data)


def _reference(source: Source, flavour: Flavour = "text") -> str:
    return sorted_apa(source_items([source], "t"), flavour)[0]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Mourik, K. van", "Mourik, K. van. (2021)."),
        ("Berg, A. B. van den", "Berg, A. B. van den. (2021)."),
        ("Hooft, P. C. 't", "Hooft, P. C. 't. (2021)."),
        ("van Mourik, K.", "van Mourik, K. (2021)."),
        ("de Vries, M.", "de Vries, M. (2021)."),
    ],
)
def test_name_particles_stay_where_they_were_written(written: str, shown: str) -> None:
    for flavour in ("text", "html", "markdown"):
        reference = _reference(
            _source(auteurs=["Repetur, L.", written], datum="2021", uitgever="Movisie"), flavour
        )
        seen = html.unescape(reference) if flavour == "html" else reference.replace("\\", "")
        assert f"Repetur, L., & {shown}" in seen
        assert " ." not in seen
        assert ".." not in seen


def test_particle_names_in_csl_json_are_split() -> None:
    assert parse_author("Mourik, K. van") == {
        "family": "Mourik",
        "given": "K.",
        "dropping-particle": "van",
    }
    assert parse_author("van der Berg, A.") == {
        "family": "Berg",
        "given": "A.",
        "non-dropping-particle": "van der",
    }
    assert parse_author("Movisie") == {"literal": "Movisie"}


def test_missing_date_is_zd_for_every_kind() -> None:
    for kind in ("rapport", "artikel", "nieuwsbericht", "webpagina", "podcast", "video"):
        reference = _reference(_source(soort=kind, uitgever="Movisie", auteurs=["Jansen, J."]))
        assert reference.startswith("Jansen, J. (z.d.). "), reference
        without_author = _reference(_source(soort=kind, uitgever="Movisie"))
        assert "Een titel" in without_author
        assert "(z.d.)." in without_author


@pytest.mark.parametrize("title", ["Feest in de wijk…", "Wat nu?", "Doe mee!", "Samen sterk."])
def test_title_ending_in_punctuation_takes_no_extra_full_stop(title: str) -> None:
    for kind in ("rapport", "nieuwsbericht"):
        for authors in ([], ["Jansen, J."]):
            for flavour in ("text", "html", "markdown"):
                source = _source(titel=title, soort=kind, uitgever="Krant", auteurs=authors)
                reference = _reference(source, flavour)
                assert title[-1] + "." not in reference.replace("z.d.", ""), reference
                assert "…." not in reference
                assert "?." not in reference
                assert "!." not in reference


def test_own_page_citation_names_the_author_once(library: Library) -> None:
    case = library.cases["buurtkamer-noord"]
    item = case_item(case, url=entry_url(SITE, "case", case.slug), accessed=TODAY)
    assert "publisher" not in item
    assert apa(item).count("Wij in de Wijk") == 2  # author, and the site name "… — kennisbank"
