#!/usr/bin/env python3
"""Runs the gallery's examples and compares each with its NAME.expected (the examples use only
sim:// URLs, so they print the same thing every run).

    python3 site/examples/check.py --cmd 'build/native/looplab run {file}'

Prints one line per failure and ends with `N passed, M failed`; exits 1 if any failed.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()
    passed = failed = 0
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".py") or name == "check.py":
            continue
        path = os.path.join(HERE, name)
        with open(path[:-3] + ".expected", encoding="utf-8") as f:
            expected = f.read()
        argv = [a.replace("{file}", path) for a in shlex.split(args.cmd)]
        try:
            p = subprocess.run(argv, capture_output=True, timeout=args.timeout)
            out = p.stdout.decode("utf-8", "replace")
            problem = None
            if p.returncode != 0:
                problem = f"exit {p.returncode}\n" + p.stderr.decode("utf-8", "replace")[-1500:]
            elif out != expected:
                problem = "".join(difflib.unified_diff(expected.splitlines(True), out.splitlines(True),
                                                       "expected", "got"))
        except subprocess.TimeoutExpired:
            problem = f"timed out after {args.timeout}s"
        if problem:
            failed += 1
            print(f"FAIL {name}\n{problem}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
