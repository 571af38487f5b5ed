"""Sequential latency of REST endpoints next to the equivalent GraphQL queries, on one keep-alive connection each.

Usage: python scripts/rest-vs-graphql-latency.py PORT TOKEN [REQUESTS]  (a gateway must be running on PORT)
The first 50 requests of each series warm up and are not counted. Standard library only.
"""

import http.client
import json
import statistics
import sys
import time

WARM_UP = 50
RANGE = "start_date=2026-01-01&end_date=2026-03-31"
SERIES = [
    ("REST spending-by-tag", "GET", "/api/analytics/spending-by-tag?" + RANGE, None),
    (
        "GraphQL spendingByTag",
        "POST",
        "/graphql",
        '{ spendingByTag(startDate: "2026-01-01", endDate: "2026-03-31") '
        "{ tagId currency spendingAmount refundAmount netSpendingAmount transactionCount } }",
    ),
    (
        "REST fct_transactions page of 100",
        "GET",
        "/api/analytics/datasets/fct_transactions/query?limit=100&" + RANGE,
        None,
    ),
    (
        "GraphQL fctTransactions page of 100",
        "POST",
        "/graphql",
        '{ fctTransactions(limit: 100, filter: {startDate: "2026-01-01", endDate: "2026-03-31"}) { totalCount nodes '
        "{ transactionId userId accountId bookingDate valueDate amount currency description counterparty status "
        "isTransfer tagIds tagNames } } }",
    ),
]


def measure(port, token, requests, method, path, query):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": "Bearer " + token}
    body = None
    if query is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps({"query": query})
    latencies = []
    for i in range(requests + WARM_UP):
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        if response.status != 200 or (query is not None and b'"errors"' in payload):
            raise SystemExit(f"{method} {path}: {response.status} {payload[:200]!r}")
        if i >= WARM_UP:
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return latencies


def main():
    port, token = int(sys.argv[1]), sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    for name, method, path, query in SERIES:
        latencies = measure(port, token, requests, method, path, query)
        print(
            f"{name:38s} n={requests} median={statistics.median(latencies):.2f} ms "
            f"p95={latencies[int(0.95 * requests)]:.2f} ms p99={latencies[int(0.99 * requests)]:.2f} ms"
        )


if __name__ == "__main__":
    main()
