"""The fake Datadog org behind fake_datadog.py: catalogue, scenario, rendering, paging, faults."""
