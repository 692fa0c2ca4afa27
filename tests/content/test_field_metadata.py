"""One place for every field fact: the field metadata on the models.

The main test adds a field to the case model in a copy of the package, changing nothing
else, and shows that validation, the JSON Schema, the editor guide, the open-data table
and the codebook all pick it up. The grep test checks that each field → vocabulary list
mapping is written in one module only.
"""

from __future__ import annotations

import csv
import filecmp
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from tests.conftest import REPO, VALID_CASE, ProjectFactory
from widw.content.fieldmeta import (
    META_KEY,
    FieldFacts,
    all_facts,
    column_facts,
    field_facts,
    json_schema,
    terms_in,
)
from widw.content.kinds import KINDS
from widw.content.models import Case
from widw.content.vocabulary import LIST_NAMES

PACKAGE = REPO / "tooling" / "widw"
MODELS_FILE = Path("content") / "models.py"
MODEL_FILES = (MODELS_FILE, Path("content") / "blocks.py")
"""The model modules: entries (models) and their parts (blocks)."""

ANCHOR = "    context: ContextFactors = Field(\n"
"""Where the new field goes in the copied Case model: after the self-scan phases."""

NEW_FIELD = """    involved_roles: TermList = Field(
        default_factory=list,
        alias="betrokken_rollen",
        description="Rollen die aan het initiatief meedoen (woordenlijst: rollen).",
        json_schema_extra=meta(
            vocabulary="rollen", label="Betrokken rollen", column="betrokken_rollen"
        ),
    )
"""

CASE_WITH_FIELD = VALID_CASE.replace(
    "themas: [ontmoeting]\n",
    "themas: [ontmoeting]\nbetrokken_rollen: [ambtenaren, onbekende-rol]\n",
)


def _copy_with_new_field(target: Path) -> Path:
    """A copy of the package whose Case model has one field more; returns its parent."""
    copy = target / "widw"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    models = copy / MODELS_FILE
    text = models.read_text(encoding="utf-8")
    case_class = text.index("class Case(Model):")
    at = text.index(ANCHOR, case_class)
    assert at < text.index("class Lesson(Model):"), "the anchor must be a Case field"
    models.write_text(text[:at] + NEW_FIELD + text[at:], encoding="utf-8")
    return target


def _changed_files(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two trees (files only, caches ignored)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(prefix + name for name in cmp.diff_files)
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(out)


def _run(package_parent: Path, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "widw", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_new_model_field_reaches_every_consumer(
    tmp_path: Path, make_project: ProjectFactory
) -> None:
    assert "betrokken_rollen" not in "".join(
        path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")
    ), "the field must be new: nothing in the package may know it yet"
    package = _copy_with_new_field(tmp_path / "pkg")
    assert _changed_files(PACKAGE, package / "widw") == [str(MODELS_FILE)]
    project = make_project({"cases/buurtkamer-noord.md": CASE_WITH_FIELD})

    # The copy, not the installed package, is what runs.
    where = _run(package, project, "--version")
    assert where.returncode == 0, where.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import widw; print(widw.__file__)"],
        env={**os.environ, "PYTHONPATH": str(package)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(package))

    # Validation: the unknown term in the new field is reported; the known one is not.
    checked = _run(package, project, "validate", "--map", str(project), "--json")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    problems = json.loads(checked.stdout)
    terms = [p for p in problems if p["code"] == "onbekende-term"]
    assert len(terms) == 1, problems
    assert (terms[0]["path"], terms[0]["line"]) == ("cases/buurtkamer-noord.md", 16)
    assert "'onbekende-rol' in 'betrokken_rollen[2]'" in terms[0]["message"]
    assert "woordenlijst 'rollen'" in terms[0]["message"]

    # JSON Schema: the field with its description, the metadata left out.
    schemas = tmp_path / "schemas"
    written = _run(package, project, "schema", "--map", str(project), "--uit", str(schemas))
    assert written.returncode == 0, written.stderr
    schema = json.loads((schemas / "casus.schema.json").read_text(encoding="utf-8"))
    new = schema["properties"]["betrokken_rollen"]
    assert new["description"] == "Rollen die aan het initiatief meedoen (woordenlijst: rollen)."
    assert META_KEY not in json.dumps(schema)

    # Editor guide, open data and codebook: one render of a valid project.
    (project / "cases" / "buurtkamer-noord.md").write_text(
        CASE_WITH_FIELD.replace(", onbekende-rol", ", sociaal-professionals"), encoding="utf-8"
    )
    out = tmp_path / "render"
    rendered = _run(
        package, project, "render", "--map", str(project), "--out", str(out),
        "--site-url", "https://kennisbank.example/",
    )  # fmt: skip
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr

    guide = (out / "bijdragen" / "velden.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| `betrokken_rollen` |"))
    assert "lijst van termen uit de woordenlijst 'rollen'" in row
    assert "Rollen die aan het initiatief meedoen" in row
    scaffold = guide[guide.index("```yaml") : guide.index("```", guide.index("```yaml") + 7)]
    assert "betrokken_rollen:" in scaffold
    vocabulary_page = (out / "bijdragen" / "woordenlijst.md").read_text(encoding="utf-8")
    assert "casus `betrokken_rollen`" in vocabulary_page

    table = list(csv.DictReader(io.StringIO((out / "data" / "cases.csv").read_text("utf-8"))))
    assert table[0]["betrokken_rollen"] == "ambtenaren | sociaal-professionals"
    record = json.loads((out / "data" / "cases.json").read_text(encoding="utf-8"))
    assert record["casussen"][0]["betrokken_rollen"] == ["ambtenaren", "sociaal-professionals"]

    codebook = list(csv.DictReader(io.StringIO((out / "data" / "codeboek.csv").read_text("utf-8"))))
    entry = next(row for row in codebook if row["veld"] == "betrokken_rollen")
    assert entry["schemaveld"] == "betrokken_rollen"
    assert entry["type"] == "lijst van termen"
    assert entry["woordenlijst"] == "rollen"
    assert "ambtenaren = " in entry["waarden"]
    assert "`betrokken_rollen`" in (out / "data" / "codeboek.md").read_text(encoding="utf-8")


def _vocabulary_fields() -> set[tuple[str, str]]:
    """(field key, vocabulary list) of every vocabulary field of every kind."""
    return {
        (facts.key, str(facts.vocabulary))
        for info in KINDS.values()
        for facts in all_facts(info.model)
        if facts.vocabulary
    }


LIST_OWNERS = {
    **{str(path): "the field metadata: which field draws from which list" for path in MODEL_FILES},
    "content/vocabulary.py": "the shape of vocabulary.yml: which lists exist",
    "editor/guide.py": "the guide's title of each list (LIST_TITLES), not of a field",
    "content/routes.py": "'provincies' there is the URL folder of the province pages",
    "site/casemap.py": "'provincies' there is the Dutch plural in a map marker's text",
}
"""The modules that may spell a list name, and why; any other module fails the test."""


def test_each_field_to_vocabulary_mapping_is_written_in_one_module() -> None:
    """A vocabulary list name written in a module outside the model modules is a copy of the
    field → list mapping. Checked for every list whose name differs from its field's key
    (provincie → provincies, soort → soorten, …); a list named like its field (themas,
    elementen, rollen, aandachtsgebieden, fases) cannot be told apart from the field key by
    grep, and is covered by the tests that read the mapping back (validation, guide, tables).
    """
    pairs = _vocabulary_fields()
    assert len(pairs) >= 12
    assert {name for _, name in pairs} <= set(LIST_NAMES)
    own_name = {list_name for key, list_name in pairs if key != list_name}
    assert {"provincies", "soorten", "bronsoorten", "mediasoorten"} <= own_name
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for list_name in own_name & _string_literals(path):
            found.setdefault(str(path.relative_to(PACKAGE)), set()).add(list_name)
    copies = {module: names for module, names in found.items() if module not in LIST_OWNERS}
    assert copies == {}
    models_text = "".join((PACKAGE / path).read_text(encoding="utf-8") for path in MODEL_FILES)
    for list_name in own_name:  # the models name each list once per field that uses it
        assert models_text.count(f'vocabulary="{list_name}"') == sum(
            1 for facts in _all_model_facts() if facts.vocabulary == list_name
        ), list_name


def _string_literals(path: Path) -> set[str]:
    """The values of the plain string literals in a module (not docstrings or f-strings
    with other text: only a literal that is exactly a name can be a table entry)."""
    out: set[str] = set()
    with path.open("rb") as handle:
        for token in tokenize.tokenize(handle.readline):
            if token.type == tokenize.STRING and token.string[:1] in {'"', "'"}:
                out.add(token.string[1:-1])
    return out


def _all_model_facts() -> list[FieldFacts]:
    """Every field of every model class declared in the model modules, once."""
    import widw.content.blocks as blocks
    import widw.content.models as models

    classes = [
        value
        for module in (models, blocks)
        for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == module.__name__
    ]
    return [facts for cls in classes for facts in field_facts(cls)]


def test_model_field_metadata_is_well_formed() -> None:
    """Every metadata key is one `meta()` knows; columns are unique; labels are Dutch text."""
    known = {
        "vocabulary", "label", "facet", "facet_value", "keyword", "keyword_order", "column",
        "column_order", "column_type", "column_description", "column_count",
    }  # fmt: skip
    for info in KINDS.values():
        for facts in all_facts(info.model):
            assert set(facts.meta) <= known, (info.kind, facts.path, facts.meta)
            if facts.meta.get("keyword"):
                assert facts.vocabulary, f"{facts.path}: a keyword needs a vocabulary list"
    columns = [str(facts.meta["column"]) for facts in column_facts(Case)]
    assert len(columns) == len(set(columns))
    assert columns[0] == "slug"
    assert columns[-1] == "samenvatting"
    assert META_KEY not in json.dumps(json_schema(Case))
    assert re.fullmatch(r"[a-z_]+", META_KEY)


def test_terms_in_walks_lists_of_blocks() -> None:
    case = Case.model_validate(
        {
            "slug": "twee", "titel": "Twee", "samenvatting": "x", "status": "stub",
            "collectie": "verwant", "laatst_gecontroleerd": "2026-01-01",
            "plaats": {"provincie": "utrecht"}, "themas": ["groen", "wonen"],
            "actoren": [{"naam": "a", "soort": "gemeente"}, {"naam": "b", "soort": "fonds"}],
        }
    )  # fmt: skip
    found = sorted(terms_in(case))
    assert found == [
        (("actoren", 0, "soort"), "gemeente", "actorsoorten"),
        (("actoren", 1, "soort"), "fonds", "actorsoorten"),
        (("plaats", "provincie"), "utrecht", "provincies"),
        (("themas", 0), "groen", "themas"),
        (("themas", 1), "wonen", "themas"),
    ]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_described(kind: str) -> None:
    for facts in all_facts(KINDS[kind].model):  # type: ignore[index]
        assert facts.description, f"{kind}: {facts.path} has no description"


def test_unknown_terms_are_found_also_when_the_schema_rejects_the_file(
    make_project: ProjectFactory,
) -> None:
    """Without a valid entry the terms are read from the raw data, along the same metadata:
    the self-scan fields are checked too (the hand-kept patterns had left them out)."""
    from widw.content.library import ProjectPaths, load_library

    bad = VALID_CASE.replace("status: beschreven", "status: klaar").replace(
        "themas: [ontmoeting]\n", "themas: [ontmoeting]\naandachtsgebieden: [geen-gebied]\n"
    )
    root = make_project({"cases/buurtkamer-noord.md": bad})
    messages = [p.format() for p in load_library(ProjectPaths(root)).problems]
    assert any("status" in m for m in messages), messages
    found = [m for m in messages if "'geen-gebied' in 'aandachtsgebieden[1]'" in m]
    assert len(found) == 1, messages
    assert "woordenlijst 'aandachtsgebieden'" in found[0]
