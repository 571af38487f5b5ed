"""PostgreSQL connection strings appear in messages and metadata only with their password hidden."""

from __future__ import annotations

import re


def redact(dsn: str) -> str:
    """Hides the password of a key=value or a URL connection string (also inside an error message)."""
    return re.sub(
        r"(password=)\S+|(://[^:/@]+:)[^@]+(@)", lambda m: (m.group(1) or m.group(2)) + "***" + (m.group(3) or ""), dsn
    )
