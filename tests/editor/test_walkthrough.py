"""A new editor, from a fresh clone, with nothing but the commands in the editor guide.

Copy the repository's tracked files (a fresh clone), run the guide's commands in its
"Voorbeeld bekijken" page: set up, scaffold a case, make the three mistakes of issue 17 (a
misspelt theme, a source without address, a date written day first), see all three in one
run, fix them, see "in orde", and see the case's page in the served site; then break it
again while serving and see the same page with its problems on it (not a 404).

Only the installation itself is stood in for: `.venv/bin` of the clone links to the test's
own environment (installing takes minutes and a network), so `make setup` has nothing to do.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.editor.conftest import REPO
from widw.content.vocabulary import load_vocabulary
from widw.editor.guide import guide_pages

pytestmark = pytest.mark.slow

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SLUG = "buurtkamer-noord"
LEFT_OUT = (".venv", ".cache", "site", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def fresh_clone(target: Path) -> Path:
    """The repository's tracked files (what `git clone` gives), without any local state."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=False
    )
    if listed.returncode == 0:
        for name in listed.stdout.decode().split("\0"):
            source = REPO / name
            if name and source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:  # an unpacked archive instead of a git checkout
        shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
    venv, real = target / ".venv", Path(sys.prefix)
    venv.mkdir()
    for name in ("bin", "lib"):
        (venv / name).symlink_to(real / name, target_is_directory=True)
    shutil.copyfile(real / "pyvenv.cfg", venv / "pyvenv.cfg")
    (venv / ".installed").touch()  # newer than pyproject.toml: installed
    return target


def guide_commands() -> list[str]:
    """The commands of the guide page 'Voorbeeld bekijken', in reading order."""
    vocabulary, problems = load_vocabulary(REPO / "vocabulary.yml")
    assert not problems
    page = guide_pages(vocabulary)["bijdragen/bekijken.md"]
    blocks = re.findall(r"```\n(.*?)```", page, re.DOTALL)
    return [block.replace("\\\n", " ").strip() for block in blocks]


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        shlex.split(command), cwd=cwd, capture_output=True, text=True, env=ENV, timeout=600,
        check=False,
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_new_editor_follows_the_guide(tmp_path: Path) -> None:
    commands = guide_commands()
    assert commands[0] == "make setup"
    assert commands[1] == "make nieuw"
    scaffold = commands[2]
    assert scaffold.startswith('.venv/bin/widw new --titel "Buurtkamer Noord"')
    assert commands[3] == "make controleer\nmake serve"

    clone = fresh_clone(tmp_path / "kloon")
    for folder in ("cases", "lessons", "episodes"):
        (clone / folder).mkdir(exist_ok=True)
    setup = sh(commands[0], clone)
    assert setup.returncode == 0, setup.stderr

    created = sh(scaffold + " --status beschreven --bundel 1", clone)
    assert created.returncode == 0, created.stderr
    assert "make controleer" in created.stdout  # what to do next, in words that work here
    path = clone / "cases" / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")

    # Three typical mistakes in one go.
    broken = text.replace("themas: [ontmoeting]", "themas: [ontmoetting]")
    broken = broken.replace("    url: https://voorbeeld.nl/buurtkamer\n", "")
    broken = re.sub(r"laatst_gecontroleerd: \S+", "laatst_gecontroleerd: 01-05-2023", broken)
    assert broken.count("\n") == text.count("\n") - 1
    path.write_text(broken, encoding="utf-8")

    first, second = commands[3].split("\n")
    check = sh(first, clone)
    assert check.returncode != 0
    assert "Traceback" not in check.stderr
    found = [line for line in check.stdout.splitlines() if line.startswith(f"cases/{SLUG}.md:")]
    assert [line.split("  ")[1] for line in found] == [
        "onbekende-term",
        "bron-zonder-url",
        "ongeldige-datum",
    ]
    assert "Bedoelde je 'ontmoeting'?" in found[0]
    assert "Bedoelde je '2023-05-01'?" in found[2]

    path.write_text(text, encoding="utf-8")  # all three fixed
    check = sh(first, clone)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "— in orde." in check.stderr

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [*shlex.split(second), f"PORT={port}"],
            cwd=clone,
            env=ENV,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}/casussen/{SLUG}/"
        try:
            page = _wait_for(url, server, log)
            # A new mistake while serving: the page stays, now with the problem on it.
            path.write_text(broken, encoding="utf-8")
            changed = _wait_for(url, server, log, until="Deze casus bevat fouten")
        finally:
            _stop(server)
    assert "<h1" in page
    assert "Buurtkamer Noord" in page
    assert "Een huiskamer voor de buurt." in page
    assert "widw-problemen" not in page  # no error banner: the case is in order
    # As a browser shows it: runs of white space one space (the HTML is minified).
    shown = " ".join(html.unescape(changed).split())
    assert "Let op: 3 problemen in de inhoud." in shown  # the banner above the page
    assert " ".join(found[0].split()) in shown  # the very line `make controleer` printed


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl+C for `make serve` and everything it started."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def _wait_for(
    url: str, server: subprocess.Popen[bytes], log: Path, until: str = "", seconds: float = 600
) -> str:
    """The page at url once it answers (and contains `until`), while `make serve` runs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body: str = response.read().decode("utf-8")
            if until in body:
                return body
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"{url} did not answer within {seconds} s")
