"""The 2023 daily-check's Datadog work, for the check benchmark: one GET /api/v1/monitor/{id} per monitor,
one after another (with requests, as it did), for the monitors a listing returns."""
import json
import sys
import time

import requests

base, api_key, app_key = sys.argv[1:4]
headers = {"DD-API-KEY": api_key, "DD-APPLICATION-KEY": app_key}
started = time.perf_counter()
monitors = requests.get(f"{base}/api/v1/monitor", params={"monitor_tags": "team:argos"}, headers=headers, timeout=30).json()
selected = [m for m in monitors if m.get("priority") in (1, 2)]
states = [requests.get(f"{base}/api/v1/monitor/{m['id']}", headers=headers, timeout=30).status_code for m in selected]
print(json.dumps({"monitors": len(selected), "seconds": time.perf_counter() - started}))
