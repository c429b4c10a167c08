// Loads the wasm module (looplab.js, from the emscripten build) and wraps its C API
// (web/api.cpp) as the page's scripting API, window.looplab:
//   ready           Promise: resolves once the visualizer has drawn its first frame
//   run(source)     Promise: settles with {runState, exitCode} when the run ends (or is stopped);
//                   rejects if the wasm module itself crashes
//   stop()          ends the current run
//   output()        {stdout, stderr} of the current (or last) run
//   state()         what the visualizer shows: {runState, clock, events}
//   model()         the fold over the event log (tasks, timers, io in flight ...), or null
// `hooks.onOutput(stream, text)` sees output as it is written ("stdout" | "stderr");
// `hooks.onRunEnded({runState, exitCode})` sees each run end.

export function createLooplabApi(canvas, hooks = {}) {
  let c = null;           // the wrapped C functions, once the module is up
  let settleRun = null;   // resolves the promise of the run in progress
  let failRun = null;     // rejects it (the module crashed)
  let crashed = null;     // the Error, once the module has aborted
  let replacing = false;  // true while a new run replaces one still going

  const module = {
    canvas,
    onOutput(stream, text) {
      hooks.onOutput?.(stream === 2 ? 'stderr' : 'stdout', text);
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
      const fail = failRun;
      settleRun = failRun = null;
      fail?.(crashed);
      hooks.onCrash?.(crashed);
    },
    // The wasm side's own diagnostics (not the Python program's output).
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };

  const ready = new Promise((resolve, reject) => {
    module.onLooplabReady = resolve;
    module.onLooplabFailed = (message) => reject(new Error(message));
    if (typeof window.createLooplab !== 'function') {
      reject(new Error('looplab.js did not load'));
      return;
    }
    window.createLooplab(module).then((m) => {
      c = {
        run: m.cwrap('ll_run', null, ['string']),
        stop: m.cwrap('ll_stop', null, []),
        state: m.cwrap('ll_state', 'string', []),
        stdout: m.cwrap('ll_stdout', 'string', []),
        stderr: m.cwrap('ll_stderr', 'string', []),
        model: m.cwrap('ll_model', 'string', []),  // web/model_api.cpp (issue 7)
      };
    }, reject);
  });

  return {
    ready,
    async run(source) {
      await ready;
      if (crashed) throw crashed;
      hooks.onRunStarting?.();
      let settle, fail;
      const done = new Promise((resolve, reject) => { settle = resolve; fail = reject; });
      // A run still going ends inside c.run and settles its own promise ("stopped") first.
      replacing = true;
      try {
        c.run(String(source));
      } finally {
        replacing = false;
      }
      settleRun = settle;
      failRun = fail;
      return done;
    },
    stop() {
      c?.stop();
    },
    output() {
      return c ? { stdout: c.stdout(), stderr: c.stderr() } : { stdout: '', stderr: '' };
    },
    state() {
      return c ? JSON.parse(c.state()) : { runState: 'idle', clock: 0, events: 0 };
    },
    // The visualizer's model folded over the whole event log (visualizer/fold.h to_json): tasks,
    // timers, primitives and `io`, the requests and sockets in flight. null before any run.
    model() {
      return c ? JSON.parse(c.model()) : null;
    },
  };
}
