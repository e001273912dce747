#!/usr/bin/python3
"""The benchmark network of tools/bench/sim.cpp in SimPy 2 (Debian's python3-simpy), for the speed ratio.

Usage: sim_simpy.py NETWORK.json WEEKS SEED [--statistics]
Prints one JSON line: {"events": N, "seconds": S, "cpu": CPU seconds, "completed": C, "version": V}.

An event here is what the C++ engine counts: an arrival, the end of a service or the end
of a delay. Units are calendar weeks; efforts are already in server weeks.

Without --statistics the model records nothing but the event count. With it, it records what
`sujuva simulate` reports for this network: per role every wait, the time-average queue and the
busy time; per class every lead time and the time-average work in progress. The summary
(means, percentiles 50/90/95, utilisation, queues, WIP, throughput) is computed inside the
clock, as sujuva's aggregation is inside its clock, and is added to the JSON line ("summary").
The accumulators are plain Python (an area, a last change time, a level), which measured
cheaper than SimPy 2's own monitored resources (Tally): the baseline is the fastest SimPy
we could write, not a slow one.
"""
import json
import math
import random
import sys
import time

import SimPy
from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate


def sampler(d, rng):
    kind, a, b, c = d["kind"], d["a"], d["b"], d["c"]
    if kind == "constant":
        return lambda: a
    if kind == "exponential":
        return lambda: rng.expovariate(1.0 / a)
    if kind == "gamma":
        shape = 1.0 / (b * b)
        return lambda: rng.gammavariate(shape, a / shape)
    if kind == "lognormal":
        s2 = math.log1p(b * b)
        mu, sigma = math.log(a) - s2 / 2, math.sqrt(s2)
        return lambda: rng.lognormvariate(mu, sigma)
    if kind == "triangular":
        return lambda: rng.triangular(a, c, b)
    if kind == "uniform":
        return lambda: rng.uniform(a, b)
    raise ValueError(kind)


class Network:
    def __init__(self, spec, rng, statistics=False):
        self.rng = rng
        self.client_kind = RecordingClient if statistics else Client
        self.recording = Recording(spec) if statistics else None
        self.steps = spec["steps"]
        self.classes = spec["classes"]
        self.effort = [sampler(s["effort"], rng) if s.get("effort") else None for s in self.steps]
        self.delay = [sampler(s["delay"], rng) if s.get("delay") else None for s in self.steps]
        self.resources = [Resource(capacity=r["servers"]) for r in spec["roles"]]
        self.events = 0
        self.completed = 0

    def route(self, step, cls):
        branches = self.steps[step]["routes"][cls]
        u = self.rng.random()
        total = 0.0
        for target, p, next_class in branches:
            total += p
            if u < total:
                return target, next_class
        target, p, next_class = branches[-1]
        return target, next_class


class Client(Process):
    def run(self, net, step):
        cls = 0
        while True:
            s = net.steps[step]
            if s["kind"] == "end":
                net.completed += 1
                return
            if net.effort[step] is not None:
                resource = net.resources[s["role"]]
                yield request, self, resource
                yield hold, self, net.effort[step]()
                net.events += 1
                yield release, self, resource
            if net.delay[step] is not None:
                yield hold, self, net.delay[step]()
                net.events += 1
            step, cls = net.route(step, cls)


class TimeAverage:
    """Area under a step function of time (an integer level)."""
    __slots__ = ("area", "last", "level")

    def __init__(self):
        self.area, self.last, self.level = 0.0, 0.0, 0

    def change(self, t, by):
        self.area += (t - self.last) * self.level
        self.last = t
        self.level += by


class Recording:
    """The statistics sujuva's engine keeps on every event, kept by the SimPy model."""

    def __init__(self, spec):
        roles, classes = len(spec["roles"]), spec["classes"]
        self.waits = [[] for _ in range(roles)]
        self.queue = [TimeAverage() for _ in range(roles)]
        self.busy = [0.0] * roles
        self.leads = [[] for _ in range(classes)]
        self.wip = [TimeAverage() for _ in range(classes)]


class RecordingClient(Process):
    """Client's path with the recording added. A copy rather than flags in Client, so that the
    model that records nothing pays nothing for it."""

    def run(self, net, step):
        stats = net.recording
        cls = 0
        entered = now()
        stats.wip[cls].change(entered, 1)
        while True:
            s = net.steps[step]
            if s["kind"] == "end":
                net.completed += 1
                t = now()
                stats.wip[cls].change(t, -1)
                stats.leads[cls].append(t - entered)
                return
            if net.effort[step] is not None:
                role = s["role"]
                queue = stats.queue[role]
                joined = now()
                queue.change(joined, 1)
                yield request, self, net.resources[role]
                t = now()
                queue.change(t, -1)
                stats.waits[role].append(t - joined)
                effort = net.effort[step]()
                stats.busy[role] += effort
                yield hold, self, effort
                net.events += 1
                yield release, self, net.resources[role]
            if net.delay[step] is not None:
                yield hold, self, net.delay[step]()
                net.events += 1
            step, next_class = net.route(step, cls)
            if next_class != cls:
                t = now()
                stats.wip[cls].change(t, -1)
                stats.wip[next_class].change(t, 1)
                cls = next_class


def summary(values):
    """Mean and percentiles 50/90/95 of a list, as sujuva reports them."""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    return [sum(ordered) / n] + [ordered[min(n - 1, int(q * n))] for q in (0.5, 0.9, 0.95)]


def summarise(net, weeks):
    stats = net.recording
    for average in stats.queue + stats.wip:
        average.change(weeks, 0)
    roles = [{"utilisation": stats.busy[r] / net.resources[r].capacity / weeks, "queue": stats.queue[r].area / weeks,
              "wait": summary(stats.waits[r]), "visits": len(stats.waits[r])} for r in range(len(stats.busy))]
    classes = [{"lead_time": summary(stats.leads[k]), "throughput": len(stats.leads[k]) / weeks,
                "wip": stats.wip[k].area / weeks} for k in range(len(stats.leads))]
    overall = summary([x for lead in stats.leads for x in lead])
    visits = sum(role["visits"] for role in roles)
    waited = sum(role["wait"][0] * role["visits"] for role in roles if role["visits"])
    return {"roles": roles, "classes": classes, "lead_time": overall, "mean_wait": waited / visits if visits else None}


class Source(Process):
    def run(self, net, step, rate):
        while True:
            yield hold, self, net.rng.expovariate(rate)
            net.events += 1
            client = net.client_kind()
            activate(client, client.run(net, step))


def main():
    spec = json.load(open(sys.argv[1]))
    weeks = float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]))
    statistics = "--statistics" in sys.argv[4:]
    initialize()
    net = Network(spec, rng, statistics)
    for start in spec["starts"]:
        source = Source()
        activate(source, source.run(net, start["step"], start["rate"]))
    began, began_cpu = time.perf_counter(), time.process_time()
    simulate(until=weeks)
    result = summarise(net, weeks) if statistics else None
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    out = {"events": net.events, "seconds": seconds, "completed": net.completed, "cpu": cpu,
           "version": getattr(SimPy, "__version__", "2")}
    if result is not None:
        out["summary"] = result
    print(json.dumps(out))


if __name__ == "__main__":
    main()
