"""Write files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or a new file's (0666 minus the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


def make_temp_dir(parent: Path, prefix: str) -> Path:
    """A new temporary folder in `parent` with ordinary permissions (0777 minus the umask)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o777 & ~_current_umask())
    return folder


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` so that readers see the old file or the new one, never half.

    The new file gets ordinary permissions: those of the file it replaces, or 0666 minus the
    umask (tempfile alone would leave it readable by the owner only).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
