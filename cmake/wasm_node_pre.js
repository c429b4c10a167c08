// Runs before the module is compiled, in programs for node only (looplab_wasm_node_program).
//
// V8 runs each wasm function first as baseline code (Liftoff) and recompiles it with its
// optimizing compiler (TurboFan) once the function has used up a budget of executed code. With
// the default budget (1.8M) a short run pays for many recompiles it never profits from: the
// parser and compiler, busy for a moment while `import asyncio` compiles ~120 KB of Python, get
// recompiled after they are done (up to a few hundred ms of CPU each for the big ones, on
// background threads that compete with the program for the cores; exit waits for any still in
// flight). With a budget 33x larger they stay baseline, and a function that keeps running (the
// interpreter's loop) is still optimized early in the run. Measured on node 20 (V8 11.3); set
// only for the V8s known to have the flag (node 18 to 22), as an unknown flag prints an error.
(function () {
  var v8major = parseInt(process.versions.v8, 10);
  if (v8major >= 10 && v8major <= 12) require('v8').setFlagsFromString('--wasm-tiering-budget=60000000');
})();
