#!/usr/bin/env python3
"""Writes the provisioned Grafana dashboards (deploy/grafana/dashboards/*.json) from this one description, so that the
four stay consistent. Run it after changing a panel: python3 deploy/grafana/dashboards.py"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = 'job=~"$job"'

def panel(i, title, exprs, unit="short", kind="timeseries", w=12, h=8):
    return {
        "id": i, "type": kind, "title": title,
        "gridPos": {"x": (i - 1) % 2 * 12 if w == 12 else 0, "y": (i - 1) // 2 * h, "w": w, "h": h},
        "datasource": {"type": "prometheus", "uid": "prometheus"},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [{"refId": chr(65 + n), "expr": e, "legendFormat": l} for n, (e, l) in enumerate(exprs)],
    }

def dashboard(uid, title, panels):
    return {
        "uid": uid, "title": title, "tags": ["coordination"], "timezone": "browser", "schemaVersion": 39, "version": 1,
        "refresh": "10s", "time": {"from": "now-1h", "to": "now"},
        "templating": {"list": [{
            "name": "job", "label": "service", "type": "query", "datasource": {"type": "prometheus", "uid": "prometheus"},
            "query": "label_values(coordination_outbox_backlog, job)", "includeAll": True, "multi": True,
            "current": {"text": "All", "value": "$__all"}, "refresh": 2}]},
        "panels": [panel(i + 1, *p) for i, p in enumerate(panels)],
    }

DASHBOARDS = {
    "flow": dashboard("coordination-flow", "Coordination · flow per service", [
        ("Petitions registered /s (Intake)", [(f'sum by (decision) (rate(coordination_petitions_registered_total{{{JOB}}}[1m]))', "{{decision}}")], "reqps"),
        ("Messages consumed /s", [(f'sum by (job) (rate(messaging_masstransit_consume_ea_total{{{JOB}}}[1m]))', "{{job}}")], "reqps"),
        ("Outbox messages published /s", [(f'sum by (job) (rate(coordination_outbox_published_total{{{JOB}}}[1m]))', "{{job}}")], "reqps"),
        ("Consume failures /s", [(f'sum by (job) (rate(messaging_masstransit_consume_errors_ea_total{{{JOB}}}[1m]))', "{{job}}")], "reqps"),
        ("gRPC calls /s", [(f'sum by (job) (rate(http_server_request_duration_seconds_count{{{JOB}}}[1m]))', "{{job}}")], "reqps"),
        ("gRPC call p99", [(f'histogram_quantile(0.99, sum by (job, le) (rate(http_server_request_duration_seconds_bucket{{{JOB}}}[5m])))', "{{job}}")], "s"),
    ]),
    "outbox": dashboard("coordination-outbox", "Coordination · outbox and queues", [
        ("Outbox backlog (rows not yet published)", [(f'coordination_outbox_backlog{{{JOB}}}', "{{job}}")]),
        ("Oldest unpublished row", [(f'coordination_outbox_oldest_age_seconds{{{JOB}}}', "{{job}}")], "s"),
        ("Receive queues: ready messages (consumer lag)", [(f'sum by (job, queue) (coordination_queue_ready{{{JOB}}})', "{{queue}}")]),
        ("Parked in _error queues", [(f'sum by (job, queue) (coordination_queue_parked{{{JOB}}})', "{{queue}}")]),
        ("Quarantined outbox rows", [(f'coordination_outbox_quarantined{{{JOB}}}', "{{job}}")]),
        ("Inbox size (messages remembered)", [(f'coordination_inbox_size{{{JOB}}}', "{{job}}")]),
        ("Redis fallbacks /s", [(f'sum by (job, use) (rate(coordination_redis_fallbacks_total{{{JOB}}}[5m]))', "{{job}} {{use}}")], "reqps"),
    ]),
    "deadlines": dashboard("coordination-deadlines", "Coordination · deadlines and overdue", [
        ("Limits overdue (逾期)", [(f'coordination_deadlines_overdue{{{JOB}}}', "{{job}}")]),
        ("Limits under 督办, still not met", [(f'coordination_deadlines_supervised{{{JOB}}}', "{{job}}")]),
        ("Rungs fired /min", [(f'sum by (job, action) (rate(coordination_deadlines_fired_total{{{JOB}}}[5m])) * 60', "{{job}} {{action}}")]),
        ("Scanner lag (most overdue rung waiting)", [(f'coordination_deadlines_scanner_lag_seconds{{{JOB}}}', "{{job}}")], "s"),
        ("Since the scanner's last completed scan", [(f'coordination_deadlines_last_scan_age_seconds{{{JOB}}}', "{{job}}")], "s"),
    ]),
    "warnings": dashboard("coordination-warnings", "Coordination · early warnings", [
        ("Early warnings raised /h, by kind", [(f'sum by (kind) (rate(coordination_warnings_raised_total{{{JOB}}}[1h])) * 3600', "{{kind}}")]),
        ("Early warnings raised (total since start)", [(f'sum by (kind) (coordination_warnings_raised_total{{{JOB}}})', "{{kind}}")], "short", "stat"),
        ("Petitions registered /h, by decision", [(f'sum by (decision) (rate(coordination_petitions_registered_total{{{JOB}}}[1h])) * 3600', "{{decision}}")]),
    ]),
}

if __name__ == "__main__":
    out = os.path.join(HERE, "dashboards")
    os.makedirs(out, exist_ok=True)
    for name, body in DASHBOARDS.items():
        with open(os.path.join(out, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(body, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"wrote {len(DASHBOARDS)} dashboards to {out}")
