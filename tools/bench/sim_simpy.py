#!/usr/bin/python3
"""The benchmark network of tools/bench/sim.cpp in SimPy 2 (Debian's python3-simpy), for the speed ratio.

Usage: sim_simpy.py NETWORK.json WEEKS SEED
Prints one JSON line: {"events": N, "seconds": S, "cpu": CPU seconds, "completed": C, "version": V}.

An event here is what the C++ engine counts: an arrival, the end of a service or the end
of a delay. Units are calendar weeks; efforts are already in server weeks.
"""
import json
import math
import random
import sys
import time

import SimPy
from SimPy.Simulation import Process, Resource, activate, hold, initialize, release, request, simulate


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
    def __init__(self, spec, rng):
        self.rng = rng
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


class Source(Process):
    def run(self, net, step, rate):
        while True:
            yield hold, self, net.rng.expovariate(rate)
            net.events += 1
            client = Client()
            activate(client, client.run(net, step))


def main():
    spec = json.load(open(sys.argv[1]))
    weeks = float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]))
    initialize()
    net = Network(spec, rng)
    for start in spec["starts"]:
        source = Source()
        activate(source, source.run(net, start["step"], start["rate"]))
    began, began_cpu = time.perf_counter(), time.process_time()
    simulate(until=weeks)
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    print(json.dumps({"events": net.events, "seconds": seconds, "completed": net.completed, "cpu": cpu,
                      "version": getattr(SimPy, "__version__", "2")}))


if __name__ == "__main__":
    main()
