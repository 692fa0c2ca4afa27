"""Problems are data: one record per finding, one formatter for every adapter."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file, with the place it points at."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "fout"

    def format(self) -> str:
        """`path:line:col  CODE  message`, the one line every adapter shows."""
        marker = "" if self.severity == "fout" else "waarschuwing: "
        return f"{self.path}:{self.line}:{self.column}  {self.code}  {marker}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"


def format_problems(problems: Iterable[Problem]) -> str:
    """All problems, one per line, in the order given (the library puts root causes first)."""
    return "\n".join(p.format() for p in problems)


def problems_to_json(problems: Iterable[Problem]) -> str:
    """A stable JSON array for scripts and CI annotations, in the order given."""
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


def summary(problems: Iterable[Problem]) -> str:
    """A Dutch one-line count: '2 fouten, 1 waarschuwing'."""
    items = list(problems)
    errors = sum(p.is_error for p in items)
    warnings = len(items) - errors
    parts = [f"{errors} {'fout' if errors == 1 else 'fouten'}"]
    parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return ", ".join(parts)
