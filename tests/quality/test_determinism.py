"""Two builds of the same input produce byte-identical sites.

Exceptions, which must carry a date: `sitemap.xml` and `sitemap.xml.gz` hold each page's
last-modified date, which MkDocs sets to the build date for pages without a git history.
Pagefind (`pagefind/`) indexes pages in parallel, so its page numbers, and with them the
names and bytes of its index and filter chunks, differ between runs; what it indexed (every
page's text, filters and metadata, in its fragments) must be identical.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.quality.conftest import build_site, copy_project
from tests.site.pagefind_files import fragments

DATED = {"sitemap.xml", "sitemap.xml.gz"}


def _digests(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name not in DATED and "pagefind" not in path.parts
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        done = build_site(project, site)
        assert done.returncode == 0, done.stderr
    one, two = _digests(first), _digests(second)
    assert one.keys() == two.keys()
    differing = sorted(name for name in one if one[name] != two[name])
    assert differing == []
    indexed = fragments(first)
    assert indexed
    assert indexed == fragments(second)
