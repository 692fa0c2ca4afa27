"""Published slugs: a published URL may not disappear without an alias."""

from __future__ import annotations

from pathlib import Path

from widw.content.library import Library
from widw.content.published import check_published, read_published, update_published


def test_missing_file_means_nothing_published(library: Library, tmp_path: Path) -> None:
    assert check_published(library, tmp_path / "published-slugs.txt") == []


def test_current_slugs_and_aliases_pass(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "published-slugs.txt"
    path.write_text(
        "# gepubliceerd\ncasus wijkwerkplaats\ncasus werkplaats-oud  # oude naam\n"
        "les eerst-luisteren\nmedia podcast-1\n",
        encoding="utf-8",
    )
    assert check_published(library, path) == []


def test_disappeared_slug_is_an_error_on_its_line(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "published-slugs.txt"
    path.write_text(
        "casus wijkwerkplaats\n\ncasus verdwenen-buurthuis\nles weg\n", encoding="utf-8"
    )
    problems = check_published(library, path)
    assert [(p.path, p.line, p.code, p.severity) for p in problems] == [
        ("published-slugs.txt", 3, "slug-verdwenen", "fout"),
        ("published-slugs.txt", 4, "slug-verdwenen", "fout"),
    ]
    assert "'verdwenen-buurthuis'" in problems[0].message
    assert "aliassen" in problems[0].message
    assert "cases/" in problems[0].message
    assert "lessons/" in problems[1].message


def test_unreadable_line_is_reported(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "published-slugs.txt"
    path.write_text("casus\nboek iets\ncasus Hoofdletters\n", encoding="utf-8")
    problems = check_published(library, path)
    assert [(p.line, p.code) for p in problems] == [
        (1, "gepubliceerd-ongeldig"),
        (2, "gepubliceerd-ongeldig"),
        (3, "gepubliceerd-ongeldig"),
    ]


def test_update_appends_and_keeps_comments(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "published-slugs.txt"
    path.write_text("# eigen opmerking\ncasus werkplaats-oud\n", encoding="utf-8")
    added = update_published(library, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# eigen opmerking\ncasus werkplaats-oud\n")
    entries = {(kind, slug) for _, kind, slug in read_published(path)[0]}
    assert ("case", "wijkwerkplaats") in entries
    assert ("lesson", "begin-klein") in entries
    assert ("episode", "podcast-repareren") in entries
    assert added == len(entries) - 1
    assert update_published(library, path) == 0
    assert path.read_text(encoding="utf-8") == text
    assert check_published(library, path) == []


def test_update_creates_file_with_header(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "published-slugs.txt"
    assert update_published(library, path) == 6
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert [ln for ln in lines if not ln.startswith("#")][:2] == [
        "casus buurtkamer-noord",
        "casus wijkwerkplaats",
    ]
