"""Dutch messages for folders and files the tools cannot use (caches, indexes, output)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

REASONS = {
    errno.ENOTDIR: "een deel van dit pad is een bestand in plaats van een map",
    errno.EISDIR: "dit is een map in plaats van een bestand",
    errno.EACCES: "er mag niet in worden geschreven of uit worden gelezen",
    errno.EPERM: "er mag niet in worden geschreven",
    errno.EROFS: "het staat op een alleen-lezen schijf",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENOENT: "het bestaat niet",
}


def unusable_path_message(exc: OSError, root: Path) -> str:
    """What went wrong with which path, and what to do; `root` is the project root."""
    where = str(exc.filename or "")
    reason = REASONS.get(exc.errno or 0, exc.strerror or "onbekende oorzaak")
    shown = os.path.relpath(where, root) if os.path.isabs(where) else where
    cache = root / ".cache"
    if where and os.path.abspath(where).startswith(str(cache)):
        return (
            f"De cachemap kan niet worden gebruikt: '{shown}' ({reason}). De map '.cache/' "
            f"bevat alleen tussenresultaten: verwijder haar ('rm -rf .cache') of maak haar "
            f"schrijfbaar ('chmod -R u+w .cache'), en probeer het opnieuw."
        )
    if where:
        return (
            f"'{shown}' kan niet worden gebruikt ({reason}). Controleer of het pad klopt en "
            f"of je er mag schrijven, en probeer het opnieuw."
        )
    return f"Een bestand of map kan niet worden gebruikt ({reason})."
