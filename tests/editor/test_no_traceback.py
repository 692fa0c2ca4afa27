"""No traceback anywhere: unusable cache folders, a read-only search index, a taken port.

Each case ends in one Dutch line that names the path (or port) and what to do, and a
non-zero exit.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VALID_CASE
from tests.site.fixtures import write_project
from widw.cli import main
from widw.mkdocs_serve import port_problem

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
CACHE_ADVICE = (
    "De map '.cache/' bevat alleen tussenresultaten: verwijder haar ('rm -rf .cache') of "
    "maak haar schrijfbaar ('chmod -R u+w .cache'), en probeer het opnieuw."
)


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), *args]
    command += ["--site-dir", str(root / "site")]
    return subprocess.run(
        command, cwd=root, capture_output=True, text=True, env=ENV, timeout=900, check=False
    )


def test_build_with_cache_that_is_a_file(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    (root / ".cache").write_text("geen map", encoding="utf-8")
    done = mkdocs(root, "-q")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        "De cachemap kan niet worden gebruikt: '.cache/widw' (een deel van dit pad is een "
        "bestand in plaats van een map). " + CACHE_ADVICE
    ) in done.stderr + done.stdout


def test_strict_quiet_build_stops_on_content_errors(tmp_path: Path) -> None:
    broken = VALID_CASE.replace("slug: buurtkamer-noord", "slug: kapot").replace(
        "status: beschreven", "status: misschien"
    )
    root = write_project(tmp_path / "project", {"cases/kapot.md": broken})
    done = mkdocs(root, "-q", "--strict")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "De inhoud heeft 1 fout; een strikte build stopt dan." in done.stderr
    assert (
        "cases/kapot.md:5:9  ongeldige-waarde  'status' moet 'beschreven' of 'stub' zijn, "
        "maar is 'misschien'." in done.stderr
    )
    assert not (root / "site" / "index.html").exists()


def test_plugin_with_read_only_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    import widw.content.doccache as doccache

    root = write_project(tmp_path / "project")
    target = root / ".cache" / "widw" / "documents.json"

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(doccache, "write_atomic", refuse)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as caught:
        config.plugins.on_config(config)
    assert str(caught.value) == (
        "De cachemap kan niet worden gebruikt: '.cache/widw/documents.json' (er mag niet in "
        "worden geschreven of uit worden gelezen). " + CACHE_ADVICE
    )


def test_search_with_read_only_index_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from whoosh.util.filelock import FileLock

    root = write_project(tmp_path / "project")
    lock = root / ".cache" / "widw" / "search" / "lock"

    def refuse(self: FileLock, blocking: bool = False) -> bool:
        raise PermissionError(errno.EACCES, "Permission denied", str(lock))

    monkeypatch.setattr(FileLock, "acquire", refuse)
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit) as exited:
        main(["search", "buurtkamer", "--map", str(root)])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().endswith(
        "Fout: De cachemap kan niet worden gebruikt: '.cache/widw/search/lock' (er mag niet "
        "in worden geschreven of uit worden gelezen). " + CACHE_ADVICE
    )


def test_search_with_cache_that_is_a_file(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    (root / ".cache").write_text("geen map", encoding="utf-8")
    widw = Path(sys.executable).parent / "widw"
    done = subprocess.run(
        [str(widw), "search", "buurtkamer"], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "Fout:" in done.stderr
    assert ".cache/widw/search" in done.stderr


def test_unexpected_error_is_one_dutch_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import widw.content.library as library

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(library, "load_library", broken)
    monkeypatch.delenv("WIDW_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "Fout: er ging iets onverwachts mis (RuntimeError: kapot). Meld dit aan de redactie, "
        "met het commando dat je gaf; met WIDW_DEBUG=1 ervoor zie je de technische details.\n"
    )


def test_taken_port_is_one_dutch_line() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert port_problem(str(port)) == port_problem_text(port)
        done = subprocess.run(
            [sys.executable, "-m", "widw.mkdocs_serve", str(port)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == f"Fout: {port_problem_text(port)}\n"


def port_problem_text(port: int) -> str:
    return (
        f"poort {port} is al in gebruik, misschien door een 'make serve' in een ander "
        f"venster. Stop dat met Ctrl+C, of kies een andere poort: make serve PORT={port + 1}"
    )


def test_port_that_is_no_number() -> None:
    assert port_problem("acht") == (
        "'acht' is geen poortnummer; kies een getal van 1024 tot 65535, bijvoorbeeld: "
        "make serve PORT=8001"
    )


@pytest.mark.slow
def test_port_taken_while_building_is_one_dutch_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two `make serve` started together both find the port free; the second still gets Dutch."""
    import widw.mkdocs_serve as serve

    root = write_project(tmp_path / "project")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        monkeypatch.setattr(serve, "port_problem", lambda value: None)
        monkeypatch.chdir(root)
        code = serve.main([str(port), "-f", str(root / "mkdocs.yml")])
    assert code == 1
    assert capsys.readouterr().err.endswith(f"Fout: {port_problem_text(port)}\n")
