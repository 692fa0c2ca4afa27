"""GitHub workflows, issue form, PR template and pre-commit: valid, and doing what CI does.

Schemas are check-jsonschema's vendored copies of the SchemaStore schemas that GitHub's own
editors use; no network is needed.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.editor.conftest import REPO
from widw.content.vocabulary import load_vocabulary
from widw.content.yamlnodes import EditorLoader
from widw.editor.fieldspec import all_specs
from widw.editor.issueform import CONFIRM_ID, FORM_PATH, UNKNOWN_CHOICE, render_issue_form

WORKFLOWS = REPO / ".github" / "workflows"
TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"


def load(path: Path) -> Any:
    """YAML as GitHub reads it (YAML 1.2: `on:` stays the string 'on', not true)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def schema(name: str) -> dict[str, Any]:
    vendor = files("check_jsonschema") / "builtin_schemas" / "vendor" / f"{name}.json"
    data: dict[str, Any] = json.loads(vendor.read_text(encoding="utf-8"))
    return data


def assert_valid(instance: Any, schema_name: str) -> None:
    spec = schema(schema_name)
    validator_class = jsonschema.validators.validator_for(spec)
    validator_class.check_schema(spec)
    errors = sorted(validator_class(spec).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def run_lines(workflow: dict[str, Any]) -> list[str]:
    return [
        line.strip()
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        for line in str(step.get("run", "")).splitlines()
    ]


def uses(workflow: dict[str, Any]) -> list[str]:
    return [
        str(step["uses"]).split("@")[0]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_workflows_match_githubs_schema(path: Path) -> None:
    assert_valid(load(path), "github-workflows")


def test_there_are_two_workflows() -> None:
    assert [p.name for p in workflow_files()] == ["controle.yml", "publiceren.yml"]


def test_pull_requests_run_what_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    workflow = load(WORKFLOWS / "controle.yml")
    assert "pull_request" in workflow["on"]
    assert "make test" in run_lines(workflow)
    runs = "\n".join(run_lines(workflow))
    assert "apt-get install" in runs
    assert "chromium" in runs
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "build"):
        assert f"\n{target}:" in makefile


def test_main_builds_and_deploys_to_pages() -> None:
    workflow = load(WORKFLOWS / "publiceren.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert "make build" in run_lines(workflow)
    assert "actions/upload-pages-artifact" in uses(workflow)
    assert "actions/deploy-pages" in uses(workflow)
    upload = next(
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_issue_form_and_config_match_githubs_schema() -> None:
    assert_valid(load(TEMPLATES / "casus-voorstellen.yml"), "github-issue-forms")
    assert_valid(load(TEMPLATES / "config.yml"), "github-issue-config")


def test_issue_form_fields_are_case_fields() -> None:
    form = load(TEMPLATES / "casus-voorstellen.yml")
    keys = {spec.key for spec in all_specs("case")}
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    assert {"titel", "samenvatting", "provincie", "bronnen", "themas"} <= set(ids)
    for field_id in ids:
        assert field_id in keys or field_id == CONFIRM_ID, f"'{field_id}' is geen casusveld"


def test_issue_form_choices_come_from_the_vocabulary() -> None:
    vocabulary, _ = load_vocabulary(REPO / "vocabulary.yml")
    form = load(TEMPLATES / "casus-voorstellen.yml")
    by_id = {item["id"]: item for item in form["body"] if "id" in item}
    provinces = by_id["provincie"]["attributes"]["options"]
    assert provinces == [t.label for t in vocabulary.terms("provincies").values()] + [
        UNKNOWN_CHOICE
    ]
    themes = [o["label"] for o in by_id["themas"]["attributes"]["options"]]
    assert themes == [t.label for t in vocabulary.terms("themas").values()]


def test_issue_form_is_current() -> None:
    vocabulary, _ = load_vocabulary(REPO / "vocabulary.yml")
    committed = (REPO / FORM_PATH).read_text(encoding="utf-8")
    assert committed == render_issue_form(vocabulary), (
        "het issueformulier loopt achter op vocabulary.yml: voer "
        "'python -m widw.editor.issueform' uit"
    )


def test_pull_request_template_has_the_editor_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 6
    for phrase in ("bron", "eigen woorden", "onbekend", "afgeleid", "privépersonen"):
        assert any(phrase in item for item in items), phrase


def test_pre_commit_runs_the_validator_and_the_standard_hooks() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    for hook_id in ("check-yaml", "end-of-file-fixer", "trailing-whitespace",
                    "check-added-large-files", "ruff", "widw-validate", "widw-schema"):  # fmt: skip
        assert hook_id in hooks, hook_id
    assert hooks["widw-validate"]["entry"] == "widw validate"
    assert hooks["widw-schema"]["entry"] == "widw schema --check"
    assert hooks["widw-validate"]["pass_filenames"] is False
    standard = next(r for r in config["repos"] if "pre-commit-hooks" in r["repo"])
    assert standard["rev"].startswith("v")


def test_contributing_points_to_the_guide() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "Bijdragen: een casus" in text
    steps = [line for line in text.splitlines() if line[:3] in {"1. ", "2. ", "3. ", "4. ", "5. "}]
    assert len(steps) == 5
    assert "widw new" in text
    assert "widw validate" in text
    assert "make serve" in text
