"""DuckDB may never download an extension here: the postgres extension comes from its PyPI package
(duckdb-extension-postgres), laid out as an extension directory that DuckDB autoloads from."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb
import duckdb_extension_postgres

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRECTORY = REPO_ROOT / "build" / "duckdb_extensions"
# The package names the file after the extension's alias; DuckDB looks for its canonical name.
CANONICAL_NAMES = {"postgres": "postgres_scanner"}
NO_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": True}


def extension_directory(root: Path | None = None) -> Path:
    """Returns a directory in DuckDB's layout (<version>/<platform>/<name>.duckdb_extension)."""
    root = Path(root or os.environ.get("ANALYTICS_DUCKDB_EXTENSIONS") or DEFAULT_DIRECTORY)
    packaged = Path(duckdb_extension_postgres.__file__).parent / "extensions"
    platform = duckdb.connect().sql("PRAGMA platform").fetchone()[0]
    for binary in packaged.glob("v*/*.duckdb_extension"):
        name = CANONICAL_NAMES.get(binary.stem, binary.stem)
        target = root / binary.parent.name / platform / f"{name}.duckdb_extension"
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # A dangling link is left over from an older virtualenv; another process may race us here.
        target.unlink(missing_ok=True)
        with contextlib.suppress(FileExistsError):
            target.symlink_to(binary)
    return root


def duckdb_settings() -> dict[str, object]:
    return {**NO_DOWNLOADS, "extension_directory": str(extension_directory())}


def connect(database: str = ":memory:", read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(database, read_only=read_only, config=duckdb_settings())


def attach_postgres(con: duckdb.DuckDBPyConnection, dsn: str, alias: str, read_only: bool = False) -> None:
    """ATTACH takes no parameters, so the connection string goes in as an escaped literal."""
    if not alias.isidentifier():
        raise ValueError(f"not an identifier: {alias!r}")
    con.execute(f"ATTACH {sql_literal(dsn)} AS {alias} (TYPE postgres{', READ_ONLY' if read_only else ''})")


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
