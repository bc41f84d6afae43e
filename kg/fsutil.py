"""Atomic file writes: write a temporary file beside the target, then rename it into place.

`staged_folder` does the same for a set of files (a build's outputs): they are all written into a
hidden folder first and renamed into place only once every one of them is complete.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file that replaces `path` only when the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write text to `path` atomically."""
    with atomic_open(path) as handle:
        handle.write(text)


STAGE_PREFIX = ".kg-stage-"
_STAGE = re.compile(re.escape(STAGE_PREFIX) + r"(\d+)-")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: leave its folder alone
    return True


def remove_stale_stages(folder: str | Path) -> list[Path]:
    """Remove the staging folders that runs killed before they finished left in `folder`."""
    removed = []
    for path in Path(folder).glob(STAGE_PREFIX + "*"):
        match = _STAGE.match(path.name)
        if match and path.is_dir() and not path.is_symlink() and not _running(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def staged_folder(out: str | Path) -> Iterator[Path]:
    """A hidden folder inside `out` to write a set of outputs into; when the block ends without
    error each file is renamed to the same place under `out`.

    Until then (an error, Ctrl-C or a kill -9 while writing) `out` keeps its previous files
    untouched; the renames take milliseconds, and each file is whole, old or new, at any moment.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_stages(out)
    stage = Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}-", dir=out))
    try:
        yield stage
        folders = set()
        for path in sorted(p for p in stage.rglob("*") if p.is_file()):
            target = out / path.relative_to(stage)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            folders.add(target.parent)
        for folder in folders:
            _fsync_folder(folder)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
