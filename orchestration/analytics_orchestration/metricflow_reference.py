"""MetricFlow as the reference for the gateway's metrics: answers metric requests with MetricFlow itself.

The gateway compiles the dbt semantic layer into SQL of its own; this runner asks dbt's MetricFlow the
same questions on the same snapshot, so a cross-check can compare the two to the cent (docs/metrics.md,
"Checked against MetricFlow"). The semantic manifest is built from the snapshot's own manifest.json,
so the reference uses exactly the metric definitions the gateway served. MetricFlow plans and renders
the SQL (its DuckDB dialect, as `mf query` uses through dbt-duckdb); this module runs that SQL on a
private copy of the snapshot's database, keeping DuckDB's exact decimals (MetricFlow's own result
table turns them into floats). One process answers every request: MetricFlow's start-up costs
seconds, a query milliseconds.

    python -m analytics_orchestration.metricflow_reference --snapshot DIR [--verbose] < requests.json > answers.json

requests.json is a list of {"id", "user_id", "metrics", "group_by", "start", "end", "where" (optional),
"order_by" (optional)}; each request is scoped with `{{ Entity('user') }} = '<user_id>'` and limited to
[start, end] (grouped by metric_time, MetricFlow widens both to whole periods of its grain); both are
optional. answers.json maps each id to {"columns": [...], "rows": [[...]]}, or to {"error": "..."} when
that one request failed. Dates are yyyy-mm-dd strings, decimals exact strings, integers and floats JSON
numbers, NULL null. Logs go to stderr; stdout carries the JSON only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import shutil
import sys
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from dbt.artifacts.schemas.manifest import WritableManifest
from dbt.contracts.graph.manifest import Manifest
from dbt.contracts.graph.semantic_manifest import SemanticManifest
from dbt.flags import set_from_args
from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow.sql.render.sql_plan_renderer import SqlPlanRenderer
from metricflow_semantic_interfaces.implementations.semantic_manifest import PydanticSemanticManifest
from metricflow_semantics.model.dbt_manifest_parser import parse_manifest_from_dbt_generated_manifest
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
from metricflow_semantics.sql.sql_bind_parameters import SqlBindParameterSet

logger = logging.getLogger("analytics_orchestration.metricflow_reference")

DATABASE_FILE = "analytics.duckdb"
MANIFEST_FILE = "manifest.json"
SEMANTIC_MANIFEST_FILE = "semantic_manifest.json"
USER_FILTER = "{{{{ Entity('user') }}}} = '{user_id}'"


@dataclass(frozen=True)
class MetricRequest:
    id: str
    user_id: str
    metrics: tuple[str, ...]
    group_by: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    where: tuple[str, ...]
    order_by: tuple[str, ...]

    @staticmethod
    def parse(raw: dict[str, Any]) -> MetricRequest:
        """Reads one request; a malformed one raises ValueError with what is wrong."""
        metrics = _strings(raw, "metrics")
        if not metrics:
            raise ValueError("metrics must name at least one metric")
        return MetricRequest(
            id=str(raw["id"]),
            # A UUID only: the id is pasted into MetricFlow's where, which is SQL once rendered.
            user_id=str(uuid.UUID(str(raw.get("user_id")))),
            metrics=metrics,
            group_by=_strings(raw, "group_by"),
            start=_date(raw, "start"),
            end=_date(raw, "end"),
            where=_strings(raw, "where"),
            order_by=_strings(raw, "order_by"),
        )


@dataclass(frozen=True)
class Answer:
    columns: list[str]
    rows: list[list[Any]]


def semantic_manifest_from_dbt_manifest(manifest_file: Path, work_dir: Path) -> PydanticSemanticManifest:
    """The semantic manifest dbt derives from a manifest.json, as MetricFlow's own parser reads it.

    dbt writes target/semantic_manifest.json only beside a parse; a snapshot keeps manifest.json, so
    dbt's own derivation writes it into work_dir, and MetricFlow parses it as `mf` parses dbt's file.
    """
    # dbt's artifact code reads its global flags; the defaults, as a plain `dbt parse` has them.
    set_from_args(argparse.Namespace(), None)
    manifest = Manifest.from_writable_manifest(WritableManifest.read_and_check_versions(str(manifest_file)))
    semantic_file = work_dir / SEMANTIC_MANIFEST_FILE
    # No validation again: the snapshot's build parsed and validated this semantic layer already.
    SemanticManifest(manifest).write_json_to_file(str(semantic_file))
    return parse_manifest_from_dbt_generated_manifest(semantic_file.read_text())


class DuckDbSqlClient:
    """MetricFlow's SqlClient over one DuckDB connection; renders with the dialect dbt-duckdb's client uses."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._connection = connection
        self._engine = SqlEngine.DUCKDB
        self._renderer = DuckDbSqlPlanRenderer()

    @property
    def sql_engine_type(self) -> SqlEngine:
        return self._engine

    @property
    def sql_plan_renderer(self) -> SqlPlanRenderer:
        return self._renderer

    def fetch(self, stmt: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self._connection.cursor()
        try:
            cursor.execute(stmt)
            columns = [d[0] for d in cursor.description]
            return columns, cursor.fetchall()
        finally:
            cursor.close()

    def query(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet | None = None) -> MetricFlowDataTable:
        _refuse_bind_parameters(sql_bind_parameter_set)
        columns, rows = self.fetch(stmt)
        return MetricFlowDataTable.create_from_rows(column_names=columns, rows=rows)

    def execute(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet | None = None) -> None:
        _refuse_bind_parameters(sql_bind_parameter_set)
        self._connection.execute(stmt)

    def dry_run(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet | None = None) -> None:
        _refuse_bind_parameters(sql_bind_parameter_set)
        self._connection.execute(f"EXPLAIN {stmt}")

    def close(self) -> None:
        self._connection.close()

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        raise NotImplementedError("MetricFlow renders literals for DuckDB; no bind parameters here")


class Reference:
    """MetricFlow's engine over one snapshot; answers requests one after the other."""

    def __init__(self, semantic_manifest: PydanticSemanticManifest, connection: duckdb.DuckDBPyConnection) -> None:
        self._client = DuckDbSqlClient(connection)
        self._engine = MetricFlowEngine(
            semantic_manifest_lookup=SemanticManifestLookup(semantic_manifest),
            sql_client=self._client,
        )

    def sql(self, request: MetricRequest) -> str:
        """The SQL MetricFlow plans for the request (what `mf query --explain` prints)."""
        mf_request = MetricFlowQueryRequest.create(
            metric_names=request.metrics,
            group_by_names=request.group_by,
            where_constraints=[USER_FILTER.format(user_id=request.user_id), *request.where],
            time_constraint_start=_midnight(request.start),
            time_constraint_end=_midnight(request.end),
            order_by_names=request.order_by or None,
        )
        statement = self._engine.explain(mf_request).sql_statement
        _refuse_bind_parameters(statement.bind_parameter_set)
        return statement.sql

    def answer(self, request: MetricRequest) -> Answer:
        sql = self.sql(request)
        logger.debug("request %s:\n%s", request.id, sql)
        columns, rows = self._client.fetch(sql)
        return Answer(columns, [[json_value(cell) for cell in row] for row in rows])


def answer_all(reference: Reference, raw_requests: Sequence[Any]) -> dict[str, Any]:
    """Every request answered; a request that fails answers with its error, the others still run."""
    answers: dict[str, Any] = {}
    for position, raw in enumerate(raw_requests):
        request_id = str(raw.get("id", f"#{position}")) if isinstance(raw, dict) else f"#{position}"
        try:
            if not isinstance(raw, dict):
                raise ValueError("a request is a JSON object")
            result = reference.answer(MetricRequest.parse(raw))
            answers[request_id] = {"columns": result.columns, "rows": result.rows}
        except Exception as e:  # one request's failure, whatever it is, is that request's answer
            answers[request_id] = {"error": _message(e)}
            logger.info("request %s failed: %s", request_id, answers[request_id]["error"])
    return answers


def json_value(cell: Any) -> Any:
    """A result cell as the contract types it: dates as yyyy-mm-dd, decimals as exact strings."""
    if isinstance(cell, Decimal):
        return str(cell)
    if isinstance(cell, dt.datetime):
        # MetricFlow truncates dates with DATE_TRUNC, which yields a timestamp at midnight; the value is a date.
        return cell.date().isoformat() if cell.time() == dt.time() and cell.tzinfo is None else cell.isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, uuid.UUID):
        return str(cell)
    return cell


def run(snapshot: Path, raw_requests: Sequence[Any]) -> dict[str, Any]:
    """Answers the requests on a copy of the snapshot's database, in a temporary directory removed afterwards.

    The copy keeps the file name: DuckDB names the catalog after it, and the manifest's relations name
    that catalog ("analytics"."main"."fct_transactions"). Opened read-only all the same: a query has no
    business writing.
    """
    for name in (DATABASE_FILE, MANIFEST_FILE):
        if not (snapshot / name).is_file():
            raise FileNotFoundError(f"{snapshot / name} does not exist; --snapshot names a snapshot directory")
    with tempfile.TemporaryDirectory(prefix="metricflow-reference-") as directory:
        work_dir = Path(directory)
        semantic_manifest = semantic_manifest_from_dbt_manifest(snapshot / MANIFEST_FILE, work_dir)
        shutil.copyfile(snapshot / DATABASE_FILE, work_dir / DATABASE_FILE)
        connection = duckdb.connect(str(work_dir / DATABASE_FILE), read_only=True)
        try:
            return answer_all(Reference(semantic_manifest, connection), raw_requests)
        finally:
            connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, required=True, help="directory with analytics.duckdb, manifest.json")
    parser.add_argument("--verbose", action="store_true", help="log MetricFlow's SQL of each request to stderr")
    args = parser.parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", force=True
    )
    logger.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    raw_requests = json.load(sys.stdin)
    problem = batch_problem(raw_requests)
    if problem:
        print(f"metricflow_reference: {problem}", file=sys.stderr)
        return 2
    stdout = sys.stdout
    # dbt and MetricFlow may print; stdout must carry the answers only.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            answers = run(args.snapshot, raw_requests)
        except FileNotFoundError as e:
            print(f"metricflow_reference: {e}", file=sys.stderr)
            return 2
    json.dump(answers, stdout)
    stdout.write("\n")
    return 0


def batch_problem(raw_requests: Any) -> str | None:
    """What makes the whole input unanswerable, if anything: answers are keyed by id."""
    if not isinstance(raw_requests, list):
        return "stdin must hold a JSON list of requests"
    ids = [str(raw["id"]) for raw in raw_requests if isinstance(raw, dict) and "id" in raw]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    return f"request ids must be unique; repeated: {', '.join(duplicates)}" if duplicates else None


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(value)


def _date(raw: dict[str, Any], key: str) -> dt.date | None:
    value = raw.get(key)
    return None if value is None else dt.date.fromisoformat(value)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime.combine(day, dt.time())


def _refuse_bind_parameters(parameters: SqlBindParameterSet | None) -> None:
    if parameters is not None and parameters.param_dict:
        raise NotImplementedError(f"bind parameters are not supported here: {dict(parameters.param_dict)}")


def _message(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if not isinstance(error, KeyError) else f"missing field {text}"


if __name__ == "__main__":
    sys.exit(main())
