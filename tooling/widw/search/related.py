"""Related cases: what a reader would pick next, from shared facts and similar text.

The score of a candidate for a case blends (weights in `WEIGHTS`):

* shared themes, elements and kinds of initiative (Dice overlap of each list);
* the same bundle and the same kind of outcome;
* text similarity: the cosine of tf-idf vectors of the cases' prose (summary, body, outcome)
  that keeps only terms found in at least two cases and in at most half of them, and caps
  each term's share of a vector at `TERM_CAP` (then normalises again), so one accidental
  rare word can never decide on its own.

Only described cases with real substance are suggested: at least `MIN_WORDS` words of
prose and `MIN_FACTS` known facts (themes, elements, kinds, outcome, actors, funding). A
case that says little more than its name and place is never suggested. Stubs do get
suggestions (from their bundle, their themes and the text they have), so a reader of a
stub page can move on; they are never suggested themselves.

Computed at build time and cached in `related.json` in the search cache folder. Computing
them does not need the Whoosh index: the inputs are the same per-document hashes the index
records (`widw.search.documents.input_hashes`). What counts as input for one case's list:

* the case's own input hash (its file, the vocabulary and the files linked to it), and the
  input hashes of the cases in its cached list;
* globally: the algorithm version, `limit`, the text analysis version and the set of
  suggestable cases. A change there recomputes every list.

Each case's stemmed terms are cached beside its list, by its own input hash, so that after
an edit only the changed cases are analysed again (the term weights are then recomputed from
the cached terms of all cases, which is quick). Term weights depend on the whole corpus, so
an unrelated edit can shift scores slightly without a recompute of every list: that small
staleness buys fast rebuilds.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from widw.atomic import write_atomic
from widw.content.library import Library
from widw.content.models import Case
from widw.search.analysis import ANALYSIS_VERSION, DUTCH_STOP_WORDS, fold, stem
from widw.search.documents import input_hashes

if TYPE_CHECKING:
    from widw.search.index import SearchIndex

RELATED_FILE = "related.json"
ALGORITHM = "related-3"
FORMAT = 3

WEIGHTS = {
    "themes": 0.30,
    "elements": 0.10,
    "kinds": 0.10,
    "bundle": 0.10,
    "outcome": 0.05,
    "text": 0.35,
}
"""Blend of the signals (each between 0 and 1)."""

MIN_SCORE = 0.1
"""Weaker candidates are left out: better two good suggestions than three."""

MIN_WORDS = 12
"""Prose words a case needs to be suggested."""

MIN_FACTS = 2
"""Known facts a case needs to be suggested (see `facts`)."""

TERM_CAP = 0.3
"""Largest share (as a component of the unit vector) one term may have."""

MAX_DOC_SHARE = 0.5
"""Terms found in more than this share of the cases say nothing about likeness."""

TOP_TERMS = 25
"""Terms per case used to find candidates in large libraries."""

ALL_PAIRS_LIMIT = 400
"""Up to this many cases, every pair is scored; above it only candidates sharing terms."""

CANDIDATES = 60

_WORD = re.compile(r"\w+")


def related_cases(library: Library, cache_dir: Path, limit: int = 3) -> dict[str, list[str]]:
    """Up to `limit` related described cases per case slug (every case has an entry)."""
    return related_from_hashes(library, input_hashes(library), cache_dir, limit)


def compute_related(
    library: Library, index: SearchIndex, cache_dir: Path, limit: int = 3
) -> dict[str, list[str]]:
    """Related cases with the input hashes an open index recorded (the same as above)."""
    return related_from_hashes(library, index.hashes, cache_dir, limit)


def related_from_hashes(
    library: Library, input_hash: dict[str, str], cache_dir: Path, limit: int = 3
) -> dict[str, list[str]]:
    """Related cases, reusing cached lists (and terms) whose inputs are unchanged.

    `input_hash` maps 'casus:<slug>' to a hash of everything the case is made from.
    """
    suggestable = sorted(s for s, c in library.cases.items() if is_suggestable(c))
    key = _hash(ALGORITHM, str(limit), ANALYSIS_VERSION, *suggestable)
    path = cache_dir / RELATED_FILE
    terms_key = _hash(ALGORITHM, ANALYSIS_VERSION)
    (stored_key, stored_terms_key), stored = _load(path)
    # Lists hold only while the global inputs are the same; terms depend on the case alone.
    cache = stored if stored_key == key else {}
    reusable = stored if stored_terms_key == terms_key else {}
    hashes = {slug: input_hash.get(f"casus:{slug}", "") for slug in library.cases}
    entries: dict[str, dict[str, Any]] = {}
    result: dict[str, list[str]] = {}
    finder: Finder | None = None
    for slug in library.cases:
        cached = cache.get(slug)
        if cached is not None and cached["input"] == _input(slug, cached["related"], hashes):
            related = list(cached["related"])
        else:
            if finder is None:
                known = {
                    s: e["terms"]
                    for s, e in reusable.items()
                    if hashes.get(s)
                    and e.get("own") == hashes[s]
                    and isinstance(e.get("terms"), dict)
                }
                finder = Finder(library, limit, known)
            related = finder.related(library.cases[slug])
        entries[slug] = {
            "input": _input(slug, related, hashes),
            "related": related,
            "own": hashes[slug],
            "terms": finder.counts[slug] if finder else cache[slug].get("terms"),
        }
        result[slug] = related
    if entries != cache:
        data = {"format": FORMAT, "key": key, "terms_key": terms_key, "entries": entries}
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")
    return result


def prose(case: Case) -> str:
    """The text a reader reads about a case: summary, body and outcome."""
    return "\n".join(p for p in (case.summary, case.body, case.outcome.description) if p)


def facts(case: Case) -> int:
    """How many facts about a case are known (themes, elements, kinds, outcome, …)."""
    known = [*case.themes, *case.elements, *case.kinds, *case.actors, *case.funding]
    return len(known) + (1 if case.outcome.kind else 0)


def is_suggestable(case: Case) -> bool:
    """A described case with enough text and facts to be worth a reader's click."""
    return (
        case.status == "beschreven"
        and len(prose(case).split()) >= MIN_WORDS
        and facts(case) >= MIN_FACTS
    )


class Finder:
    """Scores candidate cases for one case at a time (text vectors computed once)."""

    def __init__(
        self, library: Library, limit: int, known: dict[str, dict[str, int]] | None = None
    ) -> None:
        """`known`: stemmed term counts of cases whose content did not change (from a cache)."""
        self.library = library
        self.limit = limit
        self.suggestable = {s for s, c in library.cases.items() if is_suggestable(c)}
        known = known or {}
        self.counts = {
            s: known[s] if s in known else dict(Counter(_tokens(prose(c))))
            for s, c in library.cases.items()
        }
        self.vectors = vectors_from_counts(self.counts)
        self._order = {s: {t: i for i, t in enumerate(v)} for s, v in self.vectors.items()}
        self.by_term: dict[str, set[str]] = {}
        if len(self.suggestable) > ALL_PAIRS_LIMIT:
            for slug in self.suggestable:
                for term in _top(self.vectors[slug]):
                    self.by_term.setdefault(term, set()).add(slug)
                for term in _facts(library.cases[slug]):
                    self.by_term.setdefault(term, set()).add(slug)

    def related(self, case: Case) -> list[str]:
        """The best-scoring suggestable cases for `case`, at most `limit`."""
        scored = [(-round(self.score(case, self.library.cases[s]), 9), s) for s in self._pool(case)]
        return [slug for score, slug in sorted(scored) if -score >= MIN_SCORE][: self.limit]

    def score(self, case: Case, other: Case) -> float:
        """How related `other` is to `case`, between 0 and 1."""
        number = case.bundle.number if case.bundle else None
        same_bundle = bool(number) and other.bundle is not None and other.bundle.number == number
        same_outcome = bool(case.outcome.kind) and case.outcome.kind == other.outcome.kind
        mine, theirs = self.vectors[case.slug], self.vectors[other.slug]
        # The shared terms only (found in C), summed in the order of `mine`: the same float
        # as summing over all of `mine` (a term `theirs` lacks adds exactly 0.0).
        shared = sorted(mine.keys() & theirs.keys(), key=self._order[case.slug].__getitem__)
        text = sum(mine[term] * theirs[term] for term in shared)
        return (
            WEIGHTS["themes"] * _dice(case.themes, other.themes)
            + WEIGHTS["elements"] * _dice(case.elements, other.elements)
            + WEIGHTS["kinds"] * _dice(case.kinds, other.kinds)
            + WEIGHTS["bundle"] * same_bundle
            + WEIGHTS["outcome"] * same_outcome
            + WEIGHTS["text"] * text
        )

    def _pool(self, case: Case) -> set[str]:
        if not self.by_term:
            pool = set(self.suggestable)
        else:
            counts: Counter[str] = Counter()
            for term in [*_top(self.vectors[case.slug]), *_facts(case)]:
                counts.update(self.by_term.get(term, ()))
            # Ties go by slug: the order in which the sets above hand out their slugs
            # changes from process to process (string hashing), so it must not decide.
            best = heapq.nsmallest(CANDIDATES + 1, counts.items(), key=lambda p: (-p[1], p[0]))
            pool = {slug for slug, _ in best}
        pool.discard(case.slug)
        return pool


def text_vectors(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """Capped, unit-length tf-idf vectors over terms found in 2 up to half of the texts."""
    return vectors_from_counts({key: Counter(_tokens(text)) for key, text in texts.items()})


def vectors_from_counts(counts: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, float]]:
    """`text_vectors` from each text's stemmed term counts."""
    frequency: Counter[str] = Counter()
    for found in counts.values():
        frequency.update(found.keys())
    total = len(counts)
    most = max(2, int(MAX_DOC_SHARE * total))
    useful = {term for term, n in frequency.items() if 2 <= n <= most}
    vectors: dict[str, dict[str, float]] = {}
    for key, found in counts.items():
        raw = {
            term: (1 + math.log(n)) * math.log(total / frequency[term])
            for term, n in found.items()
            if term in useful
        }
        vectors[key] = _capped_unit(raw)
    return vectors


def _capped_unit(vector: dict[str, float]) -> dict[str, float]:
    """Scale to length 1 with no component above TERM_CAP (a few rounds of capping)."""
    for _ in range(4):
        norm = math.sqrt(sum(v * v for v in vector.values()))
        if not norm:
            return {}
        vector = {t: v / norm for t, v in vector.items()}
        if max(vector.values()) <= TERM_CAP + 1e-9:
            break
        vector = {t: min(v, TERM_CAP) for t, v in vector.items()}
    return vector


def _tokens(text: str) -> list[str]:
    words = (fold(w) for w in _WORD.findall(text))
    return [stem(w) for w in words if len(w) > 2 and w not in DUTCH_STOP_WORDS and w.isalpha()]


def _top(vector: dict[str, float]) -> list[str]:
    return [term for term, _ in sorted(vector.items(), key=lambda kv: -kv[1])[:TOP_TERMS]]


def _facts(case: Case) -> list[str]:
    return [f"t:{t}" for t in case.themes] + [f"e:{e}" for e in case.elements]


def _dice(a: list[str], b: list[str]) -> float:
    left, right = set(a), set(b)
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def _input(slug: str, related: list[str], hashes: dict[str, str]) -> str:
    return _hash(hashes.get(slug, ""), *(f"{r}={hashes.get(r, '')}" for r in related))


def _hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _load(path: Path) -> tuple[tuple[object, object], dict[str, dict[str, Any]]]:
    """The stored keys (lists, terms) and entries, if the file is readable and ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (None, None), {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return (None, None), {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return (None, None), {}
    return (data.get("key"), data.get("terms_key")), {
        slug: entry
        for slug, entry in entries.items()
        if isinstance(entry, dict)
        and isinstance(entry.get("input"), str)
        and isinstance(entry.get("related"), list)
    }
