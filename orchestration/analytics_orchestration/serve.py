"""Starts Dagster (webserver and daemon) on loopback for the gateway's refresh mutation.

`python -m analytics_orchestration.serve --port 3070 --home var/dagster` writes the instance
configuration into the Dagster home and then becomes `dagster dev`, which stops its webserver
and daemon when it receives SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

ORCHESTRATION_DIR = Path(__file__).resolve().parents[1]

# Telemetry off (the machine has no network); the queue runs one refresh at a time, so even a
# launch that slips past the gateway's single-flight check waits instead of building alongside.
INSTANCE_YAML = """\
telemetry:
  enabled: false
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    max_concurrent_runs: 1
    dequeue_interval_seconds: 1
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3070)
    parser.add_argument("--home", type=Path, required=True, help="Dagster home (instance storage)")
    args = parser.parse_args(argv)

    home = args.home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    os.environ["DAGSTER_HOME"] = str(home)

    # A shell starts background jobs with SIGINT ignored, and dagster dev handles SIGTERM the way it
    # finds SIGINT handled: restored, SIGTERM stops its webserver and daemon instead of being ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    dagster = Path(sys.executable).with_name("dagster")
    os.chdir(ORCHESTRATION_DIR)
    os.execv(
        str(dagster),
        [
            str(dagster),
            "dev",
            "--workspace",
            str(ORCHESTRATION_DIR / "workspace.yaml"),
            "--host",
            args.host,
            "--port",
            str(args.port),
        ],
    )


if __name__ == "__main__":
    main()
