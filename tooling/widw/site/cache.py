"""Case pages cached by a hash of everything they are made from.

A case page depends on the case itself, the cases it links as related, the lessons and
episodes linked to it, the vocabulary, the site options and the code and templates that
render it. The key below covers exactly those inputs; an unchanged case is not rendered
again. The entries live in the build cache the caller owns (`widw.buildcache`).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from widw import __version__
from widw.buildcache import BuildCache, digest
from widw.content.models import Case
from widw.site.context import SiteContext
from widw.site.jinja import template_fingerprint

CODE_SUFFIXES = {".py", ".j2", ".html", ".csl", ".xml", ".js", ".css"}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the widw package's code, templates and styles: new code, new pages."""
    hasher = hashlib.sha256()
    root = Path(str(files("widw")))
    for path in sorted(p for p in root.rglob("*") if p.suffix in CODE_SUFFIXES):
        hasher.update(path.relative_to(root).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def case_page_inputs(ctx: SiteContext, case: Case) -> dict[str, Any]:
    """Everything `case_page` reads, as plain data."""
    library = ctx.library
    related = [library.cases[s] for s in ctx.related.get(case.slug, []) if s in library.cases]
    return {
        "case": case.model_dump(mode="json"),
        "body": case.body,
        "source": ctx.source_path("case", case.slug),
        "related": [(c.slug, c.title, c.summary, c.status) for c in related],
        "lessons": [(x.id, x.title, x.roles) for x in library.lessons_for_case(case.slug)],
        "episodes": [
            (e.slug, e.title, [(d.slug, d.timestamp) for d in e.cases])
            for e in library.episodes_for_case(case.slug)
        ],
        "vocabulary": library.vocabulary.content_hash,
        "site_url": ctx.site_url,
    }


def site_inputs() -> str:
    """A hash of what shapes every page besides the content: code, templates, version."""
    return digest(code_fingerprint(), template_fingerprint(), __version__)


class PageCache:
    """Rendered case pages by input hash, kept in the caller's build cache.

    `salt` holds the build options (site address, date) and the code and template hash.
    """

    KIND = "page"

    def __init__(self, cache: BuildCache, salt: str = "") -> None:
        self.cache = cache
        self.salt = salt

    def key(self, ctx: SiteContext, case: Case) -> str:
        data = json.dumps(case_page_inputs(ctx, case), sort_keys=True, ensure_ascii=False)
        return self.cache.key(self.KIND, self.salt, data)

    def get(self, key: str) -> str | None:
        return self.cache.get(self.KIND, key)

    def put(self, key: str, page: str) -> None:
        self.cache.put(self.KIND, key, page)
