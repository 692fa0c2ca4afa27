"""Files and folders are written with ordinary permissions (the umask), never owner-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from widw.atomic import make_temp_dir, write_atomic


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "a" / "brief.html", "inhoud")
        folder = make_temp_dir(tmp_path, ".render.")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a" / "brief.html").stat().st_mode) == mode
    assert stat.S_IMODE(folder.stat().st_mode) == mode | 0o111 & ~umask


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    target.write_text("oud", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]
