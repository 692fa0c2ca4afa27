"""`widw cite` and `widw brief` from the command line: output, Dutch errors, exit codes."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import struct
import zlib
from pathlib import Path

import bibtexparser
import pytest
import rispy
import zxingcpp
from click.testing import CliRunner, Result

from tests.cite.conftest import SITE
from widw.cli import cli


@pytest.fixture(autouse=True)
def _site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIDW_SITE_URL", SITE)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [args[0], "--map", str(root), *args[1:]])


def test_cite_apa_by_alias(cite_root: Path) -> None:
    result = run(cite_root, "cite", "werkplaats-oud", "--datum", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "Geraadpleegd op 1 december 2026, van " + SITE + "casussen/wijkwerkplaats/" in (
        result.stdout
    )


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json", "markdown", "BibTeX"])
def test_cite_formats(cite_root: Path, fmt: str) -> None:
    result = run(cite_root, "cite", "buurtkamer-noord", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt.lower() == "bibtex":
        assert bibtexparser.parse_string(out).entries[0].key == "buurtkamer-noord"
    elif fmt == "ris":
        assert rispy.loads(out)[0]["title"] == "Buurtkamer Noord"
    elif fmt == "csl-json":
        assert json.loads(out)[0]["URL"] == SITE + "casussen/buurtkamer-noord/"
    else:
        assert "*Buurtkamer Noord*" in out


def test_cite_lesson_and_episode_keys(cite_root: Path) -> None:
    lesson = run(cite_root, "cite", "les:eerst-luisteren", "-f", "csl-json")
    assert json.loads(lesson.stdout)[0]["id"] == "les:luister-eerst"
    episode = run(cite_root, "cite", "podcast-1", "-f", "csl-json")
    assert json.loads(episode.stdout)[0]["URL"] == SITE + "media/podcast-repareren/"


def test_cite_unknown_slug_suggests(cite_root: Path) -> None:
    result = run(cite_root, "cite", "wijkwerkplaat")
    assert result.exit_code == 1
    assert "onbekende casus, les of aflevering 'wijkwerkplaat'" in result.stderr
    assert "bedoelde je 'wijkwerkplaats'" in result.stderr
    assert "Traceback" not in result.output


def test_cite_unknown_format_is_a_dutch_usage_error(cite_root: Path) -> None:
    result = run(cite_root, "cite", "buurtkamer-noord", "--format", "xml")
    assert result.exit_code == 2
    assert "Ongeldige waarde voor" in result.stderr
    assert "is niet een van" in result.stderr
    assert "Gebruik:" in result.stderr


def test_cite_without_slug(cite_root: Path) -> None:
    result = run(cite_root, "cite")
    assert result.exit_code == 2
    assert "geef een of meer SLUG's op" in result.stderr


def test_cite_publish_writes_published_slugs(cite_root: Path) -> None:
    result = run(cite_root, "cite", "--publiceer")
    assert result.exit_code == 0, result.output
    text = (cite_root / "published-slugs.txt").read_text(encoding="utf-8")
    assert "casus wijkwerkplaats\n" in text
    assert "6 nieuwe slug(s)" in result.stdout
    (cite_root / "cases" / "wijkwerkplaats.md").unlink()
    again = run(cite_root, "cite", "--publiceer")
    assert again.exit_code == 1
    assert "slug-verdwenen" in again.stderr


def decode_png(data: bytes) -> tuple[int, int, bytes]:
    """A minimal PNG reader (greyscale or palette, no interlace): width, height, grey bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, palette = 8, b"", b""
    width = height = depth = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert colour in (0, 3)
            assert interlace == 0
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = (width * depth + 7) // 8
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        mode, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        bpp = max(1, depth // 8)
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if mode == 1:
                line[i] = (line[i] + left) & 255
            elif mode == 2:
                line[i] = (line[i] + up) & 255
            elif mode == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif mode == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        previous = line
    grey = bytearray()
    for line in rows:
        for x in range(width):
            bit = x * depth
            value = (line[bit // 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1)
            if colour == 3:
                value = palette[value * 3]
            elif depth < 8:
                value = value * 255 // ((1 << depth) - 1)
            grey.append(value)
    return width, height, bytes(grey)


def qr_codes(html: str) -> list[tuple[str, str]]:
    """(decoded text, data-url) of every QR image in the handout."""
    found = []
    for uri, url in re.findall(
        r'<img src="data:image/png;base64,([^"]+)"[^>]*data-url="([^"]+)"', html
    ):
        width, height, grey = decode_png(base64.b64decode(uri))
        image = memoryview(grey).cast("B", (height, width))
        (barcode,) = zxingcpp.read_barcodes(image)
        found.append((barcode.text, url))
    return found


def test_brief_holds_every_case_with_a_readable_qr_code(cite_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "sessie" / "brief.html"
    result = run(cite_root, "brief", "buurtkamer-noord", "werkplaats-oud", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Buurtkamer Noord" in html
    assert "Werkplaats &#34;De Kop&#34; &amp; co: &lt;script&gt;" in html
    assert "<script" not in html
    assert qr_codes(html) == [
        (SITE + "casussen/buurtkamer-noord/", SITE + "casussen/buurtkamer-noord/"),
        (SITE + "casussen/wijkwerkplaats/", SITE + "casussen/wijkwerkplaats/"),
    ]
    assert html.count('class="citation"') == 2
    assert "(z.d.). Wijkkrant Holtenbroek." in html
    assert "@media print" in html
    # Self-contained: nothing is fetched from elsewhere.
    assert not re.search(r'(src|href)="(?!data:|#|https?://)', html.split("<body>")[0])
    assert not re.search(r'<(img|script|link|iframe)[^>]+(src|href)="https?:', html)


def test_brief_filters_lessons_by_role(cite_root: Path) -> None:
    mayor = run(cite_root, "brief", "wijkwerkplaats", "--rol", "bestuurders-politici", "-o", "-")
    assert mayor.exit_code == 0, mayor.output
    assert "Begin klein en laat het groeien" in mayor.stdout
    assert "Een kleine start geeft ruimte om te leren." in mayor.stdout
    assert "Luister eerst" not in mayor.stdout
    assert "voor <strong>Bestuurders en politici</strong>" in mayor.stdout
    everyone = run(cite_root, "brief", "wijkwerkplaats", "-o", "-")
    assert "Begin klein" in everyone.stdout
    assert "Luister eerst" in everyone.stdout


def test_brief_unknown_role(cite_root: Path) -> None:
    result = run(cite_root, "brief", "wijkwerkplaats", "--rol", "ambtenaar", "-o", "-")
    assert result.exit_code == 1
    assert "onbekende rol 'ambtenaar'; bedoelde je 'ambtenaren'?" in result.stderr
    assert result.stdout == ""


def test_brief_unknown_slug_writes_nothing(cite_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = run(cite_root, "brief", "buurtkamer-noord", "bestaat-niet", "-o", str(out))
    assert result.exit_code == 1
    assert "onbekende casus 'bestaat-niet'" in result.stderr
    assert not out.exists()


def test_brief_unwritable_path(cite_root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map", encoding="utf-8")
    result = run(cite_root, "brief", "buurtkamer-noord", "-o", str(blocker / "brief.html"))
    assert result.exit_code == 1
    assert "kan " in result.stderr
    assert "niet schrijven" in result.stderr
    assert "Traceback" not in result.output
    as_folder = run(cite_root, "brief", "buurtkamer-noord", "-o", str(tmp_path))
    assert as_folder.exit_code == 1
    assert "dat is een map" in as_folder.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["een-bestand", "project"]


REAL_SITE = "https://kennisbank.wijindewijk.nl/"
"""A real-looking address (not a reserved domain) for the deployment tests."""


def test_cite_several_slugs_in_the_order_given(cite_root: Path) -> None:
    result = run(cite_root, "cite", "wijkwerkplaats", "les:begin-klein", "buurtkamer-noord")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "Werkplaats" in lines[0]
    assert "Begin klein" in lines[1]
    assert "Buurtkamer" in lines[2]
    same = run(cite_root, "cite", "wijkwerkplaats", "werkplaats-oud", "-f", "csl-json")
    assert [i["id"] for i in json.loads(same.stdout)] == ["wijkwerkplaats"]


def test_cite_alle_gives_every_page(cite_root: Path) -> None:
    result = run(cite_root, "cite", "--alle", "-f", "bibtex")
    assert result.exit_code == 0, result.output
    keys = [e.key for e in bibtexparser.parse_string(result.stdout).entries]
    assert keys[:2] == ["buurtkamer-noord", "wijkwerkplaats"]
    assert "les:begin-klein" in keys
    assert "media:podcast-repareren" in keys
    both = run(cite_root, "cite", "--alle", "wijkwerkplaats")
    assert both.exit_code == 2
    assert "niet allebei" in both.stderr


def test_cite_and_brief_warn_about_the_placeholder_address(
    cite_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WIDW_SITE_URL")
    (cite_root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://wijindewijk.example/\n", encoding="utf-8"
    )
    cite = run(cite_root, "cite", "buurtkamer-noord")
    assert cite.exit_code == 0
    assert cite.stderr.startswith("Let op: het adres van de site is nog een voorbeeldadres")
    assert "WIDW_SITE_URL" in cite.stderr
    assert "QR-codes werken daardoor niet" in cite.stderr
    assert "https://wijindewijk.example/casussen/buurtkamer-noord/" in cite.stdout
    brief = run(cite_root, "brief", "buurtkamer-noord", "-o", str(tmp_path / "b.html"))
    assert brief.exit_code == 0
    assert "voorbeeldadres" in brief.stderr


def test_real_address_reaches_citations_and_qr_codes(
    cite_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIDW_SITE_URL", REAL_SITE.rstrip("/"))
    (cite_root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://wijindewijk.example/\n", encoding="utf-8"
    )
    cite = run(cite_root, "cite", "buurtkamer-noord", "-f", "ris")
    assert cite.exit_code == 0
    assert cite.stderr == ""
    assert rispy.loads(cite.stdout)[0]["urls"] == [REAL_SITE + "casussen/buurtkamer-noord/"]
    out = tmp_path / "brief.html"
    brief = run(cite_root, "brief", "buurtkamer-noord", "-o", str(out))
    assert brief.stderr == ""
    html = out.read_text(encoding="utf-8")
    url = REAL_SITE + "casussen/buurtkamer-noord/"
    assert qr_codes(html) == [(url, url)]
    assert "example" not in html.split('class="citation"')[1]


def test_brief_is_written_with_ordinary_permissions(cite_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    old = os.umask(0o022)
    try:
        result = run(cite_root, "brief", "buurtkamer-noord", "-o", str(out))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
