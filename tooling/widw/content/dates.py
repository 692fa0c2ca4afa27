"""Dates as Dutch readers write them: '18 maart 2020', 'maart 2020' or '2020'."""

from __future__ import annotations

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(value: object) -> str:
    """A partial date ('2020', '2020-03', '2020-03-18') or a date, in Dutch words."""
    if value is None:
        return "onbekend"
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
