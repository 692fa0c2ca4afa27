"""Generate realistic synthetic libraries for benchmarks (never for cases/ of the real site).

`generate_project(root, n_cases)` writes valid cases, lessons and episodes plus a copy of the
real vocabulary.yml under `root`. The text is Dutch-like prose assembled from a fixed word
list, so analyzers, stemmers and page sizes behave as they would on real content.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

_WORDS = [
    "buurt",
    "wijk",
    "bewoners",
    "bewoner",
    "gemeente",
    "ambtenaar",
    "ambtenaren",
    "opbouwwerker",
    "vrijwilligers",
    "vrijwilliger",
    "ontmoeting",
    "ontmoetingsplek",
    "buurthuis",
    "wijkcentrum",
    "huiskamer",
    "moestuin",
    "samenwerking",
    "zeggenschap",
    "buurtbudget",
    "bewonersbudget",
    "subsidie",
    "fonds",
    "woningcorporatie",
    "eenzaamheid",
    "ouderen",
    "jongeren",
    "kinderen",
    "ouders",
    "gezinnen",
    "armoede",
    "schulden",
    "formulieren",
    "talent",
    "talenten",
    "ontwikkeling",
    "onderneming",
    "ondernemers",
    "coöperatie",
    "stichting",
    "vereniging",
    "initiatief",
    "initiatieven",
    "activiteit",
    "activiteiten",
    "koffie",
    "maaltijd",
    "maaltijden",
    "sport",
    "sportschool",
    "karate",
    "boksen",
    "leefbaarheid",
    "veiligheid",
    "groen",
    "natuur",
    "landschap",
    "dorp",
    "dorpen",
    "dorpshuis",
    "platform",
    "digitaal",
    "online",
    "netwerk",
    "netwerken",
    "verbinding",
    "verbinden",
    "samen",
    "gezamenlijk",
    "eigenaarschap",
    "vertrouwen",
    "wantrouwen",
    "steun",
    "ondersteuning",
    "professional",
    "professionals",
    "welzijn",
    "zorg",
    "zorgcentrum",
    "verzorgingshuis",
    "nieuwkomers",
    "migranten",
    "taal",
    "taallessen",
    "cursussen",
    "werk",
    "werken",
    "leren",
    "geleerd",
    "lessen",
    "les",
    "beleid",
    "bestuur",
    "wethouder",
    "raad",
    "politiek",
    "inwoners",
    "inwoner",
    "participatie",
    "overheidsparticipatie",
    "burgerparticipatie",
    "sociale",
    "basis",
    "samenhang",
    "bonding",
    "bridging",
    "linking",
    "empowerment",
    "informeel",
    "contact",
    "gemeenschap",
    "gemeenschappen",
    "kracht",
    "krachtig",
    "krachtwijk",
    "huurders",
    "huurwoningen",
    "flat",
    "flats",
]
_GLUE = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "met",
    "voor",
    "door",
    "om",
    "dat",
    "die",
    "zij",
    "hun",
    "ook",
    "niet",
    "maar",
    "als",
    "bij",
]


def _sentence(rng: random.Random, words: int) -> str:
    parts = [rng.choice(_WORDS) if rng.random() < 0.6 else rng.choice(_GLUE) for _ in range(words)]
    return parts[0].capitalize() + " " + " ".join(parts[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def _terms(vocab: dict[str, dict[str, object]], name: str) -> list[str]:
    return list(vocab[name])


def _case(i: int, rng: random.Random, vocab: dict[str, dict[str, object]], n_lessons: int) -> str:
    stub = i % 5 == 4
    title = " ".join(rng.sample(_WORDS, 3)).capitalize() + f" {i}"
    data: dict[str, object] = {
        "slug": f"casus-{i:05d}",
        "titel": title,
        "samenvatting": _paragraph(rng, 3),
        "status": "stub" if stub else "beschreven",
        "collectie": "wij-in-de-wijk",
        "bundel": {"nummer": rng.randint(1, 4), "zekerheid": "bevestigd"},
        "plaats": {
            "gemeente": f"Gemeente {i % 97}",
            "wijk": f"Wijk {i % 13}",
            "provincie": rng.choice(_terms(vocab, "provincies")),
        },
        "periode": {"begin": str(rng.randint(2005, 2021)), "einde": "onbekend"},
        "soort": rng.sample(_terms(vocab, "soorten"), 1),
        "participatievorm": rng.choice(_terms(vocab, "participatievormen")),
        "themas": rng.sample(_terms(vocab, "themas"), 3),
        "elementen": rng.sample(_terms(vocab, "elementen"), 2),
        "contextfactoren": {"bevorderend": [_sentence(rng, 8)], "belemmerend": [_sentence(rng, 8)]},
        "actoren": [{"naam": "Bewonersgroep", "soort": "bewoners", "rol": _sentence(rng, 6)}],
        "financiering": [{"soort": rng.choice(_terms(vocab, "financieringssoorten"))}],
        "uitkomst": {"soort": rng.choice(_terms(vocab, "uitkomsten")), "omschrijving": "Loopt."},
        "lessen": [f"les-{rng.randrange(n_lessons):04d}"],
        "bronnen": [
            {
                "titel": f"Bron over {title}",
                "uitgever": "Movisie",
                "datum": f"{rng.randint(2019, 2022)}-0{rng.randint(1, 9)}",
                "url": f"https://bron.example/{i}",
                "soort": "artikel",
                "onderbouwt": ["samenvatting", "plaats"],
            }
        ],
        "laatst_gecontroleerd": "2026-11-01",
    }
    body = "" if stub else "\n\n".join(_paragraph(rng, rng.randint(4, 7)) for _ in range(5))
    return _document(data, body)


def _lesson(i: int, rng: random.Random, vocab: dict[str, dict[str, object]], n: int) -> str:
    data = {
        "id": f"les-{i:04d}",
        "rollen": rng.sample(_terms(vocab, "rollen"), rng.randint(1, 2)),
        "titel": _sentence(rng, 7),
        "casussen": sorted({f"casus-{rng.randrange(n):05d}" for _ in range(3)}),
        "bronnen": [
            {
                "titel": "Lessen",
                "uitgever": "Movisie",
                "datum": "2022",
                "soort": "rapport",
                "url": f"https://bron.example/les/{i}",
            }
        ],
        "laatst_gecontroleerd": "2026-11-01",
    }
    return _document(data, _paragraph(rng, 4))


def _episode(i: int, rng: random.Random, n: int) -> str:
    data = {
        "slug": f"aflevering-{i:04d}",
        "soort": "podcast",
        "titel": _sentence(rng, 6),
        "serie": "Synthetische serie",
        "nummer": i + 1,
        "datum": "2021-09",
        "makers": [{"rol": "presentator", "organisatie": "Movisie"}],
        "casussen": [{"slug": f"casus-{rng.randrange(n):05d}", "tijdstip": "12:30"}],
        "bronnen": [
            {
                "titel": "Aflevering",
                "datum": "2021",
                "soort": "podcast",
                "url": f"https://bron.example/podcast/{i}",
            }
        ],
        "laatst_gecontroleerd": "2026-11-01",
    }
    return _document(data, _paragraph(rng, 2))


def _document(data: dict[str, object], body: str) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n\n{body}\n"


def generate_project(root: Path, n_cases: int, *, seed: int = 0) -> None:
    """Write n_cases cases (every fifth a stub), n/10 lessons and n/50 episodes under root."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "vocabulary.yml", root / "vocabulary.yml")
    vocab = yaml.safe_load((root / "vocabulary.yml").read_text(encoding="utf-8"))
    n_lessons = max(5, n_cases // 10)
    for folder in ("cases", "lessons", "episodes"):
        (root / folder).mkdir(exist_ok=True)
    for i in range(n_cases):
        text = _case(i, rng, vocab, n_lessons)
        (root / "cases" / f"casus-{i:05d}.md").write_text(text, encoding="utf-8")
    for i in range(n_lessons):
        text = _lesson(i, rng, vocab, n_cases)
        (root / "lessons" / f"les-{i:04d}.md").write_text(text, encoding="utf-8")
    for i in range(max(1, n_cases // 50)):
        (root / "episodes" / f"aflevering-{i:04d}.md").write_text(
            _episode(i, rng, n_cases), encoding="utf-8"
        )


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    generate_project(Path(sys.argv[1]), int(sys.argv[2]))
