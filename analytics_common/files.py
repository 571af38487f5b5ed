"""Durable files: what is renamed into place must be on disk before the rename is."""

from __future__ import annotations

import os
from pathlib import Path


def fsync(path: Path) -> None:
    """Flushes a file or a directory entry to disk, so a rename that follows survives a crash."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
