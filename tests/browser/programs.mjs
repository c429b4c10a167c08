// Programs and helpers the browser tests share.

// Two workers under gather; the line numbers below refer to this text.
export const GATHER = `import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name


async def main():
    results = await asyncio.gather(worker("A", 0.2), worker("B", 0.1))
    print("results:", results)


asyncio.run(main())
`;
export const LINE_SLEEP = 6;
export const LINE_GATHER = 12;

// The parts of state() a test compares: what the loop looks like, not how it is drawn.
export function essentials(s) {
  return {
    playhead: s.playhead,
    clock: s.clock,
    phase: s.phase,
    tasks: s.tasks.map((t) => ({ name: t.name, state: t.state, line: t.line, awaiting: t.awaiting })),
    ready: s.ready.map((h) => h.label ?? h.kind),
    timers: s.timers.map((t) => ({ deadline: t.deadline, label: t.label })),
  };
}

