#!/usr/bin/env python3
"""Differential fuzzing of asyncio scheduling: random programs of tasks that hop (sleep(0)),
take locks and semaphores, pass items through queues, wait on events and conditions, cancel
each other, gather, shield and use TaskGroups, all in zero time; each logs what it does.
A program's output is the exact interleaving, so CPython (run on a virtual clock, see
/work/shared/conformance/tools/vclock.py) and the engine must print the same.

    python3 tests/fuzz/asyncio_fuzz.py --cmd 'build/dev/looplab run {file}' [--n 200] [--seed 1]

Failing programs are kept in --out (default /tmp/asyncio_fuzz) with both outputs.
"""
import argparse
import os
import random
import subprocess
import sys

VCLOCK = "/work/shared/conformance/tools/vclock.py"

PRELUDE = '''import asyncio

log = []


def say(*a):
    log.append(" ".join(str(x) for x in a))


async def hop(n):
    for _ in range(n):
        await asyncio.sleep(0)


def until(S, slot):
    # seconds until a slot; slots are 10 ms apart, so the engine's instruction time cannot
    # reorder wake-ups
    return S.start + slot - asyncio.get_running_loop().time()

'''


def gen_program(rng):
    ntasks = rng.randint(2, 5)
    nlocks, nqueues, nevents = 2, 2, 2
    lines = [PRELUDE]
    body = []
    slots = iter(range(1, 1000))
    for t in range(ntasks):
        ops = []
        for _ in range(rng.randint(2, 7)):
            k = rng.choice(["hop", "hop", "lock", "sem", "put", "get", "set", "wait", "cond_wait",
                            "cond_notify", "cancel", "gather", "shield", "tg", "spawn", "clear",
                            "wait_for", "sleep_slot", "timeout", "wait_for_t", "wait_t"])
            ops.append((k, rng.randint(0, 1), rng.randint(0, 3)))
        lines.append(f"async def t{t}(S):")
        lines.append("    try:")
        for i, (k, a, n) in enumerate(ops):
            p = "        "
            if k == "hop":
                lines.append(f"{p}await hop({n})")
            elif k == "lock":
                lines += [f"{p}async with S.locks[{a}]:", f"{p}    say('t{t} lock{a}')", f"{p}    await hop({n})"]
            elif k == "sem":
                lines += [f"{p}async with S.sem:", f"{p}    say('t{t} sem', S.sem._value)", f"{p}    await hop({n})"]
            elif k == "put":
                lines += [f"{p}await S.queues[{a}].put('t{t}.{i}')", f"{p}say('t{t} put{a}', S.queues[{a}].qsize())"]
            elif k == "get":
                lines += [f"{p}say('t{t} got{a}', await S.queues[{a}].get())"]
            elif k == "set":
                lines += [f"{p}S.events[{a}].set()", f"{p}say('t{t} set{a}')"]
            elif k == "clear":
                lines += [f"{p}S.events[{a}].clear()"]
            elif k == "wait":
                lines += [f"{p}await S.events[{a}].wait()", f"{p}say('t{t} woke{a}')"]
            elif k == "cond_wait":
                lines += [f"{p}async with S.cond:", f"{p}    await S.cond.wait()", f"{p}    say('t{t} notified')"]
            elif k == "cond_notify":
                lines += [f"{p}async with S.cond:", f"{p}    S.cond.notify({n})", f"{p}    say('t{t} notify {n}')"]
            elif k == "cancel":
                lines += [f"{p}x = S.tasks[{rng.randrange(ntasks)}]", f"{p}say('t{t} cancels', x.get_name(), x.cancel())"]
            elif k == "gather":
                lines += [f"{p}say('t{t} gathered', await asyncio.gather(hop({n}), hop({a}), return_exceptions={bool(a)}))"]
            elif k == "shield":
                lines += [f"{p}await asyncio.shield(hop({n}))", f"{p}say('t{t} shielded')"]
            elif k == "wait_for":
                lines += [f"{p}await asyncio.wait_for(hop({n}), 5)", f"{p}say('t{t} wait_for done')"]
            elif k == "tg":
                lines += [f"{p}async with asyncio.TaskGroup() as tg:", f"{p}    tg.create_task(hop({n}))",
                          f"{p}    tg.create_task(hop({a}))", f"{p}say('t{t} tg done')"]
            elif k == "sleep_slot":
                lines += [f"{p}await asyncio.sleep(max(0, until(S, {0.01 * next(slots):.2f})))",
                          f"{p}say('t{t} slept')"]
            elif k == "timeout":
                lines += [f"{p}try:", f"{p}    async with asyncio.timeout(until(S, {0.01 * next(slots):.2f})):",
                          f"{p}        await S.events[{a}].wait()", f"{p}        say('t{t} event{a} in time')",
                          f"{p}except TimeoutError:", f"{p}    say('t{t} timeout')"]
            elif k == "wait_for_t":
                lines += [f"{p}try:", f"{p}    say('t{t} wait_for got', await asyncio.wait_for(S.queues[{a}].get(), until(S, {0.01 * next(slots):.2f})))",
                          f"{p}except TimeoutError:", f"{p}    say('t{t} wait_for timeout')"]
            elif k == "wait_t":
                lines += [f"{p}d, _ = await asyncio.wait([S.tasks[{rng.randrange(ntasks)}]], timeout=max(0, until(S, {0.01 * next(slots):.2f})))",
                          f"{p}say('t{t} wait', len(d))"]
            elif k == "spawn":
                lines += [f"{p}S.extra.append(asyncio.create_task(hop({n})))", f"{p}say('t{t} spawned')"]
        lines += ["        say('t%d done')" % t,
                  "    except asyncio.CancelledError:",
                  "        say('t%d cancelled')" % t,
                  "        raise", ""]
    lines += ["", "class State:", "    pass", "", "", "async def main():", "    S = State()",
              f"    S.locks = [asyncio.Lock() for _ in range({nlocks})]",
              f"    S.sem = asyncio.Semaphore({rng.randint(1, 2)})",
              f"    S.queues = [asyncio.Queue({rng.randint(0, 2)}) for _ in range({nqueues})]",
              f"    S.events = [asyncio.Event() for _ in range({nevents})]",
              "    S.cond = asyncio.Condition()", "    S.extra = []",
              "    S.start = asyncio.get_running_loop().time()",
              f"    S.tasks = [asyncio.create_task(f(S), name=f.__name__) for f in ({', '.join(f't{t}' for t in range(ntasks))},)]",
              "    done, pending = await asyncio.wait(S.tasks, timeout=100)",
              "    say('pending:', sorted(t.get_name() for t in pending))",
              "    for t in S.tasks:",
              "        t.cancel()",
              "    res = await asyncio.gather(*S.tasks, *S.extra, return_exceptions=True)",
              "    say('results:', [type(r).__name__ for r in res])",
              "    print('\\n'.join(log))", "", "", "asyncio.run(main())", ""]
    return "\n".join(lines)


def run(cmd, path, timeout=20):
    p = subprocess.run(cmd, shell=True, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/asyncio_fuzz")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failures = 0
    for i in range(args.n):
        rng = random.Random(args.seed * 100003 + i)
        src = gen_program(rng)
        path = os.path.join(args.out, f"p{args.seed}_{i}.py")
        with open(path, "w") as f:
            f.write(src)
        want = run(f"{sys.executable} {VCLOCK} {path}", path)
        got = run(args.cmd.replace("{file}", path), path)
        if (want[0], want[1]) != (got[0], got[1]):
            failures += 1
            with open(path + ".want", "w") as f:
                f.write(f"exit {want[0]}\n{want[1]}\n--- stderr\n{want[2]}")
            with open(path + ".got", "w") as f:
                f.write(f"exit {got[0]}\n{got[1]}\n--- stderr\n{got[2]}")
            print("DIFF", path)
        else:
            os.remove(path)
    print(f"{args.n - failures} same, {failures} different")


if __name__ == "__main__":
    main()
