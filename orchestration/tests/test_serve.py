"""serve starts a real Dagster on loopback and stops all of it on SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

JOBS_QUERY = json.dumps(
    {"query": "{ repositoriesOrError { ... on RepositoryConnection { nodes { jobs { name } } } } }"}
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def jobs(port: int) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=JOBS_QUERY.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def descendants(pid: int) -> set[int]:
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children |= {int(entry.name)} | descendants(int(entry.name))
    return children


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_serves_the_refresh_job_on_loopback_and_stops_everything_on_sigterm(tmp_path):
    port = free_port()
    # Started the way a shell starts a background job: SIGINT ignored, which dagster dev would copy to SIGTERM.
    server = subprocess.Popen(
        [sys.executable, "-m", "analytics_orchestration.serve", "--port", str(port), "--home", str(tmp_path / "home")],
        env={
            **os.environ,
            "ANALYTICS_SNAPSHOTS_DIR": str(tmp_path / "snapshots"),
            "ANALYTICS_ORCHESTRATION_WORK_DIR": str(tmp_path / "work"),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        deadline = time.monotonic() + 180
        listed = ""
        while time.monotonic() < deadline and '"analytics_refresh"' not in listed:
            assert server.poll() is None, "Dagster exited while starting"
            try:
                listed = jobs(port)
            except OSError:
                time.sleep(1)
        assert '"analytics_refresh"' in listed
        assert (tmp_path / "home" / "dagster.yaml").read_text().count("max_concurrent_runs: 1") == 1
        started = descendants(server.pid)
        assert started, "dagster dev runs its webserver and daemon as child processes"

        server.send_signal(signal.SIGTERM)
        server.wait(timeout=150)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(alive(pid) for pid in started):
            time.sleep(1)
        assert not [pid for pid in started if alive(pid)]
    finally:
        if server.poll() is None:
            for pid in descendants(server.pid):
                os.kill(pid, signal.SIGKILL)
            server.kill()
