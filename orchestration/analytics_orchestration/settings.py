"""Where the refresh reads from and publishes to, from the environment Dagster was started in.

Dagster's run workers inherit that environment, so one `ANALYTICS_*` setting at start-up decides
what every run of the job does (the CI test points it at PostgreSQL and a temporary snapshots dir).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from analytics_orchestration import snapshot

REPO_ROOT = snapshot.REPO_ROOT


@dataclass(frozen=True)
class RefreshSettings:
    dbt_project_dir: Path
    dbt_target: str
    snapshots_dir: Path
    source_file: Path
    postgres_dsn: str
    work_dir: Path
    # Object storage the refresh also publishes to; empty: local only (object_store.py).
    s3_bucket: str = ""
    s3_prefix: str = ""

    @staticmethod
    def from_env() -> RefreshSettings:
        return RefreshSettings(
            dbt_project_dir=_path("ANALYTICS_DBT_PROJECT_DIR", REPO_ROOT / "dbt"),
            dbt_target=os.environ.get("ANALYTICS_DBT_TARGET", "local"),
            snapshots_dir=_path("ANALYTICS_SNAPSHOTS_DIR", REPO_ROOT / "var" / "snapshots"),
            source_file=_path("ANALYTICS_SOURCE_FILE", snapshot.DEFAULT_SOURCE_FILE),
            postgres_dsn=os.environ.get("ANALYTICS_POSTGRES_DSN", snapshot.DEFAULT_POSTGRES_DSN),
            work_dir=_path("ANALYTICS_ORCHESTRATION_WORK_DIR", REPO_ROOT / "build" / "orchestration"),
            s3_bucket=os.environ.get("ANALYTICS_S3_BUCKET", "").strip(),
            s3_prefix=os.environ.get("ANALYTICS_S3_PREFIX", ""),
        )


def _path(variable: str, default: Path) -> Path:
    value = os.environ.get(variable)
    return Path(value).resolve() if value else default
