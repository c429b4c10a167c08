#!/usr/bin/env python3
"""Record CPython's output for golden programs: X.expected, X.exit when the program exits
non-zero, X.stderr_last when it wrote to stderr. Run with CPython 3.11:

    python3 tests/programs/record.py [PROGRAM.py ...]     (default: every program)
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def record(path):
    p = subprocess.run([sys.executable, path], capture_output=True, timeout=60)
    base = path[:-3]
    with open(base + ".expected", "wb") as f:
        f.write(p.stdout)
    for ext in (".exit", ".stderr_last"):
        if os.path.exists(base + ext):
            os.remove(base + ext)
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if p.returncode != 0:
        with open(base + ".exit", "w") as f:
            f.write(f"{p.returncode}\n")
    # Warnings CPython prints on a successful run (never-awaited coroutines...) are checked too.
    if p.returncode != 0 or lines:
        with open(base + ".stderr_last", "w", encoding="utf-8") as f:
            f.write((lines[-1].rstrip() if lines else "") + "\n")
    print(f"recorded {os.path.relpath(path, HERE)} (exit {p.returncode})")


def main():
    assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
    paths = [os.path.abspath(p) for p in sys.argv[1:]]
    if not paths:
        for root, _, files in os.walk(HERE):
            paths += [os.path.join(root, n) for n in sorted(files) if n.endswith(".py") and n not in ("run.py", "record.py")]
    for p in paths:
        record(p)


if __name__ == "__main__":
    main()
