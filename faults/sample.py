#!/usr/bin/env python3
"""Samples each service's memory and every queue's depth while the soak runs, then judges them flat or not.

  sample.py RUN_DIR SECONDS [INTERVAL]

Every INTERVAL seconds (default 20) it reads the resident memory of each service (RUN_DIR/<Name>.pid, /proc) and the
depth of every queue (RabbitMQ's management API on RABBITMQ_MGMT_PORT, administrator coordination/coordination).
After SECONDS it prints one line per service and one for the queues:
  soak memory <Name>: <first after warm-up> MiB -> <last> MiB (+x %), flat|growing
  soak queues: deepest <n> messages, at the end <n>, flat|growing
Warm-up is the first third of the samples; flat means the last third's mean is under 10 % above the middle third's
(a queue total under 500 messages counts as flat whatever its trend: the load itself keeps some in flight).
"""
import base64
import json
import os
import sys
import time
import urllib.request

SERVICES = ["Directory", "Intake", "Assignment", "LegalDiversion", "JointMeeting", "Reporting"]


def rss_mib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def queue_total():
    port = os.environ.get("RABBITMQ_MGMT_PORT", "15672")
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/queues/%2F?columns=name,messages")
    req.add_header("Authorization", "Basic " + base64.b64encode(b"coordination:coordination").decode())
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return sum(q.get("messages", 0) or 0 for q in json.load(r) if not q["name"].endswith("_error"))
    except Exception:
        return None


def verdict(values):
    values = [v for v in values if v is not None]
    if len(values) < 6:
        return None, "too few samples"
    third = len(values) // 3
    middle, last = values[third:2 * third], values[2 * third:]
    before, after = sum(middle) / len(middle), sum(last) / len(last)
    growth = (after - before) / before * 100 if before else 0.0
    return growth, "flat" if growth < 10 else "growing"


def main(run_dir, seconds, interval):
    pids = {}
    for name in SERVICES:
        try:
            pids[name] = int(open(os.path.join(run_dir, f"{name}.pid")).read().strip())
        except (OSError, ValueError):
            pass
    memory = {name: [] for name in pids}
    queues = []
    end = time.time() + seconds
    while time.time() < end:
        for name, pid in pids.items():
            memory[name].append(rss_mib(pid))
        queues.append(queue_total())
        time.sleep(interval)
    for name, values in memory.items():
        growth, word = verdict(values)
        seen = [v for v in values if v is not None]
        if growth is None or not seen:
            print(f"soak memory {name}: {word}")
            continue
        start = seen[len(seen) // 3]
        print(f"soak memory {name}: {start:.0f} MiB -> {seen[-1]:.0f} MiB ({growth:+.1f} %), {word}")
    seen = [q for q in queues if q is not None]
    growth, word = verdict(queues)
    if seen and max(seen) < 500:
        word = "flat"
    print(f"soak queues: deepest {max(seen) if seen else '?'} messages, at the end {seen[-1] if seen else '?'}, {word}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 20)
