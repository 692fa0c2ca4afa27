"""XSS payloads in every text field never reach a page as executable markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import VALID_CASE, VALID_LESSON
from tests.quality.conftest import build_site, copy_project
from widw.content.library import ProjectPaths, load_library

PAYLOADS = [
    "<script>alert('xss-1')</script>",
    "<img src=x onerror=alert('xss-2')>",
    "\"><svg onload=alert('xss-3')>",
    "</script><script>alert('xss-4')</script>",
    "[klik](javascript:alert('xss-5'))",
    "<a href=\"javascript:alert('xss-6')\">a</a>",
    "{{ config }} {% raw %}",
]
# Keys holding identifiers, terms, dates or URLs: validated formats, not free text.
NOT_TEXT = {
    "slug",
    "id",
    "status",
    "collectie",
    "zekerheid",
    "provincie",
    "soort",
    "themas",
    "elementen",
    "rollen",
    "lessen",
    "casussen",
    "url",
    "datum",
    "laatst_gecontroleerd",
    "nummer",
    "participatievorm",
    "onderbouwt",
    "aliassen",
    "veld",
    "begin",
    "einde",
}


def _poison(value: Any, key: str, counter: list[int]) -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key, counter) for v in value]
    if isinstance(value, str) and key not in NOT_TEXT:
        counter[0] += 1
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


def _poisoned(document: str, extra: dict[str, Any]) -> str:
    _, front, body = document.split("---\n", 2)
    data = yaml.safe_load(front)
    data.update(extra)
    data = _poison(data, "", [0])
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: str | None = None  # the type of the script element we are in

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on") and "xss" in text:
                self.findings.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and text.startswith("javascript:"):
                self.findings.append(f"<{tag} {name}={value!r}>")
        if tag in {"svg", "img"} and any(n.startswith("on") for n, _ in attrs):
            self.findings.append(f"<{tag}> with event handler")

    def handle_data(self, data: str) -> None:
        if self._script == "application/ld+json":
            # Data, not code: it must still be one intact JSON document (no breakout).
            try:
                json.loads(data)
            except ValueError:
                self.findings.append(f"broken JSON-LD: {data[:80]!r}")
        elif self._script and "alert('xss" in data:
            self.findings.append(f"script content: {data[:80]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def test_payloads_in_every_text_field_stay_inert(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    extra = {
        "contextfactoren": {"bevorderend": ["Steun"], "belemmerend": ["Geld"]},
        "actoren": [{"naam": "Bewoners", "soort": "bewoners", "rol": "Trekkers"}],
        "financiering": [{"soort": "fonds", "omschrijving": "Een fonds"}],
        "uitkomst": {"soort": "loopt", "omschrijving": "Loopt door"},
        "afgeleid": [{"veld": "plaats.provincie", "toelichting": "Uit de gemeente"}],
    }
    (project / "cases" / "buurtkamer-noord.md").write_text(
        _poisoned(VALID_CASE, extra), encoding="utf-8"
    )
    (project / "lessons" / "ruimte-voor-bewoners.md").write_text(
        _poisoned(VALID_LESSON, {}), encoding="utf-8"
    )
    result = load_library(ProjectPaths(project))
    assert result.ok, [p.format() for p in result.errors]
    assert "buurtkamer-noord" in result.library.cases
    site = tmp_path / "site"
    done = build_site(project, site)
    assert done.returncode == 0, done.stdout + done.stderr
    page = site / "casussen" / "buurtkamer-noord" / "index.html"
    assert "xss-1" in page.read_text(encoding="utf-8"), "payload text should show, inert"
    findings = []
    for html in site.rglob("*.html"):
        scanner = _Scanner()
        scanner.feed(html.read_text(encoding="utf-8"))
        findings += [f"{html.relative_to(site)}: {f}" for f in scanner.findings]
    assert findings == []


def test_raw_html_in_a_body_is_rejected_by_the_validator(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "cases" / "buurtkamer-noord.md").write_text(
        VALID_CASE + "\n<script>alert('x')</script>\n", encoding="utf-8"
    )
    problems = load_library(ProjectPaths(project)).errors
    assert any(p.code == "html-in-tekst" for p in problems)


def test_yaml_is_only_loaded_safely(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    project = copy_project(tmp_path / "project")
    (project / "cases" / "evil.md").write_text(
        f"---\nslug: !!python/object/apply:os.system ['touch {marker}']\n---\n", encoding="utf-8"
    )
    problems = load_library(ProjectPaths(project)).errors
    assert not marker.exists()
    assert any(p.path == "cases/evil.md" for p in problems)
