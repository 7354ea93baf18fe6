#!/usr/bin/env python3
"""Least privilege on the bus: one RabbitMQ user per service, and the system's subscriber queues declared up front.

  rabbit-provision.py [--vhost /] [--passwords FILE]

Talks to the management API as the administrator (RABBITMQ_MGMT_URL, default http://127.0.0.1:15672/api;
RABBITMQ_ADMIN_USER / RABBITMQ_ADMIN_PASSWORD, default coordination / coordination). For each service it makes the user
coordination-<service> (RABBITMQ_USER_PREFIX changes "coordination-") with the password RABBITMQ_PASSWORD_<SERVICE> from the environment, or from FILE (lines
`export RABBITMQ_PASSWORD_INTAKE=...`; generated there when missing), and sets its permissions on the vhost:
  configure  its own queues and exchanges (<service>-...) and the message exchanges (Coordination.Contracts....),
             which MassTransit declares for what it publishes and what it consumes
  write      its own queues and exchanges, and only the exchanges of the events it publishes: those in its own
             contracts namespace (plus UnitDirectoryRequested, which every service sends to the Directory), and
             MassTransit's fault exchanges (MassTransit:...), which no service consumes
  read       its own queues (consume) and the message exchanges (bind its queues to them; MassTransit binds the
             fault exchanges to each other)
Users have the "management" tag: their health checks read their own queues' depths from the management API.
Then it declares every queue of contracts/Coordination.Contracts/Topology/subscriptions.json and binds the events'
exchanges to it, so that nothing is published before its subscribers' queues exist (ADR 10): the services' users
may not declare another service's queue, and their relays only check (passively) that the queues are there.
"""
import base64
import json
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUBSCRIPTIONS = os.path.join(ROOT, "contracts", "Coordination.Contracts", "Topology", "subscriptions.json")
# service name (queue prefix) -> the contracts namespace it publishes
SERVICES = {
    "intake": "Intake",
    "assignment": "Assignment",
    "legal-diversion": "LegalDiversion",
    "joint-meeting": "JointMeeting",
    "reporting": "Reporting",
    "directory": "Directory",
}
SENT_BY_EVERY_SERVICE = ["Coordination.Contracts.Directory:UnitDirectoryRequested"]

BASE = os.environ.get("RABBITMQ_MGMT_URL", f"http://127.0.0.1:{os.environ.get('RABBITMQ_MGMT_PORT', '15672')}/api").rstrip("/")
AUTH = "Basic " + base64.b64encode(
    f"{os.environ.get('RABBITMQ_ADMIN_USER', 'coordination')}:{os.environ.get('RABBITMQ_ADMIN_PASSWORD', 'coordination')}".encode()).decode()


def api(method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", AUTH)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def q(name):
    return urllib.parse.quote(name, safe="")


def exchange_of(type_name):
    namespace, _, name = type_name.rpartition(".")
    return f"{namespace}:{name}"


def user_of(service):
    return os.environ.get("RABBITMQ_USER_PREFIX", "coordination-") + service


def env_name(service):
    return "RABBITMQ_PASSWORD_" + service.upper().replace("-", "_")


def permissions(service):
    own = rf"{service}-.*"
    namespace = SERVICES[service]
    # MassTransit:ReceiveFault, MassTransit:Fault--...: what MassTransit publishes about a message that failed.
    faults = r"MassTransit:.*"
    write = [own, rf"Coordination\.Contracts\.{namespace}:.*", faults] + [e.replace(".", r"\.") for e in SENT_BY_EVERY_SERVICE]
    return {
        "configure": rf"^({own}|Coordination\.Contracts\..*|{faults})$",
        "write": "^(" + "|".join(write) + ")$",
        "read": rf"^({own}|Coordination\.Contracts\..*|{faults})$",
    }


def passwords(path):
    known = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip().removeprefix("export ")
            if "=" in line:
                key, value = line.split("=", 1)
                known[key] = value
    result, changed = {}, False
    for service in SERVICES:
        name = env_name(service)
        value = os.environ.get(name) or known.get(name)
        if not value:
            if not path:
                sys.exit(f"rabbit-provision: {name} is not set")
            value, changed = secrets.token_urlsafe(24), True
        result[service] = value
    if path and changed:
        old = os.umask(0o077)
        try:
            with open(path, "w", encoding="utf-8") as f:
                for service, value in result.items():
                    f.write(f"export {env_name(service)}={value}\n")
        finally:
            os.umask(old)
    return result


def main(argv):
    vhost, password_file = "/", None
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == "--vhost" and args:
            vhost = args.pop(0)
        elif flag == "--passwords" and args:
            password_file = args.pop(0)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    v = q(vhost)
    for service, password in passwords(password_file).items():
        api("PUT", f"/users/{q(user_of(service))}", {"password": password, "tags": "management"})
        api("PUT", f"/permissions/{v}/{q(user_of(service))}", permissions(service))
    subscriptions = json.load(open(SUBSCRIPTIONS, encoding="utf-8"))
    for s in subscriptions:
        queue = s["queue"]
        api("PUT", f"/queues/{v}/{q(queue)}", {"durable": True, "auto_delete": False, "arguments": {"x-queue-type": "quorum"}})
        for type_name in s["messageTypes"]:
            exchange = exchange_of(type_name)
            api("PUT", f"/exchanges/{v}/{q(exchange)}", {"type": "fanout", "durable": True, "auto_delete": False})
            api("POST", f"/bindings/{v}/e/{q(exchange)}/q/{q(queue)}", {"routing_key": ""})
    print(f"rabbit: {len(SERVICES)} service users with least privilege, {len(subscriptions)} subscriber queues on vhost {vhost}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except urllib.error.HTTPError as e:
        sys.exit(f"rabbit-provision: {e.code} {e.reason}: {e.read().decode(errors='replace')[:300]}")
