"""Generate realistic synthetic libraries for benchmarks (never for cases/ of the real site).

`generate_project(root, n_cases)` writes valid cases, lessons and episodes plus a copy of the
real vocabulary.yml under `root`. The text is Dutch-like prose drawn from about 8,000
pseudo-Dutch word types (roots, compounds, inflections) with a Zipf distribution, so
analyzers, stemmers, query selectivity and page sizes behave roughly as on real content.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

_ROOTS = [
    "buurt",
    "wijk",
    "huis",
    "bewoner",
    "gemeente",
    "school",
    "sport",
    "tuin",
    "groen",
    "werk",
    "plaats",
    "kamer",
    "tafel",
    "koffie",
    "maaltijd",
    "zorg",
    "welzijn",
    "taal",
    "geld",
    "budget",
    "fonds",
    "raad",
    "plein",
    "straat",
    "dorp",
    "stad",
    "kerk",
    "club",
    "team",
    "markt",
    "winkel",
    "kapper",
    "moestuin",
    "natuur",
    "water",
    "speel",
    "kind",
    "jeugd",
    "ouder",
    "oudere",
    "vrouw",
    "familie",
    "gezin",
    "vrijwilliger",
    "netwerk",
    "platform",
    "avond",
    "dag",
    "week",
    "feest",
    "les",
    "cursus",
    "hulp",
    "dienst",
    "loket",
    "formulier",
    "brief",
    "schuld",
    "armoede",
    "energie",
    "woning",
    "flat",
    "portiek",
    "galerij",
    "park",
    "bank",
    "bus",
    "fiets",
    "veld",
    "hal",
    "zaal",
    "centrum",
    "kern",
    "bond",
    "stichting",
    "vereniging",
    "coöperatie",
    "onderneming",
    "bedrijf",
    "beleid",
    "plan",
    "project",
    "proef",
    "pilot",
    "vraag",
    "antwoord",
    "stem",
    "macht",
    "kracht",
    "steun",
    "zin",
    "lijn",
    "boer",
    "burger",
    "land",
    "weide",
    "vogel",
    "vlot",
    "brug",
    "muur",
    "deur",
    "raam",
    "dak",
    "keuken",
    "atelier",
    "bieb",
    "boek",
    "krant",
    "radio",
    "film",
    "podcast",
    "muziek",
    "koor",
    "dans",
    "spel",
    "karate",
    "boks",
    "judo",
    "zwem",
]
_SUFFIXES = ("", "", "en", "s", "je", "jes", "er", "ing", "heid", "elijk")
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
    "er",
    "is",
    "zijn",
    "was",
    "werd",
    "wordt",
    "heeft",
    "hebben",
    "kan",
    "kunnen",
    "moet",
    "naar",
    "uit",
    "over",
    "dan",
    "nog",
    "wel",
    "al",
]


def _vocabulary(size: int, rng: random.Random) -> list[str]:
    """Pseudo-Dutch word types: roots, compounds of two roots, and inflected forms."""
    words = {root + suffix for root in _ROOTS for suffix in _SUFFIXES}
    while len(words) < size:
        first, second = rng.choice(_ROOTS), rng.choice(_ROOTS)
        if first != second:
            words.add(first + second + rng.choice(_SUFFIXES))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered[:size]


class _Text:
    """Draws words with a Zipf distribution, as in natural text: few common, many rare."""

    def __init__(self, rng: random.Random, size: int = 8000) -> None:
        self.rng = rng
        self.words = _vocabulary(size, rng)
        self.cumulative: list[float] = []
        total = 0.0
        for rank in range(len(self.words)):
            total += 1.0 / (rank + 2.7) ** 1.07
            self.cumulative.append(total)

    def sentence(self, length: int) -> str:
        rng = self.rng
        content = rng.choices(self.words, cum_weights=self.cumulative, k=length)
        parts = [word if rng.random() < 0.6 else rng.choice(_GLUE) for word in content]
        return parts[0].capitalize() + " " + " ".join(parts[1:]) + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence(self.rng.randint(8, 16)) for _ in range(sentences))

    def title(self) -> str:
        return " ".join(self.rng.sample(self.words[:2000], 3)).capitalize()


def _terms(vocab: dict[str, dict[str, object]], name: str) -> list[str]:
    return list(vocab[name])


def _place_point(gemeente: int) -> dict[str, float]:
    """A fixed point in the Netherlands per synthetic gemeente (own generator: the main
    random stream, and so every other generated value, stays as it was)."""
    rng = random.Random(gemeente)
    return {"lat": round(rng.uniform(51.4, 53.1), 4), "lon": round(rng.uniform(4.6, 6.8), 4)}


def _case(i: int, text: _Text, vocab: dict[str, dict[str, object]], n_lessons: int) -> str:
    rng = text.rng
    stub = i % 5 == 4
    title = f"{text.title()} {i}"
    data: dict[str, object] = {
        "slug": f"casus-{i:05d}",
        "titel": title,
        "samenvatting": text.paragraph(3),
        "status": "stub" if stub else "beschreven",
        "collectie": "wij-in-de-wijk",
        "bundel": {"nummer": rng.randint(1, 4), "zekerheid": "bevestigd"},
        "plaats": {
            "gemeente": f"Gemeente {i % 97}",
            "wijk": f"Wijk {i % 13}",
            "provincie": rng.choice(_terms(vocab, "provincies")),
            "coordinaten": _place_point(i % 97),
        },
        "periode": {"begin": str(rng.randint(2005, 2021)), "einde": "onbekend"},
        "soort": rng.sample(_terms(vocab, "soorten"), 1),
        "participatievorm": rng.choice(_terms(vocab, "participatievormen")),
        "themas": rng.sample(_terms(vocab, "themas"), 3),
        "elementen": rng.sample(_terms(vocab, "elementen"), 2),
        "contextfactoren": {"bevorderend": [text.sentence(8)], "belemmerend": [text.sentence(8)]},
        "actoren": [{"naam": "Bewonersgroep", "soort": "bewoners", "rol": text.sentence(6)}],
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
        "afgeleid": [
            {"veld": "plaats.coordinaten", "toelichting": "Punt van de (verzonnen) gemeente."}
        ],
        "laatst_gecontroleerd": "2026-11-01",
    }
    body = "" if stub else "\n\n".join(text.paragraph(rng.randint(4, 7)) for _ in range(5))
    return _document(data, body)


def _lesson(i: int, text: _Text, vocab: dict[str, dict[str, object]], n: int) -> str:
    rng = text.rng
    data = {
        "id": f"les-{i:04d}",
        "rollen": rng.sample(_terms(vocab, "rollen"), rng.randint(1, 2)),
        "titel": text.sentence(7),
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
    return _document(data, text.paragraph(4))


def _episode(i: int, text: _Text, n: int) -> str:
    rng = text.rng
    data = {
        "slug": f"aflevering-{i:04d}",
        "soort": "podcast",
        "titel": text.sentence(6),
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
    return _document(data, text.paragraph(2))


def _document(data: dict[str, object], body: str) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n\n{body}\n"


def generate_project(root: Path, n_cases: int, *, seed: int = 0) -> None:
    """Write n_cases cases (every fifth a stub), n/10 lessons and n/50 episodes under root."""
    text = _Text(random.Random(seed))
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "vocabulary.yml", root / "vocabulary.yml")
    vocab = yaml.safe_load((root / "vocabulary.yml").read_text(encoding="utf-8"))
    n_lessons = max(5, n_cases // 10)
    for folder in ("cases", "lessons", "episodes"):
        (root / folder).mkdir(exist_ok=True)
    for i in range(n_cases):
        page = _case(i, text, vocab, n_lessons)
        (root / "cases" / f"casus-{i:05d}.md").write_text(page, encoding="utf-8")
    for i in range(n_lessons):
        page = _lesson(i, text, vocab, n_cases)
        (root / "lessons" / f"les-{i:04d}.md").write_text(page, encoding="utf-8")
    for i in range(max(1, n_cases // 50)):
        (root / "episodes" / f"aflevering-{i:04d}.md").write_text(
            _episode(i, text, n_cases), encoding="utf-8"
        )


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    generate_project(Path(sys.argv[1]), int(sys.argv[2]))
