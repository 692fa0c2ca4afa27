"""The document cache: unchanged files are not parsed again; changed ones are."""

from __future__ import annotations

import datetime as dt
import errno
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import VALID_CASE, ProjectFactory
from widw.cli import cli
from widw.content.doccache import DocumentCache
from widw.content.library import ProjectPaths, load_library
from widw.content.reader import Kind, RawDocument

TODAY = dt.date(2026, 11, 23)


def _load(root: Path, cache: DocumentCache) -> list[str]:
    result = load_library(ProjectPaths(root), cache=cache, today=TODAY)
    return [p.format() for p in result.problems] + sorted(result.library.cases)


def test_cached_load_equals_fresh_load(make_project: ProjectFactory, tmp_path: Path) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    root = make_project({"cases/kapot.md": broken})
    cache_file = tmp_path / "documents.json"
    first = _load(root, DocumentCache(cache_file))
    assert cache_file.is_file()
    second = _load(root, DocumentCache(cache_file))  # a new process: read from the file
    fresh = load_library(ProjectPaths(root), today=TODAY)
    assert first == second == [p.format() for p in fresh.problems] + sorted(fresh.library.cases)
    assert any("status" in line for line in second)


def test_a_changed_file_is_parsed_again(make_project: ProjectFactory, tmp_path: Path) -> None:
    root = make_project({})
    cache = DocumentCache(tmp_path / "documents.json")
    _load(root, cache)
    case = root / "cases" / "buurtkamer-noord.md"
    case.write_text(VALID_CASE.replace("titel: Buurtkamer Noord", "titel: Buurtkamer Oost"))
    library = load_library(ProjectPaths(root), cache=cache, today=TODAY).library
    assert library.cases["buurtkamer-noord"].title == "Buurtkamer Oost"


def test_a_corrupt_cache_file_is_ignored(make_project: ProjectFactory, tmp_path: Path) -> None:
    root = make_project({})
    cache_file = tmp_path / "documents.json"
    cache_file.write_text("{niet: geldig", encoding="utf-8")
    assert "buurtkamer-noord" in _load(root, DocumentCache(cache_file))


def test_validate_parses_only_changed_files(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import widw.content.doccache as doccache

    root = make_project({"cases/kopie.md": VALID_CASE.replace("buurtkamer-noord", "kopie")})
    parsed: list[str] = []
    real_parse = doccache.parse_document

    def counting(raw: bytes, kind: Kind, display: str) -> RawDocument:
        parsed.append(display)
        return real_parse(raw, kind, display)

    monkeypatch.setattr(doccache, "parse_document", counting)
    first = CliRunner().invoke(cli, ["validate", "--map", str(root)])
    assert first.exit_code == 0, first.output
    assert "cases/kopie.md" in parsed
    assert (root / ".cache" / "widw" / "documents.json").is_file()

    parsed.clear()
    case = root / "cases" / "kopie.md"
    case.write_text(case.read_text(encoding="utf-8").replace("status: beschreven", "status: ja"))
    second = CliRunner().invoke(cli, ["validate", "--map", str(root)])
    assert parsed == ["cases/kopie.md"]
    assert second.exit_code == 1
    assert "cases/kopie.md:5:9  ongeldige-waarde  'status' moet 'beschreven' of 'stub' zijn" in (
        second.output
    )


def test_validate_works_when_the_cache_cannot_be_written(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import widw.content.doccache as doccache
    import widw.content.similar as similar

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(doccache, "write_atomic", refuse)
    monkeypatch.setattr(similar, "write_atomic", refuse)
    root = make_project({})
    done = CliRunner().invoke(cli, ["validate", "--map", str(root)])
    assert done.exit_code == 0, done.output
    assert "1 casussen" in done.output


def test_a_damaged_cache_entry_is_parsed_again(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    root = make_project({"cases/kapot.md": broken})
    cache_file = tmp_path / "documents.json"
    fresh = _load(root, DocumentCache(cache_file))
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        if entry["data"].get("slug") == "kapot":
            entry["positions"] = "[niet, geldig"  # positions are decoded only when needed
        else:
            del entry["body"]
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    again = _load(root, DocumentCache(cache_file))
    assert [line for line in again if "status" in line] == [
        "cases/kapot.md:1:1  ongeldige-waarde  'status' moet 'beschreven' of 'stub' zijn, "
        "maar is 'misschien'."
    ]
    assert [line for line in again if "status" not in line] == [
        line for line in fresh if "status" not in line
    ]
