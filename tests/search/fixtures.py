"""A small Dutch fixture library for search tests, written into tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from widw.content.library import Library, ProjectPaths, load_library

REPO = Path(__file__).resolve().parents[2]

SOURCE = {
    "titel": "Verslag",
    "uitgever": "Movisie",
    "datum": "2020",
    "url": "https://bron.example/verslag",
    "soort": "artikel",
}

UNKNOWN_BUNDLE = {"nummer": "onbekend", "zekerheid": "afgeleid", "toelichting": "Niet bekend."}

CASES: dict[str, dict[str, Any]] = {
    "hart-voor-de-buurt": {
        "titel": "Hart voor de Buurt",
        "samenvatting": "Bewoners beslissen zelf over bewonersbuurtbudgetten voor hun wijk.",
        "plaats": {"gemeente": "Utrecht", "wijk": "Ondiep", "provincie": "utrecht"},
        "bundel": {"nummer": 2, "zekerheid": "bevestigd"},
        "periode": {"begin": "2019-03"},
        "themas": ["buurtbudget", "zeggenschap"],
        "elementen": ["empowerment"],
        "lessen": ["geef-bewoners-geld"],
        "body": "Een bewonerscommissie verdeelt het geld. Iedereen mag ideeën indienen.",
    },
    "wijkgeld-noord": {
        "titel": "Wijkgeld Noord",
        "samenvatting": "Een buurtbudget dat bewoners van Noord samen verdelen over plannen.",
        "plaats": {"gemeente": "Groningen", "wijk": "Noord", "provincie": "groningen"},
        "bundel": {"nummer": 2, "zekerheid": "afgeleid", "toelichting": "Uit de inhoudsopgave."},
        "themas": ["buurtbudget"],
        "elementen": ["empowerment"],
        "lessen": ["geef-bewoners-geld"],
        "body": "Het budget wordt verdeeld op een bewonersavond in het buurthuis.",
    },
    "koffie-met-ouderen": {
        "titel": "Koffie met ouderen",
        "samenvatting": "Oudere bewoners drinken koffie in de huiskamer van de wijk.",
        "plaats": {"gemeente": "Tilburg", "wijk": "Reeshof", "provincie": "noord-brabant"},
        "bundel": {"nummer": 1, "zekerheid": "bevestigd"},
        "themas": ["ouderen", "eenzaamheid", "ontmoeting"],
        "elementen": ["informeel-contact"],
        "lessen": ["luister-naar-ouderen"],
        "body": "De eenzaamheid onder ouderen neemt af doordat buren elkaar vaker zien.",
    },
    "sportschool-zuid": {
        "titel": "Sportschool Zuid",
        "samenvatting": "Een sportschool waar kinderen en jongeren samen trainen.",
        "plaats": {"gemeente": "Rotterdam", "wijk": "Zuid", "provincie": "zuid-holland"},
        "bundel": {"nummer": 3, "zekerheid": "bevestigd"},
        "themas": ["sport-en-bewegen", "jeugd-en-gezin"],
        "elementen": ["empowerment"],
        "body": "De trainers kennen de gezinnen en helpen met huiswerk. The gym is open late.",
    },
    "moestuin-oost": {
        "titel": "Moestuin Oost",
        "samenvatting": "Bewoners en ouderen werken samen in een moestuin.",
        "plaats": {"gemeente": "Utrecht", "wijk": "Oost", "provincie": "utrecht"},
        "bundel": {"nummer": 1, "zekerheid": "bevestigd"},
        "themas": ["groen-en-natuur", "ontmoeting", "ouderen"],
        "elementen": ["informeel-contact"],
        "body": "In de moestuin ontstaat sociale samenhang tussen oude en nieuwe buren.",
    },
    "wijkcooperatie-zuid": {
        "titel": "Wijkcoöperatie Zuid",
        "samenvatting": "Een coöperatie van bewoners die werk en geld in de wijk houdt.",
        "plaats": {"gemeente": "Heerlen", "wijk": "Zuid", "provincie": "limburg"},
        "themas": ["sociaal-ondernemen"],
        "elementen": ["community-up"],
        "body": "De coöperatie verhuurt ruimte aan ondernemers uit de buurt.",
    },
    "digitaal-dorpsplein": {
        "titel": "Digitaal Dorpsplein",
        "samenvatting": "Een online platform tegen eenzaamheid in een dorp.",
        "plaats": {"gemeente": "Súdwest-Fryslân", "provincie": "fryslan"},
        "themas": ["digitaal", "eenzaamheid"],
        "elementen": ["informeel-contact"],
        "body": "Dorpsbewoners vragen en bieden hulp via het platform.",
    },
    "open-plek-budget": {
        "titel": "Open plek: buurtbudget",
        "samenvatting": "Een nog onbekend initiatief over een buurtbudget.",
        "status": "stub",
        "plaats": {"gemeente": "Utrecht", "provincie": "utrecht"},
        "themas": ["buurtbudget"],
    },
}

LESSONS: dict[str, dict[str, Any]] = {
    "geef-bewoners-geld": {
        "rollen": ["ambtenaren", "bestuurders-politici"],
        "titel": "Geef bewoners zelf geld te besteden",
        "casussen": ["hart-voor-de-buurt", "wijkgeld-noord"],
        "body": "Een budget in handen van bewoners vergroot hun zeggenschap.",
    },
    "luister-naar-ouderen": {
        "rollen": ["sociaal-professionals"],
        "titel": "Luister eerst naar ouderen",
        "casussen": ["koffie-met-ouderen"],
        "body": "Vraag ouderen wat zij willen voordat je activiteiten bedenkt.",
    },
}


def case_text(slug: str, spec: dict[str, Any]) -> str:
    """A case file from a compact spec."""
    data: dict[str, Any] = {
        "slug": slug,
        "titel": spec["titel"],
        "samenvatting": spec["samenvatting"],
        "status": spec.get("status", "beschreven"),
        "collectie": "wij-in-de-wijk",
        "plaats": spec["plaats"],
        "themas": spec.get("themas", []),
        "elementen": spec.get("elementen", []),
        "lessen": spec.get("lessen", []),
        "bronnen": [SOURCE],
        "laatst_gecontroleerd": "2026-11-01",
    }
    data["bundel"] = spec.get("bundel", UNKNOWN_BUNDLE)
    if "periode" in spec:
        data["periode"] = spec["periode"]
    return _document(data, spec.get("body", ""))


def lesson_text(lesson_id: str, spec: dict[str, Any]) -> str:
    data = {
        "id": lesson_id,
        "rollen": spec["rollen"],
        "titel": spec["titel"],
        "casussen": spec["casussen"],
        "bronnen": [SOURCE],
        "laatst_gecontroleerd": "2026-11-01",
    }
    return _document(data, spec["body"])


def episode_text() -> str:
    data = {
        "slug": "podcast-buurtgeld",
        "soort": "podcast",
        "titel": "Podcast: wie beslist over buurtgeld?",
        "datum": "2021-06-01",
        "samenvatting": "Een gesprek over buurtbudgetten en zeggenschap.",
        "casussen": [{"slug": "hart-voor-de-buurt", "tijdstip": "12:30"}],
        "bronnen": [SOURCE],
        "laatst_gecontroleerd": "2026-11-01",
    }
    return _document(data, "")


def _document(data: dict[str, Any], body: str) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}\n"


def write_project(root: Path, cases: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write the fixture library (or the given cases) with the real vocabulary."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "vocabulary.yml", root / "vocabulary.yml")
    for folder in ("cases", "lessons", "episodes"):
        (root / folder).mkdir(exist_ok=True)
    for slug, spec in (CASES if cases is None else cases).items():
        (root / "cases" / f"{slug}.md").write_text(case_text(slug, spec), encoding="utf-8")
    if cases is None:
        for lesson_id, spec in LESSONS.items():
            path = root / "lessons" / f"{lesson_id}.md"
            path.write_text(lesson_text(lesson_id, spec), encoding="utf-8")
        (root / "episodes" / "podcast-buurtgeld.md").write_text(episode_text(), encoding="utf-8")
    return root


def load(root: Path) -> Library:
    """The library of a fixture project; fails loudly if the fixture itself is invalid."""
    result = load_library(ProjectPaths(root))
    assert result.ok, [p.format() for p in result.errors]
    return result.library
