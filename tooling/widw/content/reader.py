"""Read one content file into a raw document: bytes → text → front matter + body.

Every problem found on the way is recorded with its file and line; a file that cannot be
read at all yields a document without data, never an exception.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widw.content.characters import INVISIBLE, hidden_in_data
from widw.content.kinds import Kind as Kind  # re-exported: many modules import it from here
from widw.content.problems import Problem
from widw.content.yamlnodes import Positions, YamlProblemError, load_with_positions

MAX_BYTES = 1024 * 1024
"""Content files larger than this are refused (a case is a few kilobytes)."""

# The same delimiter rule as MkDocs (mkdocs/utils/meta.py), so both agree on front matter;
# the closing line may also end the file.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class RawDocument:
    """A content file as read: its data (None if unreadable), body, positions, problems."""

    path: str
    kind: Kind
    data: dict[str, Any] | None
    body: str = ""
    body_line: int = 1
    positions: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)
    content_hash: str = ""

    def problem(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        """Record an error at a position in this file."""
        self.problems.append(Problem(self.path, line, column, code, message))


def read_document(path: Path, kind: Kind, display_path: str | None = None) -> RawDocument:
    """Read and parse one Markdown file with YAML front matter."""
    shown = display_path or str(path)
    doc = RawDocument(shown, kind, None)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            doc.problem(
                "bestand-te-groot",
                f"het bestand is {-(-size // 1024)} KB; een casusbestand mag hoogstens "
                f"{MAX_BYTES // 1024} KB zijn. Staat er per ongeluk iets anders in?",
            )
            return doc
        raw = path.read_bytes()
    except OSError as exc:
        doc.problem("onleesbaar", f"het bestand kan niet worden gelezen ({exc.strerror})")
        return doc
    return parse_document(raw, kind, shown)


def parse_document(raw: bytes, kind: Kind, display_path: str) -> RawDocument:
    """Parse the bytes of one content file (at most MAX_BYTES)."""
    doc = RawDocument(display_path, kind, None)
    doc.content_hash = hashlib.sha256(raw).hexdigest()
    text = _decode(raw, doc)
    if text is None:
        return doc
    _parse(text, doc)
    return doc


def _decode(raw: bytes, doc: RawDocument) -> str | None:
    if not raw.strip():
        doc.problem("leeg-bestand", "het bestand is leeg; verwacht front matter tussen '---'")
        return None
    if b"\x00" in raw[:8192]:
        doc.problem(
            "binair-bestand",
            "dit is geen tekstbestand (het bevat binaire gegevens); verwacht Markdown met "
            "front matter",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        doc.problem(
            "bom",
            "het bestand begint met een onzichtbaar BOM-teken; sla het op als UTF-8 zonder BOM",
        )
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.problem(
            "codering",
            f"byte 0x{raw[exc.start]:02x} is geen geldige UTF-8; sla het bestand op als UTF-8",
            line,
            column,
        )
        return None
    if "\r" in text:
        first = text[: text.index("\r")].count("\n") + 1
        doc.problem(
            "crlf",
            "het bestand gebruikt Windows-regeleinden (CRLF); sla het op met LF-regeleinden",
            first,
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _parse(text: str, doc: RawDocument) -> None:
    match = _FRONT_MATTER.match(text)
    if not match:
        doc.problem(
            "geen-front-matter",
            "het bestand moet beginnen met front matter: een regel '---', de velden, en "
            "weer een regel '---'",
        )
        return
    yaml_text = match.group(1) or ""
    doc.body = text[match.end() :]
    doc.body_line = text[: match.end()].count("\n") + 1
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if "\t" in line:
            doc.problem(
                "tab",
                "een tab in de front matter; gebruik spaties om in te springen",
                number,
                line.index("\t") + 1,
            )
            return
    try:
        data, doc.positions = load_with_positions(yaml_text, line_offset=1)
    except YamlProblemError as exc:
        doc.problem(exc.code, exc.message, exc.line + 2, exc.column + 1)
        return
    if data is None:
        doc.problem("lege-front-matter", "de front matter is leeg; verwacht velden", 2)
        return
    if not isinstance(data, dict):
        doc.problem(
            "front-matter-geen-blok",
            f"de front matter moet velden bevatten ('veld: waarde'), maar is een "
            f"{'lijst' if isinstance(data, list) else 'losse waarde'}",
            2,
        )
        return
    doc.data = data
    if INVISIBLE.search(yaml_text):  # rare: only then find the fields that hold one
        for line, column, message in sorted(hidden_in_data(data, doc.positions)):
            doc.problem("onzichtbaar-teken", message, line, column)
