"""Two builds of the same input produce byte-identical sites.

The two builds run from two separate copies of the project, so neither can replay the other's
`.cache/`, and with different `PYTHONHASHSEED`s, so set and dict order cannot leak into pages.
A second test injects a random value into every page template of ours and shows that the
comparison then fails: the first test can fail.

Exceptions, which must carry a date: `sitemap.xml` and `sitemap.xml.gz` hold each page's
last-modified date, which MkDocs sets to the build date for pages without a git history.
Pagefind (`pagefind/`) indexes pages in parallel, so its page numbers, and with them the
names and bytes of its index and filter chunks, differ between runs; what it indexed (every
page's text, filters and metadata, in its fragments) must be identical.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.quality.conftest import ENV, build_site, copy_project
from tests.site.pagefind_files import fragments

DATED = {"sitemap.xml", "sitemap.xml.gz"}

INJECT_RANDOM = '''
"""Test-only: every page template of ours (*.j2) ends in a fresh random comment."""
import uuid

from jinja2.environment import Template

_render = Template.render


def render(self, *args, **kwargs):
    text = _render(self, *args, **kwargs)
    if (self.name or "").endswith(".j2"):
        text += f"\\n<!-- {uuid.uuid4()} -->\\n"
    return text


Template.render = render
'''


def _digests(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name not in DATED and "pagefind" not in path.parts
    }


def _differences(tmp_path: Path, extra_env: dict[str, str] | None = None) -> list[str]:
    """Build two clean copies with different hash seeds; the files that differ."""
    digests = []
    for seed in ("1", "2"):
        project = copy_project(tmp_path / f"project-{seed}")
        env = {**ENV, **(extra_env or {}), "PYTHONHASHSEED": seed}
        done = build_site(project, tmp_path / f"site-{seed}", env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        digests.append(_digests(tmp_path / f"site-{seed}"))
    one, two = digests
    assert one.keys() == two.keys()
    differing = sorted(name for name in one if one[name] != two[name])
    # Pagefind's chunks are compared by what they index, not by their bytes.
    indexed = [fragments(tmp_path / f"site-{seed}") for seed in ("1", "2")]
    assert indexed[0]
    if indexed[0] != indexed[1]:
        differing.append("pagefind/")
    return differing


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    assert _differences(tmp_path) == []


@pytest.mark.slow
def test_a_random_value_in_a_template_is_caught(tmp_path: Path) -> None:
    patch = tmp_path / "inject"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(INJECT_RANDOM, encoding="utf-8")
    differing = _differences(tmp_path, {"PYTHONPATH": str(patch)})
    assert "index.html" in differing
    assert any(name.startswith("casussen/") for name in differing)
