"""The site address: environment, then mkdocs.yml, then a placeholder; placeholders found."""

from __future__ import annotations

from pathlib import Path

import pytest

from widw.content.siteurl import (
    DEFAULT_SITE_URL,
    is_placeholder,
    placeholder_warning,
    public_repo_url,
    publishing,
    site_url_for,
)


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


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("https://wijindewijk.example/", True),
        ("https://code.example/wijindewijk/kennisbank", True),
        ("https://example.org/x", True),
        ("http://kennisbank.test/", True),
        ("https://wijindewijk.nl/", False),
        ("https://github.com/movisie/kennisbank", False),
        ("https://example.nl/", False),
        ("", False),
    ],
)
def test_placeholder_addresses(url: str, placeholder: bool) -> None:
    assert is_placeholder(url) is placeholder
    assert (placeholder_warning(url) is not None) is placeholder


def test_warning_is_dutch_and_names_the_way_out() -> None:
    message = placeholder_warning("https://wijindewijk.example/")
    assert message is not None
    assert message.startswith("Let op: het adres van de site is nog een voorbeeldadres")
    assert "site_url in mkdocs.yml" in message
    assert "WIDW_SITE_URL" in message


def test_repository_link_only_when_real() -> None:
    assert public_repo_url("https://code.example/wijindewijk/kennisbank") is None
    assert public_repo_url(None) is None
    assert public_repo_url("https://github.com/movisie/kennisbank") == (
        "https://github.com/movisie/kennisbank"
    )


def test_publishing_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIDW_PUBLISH", raising=False)
    assert not publishing()
    monkeypatch.setenv("WIDW_PUBLISH", "1")
    assert publishing()
    monkeypatch.setenv("WIDW_PUBLISH", "0")
    assert not publishing()
