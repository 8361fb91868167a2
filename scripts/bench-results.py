#!/usr/bin/env python3
"""Turns the output of ../shared/bench/side-by-side.sh into one JSON record (printed), with the CPU ms per accepted
order of each platform process: bench-results.py OUTPUT SECONDS CONNECTIONS COMMIT [MODE]"""
import json, re, sys, datetime

text = open(sys.argv[1]).read()
seconds, connections, commit = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
mode = sys.argv[5] if len(sys.argv) > 5 else "whole platform"
platform, _, reference = text.partition("== reference")


def wrk(section):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", section)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", section)
    latency = {p: v for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", section, re.M)}
    return {"requests_per_s": float(rps.group(1)) if rps else None,
            "non_2xx": int(non2xx.group(1)) if non2xx else 0, "latency": latency}


def process_name(command):
    for name in ("gateway-service", "order-service", "blockchain-service", "notification-service",
                 "realtime-server", "cache-service", "redis-server", "anvil", "wrk"):
        if name in command:
            return name
    if "KafkaBrokerMain" in command or "kafka.Kafka" in command:
        return "kafka"
    if command.startswith("postgres"):
        return "postgresql"
    return "other"


result = {"time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "commit": commit,
          "mode": mode, "seconds": seconds, "connections": connections, "platform": wrk(platform), "reference": wrk(reference)}
p = result["platform"]
accepted = (p["requests_per_s"] or 0) * seconds - p["non_2xx"]
cpu = {}
for used, command in re.findall(r"^\s*([\d.]+) s  (.*)$", platform, re.M):
    if command != "total":
        name = process_name(command)
        cpu[name] = round(cpu.get(name, 0) + float(used), 1)
total = re.search(r"^\s*([\d.]+) s  total$", platform, re.M)
if total:
    # cpu-split lists processes above 0.3 s only: PostgreSQL's many backends and wrk's threads fall under it.
    cpu["unlisted (each under 0.3 s)"] = round(float(total.group(1)) - sum(cpu.values()), 1)
result["platform_cpu_s"] = cpu
result["platform_cpu_ms_per_accepted_order"] = {
    name: round(1000 * used / accepted, 2) for name, used in cpu.items()} if accepted > 0 else {}
if p["requests_per_s"] and result["reference"]["requests_per_s"]:
    result["ratio"] = round(p["requests_per_s"] / result["reference"]["requests_per_s"], 3)
print(json.dumps(result, indent=2))
