"""The similar-title hint compares only new titles, and finds what all-against-all finds."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from bench.generate import REPO, generate_project
from tests.conftest import VALID_CASE, ProjectFactory
from widw.content.doccache import DocumentCache
from widw.content.library import ProjectPaths, load_library
from widw.content.similar import MANY_NEW, TitlePairs

TODAY = dt.date(2026, 11, 23)
CUTOFF = 90


def all_against_all(titles: list[str]) -> list[tuple[int, int, int]]:
    """What the hint computed before: one cdist of every title with every other."""
    scores = process.cdist(
        titles, titles, scorer=fuzz.ratio, score_cutoff=CUTOFF, dtype=np.uint8, workers=1
    )
    found = zip(*np.nonzero(scores), strict=True)
    return sorted((int(i), int(j), int(scores[i, j])) for i, j in found if i < j)


def mutated(rnd: random.Random, title: str) -> str:
    """A title with one to six characters inserted or deleted (near and beyond the cutoff)."""
    chars = list(title)
    for _ in range(rnd.randint(1, 6)):
        if chars and rnd.random() < 0.5:
            del chars[rnd.randrange(len(chars))]
        else:
            chars.insert(rnd.randrange(len(chars) + 1), rnd.choice("aeiounrst "))
    return "".join(chars)


def titles_of(root: Path, today: dt.date = TODAY) -> list[str]:
    library = load_library(ProjectPaths(root), today=today).library
    return [case.title.lower() for case in library.cases.values()]


def test_pairs_equal_all_against_all_on_a_generated_library(tmp_path: Path) -> None:
    generate_project(tmp_path / "lib", 120)
    rnd = random.Random(7)
    base = titles_of(tmp_path / "lib")
    titles = base + [mutated(rnd, rnd.choice(base)) for _ in range(80)] + [base[3], "", "x"]
    expected = all_against_all(titles)
    assert len(expected) > 40  # the mutations made near-duplicates on both sides of 90
    assert TitlePairs().pairs(titles, CUTOFF) == expected
    many = titles * (MANY_NEW // len(titles) + 1)  # enough new titles for the numpy path
    assert TitlePairs().pairs(many, CUTOFF) == all_against_all(many)


def test_a_second_run_compares_only_new_titles(tmp_path: Path) -> None:
    rnd = random.Random(11)
    words = ["buurt", "kamer", "tuin", "huis", "plein", "noord", "zuid", "moestuin", "koffie"]
    titles = [" ".join(rnd.choice(words) for _ in range(3)) + f" {i}" for i in range(60)]
    titles += [mutated(rnd, t) for t in titles[:30]]
    cache_file = tmp_path / "titles.json"
    first = TitlePairs(cache_file)
    assert first.pairs(titles, CUTOFF) == all_against_all(titles)
    first.save()
    assert cache_file.is_file()

    changed = [*titles]
    changed[5] = mutated(rnd, titles[6])
    changed[40] = "een heel andere titel"
    changed.append(titles[12])  # a second case with an existing title
    second = TitlePairs(cache_file)  # a new process: read from the file
    assert second.pairs(changed, CUTOFF) == all_against_all(changed)
    assert sorted(second.compared) == sorted({changed[5], changed[40]} - set(titles))
    second.save()
    assert TitlePairs(cache_file).pairs(titles, CUTOFF) == all_against_all(titles)


def test_a_damaged_titles_file_means_comparing_everything(tmp_path: Path) -> None:
    cache_file = tmp_path / "titles.json"
    cache_file.write_text('{"format": 1, "titles": [1, 2], "pairs": "kapot"}', encoding="utf-8")
    titles = ["buurtkamer noord", "buurtkamer noorden", "moestuin zuid"]
    pairs = TitlePairs(cache_file)
    assert pairs.pairs(titles, CUTOFF) == [(0, 1, 94)]
    assert sorted(pairs.compared) == sorted(titles)


def test_the_hint_reads_the_same_with_a_warm_cache(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    noorden = VALID_CASE.replace("slug: buurtkamer-noord", "slug: buurtkamer-noorden").replace(
        "titel: Buurtkamer Noord", "titel: Buurtkamer Noorden"
    )
    root = make_project({"cases/buurtkamer-noorden.md": noorden})
    cache_file = tmp_path / "cache" / "documents.json"

    def hints(cache: DocumentCache | None) -> list[str]:
        result = load_library(ProjectPaths(root), cache=cache, today=TODAY)
        return [p.format() for p in result.problems if p.code == "titel-lijkt-op"]

    fresh = hints(None)
    assert fresh == [
        "cases/buurtkamer-noord.md:3:8  titel-lijkt-op  waarschuwing: de titel 'Buurtkamer "
        "Noord' lijkt sterk op 'Buurtkamer Noorden' in cases/buurtkamer-noorden.md (94% "
        "gelijk); is dit dezelfde casus?",
        "cases/buurtkamer-noorden.md:3:8  titel-lijkt-op  waarschuwing: de titel 'Buurtkamer "
        "Noorden' lijkt sterk op 'Buurtkamer Noord' in cases/buurtkamer-noord.md (94% "
        "gelijk); is dit dezelfde casus?",
    ]
    assert hints(DocumentCache(cache_file)) == fresh
    warm = DocumentCache(cache_file)
    assert hints(warm) == fresh
    assert warm.titles.compared == []


def test_the_real_titles_give_the_same_pairs() -> None:
    titles = titles_of(REPO, dt.date.today())  # the content's checks lie before today
    assert len(titles) >= 29
    assert TitlePairs().pairs(titles, CUTOFF) == all_against_all(titles)
