// Runs before the module is compiled, in programs for node only (looplab_wasm_node_program).
//
// V8 runs each wasm function first as baseline code (Liftoff) and recompiles it with its
// optimizing compiler (TurboFan) once the function has used up a budget of executed code. With
// the default budget (1.8M) a short run also recompiles code that is busy only for a moment at
// the start (loading asyncio's frozen modules, building their classes, compiling the program),
// on background threads that compete with the program for the cores (exit waits for any still
// in flight). With a budget 33x larger that code stays baseline, and a function that keeps
// running (the interpreter's loop) is still optimized early in the run: on the benchmarks, as
// fast or faster at every length tried. Lazy validation checks a function's code when it is
// first compiled instead of all 2.3 MB of the module before main (~5 ms).
// Measured on node 20 (V8 11.3); set only for the V8s known to have the flags (node 18 to 22),
// as an unknown flag prints an error. `looplabV8Flags` says what was set ("" if nothing): the
// runner's code cache (wasm_node_code_cache.js) needs it.
var looplabV8Flags = (function () {
  var v8major = parseInt(process.versions.v8, 10);
  if (v8major < 10 || v8major > 12) return "";
  var flags = "--wasm-tiering-budget=60000000 --wasm-lazy-validation";
  require("v8").setFlagsFromString(flags);
  return flags;
})();

// Emscripten's file system makes /dev/random at startup from the global `crypto`, and touching
// node's global `crypto` loads its whole WebCrypto implementation (~10 ms, a seventh of the
// runner's start). This one loads node's crypto module only if a random byte is ever read.
var crypto = {
  getRandomValues: function (bytes) {
    return require('crypto').randomFillSync(bytes);
  },
};
