"""The citation files as other tools read them: biber, bibtool, pandoc with the official APA.

These are Debian packages (.ci/run installs them): biber's data-model check and bibtool's
default mode must report nothing for citations.bib, and pandoc with the official APA style
must render our CSL-JSON without naming the publisher a second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import feedparser
import jsonschema
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from tests.cite.conftest import SITE, TODAY
from tests.cite.tools import APA_CSL, require_file, require_tool
from tests.conftest import REPO
from widw.cite import formats
from widw.cite.csl import CslItem, source_items
from widw.cite.exports import export_files, library_items
from widw.content.library import Library, ProjectPaths, load_library


@pytest.fixture(scope="module")
def repository_library() -> Library:
    """The repository's own content (cases/, lessons/, episodes/), as the site publishes it."""
    result = load_library(ProjectPaths(REPO))
    assert result.ok, [p.format() for p in result.errors]
    return result.library


def _with_sources(library: Library) -> list[CslItem]:
    items = library_items(library, site_url=SITE, today=TODAY)
    for case in library.cases.values():
        items += source_items(case.sources, case.slug)
    for lesson in library.lessons.values():
        items += source_items(lesson.sources, f"les-{lesson.id}")
    return items


def _biber_problems(bib: Path) -> list[str]:
    biber = require_tool("biber")
    done = subprocess.run(
        [biber, "--tool", "--validate-datamodel", bib.name],
        cwd=bib.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if not line.startswith("INFO")]


def _bibtool(bib: Path) -> tuple[str, int]:
    bibtool = require_tool("bibtool")
    out = bib.with_name("bibtool-out.bib")
    done = subprocess.run(
        [bibtool, "-i", str(bib), "-o", str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr, out.read_text(encoding="utf-8").count("\n@")


@pytest.mark.parametrize("which", ["fixture", "repository"])
def test_biber_and_bibtool_accept_citations_bib(
    which: str, library: Library, repository_library: Library, tmp_path: Path
) -> None:
    chosen = library if which == "fixture" else repository_library
    text = export_files(chosen, site_url=SITE, today=TODAY)["citations.bib"]
    assert isinstance(text, str)
    bib = tmp_path / "citations.bib"
    bib.write_text(text, encoding="utf-8")
    entries = len(bibtexparser.parse_string(text).entries)
    assert entries == len(chosen.cases) + len(chosen.lessons) + len(chosen.episodes)
    assert _biber_problems(bib) == []
    messages, kept = _bibtool(bib)
    assert messages.strip() == ""
    assert kept == entries, "bibtool dropped entries"


def test_bibtool_reads_every_kind_of_source(repository_library: Library, tmp_path: Path) -> None:
    """Sources are not in citations.bib; if written as BibTeX, classic tools still read them.

    (biber's data model asks a date of every entry, which an undated source cannot give, so
    only dated sources go through biber.)
    """
    items = _with_sources(repository_library)
    assert {i["type"] for i in items} >= {"webpage", "report", "article-newspaper"}
    bib = tmp_path / "sources.bib"
    bib.write_text(formats.bibtex(items), encoding="utf-8")
    dated = tmp_path / "dated.bib"
    dated.write_text(formats.bibtex([i for i in items if "issued" in i]), encoding="utf-8")
    assert [p for p in _biber_problems(dated) if "'author'" not in p] == []
    messages, kept = _bibtool(bib)
    assert messages.strip() == ""
    assert kept == len(items)


def _pandoc_apa(items: list[CslItem], tmp_path: Path) -> list[str]:
    pandoc = require_tool("pandoc")
    style = require_file(APA_CSL)
    data = tmp_path / "refs.json"
    data.write_text(formats.csl_json(items), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text('---\nnocite: "@*"\nlang: nl-NL\n---\n', encoding="utf-8")
    command = [pandoc, str(document), "--citeproc", f"--bibliography={data}", f"--csl={style}"]
    done = subprocess.run(
        [*command, "-t", "plain", "--wrap=none"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line.strip()]


def test_pandoc_with_the_official_apa_names_the_publisher_once(
    library: Library, tmp_path: Path
) -> None:
    items = library_items(library, site_url=SITE, today=dt.date(2026, 12, 1))
    references = _pandoc_apa(items, tmp_path)
    assert len(references) == len(items)
    for reference in references:
        assert reference.startswith("Wij in de Wijk. (2026"), reference
        assert "; Wij in de Wijk" not in reference
        assert len(re.findall(r"Wij in de Wijk(?! —)", reference)) == 1, reference
    assert any("Buurtkamer Noord. Wij in de Wijk — kennisbank." in r for r in references)


def test_pandoc_renders_our_sources_with_particles_and_without_repeats(
    repository_library: Library, tmp_path: Path
) -> None:
    case = repository_library.cases["hart-voor-de-k-buurt"]
    references = _pandoc_apa(source_items(case.sources, case.slug), tmp_path)
    assert len(references) == len(case.sources)
    assert any(r.startswith("Repetur, L., & Mourik, K. van. (z.d.).") for r in references)
    for reference in references:
        assert "; " not in reference, reference


def test_csl_json_items_have_no_publisher_equal_to_the_author(repository_library: Library) -> None:
    items = json.loads(formats.csl_json(_with_sources(repository_library)))
    for item in items:
        authors = {a["literal"] for a in item.get("author", []) if "literal" in a}
        assert not item.get("publisher") or item["publisher"] not in authors, item["id"]


def test_every_export_of_the_repository_reads_back(repository_library: Library) -> None:
    """The published files, read by independent clients: counts and keys line up."""
    files = export_files(repository_library, site_url=SITE, today=TODAY)
    texts = {k: v for k, v in files.items() if isinstance(v, str)}
    keys = [i["id"] for i in library_items(repository_library, site_url=SITE, today=TODAY)]
    bib = bibtexparser.parse_string(texts["citations.bib"])
    assert not bib.failed_blocks
    assert [e.key for e in bib.entries] == keys
    assert [r["id"] for r in rispy.loads(texts["citations.ris"])] == keys
    items = json.loads(texts["citations.json"])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    assert len(bibliography.bibliography()) == len(keys)
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo
    assert len(feed.entries) == len(repository_library.cases)
    data = json.loads(texts["data/cases.json"])
    jsonschema.Draft202012Validator(json.loads(texts["data/cases.schema.json"])).validate(data)
    rows = list(csv.DictReader(io.StringIO(texts["data/cases.csv"], newline="")))
    assert [r["slug"] for r in rows] == sorted(repository_library.cases)
    assert sum(1 for r in rows if r["lessen"]) == sum(
        1 for s in repository_library.cases if repository_library.lessons_for_case(s)
    )
