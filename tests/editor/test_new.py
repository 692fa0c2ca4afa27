"""`widw new`: scaffolds from flags and from questions, validated, never overwriting."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from tests.editor.conftest import run
from widw.content.library import ProjectPaths, load_library
from widw.content.reader import Kind
from widw.content.vocabulary import load_vocabulary
from widw.content.yamlnodes import load_with_positions
from widw.editor.fieldspec import FieldSpec, field_specs

FLAGS = [
    "--titel",
    "Het Groene Hart: buurttuin #1",
    "--samenvatting",
    "Bewoners beheren samen een tuin tussen de flats en ontmoeten elkaar bij het wieden.",
    "--gemeente",
    "Zwolle",
    "--wijk",
    "Holtenbroek",
    "--provincie",
    "overijssel",
    "--bundel",
    "3",
    "--thema",
    "groen-en-natuur",
    "--thema",
    "ontmoeting",
    "--soort",
    "bewonersinitiatief",
    "--bron-url",
    "https://bron.example/groene-hart",
    "--bron-titel",
    "De tuin van Holtenbroek",
    "--bron-uitgever",
    "Movisie",
    "--bron-datum",
    "2021-06",
]
SLUG = "het-groene-hart-buurttuin-1"


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The parsed front matter and its raw text."""
    raw = text.split("---\n")[1]
    data, _ = load_with_positions(raw, line_offset=0)
    assert isinstance(data, dict)
    return data, raw


def assert_every_field_present(kind: Kind, text: str) -> None:
    """Each field is written, or shown in a commented example when its block is unknown."""
    data, raw = front_matter(text)
    commented = {
        m.group(1)
        for line in raw.splitlines()
        if (m := re.match(r"^\s*#\s+(?:- )?([a-z_]+): …", line))
    }

    def check(specs: tuple[FieldSpec, ...] | list[FieldSpec], where: Any) -> None:
        for spec in specs:
            if isinstance(where, dict):
                if spec.key not in where and not spec.required and not spec.unknown_ok:
                    assert spec.key in commented, f"veld {spec.path} ontbreekt"
                    continue
                assert spec.key in where, f"veld {spec.path} ontbreekt"
                inner = where[spec.key]
                items = inner if isinstance(inner, list) else [inner]
                blocks = [i for i in items if isinstance(i, dict)]
                if spec.children and blocks:
                    for block in blocks:
                        check(spec.children, block)
                elif spec.children:
                    for child in spec.children:
                        assert child.key in commented, f"voorbeeld voor {child.path} ontbreekt"

    check(field_specs(kind), data)


def test_new_with_flags_writes_a_complete_valid_case(project: Path) -> None:
    result = run("new", "--map", str(project), *FLAGS)
    assert result.exit_code == 0, result.output
    path = project / "cases" / f"{SLUG}.md"
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert_every_field_present("case", text)
    assert "Wat nu?" in result.output
    assert "widw validate" in result.output
    assert "make serve" in result.output
    validate = run("validate", "--map", str(project))
    assert validate.exit_code == 0, validate.output
    case = load_library(ProjectPaths(project)).library.cases[SLUG]
    assert case.title == "Het Groene Hart: buurttuin #1"
    assert case.status == "beschreven"
    assert case.place.province == "overijssel"
    assert case.place.district == "Holtenbroek"
    assert case.bundle is not None
    assert case.bundle.number == 3
    assert case.themes == ["groen-en-natuur", "ontmoeting"]
    assert case.sources[0].url == "https://bron.example/groene-hart"
    assert case.sources[0].date == "2021-06"
    assert case.period is not None
    assert case.period.start is None
    assert case.last_verified == dt.date.today()


def test_every_field_has_a_dutch_comment_above_it(project: Path) -> None:
    assert run("new", "--map", str(project), *FLAGS).exit_code == 0
    lines = (project / "cases" / f"{SLUG}.md").read_text(encoding="utf-8").splitlines()
    for spec in field_specs("case"):
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{spec.key}:"))
        comment = lines[index - 1]
        assert comment.startswith("#"), f"geen uitleg boven '{spec.key}'"
    text = "\n".join(lines)
    assert "Eén alinea in eigen woorden." in text  # from the model's description
    assert "noord-brabant" in text  # the vocabulary's choices for the province


def test_without_source_the_case_is_a_stub(project: Path) -> None:
    result = run(
        "new", "--map", str(project), "--titel", "Dorpshuis De Schakel",
        "--samenvatting", "Een dorpshuis dat door vrijwilligers wordt gerund.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (project / "cases" / "dorpshuis-de-schakel.md").read_text(encoding="utf-8")
    assert "\nstatus: stub\n" in text
    assert "\n  gemeente: onbekend\n" in text
    assert "\nbronnen: []\n" in text
    assert run("validate", "--map", str(project)).exit_code == 0


def test_new_casus_subcommand_is_the_same_as_new(project: Path) -> None:
    result = run(
        "new", "casus", "--map", str(project), "--titel", "Buurtcentrum Oost",
        "--samenvatting", "Een buurtcentrum.", "--collectie", "verwant",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    case = load_library(ProjectPaths(project)).library.cases["buurtcentrum-oost"]
    assert case.collection == "verwant"
    assert case.bundle is None


def test_refuses_to_overwrite_and_explains_why(project: Path) -> None:
    assert run("new", "--map", str(project), *FLAGS).exit_code == 0
    path = project / "cases" / f"{SLUG}.md"
    before = path.read_bytes()
    again = run("new", "--map", str(project), *FLAGS)
    assert again.exit_code != 0
    assert "bestaat al" in again.output
    assert "overschrijft nooit" in again.output
    assert "Traceback" not in again.output
    assert path.read_bytes() == before


def test_refuses_to_overwrite_a_file_written_by_hand(project: Path) -> None:
    existing = project / "cases" / "buurtkamer-noord.md"
    before = existing.read_bytes()
    result = run(
        "new", "--map", str(project), "--titel", "Buurtkamer Noord",
        "--samenvatting", "Iets anders.",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "cases/buurtkamer-noord.md bestaat al" in result.output
    assert existing.read_bytes() == before


def test_unknown_term_is_refused_with_a_suggestion(project: Path) -> None:
    result = run(
        "new", "--map", str(project), "--titel", "Proef", "--samenvatting", "Een proef.",
        "--provincie", "overijsel",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "staat niet in de woordenlijst 'provincies'" in result.output
    assert "Bedoelde je 'overijssel'?" in result.output
    assert not (project / "cases" / "proef.md").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "geef ook --samenvatting"),
        (["--samenvatting", "x", "--status", "beschreven"], "heeft een bron met webadres nodig"),
        (["--samenvatting", "x", "--bron-url", "https://a.example/"], "--bron-titel"),
        (["--samenvatting", "x", "--slug", "Met Hoofdletters"], "kleine letters"),
    ],
)
def test_incomplete_flags_give_a_dutch_error(project: Path, extra: list[str], message: str) -> None:
    result = run("new", "--map", str(project), "--titel", "Proef", *extra)
    assert result.exit_code == 1
    assert message in result.output
    assert "Fout:" in result.output
    assert sorted(p.name for p in (project / "cases").iterdir()) == ["buurtkamer-noord.md"]


def test_a_file_with_errors_is_not_left_behind(project: Path) -> None:
    result = run(
        "new", "--map", str(project), "--titel", "Proef", "--samenvatting", "x",
        "--bron-url", "geen webadres", "--bron-titel", "Bron",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "niet bewaard" in result.output
    assert "bronnen[1].url" in result.output
    assert not (project / "cases" / "proef.md").exists()


def test_interactive_questions_with_vocabulary_choices(project: Path) -> None:
    vocabulary, _ = load_vocabulary(project / "vocabulary.yml")
    provinces = list(vocabulary.terms("provincies"))
    answers = [
        "Wijkkeuken De Pan",  # titel
        "",  # slug: take the proposal
        "",  # collectie: default wij-in-de-wijk
        "2",  # bundel
        "Arnhem",  # gemeente
        "",  # wijk: onbekend
        "gelderlnd",  # provincie: a typo, asked again
        str(provinces.index("gelderland") + 1),  # provincie by number
        "ontmoeting, armoede",  # thema's
        "",  # soort: onbekend
        "Buurtbewoners koken samen en eten met elkaar.",  # samenvatting
        "",  # bron: none yet
    ]
    result = run("new", "--map", str(project), input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "wijkkeuken-de-pan" in result.output  # the proposed slug is shown
    assert "Bedoelde je 'gelderland'?" in result.output
    assert "Gelderland" in result.output  # labels are listed with the choices
    case = load_library(ProjectPaths(project)).library.cases["wijkkeuken-de-pan"]
    assert case.place.province == "gelderland"
    assert case.place.district is None
    assert case.themes == ["ontmoeting", "armoede"]
    assert case.bundle is not None
    assert case.bundle.number == 2
    assert case.status == "stub"


def test_interactive_input_that_stops_is_a_clean_abort(project: Path) -> None:
    result = run("new", "--map", str(project), input="Alleen een titel\n")
    assert result.exit_code != 0
    assert "Afgebroken." in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project / "cases").iterdir()) == ["buurtkamer-noord.md"]


def test_new_les_and_aflevering_validate(project: Path) -> None:
    lesson = run(
        "new", "les", "--map", str(project), "--titel", "Laat bewoners het voortouw nemen",
        "--rol", "ambtenaren", "--rol", "actieve-inwoners", "--casus", "buurtkamer-noord",
        "--bron-url", "https://bron.example/les", "--bron-titel", "Lessen", "--bron-soort",
        "rapport",
    )  # fmt: skip
    assert lesson.exit_code == 0, lesson.output
    episode = run(
        "new", "aflevering", "--map", str(project), "--titel", "Podcast over de buurtkamer",
        "--soort", "podcast", "--casus", "buurtkamer-noord", "--bron-url",
        "https://bron.example/podcast", "--bron-titel", "De podcast", "--bron-soort", "podcast",
    )  # fmt: skip
    assert episode.exit_code == 0, episode.output
    result = load_library(ProjectPaths(project))
    assert result.ok, [p.format() for p in result.problems]
    new_lesson = result.library.lessons["laat-bewoners-het-voortouw-nemen"]
    assert new_lesson.roles == ["ambtenaren", "actieve-inwoners"]
    assert [c.slug for c in result.library.cases_for_lesson(new_lesson.id)] == ["buurtkamer-noord"]
    assert result.library.episodes["podcast-over-de-buurtkamer"].cases[0].slug == (
        "buurtkamer-noord"
    )
    for kind, path in (
        ("lesson", project / "lessons" / "laat-bewoners-het-voortouw-nemen.md"),
        ("episode", project / "episodes" / "podcast-over-de-buurtkamer.md"),
    ):
        text = path.read_text(encoding="utf-8")
        assert_every_field_present(kind, text)  # type: ignore[arg-type]


def test_new_les_needs_a_role(project: Path) -> None:
    result = run(
        "new", "les", "--map", str(project), "--titel", "Een les", "--bron-url",
        "https://bron.example/x", "--bron-titel", "x",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "minstens één rol" in result.output


def test_help_is_dutch() -> None:
    result = run("new", "--help")
    assert result.exit_code == 0
    assert "Gebruik:" in result.output
    for sub in ("casus", "les", "aflevering"):
        assert sub in result.output
    casus = run("new", "casus", "--help")
    assert "--titel" in casus.output
    assert "Opties" in casus.output


@pytest.mark.parametrize(
    ("word", "folder", "url", "flags"),
    [
        ("casus", "cases", "casussen", ["--samenvatting", "Bewoners koken samen."]),
        ("les", "lessons", "lessen", ["--rol", "ambtenaren"]),
        ("aflevering", "episodes", "media", ["--soort", "film"]),
    ],
)
def test_each_kind_writes_a_file_that_widw_validate_accepts(
    project: Path, word: str, folder: str, url: str, flags: list[str]
) -> None:
    result = run(
        "new", word, "--map", str(project), "--titel", "Samen aan tafel", *flags,
        "--bron-url", "https://bron.example/tafel", "--bron-titel", "Aan tafel",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Nieuw bestand: {folder}/samen-aan-tafel.md" in result.output
    assert f"http://127.0.0.1:8000/{url}/samen-aan-tafel/" in result.output
    text = (project / folder / "samen-aan-tafel.md").read_text(encoding="utf-8")
    assert "\ntitel: Samen aan tafel\n" in text
    assert "https://bron.example/tafel" in text
    validate = run("validate", "--map", str(project))
    assert validate.exit_code == 0, validate.output
    assert "0 fouten" in validate.output


@pytest.mark.parametrize(
    ("word", "answers", "folder"),
    [
        ("les", ["Leer van elkaar", "1", "https://bron.example/l", "Bron L"], "lessons"),
        ("aflevering", ["Film over de buurt", "2", "https://bron.example/f", "Bron F"], "episodes"),
    ],
)
def test_lesson_and_episode_questions_write_a_valid_file(
    project: Path, word: str, answers: list[str], folder: str
) -> None:
    result = run("new", word, "--map", str(project), input="\n".join([*answers, "", "", ""]) + "\n")
    assert result.exit_code == 0, result.output
    assert "Webadres van de bron" in result.output
    name = answers[0].lower().replace(" ", "-")
    assert (project / folder / f"{name}.md").is_file()
    assert run("validate", "--map", str(project)).exit_code == 0
