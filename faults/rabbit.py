#!/usr/bin/env python3
"""Message-level faults through RabbitMQ's management API (vhost /, coordination/coordination).

  rabbit.py tap-start            a queue faults-tap bound to the PetitionRegistered and CaseAssigned exchanges
  rabbit.py tap-replay           takes every tapped message and publishes each twice more, newest first
                                 (the same messages delivered twice and out of order); deletes the tap
  rabbit.py poison [N]           publishes N (default 3) unreadable messages to the PetitionRegistered exchange
  rabbit.py delete-queue NAME    deletes a queue (its messages go with it)
  rabbit.py delete-exchange NAME deletes an exchange (its bindings go with it)
  rabbit.py await-empty NAME     waits (up to 120 s) until a queue holds no message
"""
import base64
import json
import os
import sys
import urllib.parse
import urllib.request

BASE = f"http://127.0.0.1:{os.environ.get('RABBITMQ_MGMT_PORT', '15672')}/api"
AUTH = "Basic " + base64.b64encode(b"coordination:coordination").decode()
TAP = "faults-tap"
EXCHANGES = ["Coordination.Contracts.Intake:PetitionRegistered", "Coordination.Contracts.Assignment:CaseAssigned"]


def api(method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", AUTH)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def q(name):
    return urllib.parse.quote(name, safe="")


def tap_start():
    api("PUT", f"/queues/%2F/{TAP}", {"durable": False, "auto_delete": False})
    for ex in EXCHANGES:
        api("POST", f"/bindings/%2F/e/{q(ex)}/q/{TAP}", {"routing_key": ""})


def publish(exchange, props, payload, encoding):
    body = {"properties": props, "routing_key": "", "payload": payload, "payload_encoding": encoding}
    r = api("POST", f"/exchanges/%2F/{q(exchange)}/publish", body)
    if not r or not r.get("routed"):
        raise RuntimeError(f"not routed: {exchange}")


def tap_replay():
    taken = []
    while True:
        got = api("POST", f"/queues/%2F/{TAP}/get", {"count": 500, "ackmode": "ack_requeue_false", "encoding": "auto"})
        if not got:
            break
        taken += got
    api("DELETE", f"/queues/%2F/{TAP}")
    props_keep = ("content_type", "headers", "message_id", "correlation_id", "delivery_mode", "type")
    for copy in range(2):
        for m in reversed(taken):
            props = {k: v for k, v in m.get("properties", {}).items() if k in props_keep}
            publish(m["exchange"], props, m["payload"], m.get("payload_encoding", "string"))
    print(f"replayed {len(taken)} message(s) twice, newest first")


def poison(n):
    for i in range(n):
        publish(EXCHANGES[0], {"content_type": "application/vnd.masstransit+json", "delivery_mode": 2,
                               "message_id": f"00000000-0000-0000-0000-{i:012d}"},
                "{\"messageId\": \"not-a-guid\", \"message\": {\"caseId\": 42", "string")
    print(f"published {n} poison message(s)")


if __name__ == "__main__":
    cmd = sys.argv[1:2]
    if cmd == ["tap-start"]:
        tap_start()
    elif cmd == ["tap-replay"]:
        tap_replay()
    elif cmd == ["poison"]:
        poison(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    elif cmd == ["delete-queue"] and len(sys.argv) == 3:
        api("DELETE", f"/queues/%2F/{q(sys.argv[2])}")
    elif cmd == ["await-empty"] and len(sys.argv) == 3:
        import time
        for _ in range(240):
            info = api("GET", f"/queues/%2F/{q(sys.argv[2])}?columns=messages")
            if (info.get("messages") or 0) == 0:
                break
            time.sleep(0.5)
    elif cmd == ["delete-exchange"] and len(sys.argv) == 3:
        api("DELETE", f"/exchanges/%2F/{q(sys.argv[2])}")
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
