"""Synthetic monitors: the other teams' noise, and large catalogues for scale tests.

Both are seeded, so a given request always yields the same org.
"""

import random

from .catalogue import MonitorDef, monitor_id

NOISE_TEAM = "service-red-team"
NOISE_PROCESSES = ["nginx", "sshd", "crond", "java", "node", "redis-server", "haproxy",
                   "td-agent", "chronyd", "kubelet", "containerd", "postgres"]

# Matches the real catalogue's priority mix (P1 9, P2 35, P3 12, P4 5, P5 18).
DEFAULT_PRIORITY_MIX = {1: 9, 2: 35, 3: 12, 4: 5, 5: 18}

# Per tower: (service tag, metric, group-by tag) used to make plausible queries.
TOWER_SHAPES = {
    "System": ("ec2", "system.cpu.user", "host"),
    "Container": ("eks", "kubernetes.cpu.usage.total", "kube_namespace"),
    "DB": ("rds", "aws.rds.cpuutilization", "dbinstanceidentifier"),
    "Network": ("tgw", "aws.transitgateway.packet_drop_count_no_route", "transitgateway"),
    "CSP": ("msk", "aws.kafka.sum_offset_lag", "consumer_group"),
}


def noise_monitors(count, taken, seed=185):
    """Other teams' monitors: mostly P1 process alerts, as in the real org."""
    rng = random.Random(seed)
    monitors = []
    for index in range(count):
        process = NOISE_PROCESSES[index % len(NOISE_PROCESSES)]
        priority = rng.choices([1, 3, None], weights=[85, 10, 5])[0]
        key = f"RED-PROC-{index + 1:03d}"
        prefix = f"[P{priority}] " if priority is not None else ""
        monitors.append(MonitorDef(
            key=key,
            id=monitor_id(key, taken),
            name=f"{prefix}Process {process} down on {{{{host.name}}}}",
            type="process alert",
            query=(f"processes('{process}').over('env:prd','role:red-{index % 7}')"
                   f".by('host').rollup('count').last('5m') < 1"),
            message=f"{process} is not running on {{{{host.name}}}}. @pagerduty-red-team",
            tags=(f"team:{NOISE_TEAM}", f"service:{process}", "env:prd"),
            priority=priority,
            multi=True,
            thresholds={"critical": 1, "ok": 1},
        ))
    return monitors


def generated_catalogue(count, priority_mix=None, seed=1000):
    """`count` catalogue entries (catalogue-file schema) spread over the five towers."""
    problem = ValueError("priority_mix maps priorities 1..5 to non-negative weights")
    if not isinstance(priority_mix or {}, dict) or type(seed) is not int:
        raise ValueError("priority_mix is an object and seed an integer")
    try:
        mix = {int(p): float(w) for p, w in (priority_mix or DEFAULT_PRIORITY_MIX).items()}
    except (TypeError, ValueError):
        raise problem from None
    if any(p not in range(1, 6) or not w >= 0 for p, w in mix.items()) or not sum(mix.values()) > 0:
        raise problem
    rng = random.Random(seed)
    priorities = rng.choices(list(mix), weights=list(mix.values()), k=count)
    towers = list(TOWER_SHAPES)
    entries = []
    for index, priority in enumerate(priorities):
        tower = towers[index % len(towers)]
        service, metric, group = TOWER_SHAPES[tower]
        critical = rng.choice([80, 90, 95])
        entries.append({
            "key": f"GEN-{tower}-{service.upper()}-Check-{index + 1:04d}",
            "priority": priority,
            "tower": tower,
            "title": f"{metric} high on {{{{{group}.name}}}} (#{index + 1})",
            "type": "query alert",
            "query": f"avg(last_5m):avg:{metric}{{env:prd}} by {{{group}}} >= {critical}",
            "message": f"{metric} above {critical}. @webhook-alert_collect",
            "thresholds": {"critical": critical, "warning": critical - 10},
            "tags": [f"service:{service}", f"P{priority}"],
            "multi": True,
            "options": {"renotify_interval": 60},
        })
    return entries
