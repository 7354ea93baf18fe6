#!/usr/bin/env python3
"""Counts one scenario's cases from the databases (no driver needed: psql) and RabbitMQ's management API.

  ledger.py parked                                  messages now in *_error queues (total)
  ledger.py recover SINCE FAULT_END TIMEOUT OUT
      beside the load, from the fault's end: polls until every case registered before FAULT_END (epoch seconds) is
      applied, and writes the seconds that took to OUT ("-" if not within TIMEOUT)
  ledger.py settle NAME SINCE TIMEOUT PARKED_BEFORE RECOVERED_FILE
      after the load: polls until every case Intake registered since SINCE is applied (or TIMEOUT seconds pass),
      then prints: fault NAME: sent N, applied N, lost L, duplicated D, unexpected U, parked P, recovered in S s

sent        petitions Intake recorded since SINCE (the bench's marker "(bench n)" in the summary)
applied     of those, a new case: an assignment in Assignment and both PetitionRegistered and CaseAssigned in Reporting;
            a repeat (Intake linked it to an earlier case, 重信重访, and opened none): its PetitionLinkedAsRepeat entry
            in Reporting's timeline (the generator's random petitioners sometimes match an earlier one's matter)
lost        sent - applied after settling
duplicated  sent cases with more than one assignment row, or more than one PetitionRegistered/CaseAssigned entry;
            repeats linked more than once
unexpected  cases in Assignment (registered since SINCE) or Reporting (entries since SINCE) that Intake never opened
            (a repeat that became a case of its own counts here)
parked      growth of the *_error queues during the scenario
recovered   seconds from the fault's end until every case registered before it was applied ("-" if not within
            TIMEOUT): the backlog the fault left, not the rest of the load window
"""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.request

PG = ["psql", "-h", os.environ.get("PG_HOST", "127.0.0.1"), "-p", os.environ.get("PG_PORT", "5432"),
      "-U", os.environ.get("PG_USER", "coordination"), "-qtAX", "-F", "|"]
ENV = dict(os.environ, PGPASSWORD=os.environ.get("PG_PASSWORD", "coordination"), PGCONNECT_TIMEOUT="5")


def rows(db, sql):
    out = subprocess.run(PG + ["-d", db, "-c", sql], env=ENV, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return [line.split("|") for line in out.stdout.splitlines() if line]


def snapshot(since, until=None):
    """With until, only the cases Intake registered before it (what recover watches while the load goes on)."""
    since_sql = "'" + since.replace("'", "") + "'::timestamptz"
    until_sql = "" if until is None else f' AND "RegisteredAt" < to_timestamp({float(until)})'
    own, repeats = set(), set()
    for pid, outcome in rows("coordination_intake",
            f'SELECT "Id", "Outcome" FROM petitions WHERE "RegisteredAt" >= {since_sql}{until_sql} AND "Summary" LIKE \'%(bench %\''):
        (repeats if outcome == "repeat" else own).add(pid)
    sent = own | repeats
    assigned = {r[0]: int(r[1]) for r in rows("coordination_assignment",
        f'SELECT c."Id", count(a."Id") FROM cases c LEFT JOIN assignments a ON a."CaseId" = c."Id" '
        f'WHERE c."RegisteredAt" >= {since_sql} GROUP BY c."Id"')}
    timeline = {}
    for case_id, kind, n in rows("coordination_reporting",
            f'SELECT "CaseId", "Kind", count(*) FROM timeline_entries WHERE "OccurredAt" >= {since_sql} '
            f'AND "Kind" IN (\'PetitionRegistered\', \'CaseAssigned\') GROUP BY 1, 2'):
        timeline.setdefault(case_id, {})[kind] = int(n)
    # A repeat is on its earlier case's timeline; the entry names the repeat's registration id.
    linked = {}
    for (registration,) in rows("coordination_reporting",
            f'SELECT substring("Detail" from \'^repeat petition ([0-9a-f-]{{36}})\') FROM timeline_entries '
            f'WHERE "OccurredAt" >= {since_sql} AND "Kind" = \'PetitionLinkedAsRepeat\''):
        linked[registration] = linked.get(registration, 0) + 1
    applied = {c for c in own if assigned.get(c, 0) >= 1
               and timeline.get(c, {}).get("PetitionRegistered", 0) >= 1 and timeline.get(c, {}).get("CaseAssigned", 0) >= 1}
    applied |= {r for r in repeats if linked.get(r, 0) >= 1}
    duplicated = {c for c in own if assigned.get(c, 0) > 1 or any(n > 1 for n in timeline.get(c, {}).values())}
    duplicated |= {r for r in repeats if linked.get(r, 0) > 1}
    unexpected = (set(assigned) | set(timeline)) - own
    unexpected |= set(linked) - repeats
    return sent, applied, duplicated, unexpected


def parked():
    port = os.environ.get("RABBITMQ_MGMT_PORT", "15672")
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/queues/%2F?columns=name,messages")
    req.add_header("Authorization", "Basic " + base64.b64encode(b"coordination:coordination").decode())
    with urllib.request.urlopen(req, timeout=10) as r:
        return sum(q.get("messages", 0) or 0 for q in json.load(r) if q["name"].endswith("_error"))


def parked_or_none():
    for _ in range(30):
        try:
            return parked()
        except Exception:  # RabbitMQ restarting: ask again
            time.sleep(2)
    return None


def recover(since, fault_end, timeout, out):
    """Runs beside the load after the fault: seconds from the fault's end until every case registered before it is
    applied, written to OUT ("-" if not within TIMEOUT). The load still running does not count, only the backlog."""
    fault_end, deadline = float(fault_end), time.time() + float(timeout)
    result = "-"
    while time.time() <= deadline:
        try:
            sent, applied, _, _ = snapshot(since, fault_end)
            if len(applied) == len(sent):
                result = f"{max(0.0, time.time() - fault_end):.1f}"
                break
        except Exception as e:  # a database restarting: ask again
            print(f"ledger: {e}", file=sys.stderr)
        time.sleep(1)
    with open(out, "w") as f:
        f.write(result)


def settle(name, since, timeout, parked_before, recovered_file):
    """Waits until every case of the scenario is applied (or TIMEOUT), counts, and prints the scenario's line."""
    timeout, parked_before = float(timeout), int(parked_before)
    deadline = time.time() + timeout
    while True:
        try:
            sent, applied, _, _ = snapshot(since)
            if sent and len(applied) == len(sent):
                break
        except Exception as e:  # a database restarting: ask again
            print(f"ledger: {e}", file=sys.stderr)
        if time.time() > deadline:
            break
        time.sleep(1)
    time.sleep(3)  # late duplicates and strays still arrive: count after a short quiet
    sent, applied, duplicated, unexpected = snapshot(since)
    p = parked_or_none()
    parked_now = "?" if p is None else max(0, p - parked_before)
    try:
        with open(recovered_file) as f:
            rec = f.read().strip() or "-"
    except OSError:
        rec = "-"
    print(f"fault {name}: sent {len(sent)}, applied {len(applied)}, lost {len(sent) - len(applied)}, "
          f"duplicated {len(duplicated)}, unexpected {len(unexpected)}, parked {parked_now}, recovered in {rec} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["parked"]:
        p = parked_or_none()
        print(0 if p is None else p)
    elif sys.argv[1:2] == ["settle"] and len(sys.argv) == 7:
        settle(*sys.argv[2:])
    elif sys.argv[1:2] == ["recover"] and len(sys.argv) == 6:
        recover(*sys.argv[2:])
    elif sys.argv[1:2] == ["snapshot"]:
        s, a, d, u = snapshot(sys.argv[2])
        print(f"sent {len(s)} applied {len(a)} duplicated {len(d)} unexpected {len(u)}")
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
