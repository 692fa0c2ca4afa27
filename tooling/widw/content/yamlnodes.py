"""Safe YAML for editors: no implicit dates, no yes/no booleans, no anchors, every position kept.

The front matter is composed into nodes with PyYAML's C parser and turned into plain Python
values here, so that every value keeps its line and column, duplicate keys and aliases are
caught, and nothing but plain data can ever be constructed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    WITH_LIBYAML = True
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _BaseLoader = yaml.SafeLoader
    WITH_LIBYAML = False

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class EditorLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose only implicit types are decimal numbers, true/false and null."""


EditorLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789."),
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
):
    EditorLoader.add_implicit_resolver(_tag, _regexp, list(_first))


class YamlProblemError(Exception):
    """A problem in the YAML text, with a 0-based position inside that text."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Positions:
    """1-based (line, column) of every value and every mapping key, by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of a value, or of its nearest ancestor that exists in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def of_key(self, path: Path) -> tuple[int, int]:
        """The position of the key that introduces a value (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.of(path)


class LazyPositions(Positions):
    """Positions kept as JSON text (`[value rows, key rows]`, each row `[*path, line,
    column]`), decoded into tables on first use.

    A document read from the cache needs its positions only when a problem is reported in
    it; most documents never do, so most of this text is never decoded.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _rows(self) -> list[list[list[Any]]]:
        try:
            rows = json.loads(self._text)
        except ValueError:  # a damaged cache entry: positions fall back to line 1
            return [[], []]
        return rows if isinstance(rows, list) and len(rows) == 2 else [[], []]

    @cached_property
    def values(self) -> dict[Path, tuple[int, int]]:  # type: ignore[override]
        return _table(self._rows[0])

    @cached_property
    def keys(self) -> dict[Path, tuple[int, int]]:  # type: ignore[override]
        return _table(self._rows[1])


def _table(rows: list[list[Any]]) -> dict[Path, tuple[int, int]]:
    return {tuple(row[:-2]): (row[-2], row[-1]) for row in rows}


_PROBLEMS_NL = {
    "mapping values are not allowed": "hier mag geen 'sleutel: waarde' staan; "
    "staat er een dubbele punt in een tekst zonder aanhalingstekens?",
    "could not find expected ':'": "er ontbreekt een dubbele punt na een veldnaam",
    "found character '\\t' that cannot start any token": "een tab is hier niet toegestaan",
    "did not find expected key": "de inspringing klopt niet: verwacht een veldnaam",
    "did not find expected '-' indicator": "de inspringing van de lijst klopt niet",
    "found unexpected end of stream": "het bestand houdt midden in een waarde op; "
    "ontbreekt er een afsluitend aanhalingsteken?",
    "found undefined alias": "een verwijzing (*naam) is niet toegestaan",
    "expected <block end>, but found '-'": "een lijstregel ('- …') staat op de verkeerde "
    "inspringing",
    "while scanning a quoted scalar": "een tekst tussen aanhalingstekens wordt niet afgesloten",
    "did not find expected ',' or ']'": "een lijst tussen '[' en ']' wordt niet afgesloten; "
    "ontbreekt er een ']' of een komma?",
    "did not find expected ',' or '}'": "een blok tussen '{' en '}' wordt niet afgesloten; "
    "ontbreekt er een '}' of een komma?",
    "found unknown escape character": "een onbekend escape-teken (\\) in een tekst tussen "
    "dubbele aanhalingstekens",
}


def _dutch(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for english, dutch in _PROBLEMS_NL.items():
        if problem.startswith(english) or (error.context or "").startswith(english):
            return dutch
    return (
        "de YAML-opbouw klopt hier niet (controleer inspringing, dubbele punten en "
        "aanhalingstekens)"
    )


def _check_anchors(text: str) -> None:
    """Reject anchors (&naam) and aliases (*naam): they hide content and can explode."""
    if "&" not in text and "*" not in text:
        return
    try:
        for token in yaml.scan(text, Loader=EditorLoader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                kind = "anker (&)" if isinstance(token, yaml.AnchorToken) else "verwijzing (*)"
                mark = token.start_mark
                raise YamlProblemError(
                    "yaml-anker",
                    f"YAML-{kind} is niet toegestaan; schrijf de waarde voluit",
                    mark.line,
                    mark.column,
                )
    except yaml.YAMLError:
        return  # the composer reports the syntax error with its own message


def load_with_positions(text: str, line_offset: int) -> tuple[Any, Positions]:
    """Parse YAML into plain data and the position of every value (lines shifted by offset)."""
    _check_anchors(text)
    try:
        node = yaml.compose(text, Loader=EditorLoader)
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is found where the text ends; its start is the cause.
        opened = (exc.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        raise YamlProblemError("yaml-syntax", _dutch(exc), line, column) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n"), exc.position - (before.rfind("\n") + 1)
        raise YamlProblemError(
            "stuurteken",
            f"een onzichtbaar stuurteken (code {exc.character!r}) is niet toegestaan; "
            "verwijder het (vaak meegekopieerd uit een PDF of Word)",
            line,
            column,
        ) from None
    except yaml.YAMLError:  # pragma: no cover - defensive: any other unmarked error
        raise YamlProblemError("yaml-syntax", "ongeldige YAML", 0, 0) from None
    positions = Positions()
    if node is None:
        return None, positions
    builder = _Builder(positions, line_offset)
    return builder.build(node, ()), positions


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording positions."""

    def __init__(self, positions: Positions, line_offset: int) -> None:
        self.positions = positions
        self.offset = line_offset

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.positions.values[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = key_node.start_mark
                raise YamlProblemError(
                    "yaml-syntax", "een veldnaam moet gewone tekst zijn", mark.line, mark.column
                )
            key = str(key_node.value)
            if key in result:
                mark = key_node.start_mark
                raise YamlProblemError(
                    "dubbel-veld",
                    f"het veld '{key}' staat twee keer in hetzelfde blok",
                    mark.line,
                    mark.column,
                )
            self.positions.keys[(*path, key)] = self._pos(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == "tag:yaml.org,2002:int":
            return int(value)
        if tag == "tag:yaml.org,2002:float":
            return float(value)
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:str":
            return value
        mark = node.start_mark
        raise YamlProblemError(
            "yaml-syntax",
            f"het YAML-type '{tag}' is niet toegestaan; schrijf gewone tekst",
            mark.line,
            mark.column,
        )
