#!/usr/bin/env python3
"""Sends N webhook events, one after another as Datadog's deliveries of one monitor arrive, through the
emulator's Invoke API in the Function URL event shape; prints events/s and per-event latency as JSON."""
import argparse
import http.client
import json
import statistics
import time

TEMPLATE = {
    "monitor_id": "126239710", "alert_cycle_key": "7147706474715000001", "transition": "Triggered",
    "alert_type": "error", "priority": "P2", "alert_title": "[P2][DB] Aurora MySQL CPU too high on dbinstanceidentifier:argos-prd-1",
    "event_title": "[Triggered] [P2][DB] Aurora MySQL CPU too high", "scope": "dbinstanceidentifier:argos-prd-1",
    "metric": "aws.rds.cpuutilization", "query": "avg(last_5m):avg:aws.rds.cpuutilization{team:argos} by {dbinstanceidentifier} > 80",
    "event_type": "query_alert_monitor", "tags": "monitor, team:argos, monitor:DB-MySQL-CPU-TooHigh-01, env:prd",
    "link": "https://app.datadoghq.com/monitors/126239710", "org_id": "123456", "org_name": "Argos Operations",
    "text_only_msg": "CPU above 80% for 5 minutes. Check the slow query log and the connection count.",
}


def event(index, token, run):
    body = dict(TEMPLATE, id=str(7_000_000_000_000_000_000 + run * 100_000 + index), date=str(1_795_480_200_000 + index * 1000))
    return json.dumps({
        "version": "2.0", "rawPath": "/", "headers": {"content-type": "application/json", "x-ops-webhook-token": token},
        "requestContext": {"http": {"method": "POST", "path": "/", "sourceIp": "198.51.100.7"}},
        "body": json.dumps(body), "isBase64Encoded": False,
    })


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--function", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--token", default="")
    parser.add_argument("--run", type=int, default=0)
    args = parser.parse_args()
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    path = f"/2015-03-31/functions/{args.function}/invocations"
    latencies, failures = [], 0
    for index in range(args.warmup + args.count):
        payload = event(index, args.token, args.run)
        started = time.perf_counter()
        connection.request("POST", path, payload, {"content-type": "application/json"})
        response = connection.getresponse()
        answer = response.read()
        elapsed = time.perf_counter() - started
        ok = response.status == 200 and not response.getheader("x-amz-function-error") and b'"statusCode": 200' in answer.replace(b'"statusCode":200', b'"statusCode": 200')
        if index >= args.warmup:
            latencies.append(elapsed)
            failures += 0 if ok else 1
    latencies.sort()
    total = sum(latencies)
    print(json.dumps({
        "events": len(latencies), "failures": failures, "eventsPerSecond": len(latencies) / total,
        "p50Ms": statistics.median(latencies) * 1000, "p99Ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }))


if __name__ == "__main__":
    main()
