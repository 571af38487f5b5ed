"""Builds the marts into a fresh DuckDB file and publishes it as an immutable snapshot.

Layout (read by the gateway): <snapshots-dir>/CURRENT holds the published id;
<snapshots-dir>/<id>/{analytics.duckdb, manifest.json, snapshot.json}. A build runs in a hidden
directory inside <snapshots-dir> (same file system, so the final rename is atomic), is verified,
fsynced, renamed into place, and only then does CURRENT switch to it. A failed build or failed
dbt test publishes nothing. snapshot.json records the size and SHA-256 of every other file of the
snapshot ("files"); the gateway serves nothing that does not match them, so a file damaged after
the build (disk, copy, hand edit) is refused instead of failing queries. Old snapshots are never
pruned here: the gateway does that once no request reads them any more.

    python -m analytics_orchestration.snapshot build --target local --snapshots-dir DIR [--source-file F]
    python -m analytics_orchestration.snapshot build --target postgres --snapshots-dir DIR [--postgres-dsn DSN]
    python -m analytics_orchestration.snapshot publish-s3 --snapshots-dir DIR [--id ID] [--s3-bucket B] [--s3-prefix P]

A build starts from a copy of the current snapshot's database when there is one built by the same dbt
project (same project digest in its snapshot.json), and then rebuilds only the users whose source rows
changed (dbt/macros/incremental_by_user.sql); `build --full` (or a Dagster run with full_rebuild)
builds every mart from scratch. Both give the same marts; snapshot.json says which it was ("build").

`build --s3-bucket B` (or ANALYTICS_S3_BUCKET in the environment) also uploads each published snapshot to
s3://B/<prefix>/<id>/ and then moves the CURRENT object there (object_store.py says in which order and why).
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analytics_common.dsn import redact
from analytics_common.duckdb_extensions import attach_postgres, connect, extension_directory, sql_literal
from analytics_common.files import fsync

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
DEFAULT_SOURCE_FILE = REPO_ROOT / "build" / "test" / "source.duckdb"
DEFAULT_POSTGRES_DSN = "host=localhost port=5432 dbname=analytics user=analytics password=analytics"
DATABASE_FILE = "analytics.duckdb"
MANIFEST_FILE = "manifest.json"
METADATA_FILE = "snapshot.json"
CURRENT_FILE = "CURRENT"
# The failed nodes a failed build names (dbt lists every one in the build's run_results.json).
MAX_REPORTED_PROBLEMS = 10
REQUIRED_MARTS = (
    "dim_accounts",
    "dim_tags",
    "fct_transactions",
    "fct_daily_spending_by_tag",
    "fct_daily_balance_history",
    "fct_monthly_trends",
)
# dbt's scratch database for staging and intermediate models; deleted once the marts are built.
WORK_DATABASE_FILE = "work.duckdb"
# Inside <snapshots-dir>, kept between builds: the fixed path dbt builds through (`build`, a link to the
# build's staging directory), the lock that gives it to one build at a time, and the partial parse state
# the last build left.
DBT_STATE_DIR = ".dbt"
PARTIAL_PARSE_FILE = "partial_parse.msgpack"


class SnapshotError(Exception):
    """A build that must not be published; the message says why in one or a few lines."""


class DbtBuildFailed(SnapshotError):
    """dbt built or tested something unsuccessfully; the message lists what, in dbt's words."""


@dataclass(frozen=True)
class BuildRequest:
    target: str
    snapshots_dir: Path
    source_file: Path = DEFAULT_SOURCE_FILE
    postgres_dsn: str = DEFAULT_POSTGRES_DSN
    as_of_date: str | None = None
    project_dir: Path = DBT_PROJECT_DIR
    # False: start from the current snapshot when it can be built on (incremental); True: from scratch.
    full_rebuild: bool = False

    def source_description(self) -> str:
        if self.target == "postgres":
            return f"postgres:{redact(self.postgres_dsn)}"
        return f"duckdb:{self.source_file}"


@dataclass(frozen=True)
class StagedSnapshot:
    id: str
    directory: Path
    snapshots_dir: Path
    project_dir: Path = DBT_PROJECT_DIR


def build_and_publish(request: BuildRequest) -> Path:
    return publish(build(request))


def build(request: BuildRequest, run_dbt: Callable[[BuildRequest, Path], None] | None = None) -> StagedSnapshot:
    """Runs `dbt build` into a new hidden directory and verifies the result; publishes nothing.

    `run_dbt` lets the Dagster job run the build so that it sees every model built; it must write the
    database and target/ into the staging directory, as dbt_build does.
    """
    check_source(request)
    snapshot_id = new_snapshot_id()
    snapshots_dir = request.snapshots_dir.resolve()
    staging = snapshots_dir / f".building-{snapshot_id}"
    staging.mkdir(parents=True)
    try:
        project = project_digest(request.project_dir)
        previous = None if request.full_rebuild else incremental_base(snapshots_dir, project)
        if previous is not None:
            shutil.copyfile(previous / DATABASE_FILE, staging / DATABASE_FILE)
        with _fixed_dbt_path(snapshots_dir, staging) as dbt_directory:
            (run_dbt or dbt_build)(request, dbt_directory)
        manifest = json.loads((staging / "target" / MANIFEST_FILE).read_text())
        verify_database(staging / DATABASE_FILE, dataset_models(manifest))
        shutil.copyfile(staging / "target" / MANIFEST_FILE, staging / MANIFEST_FILE)
        build_summary = {
            "mode": "full" if previous is None else "incremental",
            "previous": None if previous is None else previous.name,
            "project_digest": project,
            **_rebuilt_users(staging),
        }
        _remove_scratch(staging)
        metadata = _metadata(snapshot_id, request, manifest, staging) | {"build": build_summary}
        (staging / METADATA_FILE).write_text(json.dumps(metadata, indent=2) + "\n")
        for path in staging.iterdir():
            fsync(path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedSnapshot(snapshot_id, staging, snapshots_dir, request.project_dir)


@contextmanager
def _fixed_dbt_path(snapshots_dir: Path, staging: Path) -> Iterator[Path]:
    """The staging directory under a path that is the same for every build into `snapshots_dir`.

    dbt parses the whole project again when its profile changed, and the profile holds the database
    paths (3 s of the demo's 12 s build here): through the fixed link, and with the partial parse state
    the last successful build left (dbt_environment passes it), dbt parses only what changed. One build
    at a time holds the link.
    """
    state_dir = snapshots_dir / DBT_STATE_DIR
    state_dir.mkdir(exist_ok=True)
    with (state_dir / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        link = state_dir / "build"
        link.unlink(missing_ok=True)
        link.symlink_to(Path("..") / staging.name, target_is_directory=True)
        try:
            yield link
            parsed = staging / "target" / PARTIAL_PARSE_FILE
            if parsed.is_file():
                state = state_dir / PARTIAL_PARSE_FILE
                temporary = state.with_name(f"{state.name}.{os.getpid()}")
                shutil.copyfile(parsed, temporary)
                os.replace(temporary, state)
        finally:
            link.unlink(missing_ok=True)


def publish(staged: StagedSnapshot) -> Path:
    """Moves a verified build into place, then points CURRENT at it (both atomic renames)."""
    final = staged.snapshots_dir / staged.id
    os.rename(staged.directory, final)
    fsync(staged.snapshots_dir)
    _write_atomically(staged.snapshots_dir / CURRENT_FILE, staged.id + "\n")
    # The manifest of the latest publish also lands where dbt users expect it, in the project built.
    _write_atomically(staged.project_dir / "target" / MANIFEST_FILE, (final / MANIFEST_FILE).read_text())
    return final


def current_snapshot(snapshots_dir: Path) -> Path | None:
    pointer = snapshots_dir / CURRENT_FILE
    if not pointer.exists():
        return None
    return snapshots_dir / pointer.read_text().strip()


def new_snapshot_id(now: dt.datetime | None = None) -> str:
    """Sorts by build time; the random suffix keeps two builds in the same second apart."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


def check_source(request: BuildRequest) -> None:
    if request.target == "local":
        if not request.source_file.is_file():
            raise SnapshotError(f"source file {request.source_file} does not exist (make test-data creates one)")
        return
    if request.target != "postgres":
        raise SnapshotError(f"unknown target {request.target!r}; use local or postgres")
    con = connect()
    try:
        attach_postgres(con, request.postgres_dsn, "src", read_only=True)
        con.execute("SELECT count(*) FROM src.app.transactions").fetchone()
    except duckdb.Error as e:
        first_line = str(e).strip().splitlines()[0]
        raise SnapshotError(
            f"cannot read the source in PostgreSQL at '{redact(request.postgres_dsn)}': {redact(first_line)}"
        ) from None
    finally:
        con.close()


def project_digest(project_dir: Path) -> str:
    """SHA-256 over what decides the marts' rows: the dbt project's models, macros and settings, and the
    DuckDB version (whose hash() the fingerprints use). A snapshot built otherwise is no base to build on."""
    digest = hashlib.sha256(f"duckdb {duckdb.__version__}\n".encode())
    files = [project_dir / "dbt_project.yml"]
    files += sorted(p for folder in ("models", "macros") for p in (project_dir / folder).rglob("*") if p.is_file())
    for path in files:
        digest.update(f"{path.relative_to(project_dir)}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def incremental_base(snapshots_dir: Path, project: str) -> Path | None:
    """The current snapshot if an incremental build can start from it (same project, intact), else None."""
    current = current_snapshot(snapshots_dir)
    if current is None or not (current / METADATA_FILE).is_file() or not (current / DATABASE_FILE).is_file():
        return None
    try:
        metadata = json.loads((current / METADATA_FILE).read_text())
    except ValueError:
        return None
    if metadata.get("build", {}).get("project_digest") != project:
        return None
    # A damaged file would carry its damage into every later snapshot: only one that verifies is a base.
    if metadata.get("files", {}).get(DATABASE_FILE) != file_digest(current / DATABASE_FILE):
        return None
    return current


def _rebuilt_users(staging: Path) -> dict:
    """How many users this build selected again (all of them in a full build), from dbt's scratch database."""
    con = duckdb.connect(str(staging / WORK_DATABASE_FILE), read_only=True)
    try:
        tables = dict(
            con.execute(
                "SELECT table_name, table_schema FROM information_schema.tables"
                " WHERE table_name IN ('int_changed_users', 'int_user_fingerprints')"
            ).fetchall()
        )
        rebuilt, users = (
            con.execute(f'SELECT count(*) FROM "{tables[name]}"."{name}"').fetchone()[0]
            for name in ("int_changed_users", "int_user_fingerprints")
        )
    finally:
        con.close()
    return {"rebuilt_users": rebuilt, "users": users}


def dbt_environment(request: BuildRequest, database: Path) -> dict[str, str]:
    """The variables profiles.yml reads: where to write, what to attach, where extensions live; and where
    the last build's partial parse state is, when there is one (dbt refuses a path that does not exist)."""
    partial_parse = request.snapshots_dir.resolve() / DBT_STATE_DIR / PARTIAL_PARSE_FILE
    return {
        **os.environ,
        "ANALYTICS_DBT_DATABASE": str(database),
        "ANALYTICS_DBT_WORK_DATABASE": str(database.with_name(WORK_DATABASE_FILE)),
        "ANALYTICS_SOURCE_FILE": str(request.source_file.resolve()),
        "ANALYTICS_POSTGRES_DSN": request.postgres_dsn,
        "ANALYTICS_DUCKDB_EXTENSIONS": str(extension_directory()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        **({"DBT_PARTIAL_PARSE_FILE_PATH": str(partial_parse)} if partial_parse.is_file() else {}),
    }


def dataset_models(manifest: dict) -> list[str]:
    return sorted(
        node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"].get("meta", {}).get("dataset")
    )


def verify_database(database: Path, models: list[str]) -> None:
    """Opens the file the way the gateway will (read-only, nothing attached) and checks every mart."""
    missing_in_manifest = sorted(set(REQUIRED_MARTS) - set(models))
    if missing_in_manifest:
        raise SnapshotError(f"manifest declares no dataset for {', '.join(missing_in_manifest)}")
    con = duckdb.connect(str(database), read_only=True)
    try:
        tables = {
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
        problems = [f"{m} is missing" for m in models if m not in tables]
        problems += [
            f"{m} has no rows"
            for m in models
            if m in tables and con.execute(f'SELECT count(*) FROM main."{m}"').fetchone()[0] == 0
        ]
    finally:
        con.close()
    if problems:
        raise SnapshotError("the built database is not publishable: " + "; ".join(problems))


def compare_marts(left: Path, right: Path, marts: Sequence[str] = REQUIRED_MARTS) -> list[str]:
    """Differences between the marts of two databases (row multisets); empty when identical."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_literal(str(left))} AS l (READ_ONLY)")
        con.execute(f"ATTACH {sql_literal(str(right))} AS r (READ_ONLY)")
        differences = []
        for mart in marts:
            only_left, only_right = con.execute(
                f'SELECT (SELECT count(*) FROM (FROM l.main."{mart}" EXCEPT ALL FROM r.main."{mart}")),'
                f'       (SELECT count(*) FROM (FROM r.main."{mart}" EXCEPT ALL FROM l.main."{mart}"))'
            ).fetchone()
            if only_left or only_right:
                differences.append(f"{mart}: {only_left} rows only in {left}, {only_right} only in {right}")
        return differences
    finally:
        con.close()


def dbt_build_args(request: BuildRequest, staging: Path) -> list[str]:
    """dbt's arguments for a build writing its database, artifacts and logs into `staging`."""
    args = [
        "build",
        "--project-dir",
        str(request.project_dir),
        "--profiles-dir",
        str(request.project_dir),
        "--target",
        request.target,
        "--target-path",
        str(staging / "target"),
        "--log-path",
        str(staging / "logs"),
    ]
    if request.as_of_date:
        args += ["--vars", json.dumps({"as_of_date": request.as_of_date})]
    return args


def dbt_build(request: BuildRequest, staging: Path, on_event: Callable[[object], None] | None = None) -> None:
    """Runs `dbt build` into `staging` in this process, through dbt's Python API; raises DbtBuildFailed.

    Not the `dbt` command: a second interpreter importing dbt cost about 2 s of every build, and the
    Dagster run has dbt imported already. `on_event` gets each of dbt's events (on dbt's threads).
    dbt is imported here, not with this module, so the CLI's other commands start without it.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    from dbt.cli.main import dbtRunner

    with _environment(dbt_environment(request, staging / DATABASE_FILE)):
        try:
            outcome = dbtRunner(callbacks=[on_event] if on_event else []).invoke(dbt_build_args(request, staging))
        finally:
            # dbt-duckdb keeps its database open for a next invocation in this process, and DuckDB lets
            # nobody open the file read-only (verify_database, next) while it is held for writing.
            DuckDBConnectionManager.close_all_connections()
    if not outcome.success:
        raise DbtBuildFailed(_failure_summary(_run_results(staging / "target"), outcome.exception))


def _run_results(target_path: Path) -> dict:
    try:
        return json.loads((target_path / "run_results.json").read_text())
    except (OSError, ValueError):
        return {}


def _failure_summary(run_results: dict, exception: BaseException | None) -> str:
    problems = [
        f"{result['unique_id']}: {result['status']}"
        + (f" ({_first_line(result['message'])})" if result.get("message") else "")
        for result in run_results.get("results", [])
        if result.get("status") in ("error", "fail", "runtime error")
    ]
    if not problems:
        reason = " ".join(str(exception).split())[:500] if exception else "no model ran; see dbt's output above"
        return f"dbt build failed: {reason}."
    shown = problems[:MAX_REPORTED_PROBLEMS]
    more = len(problems) - len(shown)
    return "dbt build failed: " + "; ".join(shown) + (f"; and {more} more" if more else "") + "."


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


@contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """dbt reads profiles.yml's paths from this process's environment; the process's own is restored after."""
    saved = dict(os.environ)
    os.environ.update(variables)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _remove_scratch(staging: Path) -> None:
    # DuckDB's spill directories (<database>.tmp) are normally gone once dbt closes its connection.
    for directory in ("target", "logs", f"{DATABASE_FILE}.tmp", f"{WORK_DATABASE_FILE}.tmp"):
        shutil.rmtree(staging / directory, ignore_errors=True)
    for file in (WORK_DATABASE_FILE, f"{WORK_DATABASE_FILE}.wal"):
        (staging / file).unlink(missing_ok=True)


def _metadata(snapshot_id: str, request: BuildRequest, manifest: dict, staging: Path) -> dict:
    return {
        "id": snapshot_id,
        "built_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dbt_version": manifest["metadata"]["dbt_version"],
        "target": request.target,
        "source": request.source_description(),
        "files": {
            path.name: file_digest(path)
            for path in sorted(staging.iterdir())
            if path.is_file() and path.name != METADATA_FILE
        },
    }


def file_digest(path: Path) -> dict:
    """Size and SHA-256 of a file, read in 1 MiB chunks (about 0.2 s per 100 MB here)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    temporary.write_text(text)
    fsync(temporary)
    os.replace(temporary, path)
    fsync(path.parent)


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an ISO date like 2026-10-31, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics_orchestration.snapshot", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build the marts with dbt and publish them as a snapshot")
    build_cmd.add_argument("--target", choices=("local", "postgres"), default="local")
    build_cmd.add_argument("--snapshots-dir", type=Path, required=True)
    build_cmd.add_argument("--source-file", type=Path, default=DEFAULT_SOURCE_FILE)
    build_cmd.add_argument("--postgres-dsn", default=os.environ.get("ANALYTICS_POSTGRES_DSN", DEFAULT_POSTGRES_DSN))
    build_cmd.add_argument(
        "--as-of-date", type=_iso_date, help="last day of the balance histories (default: latest day in the source)"
    )
    build_cmd.add_argument(
        "--full",
        action="store_true",
        help="build every mart from scratch (default: only the changed users', on a copy of the current snapshot)",
    )
    build_cmd.add_argument(
        "--project-dir",
        type=Path,
        default=DBT_PROJECT_DIR,
        help="the dbt project to build (default: dbt/ of this repository)",
    )
    _s3_arguments(build_cmd, "then also upload it to this bucket and move CURRENT there (default: no upload)")
    s3_cmd = commands.add_parser(
        "publish-s3", help="upload a published local snapshot to S3-compatible object storage, then move CURRENT there"
    )
    s3_cmd.add_argument("--snapshots-dir", type=Path, required=True)
    s3_cmd.add_argument("--id", help="the snapshot to upload (default: the one the local CURRENT names)")
    _s3_arguments(s3_cmd, "the bucket to publish to (required here, or in ANALYTICS_S3_BUCKET)")
    compare_cmd = commands.add_parser("compare", help="check that the current snapshots of two dirs hold equal marts")
    compare_cmd.add_argument("snapshots_dirs", type=Path, nargs=2)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return _compare_current(*args.snapshots_dirs)
    if args.command == "publish-s3":
        return _publish_s3(args.snapshots_dir, args.id, args.s3_bucket, args.s3_prefix)
    request = BuildRequest(
        args.target,
        args.snapshots_dir,
        args.source_file,
        args.postgres_dsn,
        args.as_of_date,
        args.project_dir.resolve(),
        args.full,
    )
    try:
        published = build_and_publish(request)
    except SnapshotError as e:
        print(f"snapshot: nothing was published: {e}", file=sys.stderr)
        return 1
    build_summary = json.loads((published / METADATA_FILE).read_text())["build"]
    print(
        f"snapshot: published {published.name} at {published} ({build_summary['mode']} build, "
        f"{build_summary['rebuilt_users']} of {build_summary['users']} users rebuilt)"
    )
    if args.s3_bucket:
        return _publish_s3(published.parent, published.name, args.s3_bucket, args.s3_prefix)
    return 0


def _s3_arguments(command: argparse.ArgumentParser, bucket_help: str) -> None:
    command.add_argument("--s3-bucket", default=os.environ.get("ANALYTICS_S3_BUCKET", ""), help=bucket_help)
    command.add_argument(
        "--s3-prefix", default=os.environ.get("ANALYTICS_S3_PREFIX", ""), help="key prefix inside the bucket"
    )


def _publish_s3(snapshots_dir: Path, snapshot_id: str | None, bucket: str, prefix: str) -> int:
    # Imported here: boto3 loads only when something is uploaded (and object_store itself imports this module).
    from analytics_orchestration import object_store

    if not bucket:
        print("snapshot: no bucket: pass --s3-bucket or set ANALYTICS_S3_BUCKET", file=sys.stderr)
        return 2
    directory = snapshots_dir / snapshot_id if snapshot_id else current_snapshot(snapshots_dir)
    if directory is None or not directory.is_dir():
        print(f"snapshot: no snapshot {snapshot_id or '(CURRENT)'} in {snapshots_dir}", file=sys.stderr)
        return 1
    location = object_store.S3Location(bucket, prefix)
    try:
        object_store.publish_to_s3(directory, location)
    except SnapshotError as e:
        print(f"snapshot: {e}", file=sys.stderr)
        return 1
    print(f"snapshot: uploaded {directory.name} to {location.url(directory.name)} and moved {location.url('CURRENT')}")
    return 0


def _compare_current(left_dir: Path, right_dir: Path) -> int:
    left, right = current_snapshot(left_dir), current_snapshot(right_dir)
    if left is None or right is None:
        print(f"snapshot: nothing published in {left_dir if left is None else right_dir}", file=sys.stderr)
        return 1
    differences = compare_marts(left / DATABASE_FILE, right / DATABASE_FILE)
    for line in differences:
        print(f"snapshot: {line}", file=sys.stderr)
    if not differences:
        print(f"snapshot: the marts of {left.name} and {right.name} are identical")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
