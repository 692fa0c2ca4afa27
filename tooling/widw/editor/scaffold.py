"""Scaffolds for new content files: every field present, each with a short Dutch comment.

The field list, order and comments come from the models (via `fieldspec`) and the
vocabulary, so a scaffold always matches what `widw validate` accepts.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from widw.content.fields import UNKNOWN
from widw.content.kinds import KINDS
from widw.content.reader import Kind
from widw.content.vocabulary import Vocabulary
from widw.content.yamlnodes import YamlProblemError, load_with_positions
from widw.editor.fieldspec import FieldSpec, field_specs

EMPTY_BY_DEFAULT = frozenset(
    {"aliassen", "lessen", "casussen", "kandidaten", "afgeleid", "bronnen", "makers", "gasten"}
)
"""List fields that start empty ('[]': there is nothing yet) instead of 'onbekend'."""

FOLDERS: dict[Kind, str] = {kind: info.source_folder for kind, info in KINDS.items()}
KIND_NL: dict[Kind, str] = {kind: info.singular for kind, info in KINDS.items()}
WIDTH = 96


def scaffold_text(
    kind: Kind,
    values: Mapping[str, Any],
    vocabulary: Vocabulary,
    *,
    today: dt.date,
    header: bool = True,
) -> str:
    """The full text of a new content file: front matter with comments, then an empty body.

    `values` holds what is known, by Dutch key (nested dicts for blocks, lists of dicts for
    lists of blocks); every other field is written as 'onbekend' or an empty list.
    """
    title = str(values.get("titel", ""))
    lines = ["---"]
    intro = [
        f"# Nieuwe {KIND_NL[kind]} '{title}', gemaakt met 'widw new' op {today.isoformat()}.",
        "# Vul aan wat de bronnen zeggen, in eigen woorden. Wat geen bron geeft, blijft "
        "'onbekend'.",
        "# Uitleg per veld staat boven elk veld en in de bijdragegids op de site "
        "(Bijdragen → Velden).",
    ]
    if header:
        lines += intro
    renderer = _Renderer(vocabulary, today)
    for spec in field_specs(kind):
        lines += renderer.field(spec, values, indent=0)
    lines += [
        "# De tekst in eigen woorden komt onder de regel '---' hieronder (Markdown, geen HTML).",
        "---",
        "",
    ]
    return "\n".join(lines)


class _Renderer:
    """Writes fields as YAML lines with comments."""

    def __init__(self, vocabulary: Vocabulary, today: dt.date) -> None:
        self.vocabulary = vocabulary
        self.today = today

    def comment(self, spec: FieldSpec, indent: int) -> list[str]:
        text = spec.description or spec.key
        if spec.required:
            text += " Verplicht."
        if spec.vocabulary:
            terms = ", ".join(self.vocabulary.terms(spec.vocabulary))
            text += f" Kies uit: {terms}."
        return _comment_lines(text, indent)

    def field(self, spec: FieldSpec, values: Mapping[str, Any], indent: int) -> list[str]:
        pad = " " * indent
        lines = self.comment(spec, indent)
        given = spec.key in values
        value = values.get(spec.key)
        if spec.key == "laatst_gecontroleerd" and not given:
            given, value = True, self.today
        if spec.kind == "block" and not spec.is_list:
            if isinstance(value, Mapping) or (not given and not _needs_values(spec)):
                lines.append(f"{pad}{spec.key}:")
                for child in spec.children:
                    lines += self.field(child, value or {}, indent + 2)
                return lines
            lines.append(f"{pad}{spec.key}: {_scalar(value if given else None)}")
            return lines + self.example(spec, indent, UNKNOWN)
        if spec.kind == "block":
            items = list(value) if given and value else []
            if not items:
                empty = "[]" if spec.key in EMPTY_BY_DEFAULT else UNKNOWN
                example = self.example(spec, indent, empty)
                return [*lines, f"{pad}{spec.key}: {empty}", *example]
            lines.append(f"{pad}{spec.key}:")
            for number, item in enumerate(items):
                lines += self.item(spec, item, indent + 2, with_comments=number == 0)
            return lines
        if spec.is_list:
            items = [str(v) for v in value] if given and value else []
            if not items and spec.required:
                raise ValueError(f"missing required value for {spec.path}")
            if not items:
                empty = "[]" if spec.key in EMPTY_BY_DEFAULT else UNKNOWN
                return [*lines, f"{pad}{spec.key}: {empty}"]
            if spec.kind in {"term", "slug"}:
                return [*lines, f"{pad}{spec.key}: [{', '.join(items)}]"]
            return [*lines, f"{pad}{spec.key}:", *(f"{pad}  - {_scalar(v)}" for v in items)]
        if not given and not spec.unknown_ok:
            if spec.required:
                raise ValueError(f"missing required value for {spec.path}")
            return [*lines, f"{pad}# {spec.key}: …  (haal '#' weg als je het weet)"]
        return [*lines, f"{pad}{spec.key}: {_long_or_scalar(value, indent)}"]

    def item(
        self, spec: FieldSpec, item: Mapping[str, Any], indent: int, *, with_comments: bool
    ) -> list[str]:
        out: list[str] = []
        for child in spec.children:
            lines = self.field(child, item, indent + 2)
            if not with_comments:
                lines = [line for line in lines if not line.lstrip().startswith("#")]
            out += lines
        first = next(i for i, line in enumerate(out) if not line.lstrip().startswith("#"))
        out[first] = " " * indent + "- " + out[first][indent + 2 :]
        return out

    def example(self, spec: FieldSpec, indent: int, empty: str) -> list[str]:
        """A commented-out example, so editors see the fields of a block or list entry."""
        pad = " " * indent
        what = "één item" if spec.is_list else "het blok"
        out = [
            f"{pad}# Zo ziet {what} eruit. Haal de '#' weg, vul in en haal '{empty}' "
            f"achter '{spec.key}:' weg:"
        ]
        for number, child in enumerate(spec.children):
            dash = ("- " if number == 0 else "  ") if spec.is_list else ""
            note = child.description + (" Verplicht." if child.required else "")
            out.append(f"{pad}#   {dash}{child.key}: …  # {note}")
        return out


def _needs_values(spec: FieldSpec) -> bool:
    """A block with required fields cannot be written without knowing them."""
    return any(child.required for child in spec.children)


def _comment_lines(text: str, indent: int) -> list[str]:
    pad = " " * indent + "# "
    return textwrap.wrap(
        text, WIDTH, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False
    )


def _scalar(value: Any) -> str:
    """One YAML scalar that reads back as exactly this value under the editor loader."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if not text:
        return UNKNOWN
    if _reads_back(text, text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _long_or_scalar(value: Any, indent: int) -> str:
    """Long texts as a folded block ('>-'), wrapped so the file stays readable."""
    if not isinstance(value, str) or len(value) + indent < 80:
        return _scalar(value)
    text = " ".join(value.split())
    pad = " " * (indent + 2)
    wrapped = textwrap.wrap(text, WIDTH - len(pad), break_on_hyphens=False, break_long_words=False)
    block = ">-\n" + "\n".join(pad + line for line in wrapped)
    return block if _reads_back(block, text) else _scalar(value)


def _reads_back(yaml_value: str, expected: str) -> bool:
    try:
        data, _ = load_with_positions(f"v: {yaml_value}\n", line_offset=0)
    except YamlProblemError:
        return False
    return isinstance(data, dict) and data.get("v") == expected


def case_values(
    *,
    slug: str,
    title: str,
    summary: str,
    status: str,
    collection: str,
    bundle: int | None,
    municipality: str | None,
    district: str | None,
    province: str | None,
    themes: Sequence[str] = (),
    kinds: Sequence[str] = (),
    source: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The values of a new case, by Dutch key, as `scaffold_text` expects them."""
    values: dict[str, Any] = {
        "slug": slug,
        "titel": title,
        "samenvatting": summary,
        "status": status,
        "collectie": collection,
        "plaats": {"gemeente": municipality, "wijk": district, "provincie": province},
    }
    if collection == "wij-in-de-wijk":
        values["bundel"] = {"nummer": bundle, "zekerheid": "bevestigd"}
    if themes:
        values["themas"] = list(themes)
    if kinds:
        values["soort"] = list(kinds)
    if source:
        values["bronnen"] = [dict(source)]
    return values


def source_values(
    *, url: str, title: str, kind: str, publisher: str | None = None, date: str | None = None
) -> dict[str, Any]:
    """One source entry; 'datum: onbekend' is written out so no date hint appears."""
    return {"titel": title, "url": url, "soort": kind, "uitgever": publisher, "datum": date}
