// Loads the wasm module (looplab.js, from the emscripten build) and wraps its C API
// (web/api.cpp) for the page; main.js publishes it, with the page's own members, as
// window.looplab (README.md documents it):
//   ready           Promise: resolves once the visualizer has drawn its first frame
//   run(source)     Promise: settles with {runState, exitCode} when the run ends (or is stopped);
//                   rejects if the wasm module itself crashes
//   stop()          ends the current run
//   output()        {stdout, stderr} of the current (or last) run
//   state()         the model at the playhead (visualizer/playback.h state_json) + runState
//   status()        cheap, for every frame: {runState, playhead, events, playing, speed, clock, logFull}
//   step(kind, dir) seek(i) play() pause() setSpeed(eps) selectTask(id): the playhead
//   events()        the log's size
//   trace()         the run as Perfetto / Chrome trace JSON (text)
//   model()         the fold over the whole event log (tasks, timers, io in flight ...), or null
// `hooks.onOutput(stream, text, event)` sees output as it is written ("stdout" | "stderr", and
// the index of its Output event in the log); `hooks.onRunEnded({runState, exitCode})` each end.

const IDLE_STATUS = { runState: 'idle', playhead: 0, events: 0, playing: false, speed: 0, clock: 0, logFull: false };
export const STEP_KINDS = ['event', 'task', 'iteration', 'line'];

export function createLooplabApi(canvas, hooks = {}) {
  let c = null;           // the wrapped C functions, once the module is up
  let settleRun = null;   // resolves the promise of the run in progress
  let failRun = null;     // rejects it (the module crashed)
  let crashed = null;     // the Error, once the module has aborted
  let replacing = false;  // true while a new run replaces one still going

  const module = {
    canvas,
    onOutput(stream, text, event) {
      hooks.onOutput?.(stream === 2 ? 'stderr' : 'stdout', text, Number.isInteger(event) ? event : -1);
    },
    onRunEnded(runState, exitCode) {
      const result = { runState, exitCode };
      const settle = settleRun;
      settleRun = failRun = null;
      settle?.(result);
      if (!replacing) hooks.onRunEnded?.(result);
    },
    // A trap or abort in the wasm code: nothing will run again until the page reloads.
    onAbort(what) {
      crashed = new Error(`the Looplab engine crashed (${what}); reload the page`);
      crashed.what = String(what);
      const fail = failRun;
      settleRun = failRun = null;
      fail?.(crashed);
      hooks.onCrash?.(crashed);
    },
    // The module compiled early by the page (index.html's head): instantiate that one; if the
    // early compile failed, fetch and compile it here as emscripten would.
    instantiateWasm: window.looplabWasm ? (imports, receive) => {
      window.looplabWasm
        .then((compiled) => WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled)))
        .catch(() => WebAssembly.instantiateStreaming(fetch('looplab.wasm', { credentials: 'same-origin' }), imports)
          .then((r) => receive(r.instance, r.module)))
        .catch((e) => module.onAbort(`could not load looplab.wasm: ${e?.message ?? e}`));
      return {};
    } : undefined,
    // The wasm side's own diagnostics (not the Python program's output).
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };

  // A trap in the wasm code during a frame (memory access out of bounds, ...) is thrown out of
  // the module's frame callback, not through onAbort: the frame loop has stopped, so it is a crash
  // just the same (the run's promise must settle, and the page must say so).
  window.addEventListener('error', (e) => {
    if (!crashed && e.error instanceof WebAssembly.RuntimeError) module.onAbort(e.error.message);
  });

  const ready = new Promise((resolve, reject) => {
    module.onLooplabReady = resolve;
    module.onLooplabFailed = (message) => reject(new Error(message));
    if (typeof window.createLooplab !== 'function') {
      reject(new Error('looplab.js did not load'));
      return;
    }
    window.createLooplab(module).then((m) => {
      // A function this build of the module lacks answers undefined instead of aborting (cwrap
      // of an unknown numeric function aborts the module), so the page degrades, not dies.
      const w = (name, ret, args) => (m['_' + name] ? m.cwrap(name, ret, args) : () => undefined);
      c = {
        run: w('ll_run', null, ['string']),
        stop: w('ll_stop', null, []),
        state: w('ll_state', 'string', []),
        status: w('ll_status', 'string', []),
        stdout: w('ll_stdout', 'string', []),
        stderr: w('ll_stderr', 'string', []),
        step: w('ll_step', 'number', ['string', 'number']),
        seek: w('ll_seek', 'number', ['number']),
        events: w('ll_events', 'number', []),
        play: w('ll_play', null, []),
        pause: w('ll_pause', null, []),
        setSpeed: w('ll_set_speed', null, ['number']),
        selectTask: w('ll_select_task', null, ['number']),
        setLanguage: w('ll_set_language', null, ['string']),
        frameMs: w('ll_frame_ms', 'number', []),
        trace: w('ll_trace', 'string', []),
        model: w('ll_model', 'string', []),  // web/model_api.cpp (issue 7)
      };
    }, reject);
  });

  // {runState, clock, events} from an ll_state that knows no playhead: the playhead is the end.
  function legacyStatus() {
    const s = JSON.parse(c.state());
    return JSON.stringify({ ...IDLE_STATUS, ...s, playhead: s.playhead ?? s.events ?? 0 });
  }

  // Calls into the module, or answers `fallback` before it is up or after it crashed.
  const call = (f, fallback) => (c && !crashed ? f() ?? fallback : fallback);
  const json = (f, fallback) => call(() => { const text = f(); return text ? JSON.parse(text) : undefined; }, fallback);

  return {
    ready,
    // `task`: the task whose lines Line steps follow in the new run (0: module code).
    async run(source, { task = 0 } = {}) {
      await ready;
      if (crashed) throw crashed;
      hooks.onRunStarting?.();
      let settle, fail;
      const done = new Promise((resolve, reject) => { settle = resolve; fail = reject; });
      // A run still going ends inside c.run and settles its own promise ("stopped") first.
      replacing = true;
      try {
        c.run(String(source));
        if (task) c.selectTask(task);
      } finally {
        replacing = false;
      }
      settleRun = settle;
      failRun = fail;
      return done;
    },
    stop: () => call(() => c.stop()),
    output: () => call(() => ({ stdout: c.stdout(), stderr: c.stderr() }), { stdout: '', stderr: '' }),
    state: () => json(() => c.state(), { ...IDLE_STATUS, tasks: [], ready: [], timers: [], primitives: [] }),
    // Without ll_status (an older module) the status comes from ll_state's summary.
    status: () => json(() => c.status() ?? legacyStatus(), { ...IDLE_STATUS }),
    // dir: +1 forward, -1 back. Returns the new playhead.
    step(kind = 'event', dir = 1) {
      if (!STEP_KINDS.includes(kind)) throw new Error(`step kind must be one of ${STEP_KINDS.join(', ')}`);
      return call(() => c.step(kind, dir < 0 ? -1 : 1), 0);
    },
    seek: (index) => call(() => c.seek(Math.max(0, Math.floor(Number(index) || 0))), 0),
    events: () => call(() => c.events() ?? JSON.parse(c.state()).events, 0),
    play: () => call(() => c.play()),
    pause: () => call(() => c.pause()),
    setSpeed: (eps) => call(() => c.setSpeed(Number(eps) > 0 ? Number(eps) : 0)),
    selectTask: (id) => call(() => c.selectTask(Math.max(0, Math.floor(Number(id) || 0)))),
    // The canvas's own labels: 'ko' or 'en'.
    setLanguage: (lang) => call(() => c.setLanguage(String(lang))),
    // Mean CPU time of the visualizer's last 60 frames, in ms (a measurement, for benchmarks).
    frameMs: () => call(() => c.frameMs(), 0),
    trace: () => call(() => c.trace(), '{"traceEvents":[]}'),
    // The visualizer's model folded over the whole event log (visualizer/fold.h to_json): tasks,
    // timers, primitives and `io`, the requests and sockets in flight. null before any run.
    model: () => json(() => c.model(), null),
  };
}
