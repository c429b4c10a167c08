#!/usr/bin/env python3
"""Conformance ratchet: run the shared asyncio corpus through a runner and hold the line.

    ratchet.py --runner 'build/native/looplab run {file}' [--label native] [-j 2] [--update]

Runs ../shared/conformance/run.py (LOOPLAB_CONFORMANCE_DIR overrides where) on the public
programs. Fails (exit 1) when a program listed in expected_pass.txt fails; prints the programs
that pass but are not listed yet so they get added (--update adds them). The last line is
`<label>: N passed, M failed`, where failed counts only listed programs that failed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
LIST = os.path.join(HERE, "expected_pass.txt")


def corpus_dir():
    d = os.environ.get("LOOPLAB_CONFORMANCE_DIR") or os.path.join(REPO, "..", "shared", "conformance")
    if not os.path.isfile(os.path.join(d, "run.py")):
        sys.exit(f"ratchet: no conformance corpus at {os.path.abspath(d)} (set LOOPLAB_CONFORMANCE_DIR)")
    return d


def read_list():
    with open(LIST, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def add_to_list(names):
    with open(LIST, "a", encoding="utf-8") as f:
        for n in sorted(names):
            f.write(n + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True, help="command template; {file} is the program's path")
    ap.add_argument("--label", default="conformance")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--update", action="store_true", help="append newly passing programs to the list")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out_json = os.path.join(tmp, "results.json")
        cmd = [sys.executable, os.path.join(corpus_dir(), "run.py"), "--cmd", args.runner,
               "--dir", "public", "--json", out_json, "-j", str(args.jobs),
               "--timeout", str(args.timeout)]
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        if proc.returncode != 0 or not os.path.exists(out_json):
            print(proc.stdout[-4000:], proc.stderr[-4000:], sep="\n")
            print(f"{args.label}: harness broke (exit {proc.returncode})")
            print(f"{args.label}: 0 passed, 1 failed")
            return 1
        with open(out_json, encoding="utf-8") as f:
            results = json.load(f)["results"]

    by_name = {r["program"][:-3]: r for r in results}
    listed = read_list()
    unknown = [n for n in listed if n not in by_name]
    passed = sorted(n for n, r in by_name.items() if r["passed"])
    regressed = [n for n in listed if n in by_name and not by_name[n]["passed"]]
    new = [n for n in passed if n not in set(listed)]

    print(f"{args.label}: {len(passed)}/{len(by_name)} programs pass; {len(listed)} must pass")
    for n in unknown:
        print(f"  UNKNOWN {n}: listed in expected_pass.txt but not in the corpus")
    for n in regressed:
        r = by_name[n]
        print(f"  REGRESSED {n}: {'; '.join(r['reasons'])}")
    if new:
        if args.update:
            add_to_list(new)
            print(f"  added {len(new)} newly passing programs to {os.path.relpath(LIST, REPO)}")
        else:
            print(f"  {len(new)} newly passing programs: add them to {os.path.relpath(LIST, REPO)} "
                  "(or run with --update):")
            for n in new:
                print(f"    {n}")
    failed = len(regressed) + len(unknown)
    print(f"{args.label}: {len(passed)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
