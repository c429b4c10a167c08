#!/usr/bin/env python3
"""Where the bytes of a pending task go: heaptrack's peak-memory consumers, per task.

    python3 tests/bench/memory_breakdown.py [--looplab build/native/looplab] [-n 20000]
                                            [--limit 25] [pending_tasks|pending_future|pending_sleep]

Runs the benchmark with N tasks and with none under heaptrack (Debian's `heaptrack` package) and
prints, for each function that allocated, the bytes it held at the heap's peak divided by N
(N=0's run subtracted), largest first. Garbage the collector has not freed yet counts: it is
part of the peak. Allocator overhead (malloc's headers and rounding) is not in these numbers;
the RSS per task that run.py prints includes it. Heap objects come from the object pool's
pages (ObjectPool::refill); to see them by type, build with -DCMAKE_CXX_FLAGS=-DLOOPLAB_NO_POOL.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZE = re.compile(r"^([\d.]+)([KMG]?)$")


def to_bytes(text):
    m = SIZE.match(text)
    if not m:
        return 0
    return float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}[m.group(2)]


def peak_consumers(looplab, path, tmp):
    """{function: bytes held at the peak} and the peak heap size, from one heaptrack run."""
    out = os.path.join(tmp, "trace")
    subprocess.run(["heaptrack", "-o", out, looplab, "run", path], capture_output=True, check=True)
    trace = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.startswith("trace"))
    p = subprocess.run(["heaptrack_print", "-f", trace, "--print-peaks", "1", "--print-allocators", "0",
                        "--print-temporary", "0", "--print-leaks", "0", "--peak-limit", "200"],
                       capture_output=True, text=True, check=True)
    os.remove(trace)
    consumers, peak = {}, 0.0
    lines = p.stdout.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^(\S+) peak memory consumed over \d+ calls from", line)
        if m and i + 1 < len(lines):
            fn = lines[i + 1].strip()
            consumers[fn] = consumers.get(fn, 0) + to_bytes(m.group(1))
        m = re.match(r"^peak heap memory consumption: (\S+)", line)
        if m:
            peak = to_bytes(m.group(1))
    return consumers, peak


def short(fn):
    fn = fn.replace("looplab::", "").replace("(anonymous namespace)::", "")
    return re.sub(r"\(.*", "", fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--looplab", default=os.path.join(ROOT, "build/native/looplab"))
    ap.add_argument("-n", type=int, default=20000)
    ap.add_argument("--limit", type=int, default=25)
    ap.add_argument("bench", nargs="?", default="pending_tasks")
    args = ap.parse_args()
    source = open(os.path.join(HERE, args.bench + ".py")).read()
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (0, args.n):
            path = os.path.join(tmp, f"bench_{count}.py")
            with open(path, "w") as f:
                f.write(source.replace("\nN = 20000\n", f"\nN = {count}\n"))
            sub = os.path.join(tmp, str(count))
            os.mkdir(sub)
            runs[count] = peak_consumers(args.looplab, path, sub)
    (base, base_peak), (full, full_peak) = runs[0], runs[args.n]
    rows = sorted(((full.get(fn, 0) - base.get(fn, 0)) / args.n, fn) for fn in set(full) | set(base))
    print(f"{args.bench}: heap peak {(full_peak - base_peak) / args.n:.0f} bytes per task")
    for per_task, fn in sorted(rows, reverse=True)[: args.limit]:
        if abs(per_task) >= 1:
            print(f"  {per_task:7.0f}  {short(fn)}")


if __name__ == "__main__":
    sys.exit(main())
