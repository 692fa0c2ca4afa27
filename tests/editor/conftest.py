"""Helpers for the editor tests: run the `widw` CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from widw.cli import cli

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, input: str | None = None) -> Result:
    """Invoke `widw` with arguments; never raises, the result holds exit code and output."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def project(make_project) -> Path:  # type: ignore[no-untyped-def]
    """A tiny valid project (one case, one lesson) in tmp_path."""
    root: Path = make_project({})
    return root
