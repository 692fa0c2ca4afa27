"""Every URL folder and content folder is spelled in the registry or the routes module only.

The test reads every Python module and every template of the package. Documentation is
left out: Python comments and docstrings, and Jinja comments, may name a folder to explain
what a function makes. Everything else (code, messages, template text) must take folder
names from `widw.content.kinds` or `widw.content.routes`.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

import widw
from widw.content import routes
from widw.content.kinds import KINDS

PACKAGE = Path(widw.__file__).parent
REGISTRY = {PACKAGE / "content" / "kinds.py", PACKAGE / "content" / "routes.py"}
TEMPLATE_ENDINGS = (".j2", ".html")

URL_FOLDERS = sorted({*routes.FOLDERS.values(), routes.MORE_PAGES})
SOURCE_FOLDERS = sorted(info.source_folder for info in KINDS.values())
SINGLE_PAGES = sorted(name for name in routes.SINGLE_PAGES.values() if name != "index")

ALLOWED: dict[tuple[str, str], str] = {
    ("site/cache.py", "lessons"): "a key in the page cache's record (English), not a folder",
    ("site/cache.py", "episodes"): "a key in the page cache's record (English), not a folder",
}
"""(module, folder) → why that module may spell the folder."""


def _field_aliases() -> set[str]:
    """Front-matter keys: 'casussen' and 'lessen' are field names as well as URL folders."""
    aliases: set[str] = set()
    for info in KINDS.values():
        aliases |= {f.alias or name for name, f in info.model.model_fields.items()}
    return aliases


def _code_of_python(text: str) -> str:
    """The module without comments and docstrings (blanked, so line numbers stay)."""
    docstrings: set[tuple[int, int]] = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                value = statement.value if isinstance(statement, ast.Expr) else None
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    docstrings.add((statement.lineno, statement.col_offset))
    lines = text.splitlines(keepends=True)
    out = [list(line) for line in lines]
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        is_doc = token.type == tokenize.STRING and token.start in docstrings
        if token.type == tokenize.COMMENT or is_doc:
            (row, col), (end_row, end_col) = token.start, token.end
            for r in range(row, end_row + 1):
                first = col if r == row else 0
                last = end_col if r == end_row else len(out[r - 1])
                for c in range(first, last):
                    if out[r - 1][c] != "\n":
                        out[r - 1][c] = " "
    return "".join("".join(chars) for chars in out)


def _code_of_template(text: str) -> str:
    return re.sub(r"\{#.*?#\}", lambda m: re.sub(r"[^\n]", " ", m[0]), text, flags=re.DOTALL)


def _sources() -> dict[str, str]:
    out = {}
    for path in sorted(PACKAGE.rglob("*")):
        if path in REGISTRY or not path.is_file():
            continue
        name = path.relative_to(PACKAGE).as_posix()
        if path.suffix == ".py":
            out[name] = _code_of_python(path.read_text(encoding="utf-8"))
        elif path.name.endswith(TEMPLATE_ENDINGS):
            out[name] = _code_of_template(path.read_text(encoding="utf-8"))
    return out


SOURCES = _sources()


def _path(folder: str) -> re.Pattern[str]:
    """`folder` as a path segment: 'casussen/…', '../casussen/'."""
    return re.compile(rf"(?<![\w.-]){re.escape(folder)}/")


def _literal(folder: str) -> re.Pattern[str]:
    """`folder` as a whole string literal: "media"."""
    return re.compile(rf"""(?<![\w.-])(["']){re.escape(folder)}\1""")


def _offenders(
    folder: str, path: re.Pattern[str], literal: re.Pattern[str] | None = None
) -> list[str]:
    """Lines outside the registry that spell `folder` (string literals: in Python only)."""
    found = []
    for name, code in SOURCES.items():
        if (name, folder) in ALLOWED:
            continue
        patterns = [path, literal] if literal and name.endswith(".py") else [path]
        for number, line in enumerate(code.splitlines(), start=1):
            if any(p.search(line) for p in patterns):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_the_scan_sees_the_package_and_leaves_the_registry_out() -> None:
    assert "site/build.py" in SOURCES
    assert "site/templates/case.md.j2" in SOURCES
    assert "editor/templates/velden.md.j2" in SOURCES
    assert "content/routes.py" not in SOURCES


@pytest.mark.parametrize("folder", URL_FOLDERS)
def test_a_url_folder_is_spelled_in_the_routes_module_only(folder: str) -> None:
    kind_folder = folder in {info.url_folder for info in KINDS.values()}
    literal = _literal(folder) if kind_folder and folder not in _field_aliases() else None
    assert _offenders(folder, _path(folder), literal) == []


@pytest.mark.parametrize("folder", SOURCE_FOLDERS)
def test_a_content_folder_is_spelled_in_the_registry_only(folder: str) -> None:
    assert _offenders(folder, _path(folder), _literal(folder)) == []


@pytest.mark.parametrize("page", SINGLE_PAGES)
def test_a_top_level_page_is_spelled_in_the_routes_module_only(page: str) -> None:
    pattern = re.compile(rf"(?<![\w.-]){re.escape(page)}(\.md|/)")
    assert _offenders(page, pattern) == []


def test_the_scan_finds_a_folder_spelled_in_code() -> None:
    code = _code_of_python('"""Docs may say casussen/x/."""\nhref = f"../casussen/{slug}.md"\n')
    assert _path("casussen").search(code.splitlines()[1])
    assert not _path("casussen").search(code.splitlines()[0])
    assert not _path("casussen").search("alle casussen")
    assert _literal("media").search('kind = "media"')
    assert not _literal("media").search("multimedia = 'media-x'")
    assert _code_of_template("{# casussen/ #}x") == "               x"


def test_every_allowance_is_still_needed() -> None:
    for name, folder in ALLOWED:
        assert _path(folder).search(SOURCES[name]) or _literal(folder).search(SOURCES[name])
