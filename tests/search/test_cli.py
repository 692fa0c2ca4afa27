"""`widw search` through the real command group: Dutch output, JSON shape, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.search.fixtures import REPO
from widw.cli import cli


def run(project: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["search", "--map", str(project), *args])


def test_terminal_output_is_dutch(project: Path) -> None:
    result = run(project, "buurtbudgetten")
    assert result.exit_code == 0, result.output
    assert "4 resultaten voor ‘buurtbudgetten’" in result.stdout
    assert "1. Wijkgeld Noord" in result.stdout
    assert "/casussen/wijkgeld-noord/" in result.stdout
    assert "[casus · wijkgeld-noord]" in result.stdout
    assert "Thema's" in result.stdout
    assert "Buurtbudget (3)" in result.stdout


def test_filters_narrow(project: Path) -> None:
    result = run(project, "ouderen", "--thema", "eenzaamheid", "--json")
    data = json.loads(result.stdout)
    assert [r["slug"] for r in data["resultaten"]] == ["koffie-met-ouderen"]
    assert data["filters"] == {"thema": ["eenzaamheid"]}
    result = run(project, "bewoners", "--provincie", "utrecht", "--bundel", "1", "--json")
    assert [r["slug"] for r in json.loads(result.stdout)["resultaten"]] == ["moestuin-oost"]
    result = run(project, "budget", "--rol", "ambtenaren", "--status", "beschreven", "--json")
    assert {r["slug"] for r in json.loads(result.stdout)["resultaten"]} == {
        "hart-voor-de-buurt",
        "wijkgeld-noord",
    }


def test_json_shape_is_stable(project: Path) -> None:
    result = run(project, "eenzaamheid", "--limit", "1", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == sorted(data)
    assert set(data) == {
        "aantal",
        "alle_woorden",
        "een_van_de_woorden",
        "facetten",
        "filters",
        "resultaten",
        "suggestie",
        "verbeterd",
        "zoekvraag",
    }
    assert data["aantal"] == 2
    assert data["suggestie"] is None
    (hit,) = data["resultaten"]
    assert set(hit) == {
        "fragment",
        "markeringen",
        "plaats",
        "score",
        "slug",
        "soort",
        "titel",
        "url",
        "via",
    }
    assert hit["slug"] == "digitaal-dorpsplein"
    start, end = hit["markeringen"][0]
    assert hit["fragment"][start:end] == "eenzaamheid"
    assert data["facetten"]["thema"] == {
        "digitaal": 1,
        "eenzaamheid": 2,
        "ontmoeting": 1,
        "ouderen": 1,
    }


def test_words_are_joined_into_one_query(project: Path) -> None:
    data = json.loads(run(project, "ouderen", "huiskamer", "--json").stdout)
    assert data["zoekvraag"] == "ouderen huiskamer"
    assert data["resultaten"][0]["slug"] == "koffie-met-ouderen"
    assert (data["alle_woorden"], data["een_van_de_woorden"]) == (1, True)
    shown = run(project, "ouderen", "huiskamer").stdout
    assert "Alle woorden samen gaven maar 1 resultaat (dat staat bovenaan)" in shown


def test_no_results_suggests_a_correction(project: Path) -> None:
    result = run(project, "eenzaamhied")
    assert result.exit_code == 0
    assert "Niets gevonden voor ‘eenzaamhied’. Bedoelde je: eenzaamheid?" in result.stdout
    assert "2 resultaten voor ‘eenzaamheid’." in result.stdout
    data = json.loads(run(project, "eenzaamhied", "--json").stdout)
    assert data["suggestie"] == data["verbeterd"] == "eenzaamheid"
    assert len(data["resultaten"]) == 2


@pytest.mark.parametrize(
    ("query", "fragment"),
    [('"sociale samenhang', "aanhalingsteken"), ("onzin:ouderen", "onbekend veld")],
)
def test_malformed_query_exits_2_with_dutch_message(
    project: Path, query: str, fragment: str
) -> None:
    result = run(project, query)
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: ")
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_unknown_filter_value_exits_2(project: Path) -> None:
    result = run(project, "ouderen", "--thema", "bestaat-niet")
    assert result.exit_code == 2
    assert "onbekende waarde 'bestaat-niet' voor --thema" in result.stderr


def test_empty_project_has_a_clear_message(tmp_path: Path) -> None:
    shutil.copyfile(REPO / "vocabulary.yml", tmp_path / "vocabulary.yml")
    result = run(tmp_path, "ouderen")
    assert result.exit_code == 1
    assert "er is nog niets om te doorzoeken" in result.stderr
    assert not (tmp_path / ".cache").exists()


def test_rebuild_option_and_corrupt_index_notice(project: Path) -> None:
    assert run(project, "ouderen", "--herbouw").exit_code == 0
    cache = project / ".cache" / "widw" / "search"
    (cache / "CURRENT").write_text("index-weg\n", encoding="utf-8")
    result = run(project, "ouderen")
    assert result.exit_code == 0
    assert "beschadigd of onbekend" in result.stderr
    assert "Koffie met ouderen" in result.stdout


def test_help_is_dutch() -> None:
    result = CliRunner().invoke(cli, ["search", "--help"])
    assert result.exit_code == 0
    assert "Gebruik:" in result.stdout
    assert "Zoek in casussen, lessen en afleveringen" in result.stdout
