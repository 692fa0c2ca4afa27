"""One invalid input per rule code, each with its golden Dutch message (path:line:col CODE …).

Regenerate the golden file after a deliberate wording change with
`WIDW_UPDATE_GOLDEN=1 pytest tests/content/test_rules.py`, and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, VALID_CASE, VALID_LESSON, ProjectFactory
from widw.content.library import ProjectPaths, load_library

GOLDEN = Path(__file__).parent / "golden" / "rules.yml"
TODAY = dt.date(2026, 11, 23)


def case(**replace: str) -> str:
    """The valid case with some lines replaced ('old line' → 'new line')."""
    text = VALID_CASE
    for old, new in replace.items():
        assert old.replace("_", " ") in text or old in text
        text = text.replace(old, new)
    return text


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


C = VALID_CASE
FIXTURES: dict[str, dict[str, str | bytes]] = {
    # reading
    "bestand-te-groot": {"cases/groot.md": "---\nslug: groot\n---\n" + "x" * (1024 * 1024 + 1)},
    "leeg-bestand": {"cases/leeg.md": ""},
    "binair-bestand": {"cases/plaatje.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
    "bom": {"cases/buurtkamer-noord.md": b"\xef\xbb\xbf" + C.encode()},
    "codering": {"cases/buurtkamer-noord.md": swap(C, "Noord\n", "N\xf6ord\n").encode("latin-1")},
    "crlf": {"cases/buurtkamer-noord.md": C.replace("\n", "\r\n")},
    "geen-front-matter": {"cases/zonder.md": "# Alleen een kop\n\nEn tekst.\n"},
    "lege-front-matter": {"cases/leeg-fm.md": "---\n\n---\nTekst\n"},
    "front-matter-geen-blok": {"cases/lijst.md": "---\n- een\n- twee\n---\n"},
    "tab": {"cases/buurtkamer-noord.md": swap(C, "  gemeente: Utrecht", "\tgemeente: Utrecht")},
    "yaml-syntax": {
        "cases/buurtkamer-noord.md": swap(
            C, "titel: Buurtkamer Noord", "titel: Buurtkamer: Noord: x"
        )
    },
    "yaml-anker": {
        "cases/buurtkamer-noord.md": swap(
            C, "soort: [ontmoetingsplek]", "soort: &s [ontmoetingsplek]\nthemas2: *s"
        )
    },
    "stuurteken": {"cases/buurtkamer-noord.md": swap(C, "Buurtkamer Noord\n", "Buurt\x1fkamer\n")},
    "dubbel-veld": {
        "cases/buurtkamer-noord.md": swap(
            C, "status: beschreven", "status: beschreven\nstatus: stub"
        )
    },
    # schema
    "veld-ontbreekt": {"cases/buurtkamer-noord.md": swap(C, "status: beschreven\n", "")},
    "onbekend-veld": {"cases/buurtkamer-noord.md": swap(C, "themas:", "temas:")},
    "ongeldige-waarde": {
        "cases/buurtkamer-noord.md": swap(C, "status: beschreven", "status: beschreeven")
    },
    "ongeldig-formaat": {
        "cases/buurtkamer-noord.md": swap(C, "slug: buurtkamer-noord", "slug: ../buurtkamer noord")
    },
    "te-kort": {"cases/buurtkamer-noord.md": swap(C, "titel: Buurtkamer Noord", 'titel: ""')},
    "buiten-bereik": {"cases/buurtkamer-noord.md": swap(C, "nummer: 1", "nummer: 7")},
    "ongeldige-datum": {
        "cases/buurtkamer-noord.md": swap(
            C, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2026-13-01"
        )
    },
    "verkeerd-type": {
        "cases/buurtkamer-noord.md": swap(C, "themas: [ontmoeting]", "themas: {ontmoeting: ja}")
    },
    "te-lang": {
        "cases/buurtkamer-noord.md": swap(C, "slug: buurtkamer-noord", "slug: " + "a" * 81)
    },
    # content rules
    "bestandsnaam": {
        "cases/andere-naam.md": swap(C, "slug: buurtkamer-noord", "slug: buurtkamer-zuid")
    },
    "onbekende-term": {
        "cases/buurtkamer-noord.md": swap(C, "themas: [ontmoeting]", "themas: [ontmoetting]")
    },
    "html-in-tekst": {"cases/buurtkamer-noord.md": C + "\nKlik <a href=x onclick=y>hier</a>.\n"},
    "onveilige-link": {"cases/buurtkamer-noord.md": C + "\n[klik](javascript:alert(1))\n"},
    "bundel-ontbreekt": {
        "cases/buurtkamer-noord.md": swap(C, "bundel:\n  nummer: 1\n  zekerheid: bevestigd\n", "")
    },
    "bundel-bij-verwant": {
        "cases/buurtkamer-noord.md": swap(C, "collectie: wij-in-de-wijk", "collectie: verwant")
    },
    "toelichting-ontbreekt": {
        "cases/buurtkamer-noord.md": swap(C, "zekerheid: bevestigd", "zekerheid: afgeleid")
    },
    "bron-zonder-url": {
        "cases/buurtkamer-noord.md": swap(C, "    url: https://bron.example/buurtkamer\n", "")
    },
    "kandidaten-bij-beschreven": {
        "cases/buurtkamer-noord.md": swap(
            C,
            "lessen:",
            "kandidaten:\n  - naam: Iets\n    zekerheid: kandidaat\n"
            "    toelichting: Genoemd in een bron.\nlessen:",
        )
    },
    "dubbele-slug": {
        "cases/kopie.md": swap(
            C, "slug: buurtkamer-noord", "slug: kopie\naliassen: [buurtkamer-noord]"
        )
    },
    "onbekende-verwijzing": {
        "lessons/ruimte-voor-bewoners.md": swap(
            VALID_LESSON, "casussen: [buurtkamer-noord]", "casussen: [buurtkamer-nord]"
        )
    },
    "slug-verdwenen": {"published-slugs.txt": "casus buurtkamer-noord\ncasus oude-naam\n"},
    "dode-link": {
        "cases/buurtkamer-noord.md": C
        + "\nZie [Kenhem](kenhemm.md), [de les](../lessen/ruimte-voor-bewonres.md#kern),"
        + " [over](../over.md) en [weg](../../x.md).\n"
    },
    # rules beyond the schema
    "onzichtbaar-teken": {
        "cases/buurtkamer-noord.md": swap(
            C, "titel: Buurtkamer Noord", "titel: Buurtkamer \u202eNoord"
        ).replace("aan de grote", "aan de\u200b grote")
    },
    "dubbele-waarde": {
        "cases/buurtkamer-noord.md": swap(
            C, "themas: [ontmoeting]", "themas: [ontmoeting, ontmoeting, ontmoeting]"
        )
    },
    "datum-in-toekomst": {
        "cases/buurtkamer-noord.md": swap(
            C, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2099-01-01"
        )
    },
    # files the validator does not read
    "bestand-genegeerd": {
        "cases/buurtkamer-zuid.MD": C,
        "cases/buurtkamer-west.markdown": C,
        "episodes/notities.txt": "een notitie\n",
        "lessons/schema.png": b"\x89PNG",
    },
    "map-genegeerd": {"cases/archief/oud.md": C},
    "gepubliceerd-ongeldig": {"published-slugs.txt": "casus Buurtkamer Noord\n"},
    # quality hints (warnings)
    "controle-verouderd": {
        "cases/buurtkamer-noord.md": swap(
            C, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2020-01-01"
        )
    },
    "bron-zonder-datum": {"cases/buurtkamer-noord.md": swap(C, "    datum: 2020-03-18\n", "")},
    "samenvatting-te-lang": {
        "cases/buurtkamer-noord.md": swap(
            C, "samenvatting: Een", "samenvatting: " + "Lang verhaal. " * 60 + "Een"
        )
    },
    "geen-lessen": {
        "cases/buurtkamer-noord.md": swap(C, "lessen: [ruimte-voor-bewoners]", "lessen: []"),
        "lessons/ruimte-voor-bewoners.md": swap(
            VALID_LESSON, "casussen: [buurtkamer-noord]", "casussen: []"
        ),
    },
    "titel-lijkt-op": {
        "cases/buurtkamer-noorden.md": swap(
            C.replace("lessen: [ruimte-voor-bewoners]", "lessen: [ruimte-voor-bewoners]"),
            "slug: buurtkamer-noord\ntitel: Buurtkamer Noord",
            "slug: buurtkamer-noorden\ntitel: Buurtkamer Noorden",
        )
    },
}


def _codes_in_source() -> set[str]:
    pattern = re.compile(
        r'(?:problem\(|Problem\([^)]*?|YamlProblem\(|return )\s*\n?\s*"([a-z]+(?:-[a-z]+)+)"'
    )
    found: set[str] = set()
    for path in (REPO / "tooling" / "widw" / "content").glob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def _run(make_project: ProjectFactory, files: dict[str, str | bytes]) -> list[str]:
    root = make_project(files)
    result = load_library(ProjectPaths(root), today=TODAY)
    return [p.format() for p in result.problems]


def test_every_rule_code_in_the_source_has_a_fixture() -> None:
    missing = _codes_in_source() - set(FIXTURES) - {"onleesbaar", "geen-woordenlijst"}
    assert not missing, f"rule codes without an invalid fixture: {sorted(missing)}"


@pytest.mark.parametrize("code", sorted(FIXTURES))
def test_rule_reports_golden_message(code: str, make_project: ProjectFactory) -> None:
    lines = _run(make_project, FIXTURES[code])
    assert any(f"  {code}  " in line for line in lines), lines
    golden = yaml.safe_load(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    if os.environ.get("WIDW_UPDATE_GOLDEN"):
        golden[code] = lines
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(yaml.safe_dump(golden, allow_unicode=True, width=200), "utf-8")
    assert lines == golden.get(code), "message changed; review and regenerate the golden file"


def test_valid_base_project_has_no_problems(make_project: ProjectFactory) -> None:
    assert _run(make_project, {}) == []
