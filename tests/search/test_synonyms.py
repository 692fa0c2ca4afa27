"""The `synoniemen` section of vocabulary.yml: loading, Dutch problems, use in search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search.fixtures import REPO
from widw.content.vocabulary import load_vocabulary
from widw.search.understanding import Synonyms


def vocabulary_with(tmp_path: Path, section: str) -> Path:
    path = tmp_path / "vocabulary.yml"
    path.write_text(
        (REPO / "vocabulary.yml").read_text(encoding="utf-8").split("\nsynoniemen:")[0] + section,
        encoding="utf-8",
    )
    return path


def test_the_real_vocabulary_has_synonyms() -> None:
    vocabulary, problems = load_vocabulary(REPO / "vocabulary.yml")
    assert problems == []
    groups = {group[0]: group for group in vocabulary.synonyms}
    assert {"nieuwkomers", "vluchtelingen"} <= set(groups["statushouders"])
    assert "isolement" in groups["eenzaamheid"]
    assert "loneliness" in groups["eenzaamheid"]


def test_the_section_is_optional(tmp_path: Path) -> None:
    vocabulary, problems = load_vocabulary(vocabulary_with(tmp_path, "\n"))
    assert problems == []
    assert vocabulary.synonyms == ()


@pytest.mark.parametrize(
    ("section", "fragment"),
    [
        ("\nsynoniemen:\n  - [alleen]\n", "groep 1 van de synoniemen heeft maar één woord"),
        ("\nsynoniemen:\n  - [Hoofdletter, woord]\n", "'Hoofdletter' in groep 1"),
        (
            "\nsynoniemen:\n  - [buurt, wijk]\n  - [dorp, wijk]\n",
            "'wijk' staat in groep 1 én in groep 2",
        ),
        ("\nsynoniemen: buurt\n", "synoniemen"),
    ],
)
def test_bad_synonyms_give_a_dutch_problem_with_a_line(
    tmp_path: Path, section: str, fragment: str
) -> None:
    path = vocabulary_with(tmp_path, section)
    _, problems = load_vocabulary(path)
    assert len(problems) == 1
    problem = problems[0]
    assert fragment in problem.message
    start = path.read_text(encoding="utf-8").count("\n", 0, path.read_text().index("synoniemen"))
    assert problem.line >= start + 1


def test_groups_work_both_ways_and_multi_word_members_become_single_words() -> None:
    synonyms = Synonyms.from_groups([["statushouders", "nieuwkomers", "community centre"]])
    assert ("nieuwkomer",) in synonyms.groups["statushouder"]
    assert ("statushouder",) in synonyms.groups["nieuwkomer"]
    assert synonyms.rewrite("Community Centre Utrecht") == "statushouders Utrecht"


def test_the_editor_guide_explains_and_lists_the_synonyms() -> None:
    from widw.editor.guide import guide_pages

    vocabulary, _ = load_vocabulary(REPO / "vocabulary.yml")
    page = next(text for name, text in guide_pages(vocabulary).items() if "woordenlijst" in name)
    section = page.split("## Synoniemen voor de zoekfunctie")[1]
    assert "synoniemen:" in section
    assert "| eenzaamheid, eenzaam, isolement" in section
