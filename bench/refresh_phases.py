"""Launches the refresh job through Dagster's GraphQL API, as the gateway does, and times its phases.

    .venv/bin/python bench/refresh_phases.py [--dagster http://127.0.0.1:3070] [--runs 3]

Per run, from Dagster's own event timestamps: launchRun's answer, the wait for the run worker (queue,
process start, code location load), the worker's set-up until dbt starts, the dbt build, publishing
(verify, checksums, rename), Dagster reporting the models' events, and the end of the run; with the
load average, since the machine is shared. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.request
import uuid

LAUNCH = """
mutation ($selector: JobOrPipelineSelector!, $tags: [ExecutionTag!]!) {
  launchRun(executionParams: {selector: $selector, executionMetadata: {tags: $tags}}) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on Error { message }
  }
}
"""
STATUS = "query ($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"
EVENTS = """
query ($id: ID!) {
  runOrError(runId: $id) { ... on Run { creationTime endTime } }
  logsForRun(runId: $id) { ... on EventConnection { events { __typename ... on MessageEvent { timestamp message } } } }
}
"""
SELECTOR = {"repositoryLocationName": "analytics", "repositoryName": "__repository__", "jobName": "analytics_refresh"}


def graphql(url: str, document: str, variables: dict) -> dict:
    request = urllib.request.Request(
        url, json.dumps({"query": document, "variables": variables}).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)["data"]


def one_run(url: str) -> str:
    started = time.monotonic()
    tags = [{"key": "analytics/refresh-id", "value": str(uuid.uuid4())}]
    launched = graphql(url, LAUNCH, {"selector": SELECTOR, "tags": tags})["launchRun"]
    answered = time.monotonic() - started
    if launched["__typename"] != "LaunchRunSuccess":
        raise SystemExit(f"launch failed: {launched}")
    run_id = launched["run"]["runId"]
    while (status := graphql(url, STATUS, {"id": run_id})["runOrError"]["status"]) not in (
        "SUCCESS",
        "FAILURE",
        "CANCELED",
    ):
        time.sleep(0.2)
    total = time.monotonic() - started
    return f"{status}: launch answered {answered:.1f} s, launch to end {total:.1f} s; {phases(url, run_id)}"


def phases(url: str, run_id: str) -> str:
    data = graphql(url, EVENTS, {"id": run_id})
    created = float(data["runOrError"]["creationTime"])
    events = [
        (float(event["timestamp"]) / 1000 - created, event["__typename"], event.get("message") or "")
        for event in data["logsForRun"]["events"]
        if "timestamp" in event
    ]

    def first(kind: str = "", message: str = "") -> float:
        return next(t for t, k, m in events if (not kind or k == kind) and m.startswith(message))

    enqueued, worker = first("RunEnqueuedEvent"), first("RunStartEvent")
    dbt_start, dbt_end = first(message="Running dbt"), first(message="Finished dbt")
    published, step_end = first(message="Published snapshot"), first("ExecutionStepSuccessEvent")
    end = float(data["runOrError"]["endTime"]) - created
    return (
        f"run created to enqueued {enqueued:.1f} s, to worker started {worker - enqueued:.1f}, "
        f"to dbt {dbt_start - worker:.1f}, dbt {dbt_end - dbt_start:.1f}, publish {published - dbt_end:.1f}, "
        f"events {step_end - published:.1f}, end {end - step_end:.1f} ({len(events)} events)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dagster", default="http://127.0.0.1:3070")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for _ in range(args.runs):
        with open("/proc/loadavg") as load:
            before = load.read().split()[0]
        print(f"load {before}: {one_run(args.dagster.rstrip('/') + '/graphql')}", flush=True)


if __name__ == "__main__":
    main()
