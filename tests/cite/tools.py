"""Independent command-line readers for the citation tests (Debian packages, see .ci/run)."""

from __future__ import annotations

import os
import shutil

import pytest

APA_CSL = "/usr/share/citation-style-language/styles/apa.csl"
"""The official APA 7 style from Debian's citation-style-language-styles."""


def require_tool(name: str) -> str:
    """The path of a system tool: skip without it on a laptop, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required when CI is set (installed by .ci/run)")
        pytest.skip(f"{name} not installed")
    return path


def require_file(path: str) -> str:
    """A file from a system package: skip without it on a laptop, fail without it in CI."""
    if not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail(f"{path} is required when CI is set (installed by .ci/run)")
        pytest.skip(f"{path} not installed")
    return path
