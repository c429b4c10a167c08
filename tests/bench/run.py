#!/usr/bin/env python3
"""Benchmarks: the same programs in `looplab run` and in CPython, timed on this machine.

    python3 tests/bench/run.py [--looplab build/native/looplab] [--wasm build/wasm/looplab-node.js]
                               [--repeat 3] [-k SUBSTR] [--scale 10]

Prints a table: best-of-N wall time for each engine (the engines take turns, N rounds) and
CPython's time divided by Looplab's (above 1: Looplab is faster). Also the memory each pending
task costs (peak RSS with 20,000 pending tasks minus with none, per task), for tasks waiting on
an Event, on a bare future and in asyncio.sleep. Outputs must match CPython's, or the row says so.

With --wasm, more columns compare the wasm runner with the native one: wall time divided, the
same with each engine's startup (an empty program's best time: node's own start, the module's
instantiation and the engine's setup) taken off both sides, which is the speed of the work
itself, and wall time divided for the runner without its V8 code cache (LOOPLAB_V8_CACHE=off:
every function compiled at its first call, as in a run of a module node has never seen; see
cmake/wasm_node_code_cache.js). The startups are printed below the table. node runs without NODE_EXTRA_CA_CERTS:
the runner makes no TLS connections, and loading a CA bundle at node's start (~0.1 s here) is
this machine's setting, not Looplab's cost.

--scale K runs each timed benchmark's work K times over (every program has a `SCALE = 1` line).
The default is 10: once, the programs take 0.03-0.2 s natively, so fixed costs decide the
ratios instead of the work. Node's start and the module's instantiation alone (~0.065 s) take
longer than most whole native runs, V8 runs the first tens of milliseconds as baseline
code (a function is optimized once it has been busy for a while), and CPython's own start and
`import asyncio` (~0.1 s here) flatter Looplab. --scale 1 shows those short runs.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLAIN = ["fib", "arith_loop", "list_dict", "strings", "method_calls"]
SCHEDULING = ["sleep0_tasks", "queue_pingpong", "timer_storm", "lock_contention", "gather_tree"]


def node_env():
    env = dict(os.environ)
    env.pop("NODE_EXTRA_CA_CERTS", None)
    return env


def run(argv, env=None):
    """Wall time and stdout of one run, and the child's peak RSS in KiB."""
    start = time.perf_counter()
    p = subprocess.run(argv, capture_output=True, env=env)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError(f"{argv} failed:\n{p.stderr.decode()[-2000:]}")
    return wall, p.stdout


def peak_rss_kib(argv, env):
    # A fresh process per measurement: ru_maxrss of RUSAGE_CHILDREN is the max over children,
    # so measure in a helper that runs exactly one child.
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    p = subprocess.run([sys.executable, "-c", code] + argv, capture_output=True, env=env, text=True)
    return int(p.stdout.strip())


def interleaved(runs, repeat):
    """Best wall time and last output of each (label, argv, env), the commands taking turns: this
    machine's speed drifts by tens of percent over a minute, and turns spread the drift over
    every engine instead of landing on whichever ran then."""
    times = {label: [] for label, _, _ in runs}
    outs = {}
    for _ in range(repeat):
        for label, argv, env in runs:
            t, out = run(argv, env)
            times[label].append(t)
            outs[label] = out
    return {label: min(ts) for label, ts in times.items()}, outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--looplab", default=os.path.join(ROOT, "build/native/looplab"))
    ap.add_argument("--wasm", default=None, help="also time the wasm runner under node")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-k", dest="substr")
    ap.add_argument("--scale", type=int, default=10,
                    help="run each timed benchmark's work K times over (its SCALE line), so that "
                         "startup and JIT warm-up weigh less (default 10)")
    args = ap.parse_args()
    engines = [("looplab", [args.looplab, "run"], None)]
    if args.wasm:
        engines.append(("wasm", ["node", "--no-experimental-fetch", args.wasm, "run"], node_env()))
        engines.append(("wasm, no code cache", ["node", "--no-experimental-fetch", args.wasm, "run"],
                        dict(node_env(), LOOPLAB_V8_CACHE="off")))
    startup = {}
    if args.wasm:
        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty.py")
            open(empty, "w").close()
            startup = interleaved([(e, cmd + [empty], env) for e, cmd, env in engines], max(args.repeat, 5))[0]
    extra = (" | wasm / looplab | wasm / looplab, startup excluded | wasm without code cache / looplab"
             if args.wasm else "")
    print("| benchmark | kind | CPython 3.11 | " + " | ".join(e[0] for e in engines) + " | CPython / looplab" +
          extra + " |")
    print("|---|---|---:|" + "---:|" * len(engines) + "---:|" + ("---:|---:|---:|" if args.wasm else ""))
    scratch_dir = tempfile.TemporaryDirectory()  # scaled copies; removed when main returns
    scratch = scratch_dir.name
    for kind, names in (("plain", PLAIN), ("scheduling", SCHEDULING)):
        for name in names:
            if args.substr and args.substr not in name:
                continue
            path = scaled(os.path.join(HERE, name + ".py"), args.scale, scratch)
            runs = [("CPython", [sys.executable, path], None)] + [(e, cmd + [path], env) for e, cmd, env in engines]
            best_times, outs = interleaved(runs, args.repeat)
            cpy, cpy_out = best_times["CPython"], outs["CPython"]
            row = [name, kind, f"{cpy:.3f}s"]
            ratio = ""
            times = {}
            for ename, _, _ in engines:
                t, out = best_times[ename], outs[ename]
                times[ename] = t
                row.append(f"{t:.3f}s" + ("" if out == cpy_out else " (OUTPUT DIFFERS)"))
                if ename == "looplab":
                    ratio = f"{cpy / t:.2f}x"
            row.append(ratio)
            if args.wasm:
                row.append(f"{times['wasm'] / times['looplab']:.2f}x")
                work = {e: max(times[e] - startup[e], 1e-3) for e in times}
                row.append(f"{work['wasm'] / work['looplab']:.2f}x")
                row.append(f"{times['wasm, no code cache'] / times['looplab']:.2f}x")
            print("| " + " | ".join(row) + " |")
    if startup:
        print()
        print("startup (empty program): " + ", ".join(f"{e} {t:.3f}s" for e, t in startup.items()))
    # Memory per pending task: tasks parked on an Event (the headline), on a bare future each,
    # and in asyncio.sleep(1000).
    memory = [("pending_tasks", "Event.wait"), ("pending_future", "await future"), ("pending_sleep", "asyncio.sleep")]
    for name, what in memory:
        if args.substr and args.substr not in name:
            continue
        results = memory_per_task(os.path.join(HERE, name + ".py"), args.looplab)
        print()
        for label, per_task in results:
            print(f"memory per pending task ({what}), {label}: {per_task:.0f} bytes")
        print(f"looplab / CPython: {results[1][1] / results[0][1]:.2f}")


SCALE_LINE = "\nSCALE = 1  #"


def scaled(path, scale, scratch):
    """The benchmark itself, or a copy in `scratch` whose SCALE line says `scale`."""
    if scale == 1:
        return path
    source = open(path).read()
    if SCALE_LINE not in source:
        raise RuntimeError(f"{path} has no SCALE line")
    copy = os.path.join(scratch, os.path.basename(path))
    with open(copy, "w") as f:
        f.write(source.replace(SCALE_LINE, f"\nSCALE = {scale}  #", 1))
    return copy


def memory_per_task(path, looplab, n=20000):
    """Peak RSS with n pending tasks minus with none, per task, for CPython and Looplab."""
    results = []
    source = open(path).read()
    copies = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (0, n):
            copies[count] = os.path.join(tmp, f"pending_{count}.py")
            with open(copies[count], "w") as f:
                f.write(source.replace("\nN = 20000\n", f"\nN = {count}\n"))
        for label, argv in (("CPython", [sys.executable]), ("looplab", [looplab, "run"])):
            base = peak_rss_kib(argv + [copies[0]], dict(os.environ))
            full = peak_rss_kib(argv + [copies[n]], dict(os.environ))
            results.append((label, (full - base) * 1024 / n))
    return results


if __name__ == "__main__":
    main()
