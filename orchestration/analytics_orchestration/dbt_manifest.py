"""The dbt manifest Dagster builds its asset graph from.

Dagster reads the asset graph when it loads the code location, before any build, so the project
is parsed up front into a working directory of its own and parsed again only when a file of the
project has changed since: run workers load the code location too and must not each re-parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

# The dbt of this interpreter's environment, found without relying on an activated venv's PATH.
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))

PROJECT_FILES = ("*.yml", "*.yaml", "*.sql", "*.csv", "*.md")


def prepared_project(project_dir: Path, target: str, work_dir: Path) -> DbtProject:
    project = DbtProject(
        project_dir=project_dir,
        target_path=work_dir / "dbt-parse",
        target=target,
    )
    if _is_stale(project.manifest_path, project_dir):
        cli = DbtCliResource(project_dir=project, target=target, dbt_executable=DBT_EXECUTABLE)
        cli.cli(["parse", "--quiet"], target_path=project.target_path).wait()
    return project


def _is_stale(manifest: Path, project_dir: Path) -> bool:
    if not manifest.exists():
        return True
    parsed_at = manifest.stat().st_mtime
    return any(
        source.stat().st_mtime > parsed_at
        for pattern in PROJECT_FILES
        for source in project_dir.rglob(pattern)
        if not _is_generated(source, project_dir)
    )


def _is_generated(path: Path, project_dir: Path) -> bool:
    relative = path.relative_to(project_dir).parts
    return bool(relative) and relative[0] in {"target", "logs", "dbt_packages"}
