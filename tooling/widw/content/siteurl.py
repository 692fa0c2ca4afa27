"""The public site address: read in one place, with a check for placeholder addresses.

Order: the WIDW_SITE_URL environment variable (for deployments), then `site_url` in
mkdocs.yml (read as plain YAML, tolerating MkDocs' `!!python/name` and `!ENV` tags, without
importing mkdocs), then the placeholder. The MkDocs plugin, `widw cite`, `widw brief` and
`widw render` all go through `resolve_site_url`.

A placeholder is an address on a reserved domain (RFC 2606/6761: `.example`, `.test`,
`.invalid`, `.localhost`, `example.com`/`.net`/`.org`). Links to it lead nowhere, so the
commands warn in Dutch, and a publishing build (WIDW_PUBLISH=1) refuses to run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

DEFAULT_SITE_URL = "https://wijindewijk.example/"
ENV_VAR = "WIDW_SITE_URL"
PUBLISH_ENV_VAR = "WIDW_PUBLISH"
"""Set to 1 for the build that is put online: placeholder addresses are then an error."""

RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost")
RESERVED_HOSTS = frozenset(
    {"example", "test", "invalid", "localhost", "example.com", "example.net", "example.org"}
)


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any unknown tag as None instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def normalise(url: str) -> str:
    """The address with exactly one trailing slash."""
    return url.strip().rstrip("/") + "/"


def _config_value(root: Path, key: str) -> str | None:
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def configured_site_url(configured: str | None) -> str | None:
    """WIDW_SITE_URL if set, else `configured` (normalised), else None (no address at all)."""
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return normalise(from_env)
    if configured and configured.strip():
        return normalise(configured)
    return None


def resolve_site_url(configured: str | None) -> str:
    """The site address: WIDW_SITE_URL if set, else `configured`, else the placeholder."""
    return configured_site_url(configured) or DEFAULT_SITE_URL


def site_url_for(root: Path) -> str:
    """The site address (with a trailing slash) for the project at `root`."""
    return resolve_site_url(_config_value(root, "site_url"))


def is_placeholder(url: str | None) -> bool:
    """True for an address on a reserved domain (it can never lead anywhere)."""
    host = (urlsplit(url.strip()).hostname or "") if url else ""
    host = host.rstrip(".").lower()
    return host in RESERVED_HOSTS or host.endswith(RESERVED_SUFFIXES)


def placeholder_warning(url: str, *, lead: str = "Let op") -> str | None:
    """A Dutch warning when `url` is a placeholder (else None), starting with `lead`."""
    if not is_placeholder(url):
        return None
    return (
        f"{lead}: het adres van de site is nog een voorbeeldadres ({url}); links, "
        f"verwijzingen en QR-codes werken daardoor niet. Zet het echte adres in site_url "
        f"in mkdocs.yml of in de omgevingsvariabele {ENV_VAR}."
    )


def publishing() -> bool:
    """True when WIDW_PUBLISH asks for a publishing build."""
    return os.environ.get(PUBLISH_ENV_VAR, "").strip().lower() in {"1", "true", "ja", "yes"}


def public_repo_url(repo_url: str | None) -> str | None:
    """The repository address to show, or None while it is a placeholder."""
    return None if not repo_url or is_placeholder(repo_url) else repo_url
