#!/usr/bin/env python3
"""Run the golden programs under tests/programs with an interpreter command.

Each X.py has X.expected (CPython 3.11's stdout), and when it fails on purpose X.exit (exit
status) and X.stderr_last (the last non-empty stderr line). record.py writes them with python3.

    python3 tests/programs/run.py --cmd 'build/native/looplab run {file}' [-k SUBSTR] [-v] [-j N]

Prints one line per failure and ends with `N passed, M failed`; exits 1 if any failed.
"""
import argparse
import concurrent.futures
import difflib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def programs(substr):
    for root, _, files in os.walk(HERE):
        for name in sorted(files):
            if name.endswith(".py") and name not in ("run.py", "record.py"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, HERE)
                if not substr or substr in rel:
                    yield rel, path


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check(cmd, rel, path, timeout):
    base = path[:-3]
    expected = read(base + ".expected")
    if expected is None:
        return rel, False, "no .expected file (run record.py)"
    want_exit = int(read(base + ".exit", "0").strip())
    want_last = read(base + ".stderr_last")
    argv = [a.replace("{file}", path) for a in shlex.split(cmd)]
    try:
        p = subprocess.run(argv, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return rel, False, f"timed out after {timeout}s"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    problems = []
    if out != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), out.splitlines(True), "expected", "got", n=1))
        problems.append("stdout differs:\n" + diff[:3000])
    if p.returncode != want_exit:
        problems.append(f"exit {p.returncode}, expected {want_exit}\n" + err[-1500:])
    if want_last is not None:
        lines = [l for l in err.splitlines() if l.strip()]
        got_last = lines[-1].rstrip() if lines else ""
        if got_last != want_last.rstrip():
            problems.append(f"last stderr line {got_last!r}, expected {want_last.rstrip()!r}")
    elif want_exit == 0 and err.strip() and p.returncode == 0:
        problems.append("unexpected stderr:\n" + err[-1500:])
    return rel, not problems, "\n".join(problems)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("-k", dest="substr")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20)
    args = ap.parse_args()
    progs = list(programs(args.substr))
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for rel, ok, why in pool.map(lambda rp: check(args.cmd, rp[0], rp[1], args.timeout), progs):
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {rel}" + (f"\n{why}\n" if args.v else f": {why.splitlines()[0] if why else ''}"))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
