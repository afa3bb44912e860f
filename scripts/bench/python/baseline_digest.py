#!/usr/bin/env python3
"""Baseline for the digest benchmark: the same digests (window and local day) and an HTML alert table in plain Python, the way a
2023-style Python Lambda would do it. `compute N` generates digest-bench's storm in memory; `read ENDPOINT
TABLE` reads the 09:00 Seoul window from DynamoDB with boto3 (every page of both local days) first.
Prints JSON: seconds, alerts, max RSS."""
import html
import json
import resource
import statistics
import sys
import time

WINDOW_START = 1_795_518_000_000
WINDOW_END = 1_795_564_800_000
DAY_START = 1_795_532_400_000  # 2026-11-25 00:00 in Seoul
CATEGORY = {"triggered": "triggered", "re-triggered": "triggered", "renotify": "triggered", "warn": "warn",
            "no data": "no data", "recovered": "recovered"}


def storm(count):
    for n in range(count):
        yield {"event_time": WINDOW_START + n * 2_340, "monitor_id": str(10_000 + n % 400), "priority": n % 5 + 1,
               "transition": "triggered" if n % 800 < 400 else "recovered", "alert_title": f"[P{n % 5 + 1}] Storm <{n % 400}>",
               "scope": f"host:s{n % 400}", "metric": "system.cpu.user", "is_test": False}


def read(endpoint, table):
    import boto3
    client = boto3.client("dynamodb", endpoint_url=endpoint)
    for day in ("2026-11-24", "2026-11-25"):
        arguments = {"TableName": table, "IndexName": "by_day", "KeyConditionExpression": "#d = :d",
                     "ExpressionAttributeNames": {"#d": "day"}, "ExpressionAttributeValues": {":d": {"S": day}}}
        while True:
            page = client.query(**arguments)
            for item in page["Items"]:
                yield {"event_time": int(item["event_time"]["N"]), "monitor_id": item.get("monitor_id", {}).get("S"),
                       "priority": int(item["priority"]["N"]) if "priority" in item else None,
                       "transition": item["transition"]["S"], "alert_title": item.get("alert_title", {}).get("S", ""),
                       "scope": item.get("scope", {}).get("S", ""), "metric": item.get("metric", {}).get("S", ""),
                       "is_test": item.get("is_test", {}).get("BOOL", False)}
            if "LastEvaluatedKey" not in page:
                break
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def digest(alerts, start, end):
    alerts = sorted((a for a in alerts if start <= a["event_time"] < end and not a["is_test"]), key=lambda a: a["event_time"])
    counts, open_episodes, closed, activity, last = {}, {}, [], {}, {}
    for alert in alerts:
        category = CATEGORY.get(alert["transition"], "other")
        counts[(alert["priority"], category)] = counts.get((alert["priority"], category), 0) + 1
        key = f"{alert['monitor_id']}|{alert['scope']}"
        if category == "recovered":
            if key in open_episodes:
                closed.append(alert["event_time"] - open_episodes.pop(key))
        else:
            open_episodes.setdefault(key, alert["event_time"])
        entry = activity.setdefault(alert["monitor_id"], [0, 0])
        entry[0] += 1
        if last.get(alert["monitor_id"]) != category:
            entry[1] += 1
        last[alert["monitor_id"]] = category
    rows = "".join(
        f"<tr><td>{a['event_time']}</td><td>{html.escape(a['monitor_id'] or '')}</td><td>{html.escape(a['alert_title'])}</td>"
        f"<td>P{a['priority']}</td><td>{html.escape(a['transition'])}</td><td>{html.escape(a['scope'])}</td>"
        f"<td>{html.escape(a['metric'])}</td></tr>" for a in alerts)
    return {"alerts": len(alerts), "episodes": len(closed) + len(open_episodes),
            "median_ms": statistics.median(closed) if closed else None,
            "flapping": sum(1 for total, transitions in activity.values() if transitions >= 4),
            "noisy": sorted(activity, key=lambda m: -activity[m][0])[:10], "html_bytes": len(rows)}


def main():
    started = time.perf_counter()
    alerts = list(storm(int(sys.argv[2]))) if sys.argv[1] == "compute" else list(read(sys.argv[2], sys.argv[3]))
    if sys.argv[1] == "compute":
        started = time.perf_counter()
    result = digest(alerts, WINDOW_START, WINDOW_END)
    result["day_alerts"] = digest(alerts, DAY_START, WINDOW_END)["alerts"]
    result["seconds"] = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["maxRSSKB"] = usage.ru_maxrss
    result["cpuSeconds"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(result))


if __name__ == "__main__":
    main()
