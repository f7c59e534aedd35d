#!/usr/bin/env python3
"""One client, one request at a time: the latency of playlist operations with nothing queued.

A cross-check of wrk's one-connection runs in bench/playlists.sh: wrk's latency figures there are not
always consistent with its own request count (mean x requests can exceed the run's length), so this
times each request itself, around a keep-alive http.client call, client overhead included (it can only
make the figures worse). Standard library only.

Usage: sequential.py BASE TOKEN PLAYLIST URIS_FILE SIZE SECONDS [OPERATION ...]
Prints one Markdown table row per operation (read, add, reorder, remove by default).
"""
import http.client
import json
import random
import sys
import time
import urllib.parse


def main(base, token, playlist, uris_file, size, seconds, operations):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    with open(uris_file, encoding="utf-8") as lines:
        uris = [line.strip() for line in lines if line.strip()]
    items = f"/v1/playlists/{playlist}/items"

    def request(operation):
        # The same operations as playlists.lua.
        if operation == "read":
            return "GET", f"/v1/playlists/{playlist}/tracks?limit=100&offset={random.randint(0, size - 100)}", None
        if operation == "add":
            return "POST", items, {"uris": [random.choice(uris)], "position": random.randint(0, size)}
        if operation == "reorder":
            return "PUT", items, {"range_start": random.randint(0, size - 10), "range_length": random.randint(1, 10),
                                  "insert_before": random.randint(0, size)}
        if operation == "remove":
            return "DELETE", items, {"positions": [random.randint(0, size // 2 - 1)]}
        raise ValueError("unknown operation " + operation)

    for operation in operations:
        latencies = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            method, path, body = request(operation)
            started = time.perf_counter_ns()
            connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            response = connection.getresponse()
            answer = response.read()
            latencies.append((time.perf_counter_ns() - started) / 1e6)
            if response.status >= 300:
                sys.exit(f"{operation}: {response.status} {answer[:200]!r}")
        latencies.sort()
        n = len(latencies)

        def at(share):
            return latencies[min(n - 1, int(n * share))]

        print(f"| sequential {operation} | {n / seconds:.0f} | {at(0.5):.2f} ms | {at(0.9):.2f} ms | {at(0.99):.2f} ms "
              f"| {latencies[-1]:.1f} ms |")


if __name__ == "__main__":
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6]),
         sys.argv[7:] or ["read", "add", "reorder", "remove"])
