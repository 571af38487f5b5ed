"""Where generated data goes: a local DuckDB source file (written beside the target, then renamed,
so a reader never sees half a file) or a PostgreSQL database (bulk-loaded through DuckDB's postgres
extension, which uses COPY)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from analytics_common.dsn import redact
from analytics_common.duckdb_extensions import attach_postgres, connect
from analytics_common.files import fsync
from datagen import generate as gen


class SinkError(Exception):
    """A failure worth one clear line to the user."""


def write_duckdb_file(target: Path, params: gen.Params) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        con = connect(str(partial))
        try:
            gen.create_tables(con)
            gen.generate(con, params)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        fsync(partial)
        os.replace(partial, target)
        fsync(target.parent)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}.wal").unlink(missing_ok=True)


def load_postgres(dsn: str, params: gen.Params) -> None:
    """Replaces schema `app` in the PostgreSQL database named by the libpq connection string."""
    con = connect()
    try:
        try:
            attach_postgres(con, dsn, "pg")
        except duckdb.Error as e:
            raise SinkError(f"cannot reach PostgreSQL at '{redact(dsn)}': {redact(_first_line(e))}") from None
        # Generate in memory first: the slow part runs before PostgreSQL's copy is dropped.
        gen.create_tables(con)
        gen.generate(con, params)
        con.execute("CALL postgres_execute('pg', 'DROP SCHEMA IF EXISTS app CASCADE')")
        con.execute("CALL postgres_execute('pg', ?)", [gen.SCHEMA_DIR.joinpath("tables.sql").read_text()])
        for table in gen.TABLES:
            con.execute(f"INSERT INTO pg.app.{table} SELECT * FROM memory.app.{table}")
        con.execute(
            "CALL postgres_execute('pg', ?)",
            [gen.SCHEMA_DIR.joinpath("postgres_constraints.sql").read_text() + "\nANALYZE;"],
        )
    finally:
        con.close()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
