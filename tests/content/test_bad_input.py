"""Hostile and broken input: always a Dutch `path:line` message and exit 1, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import VALID_CASE, ProjectFactory
from widw.cli import cli

ALIAS_BOMB = """---
slug: bom
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
---
"""

BAD_INPUTS: dict[str, tuple[str, str | bytes]] = {
    "malformed yaml": ("cases/kapot.md", "---\nslug: kapot\ntitel: [open\n---\n"),
    "missing front matter": ("cases/geen.md", "Gewoon tekst.\n"),
    "non-utf8": ("cases/latin.md", "---\nslug: latin\ntitel: Caf\xe9\n---\n".encode("latin-1")),
    "bom": ("cases/buurtkamer-noord.md", b"\xef\xbb\xbf" + VALID_CASE.encode()),
    "crlf": ("cases/buurtkamer-noord.md", VALID_CASE.replace("\n", "\r\n")),
    "tab": ("cases/tab.md", "---\nslug: tab\nplaats:\n\tgemeente: X\n---\n"),
    "alias bomb": ("cases/bom.md", ALIAS_BOMB),
    "10 MB file": ("cases/groot.md", "---\nslug: groot\n---\n" + "tekst " * 1_800_000),
    "binary": ("cases/binair.md", bytes(range(256)) * 40),
    "empty": ("cases/leeg.md", ""),
    "slug with slash": ("cases/a.md", VALID_CASE.replace("slug: buurtkamer-noord", "slug: a/b")),
    "slug with dots": ("cases/b.md", VALID_CASE.replace("slug: buurtkamer-noord", "slug: ..")),
    "slug with space": ("cases/c.md", VALID_CASE.replace("slug: buurtkamer-noord", "slug: a b")),
    "duplicate slug": ("cases/tweede.md", VALID_CASE),
    "python tag": ("cases/py.md", "---\nslug: !!python/object/apply:os.system ['echo hi']\n---\n"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_dutch_message_and_exit_1(name: str, make_project: ProjectFactory) -> None:
    path, content = BAD_INPUTS[name]
    root = make_project({path: content})
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["validate", "--map", str(root)])
    assert time.perf_counter() - started < 10, "validation must never hang"
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(path.split("/")[0])]
    assert lines, result.output
    assert any(line.split("  ")[0].startswith(f"{path}:") or "tweede" in line for line in lines)
    first = lines[0].split("  ")
    location, code = first[0], first[1]
    assert location.count(":") == 2
    assert all(p.isdigit() for p in location.split(":")[1:])
    assert code.islower()


def test_validate_json_output_is_machine_readable(make_project: ProjectFactory) -> None:
    import json

    root = make_project({"cases/leeg.md": ""})
    result = CliRunner().invoke(cli, ["validate", "--map", str(root), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data[0]["path"] == "cases/leeg.md"
    assert data[0]["code"] == "leeg-bestand"
    assert set(data[0]) == {"path", "line", "column", "code", "message", "severity"}


def test_validate_clean_project_exits_0(make_project: ProjectFactory) -> None:
    root = make_project({})
    result = CliRunner().invoke(cli, ["validate", "--map", str(root)])
    assert result.exit_code == 0, result.output
    assert "in orde" in result.output


def test_strict_turns_warnings_into_errors(make_project: ProjectFactory) -> None:
    old = VALID_CASE.replace("laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2001-01-01")
    root = make_project({"cases/buurtkamer-noord.md": old})
    assert CliRunner().invoke(cli, ["validate", "--map", str(root)]).exit_code == 0
    strict = CliRunner().invoke(cli, ["validate", "--map", str(root), "--strikt"])
    assert strict.exit_code == 1
    assert "controle-verouderd" in strict.output


def test_unknown_option_is_a_dutch_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--onbekend"])
    assert result.exit_code == 2
    assert "Onbekende optie" in result.output
