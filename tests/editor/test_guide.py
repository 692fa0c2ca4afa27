"""The editor guide: generated from the models, vocabulary and problem codes, builds strictly."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.editor.conftest import REPO
from widw.content.fieldmeta import terms_in
from widw.content.models import Case
from widw.content.schema import COMMITTED_SCHEMAS
from widw.content.validate import FIELD_PATHS
from widw.content.vocabulary import LIST_NAMES, Vocabulary, load_vocabulary
from widw.editor.codes import PROBLEM_CODES
from widw.editor.fieldspec import MODELS, all_specs, field_specs, vocabulary_fields
from widw.editor.guide import GUIDE_FOLDER, PAGES, guide_pages

CONTENT = REPO / "tooling" / "widw" / "content"
CODE_SHAPE = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
NOT_CODES = {"wij-in-de-wijk"}
"""Hyphenated string constants in widw.content that are values, not problem codes."""


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    vocab, problems = load_vocabulary(REPO / "vocabulary.yml")
    assert not problems
    return vocab


@pytest.fixture(scope="module")
def pages(vocabulary: Vocabulary) -> dict[str, str]:
    return guide_pages(vocabulary)


def test_pages_and_their_paths(pages: dict[str, str]) -> None:
    assert list(pages) == [f"{GUIDE_FOLDER}/{name}.md" for name in PAGES]
    assert pages["bijdragen/index.md"].startswith("# Bijdragen: een casus toevoegen\n")
    for text in pages.values():
        assert text.startswith("# ")
        assert "{{" not in text
        assert "{%" not in text


def test_fields_page_lists_every_field_of_every_type(pages: dict[str, str]) -> None:
    text = pages["bijdragen/velden.md"]
    for kind in ("case", "lesson", "episode"):
        for spec in all_specs(kind):
            assert f"| `{spec.path}` |" in text, spec.path
            assert spec.description.split("'")[0][:30] in text
    for spec in field_specs("case"):
        row = next(line for line in text.splitlines() if line.startswith(f"| `{spec.path}` |"))
        assert ("| ja |" in row) == spec.required


def test_fields_page_shows_a_copyable_scaffold(pages: dict[str, str]) -> None:
    text = pages["bijdragen/velden.md"]
    assert text.count("```yaml") == 3
    assert "slug: naam-van-de-casus" in text
    assert "laatst_gecontroleerd: JJJJ-MM-DD" in text


def test_vocabulary_page_has_every_list_term_and_label(
    pages: dict[str, str], vocabulary: Vocabulary
) -> None:
    text = pages["bijdragen/woordenlijst.md"]
    for name, terms in vocabulary.lists.items():
        assert f"(`{name}`)" in text
        for term, entry in terms.items():
            assert f"| `{term}` | {entry.label} |" in text
            assert " ".join(entry.omschrijving.split()) in text


def test_guide_covers_sourcing_rules_preview_and_pull_request(pages: dict[str, str]) -> None:
    rules = pages["bijdragen/bronnen.md"]
    for phrase in ("genoemde bron", "eigen woorden", "acht woorden", "`onbekend`",
                   "`afgeleid`", "privépersonen", "kandidaten"):  # fmt: skip
        assert phrase in rules
    assert "make serve" in pages["bijdragen/bekijken.md"]
    assert "widw new" in pages["bijdragen/bekijken.md"]
    pull = pages["bijdragen/pull-request.md"]
    for step in ("Add file", "Fork", "Commit changes", "Create pull request", "make test"):
        assert step in pull


def test_repo_url_adds_direct_links(vocabulary: Vocabulary) -> None:
    with_repo = guide_pages(vocabulary, repo_url="https://github.com/movisie/widw/")
    index = with_repo["bijdragen/index.md"]
    assert "https://github.com/movisie/widw/new/main/cases" in index
    assert "https://github.com/movisie/widw/issues/new?template=casus-voorstellen.yml" in index
    assert "github.com" not in guide_pages(vocabulary)["bijdragen/index.md"]


def _codes_used_in_content() -> set[str]:
    """Problem codes in widw.content: first argument of `.problem(`, the `code` argument of
    `Problem(`/`YamlProblemError(`/`_warn(`, the code in `return "code", message`, and every
    other hyphenated string constant."""
    positions = {"problem": 0, "YamlProblemError": 0, "YamlProblem": 0, "Problem": 3, "_warn": 2}
    found: set[str] = set()
    for path in CONTENT.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                index = positions.get(name)
                if index is not None:
                    args = [*node.args[index : index + 1]]
                    args += [k.value for k in node.keywords if k.arg == "code"]
                    found |= {a.value for a in args if isinstance(a, ast.Constant)}
            elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
                first = node.value.elts[0] if node.value.elts else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE_SHAPE.match(node.value)
            ):
                found.add(node.value)
    return {code for code in found if isinstance(code, str)} - NOT_CODES


def test_every_problem_code_in_the_validator_is_explained() -> None:
    used = _codes_used_in_content()
    assert {"onbekende-term", "yaml-syntax", "bom", "geen-lessen"} <= used  # the scan works
    missing = sorted(used - set(PROBLEM_CODES))
    assert not missing, f"voeg deze codes toe aan widw/editor/codes.py: {missing}"


def test_no_stale_problem_codes() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (REPO / "tooling" / "widw").rglob("*.py")
        if "editor" not in p.parts
    )
    stale = sorted(code for code in PROBLEM_CODES if f'"{code}"' not in source)
    assert not stale, f"deze codes bestaan niet meer in de validator: {stale}"


def test_problem_codes_page(pages: dict[str, str]) -> None:
    text = pages["bijdragen/meldingen.md"]
    for code, info in PROBLEM_CODES.items():
        assert f"| `{code}` | {info.severity} |" in text
        assert info.action.split("`")[0][:25] in text


def test_vocabulary_mapping_matches_the_validator(vocabulary: Vocabulary) -> None:
    for kind in MODELS:
        mapping = vocabulary_fields(kind)
        terms = {spec.path for spec in all_specs(kind) if spec.kind == "term"}
        assert terms == set(mapping), f"{kind}: woordenlijstvelden wijken af van het model"
        assert set(mapping) <= FIELD_PATHS[kind]
        assert set(mapping.values()) <= set(LIST_NAMES)

    # The validator's own list per term field agrees, checked on a case that uses them all.
    def first(list_name: str) -> str:
        return next(iter(vocabulary.terms(list_name)))

    case = Case.model_validate(
        {
            "slug": "alles", "titel": "Alles", "samenvatting": "x", "status": "beschreven",
            "collectie": "verwant", "laatst_gecontroleerd": "2026-01-01",
            "plaats": {"provincie": first("provincies")},
            "soort": [first("soorten")], "participatievorm": first("participatievormen"),
            "themas": [first("themas")], "elementen": [first("elementen")],
            "aandachtsgebieden": [first("aandachtsgebieden")], "fases": [first("fases")],
            "actoren": [{"naam": "x", "soort": first("actorsoorten")}],
            "financiering": [{"soort": first("financieringssoorten")}],
            "uitkomst": {"soort": first("uitkomsten")},
            "bronnen": [{"titel": "x", "soort": first("bronsoorten"),
                         "onderbouwt": [first("feitengroepen")]}],
        }
    )  # fmt: skip
    seen = {}
    for path, _term, list_name in terms_in(case):
        seen[".".join(p for p in path if isinstance(p, str))] = list_name
    assert seen == vocabulary_fields("case")
    assert len(seen) == 12


def test_guide_builds_under_mkdocs_strict(tmp_path: Path, pages: dict[str, str]) -> None:
    """The pages build without warnings: every internal link resolves."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / COMMITTED_SCHEMAS, docs / "schema")
    (docs / "index.md").write_text("# Start\n\n[Bijdragen](bijdragen/index.md)\n", "utf-8")
    (tmp_path / "hooks.py").write_text(
        "from pathlib import Path\n"
        "from mkdocs.structure.files import File\n"
        "from widw.content.vocabulary import load_vocabulary\n"
        "from widw.editor.guide import guide_pages\n\n"
        "def on_files(files, config):\n"
        f"    vocab, _ = load_vocabulary(Path({str(REPO / 'vocabulary.yml')!r}))\n"
        "    for uri, text in guide_pages(vocab, repo_url=config.repo_url).items():\n"
        "        files.append(File.generated(config, uri, content=text))\n"
        "    return files\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Gids\nrepo_url: https://github.com/movisie/widw\n"
        "theme: {name: material, language: nl}\nhooks: [hooks.py]\n"
        "markdown_extensions: [tables, attr_list, admonition, {toc: {permalink: true}}]\n"
        "validation: {omitted_files: warn, absolute_links: warn, unrecognized_links: warn,"
        " anchors: warn}\n",
        encoding="utf-8",
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PATH": ""},
        timeout=300,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site" / "bijdragen"
    assert "Bijdragen: een casus toevoegen" in (site / "index.html").read_text("utf-8")
    velden = (site / "velden" / "index.html").read_text("utf-8")
    assert "<table>" in velden
    assert "plaats.provincie" in velden
