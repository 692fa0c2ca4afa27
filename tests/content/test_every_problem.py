"""Problems that meet: every problem of a file in one run, the real cause first, no echoes.

Each test names the exact Dutch lines an editor reads (golden messages).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import VALID_CASE, ProjectFactory
from widw.content.library import ProjectPaths, load_library

TODAY = dt.date(2026, 11, 23)
C = VALID_CASE


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def lines(root: Path) -> list[str]:
    return [p.format() for p in load_library(ProjectPaths(root), today=TODAY).problems]


def test_three_mistakes_are_reported_in_one_run(make_project: ProjectFactory) -> None:
    text = swap(C, "themas: [ontmoeting]", "themas: [ontmoetting]")
    text = swap(text, "    url: https://bron.example/buurtkamer\n", "")
    text = swap(text, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 01-05-2023")
    root = make_project({"cases/buurtkamer-noord.md": text})
    assert lines(root) == [
        "cases/buurtkamer-noord.md:15:10  onbekende-term  'ontmoetting' in 'themas[1]' staat "
        "niet in de woordenlijst 'themas'. Bedoelde je 'ontmoeting'?",
        "cases/buurtkamer-noord.md:18:3  bron-zonder-url  een beschreven casus heeft minstens "
        "één bron met een 'url' nodig, zodat lezers de feiten kunnen nagaan; is het nog een "
        "stub, zet dan 'status: stub'",
        "cases/buurtkamer-noord.md:22:23  ongeldige-datum  'laatst_gecontroleerd' moet een "
        "datum zijn als JJJJ-MM-DD, maar is '01-05-2023'. Bedoelde je '2023-05-01'?",
    ]


def test_every_schema_error_of_a_file_at_once(make_project: ProjectFactory) -> None:
    text = swap(C, "status: beschreven", "status: beschreeven")
    text = swap(text, "  nummer: 1", "  nummer: 7")
    text = swap(text, "themas:", "temas:")
    root = make_project({"cases/buurtkamer-noord.md": text})
    assert [line.split("  ")[1] for line in lines(root)] == [
        "ongeldige-waarde",
        "buiten-bereik",
        "onbekend-veld",
    ]


BROKEN_VOCABULARY = (
    "vocabulary.yml:5:15  yaml-syntax  een lijst tussen '[' en ']' wordt niet afgesloten; "
    "ontbreekt er een ']' of een komma? Zolang de woordenlijst niet te lezen is, worden de "
    "termen in casussen, lessen en afleveringen niet gecontroleerd"
)


def test_broken_vocabulary_is_one_message_and_comes_first(make_project: ProjectFactory) -> None:
    root = make_project({"cases/buurtkamer-noord.md": swap(C, "slug: buurtkamer", "slug: Buurt")})
    vocabulary = (root / "vocabulary.yml").read_text(encoding="utf-8").split("\n")
    vocabulary[4] = "  ontmoeting: [kapot"
    (root / "vocabulary.yml").write_text("\n".join(vocabulary), encoding="utf-8")
    found = lines(root)
    assert found[0] == BROKEN_VOCABULARY
    assert [line.split("  ")[1] for line in found] == ["yaml-syntax", "ongeldig-formaat"]


def test_missing_vocabulary_is_one_message(make_project: ProjectFactory) -> None:
    root = make_project({})
    (root / "vocabulary.yml").unlink()
    assert lines(root) == [
        "vocabulary.yml:1:1  geen-woordenlijst  de woordenlijst vocabulary.yml ontbreekt; zet "
        "het bestand terug (bijvoorbeeld met 'git checkout -- vocabulary.yml'). Zolang de "
        "woordenlijst niet te lezen is, worden de termen in casussen, lessen en afleveringen "
        "niet gecontroleerd"
    ]


def test_an_error_in_a_published_case_is_not_a_vanished_slug(
    make_project: ProjectFactory,
) -> None:
    broken = swap(C, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2021-02-30")
    root = make_project(
        {"cases/buurtkamer-noord.md": broken, "published-slugs.txt": "casus buurtkamer-noord\n"}
    )
    assert lines(root) == [
        "cases/buurtkamer-noord.md:23:23  ongeldige-datum  'laatst_gecontroleerd' moet een "
        "datum zijn als JJJJ-MM-DD, maar is '2021-02-30'."
    ]


def test_five_thousand_copies_of_a_theme_are_one_message(make_project: ProjectFactory) -> None:
    themes = "themas: [" + ", ".join(["ontmoeting"] * 5000) + "]"
    root = make_project({"cases/buurtkamer-noord.md": swap(C, "themas: [ontmoeting]", themes)})
    assert lines(root) == [
        "cases/buurtkamer-noord.md:15:22  dubbele-waarde  'themas' noemt 'ontmoeting' 4999 keer "
        "te veel (eerst in 'themas[1]'); noem elke waarde één keer"
    ]


def test_a_future_source_check_date_is_refused(make_project: ProjectFactory) -> None:
    text = swap(C, "    soort: artikel", "    soort: artikel\n    geraadpleegd: 2027-03")
    root = make_project({"cases/buurtkamer-noord.md": text})
    assert lines(root) == [
        "cases/buurtkamer-noord.md:23:19  datum-in-toekomst  'bronnen[1].geraadpleegd' is maart "
        "2027, een datum in de toekomst; vul de dag in waarop de controle echt is gedaan "
        "(uiterlijk vandaag, 23 november 2026)"
    ]


def test_a_link_in_a_lesson_to_a_case_with_an_error_is_not_reported(
    make_project: ProjectFactory,
) -> None:
    broken = swap(C, "status: beschreven", "status: kapot")
    root = make_project({"cases/buurtkamer-noord.md": broken})
    assert [line.split("  ")[1] for line in lines(root)] == ["ongeldige-waarde"]


def test_body_link_to_an_existing_case_page_and_site_page_passes(
    make_project: ProjectFactory,
) -> None:
    text = C + "\nZie [de les](../lessen/ruimte-voor-bewoners.md#kern) en [over](../over.md).\n"
    root = make_project({"cases/buurtkamer-noord.md": text, "docs/over.md": "# Over\n"})
    assert lines(root) == []


def test_an_alias_that_repeats_the_own_slug(make_project: ProjectFactory) -> None:
    text = swap(C, "slug: buurtkamer-noord", "slug: buurtkamer-noord\naliassen: [buurtkamer-noord]")
    root = make_project({"cases/buurtkamer-noord.md": text})
    assert lines(root) == [
        "cases/buurtkamer-noord.md:3:12  dubbele-slug  'aliassen[1]' herhaalt "
        "'buurtkamer-noord', dat dit bestand al als eigen slug of alias heeft; haal de "
        "herhaling weg"
    ]


def test_duplicate_slug_is_reported_on_both_files(make_project: ProjectFactory) -> None:
    root = make_project({"cases/kopie.md": swap(C, "titel: Buurtkamer Noord", "titel: Kopie")})
    found = [line for line in lines(root) if "  dubbele-slug  " in line]
    assert found == [
        "cases/buurtkamer-noord.md:2:7  dubbele-slug  'buurtkamer-noord' wordt ook gebruikt "
        "door cases/kopie.md; elke casus heeft een eigen slug (ook oude slugs in 'aliassen' "
        "tellen mee)",
        "cases/kopie.md:2:7  dubbele-slug  'buurtkamer-noord' wordt ook gebruikt door "
        "cases/buurtkamer-noord.md; elke casus heeft een eigen slug (ook oude slugs in "
        "'aliassen' tellen mee)",
    ]
