"""The site URL for CLI citations: environment, then mkdocs.yml, then a placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from widw.cite.siteurl import DEFAULT_SITE_URL, site_url_for


def test_reads_mkdocs_yml_with_python_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIDW_SITE_URL", raising=False)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://wijk.test/kennisbank\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert site_url_for(tmp_path) == "https://wijk.test/kennisbank/"


def test_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIDW_SITE_URL", "https://elders.test")
    assert site_url_for(tmp_path) == "https://elders.test/"


def test_placeholder_without_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIDW_SITE_URL", raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_url: [kapot\n", encoding="utf-8")
    assert site_url_for(tmp_path) == DEFAULT_SITE_URL
