// The node runner's code cache (linked into looplab-node.js after wasm_node_pre.js).
//
// V8 compiles each wasm function on its first call with its baseline compiler (Liftoff), on the
// main thread, and compiles it again with its optimizing compiler (TurboFan) on background
// threads once it has been busy for a while. A run of a few tenths of a second pays for both:
// the baseline compiles before the program starts, the busy code running as baseline code until
// its optimized code arrives, and the optimizing compiles competing with the program for the
// cores. A browser keeps the optimized code of a module it has compiled before (its code
// cache); node has none, so the runner keeps its own. The build runs a warm-up program
// (wasm_node_warmup.py) with LOOPLAB_V8_CACHE=write: V8's tier-up budget is then so small that
// nearly everything the program runs is optimized, and at exit V8's serialization of the
// compiled module is written next to the .wasm. Every other run loads that optimized code
// instead of compiling. Functions the warm-up never ran are compiled on first use, as before,
// and optimized soon after (the cache carries the warm-up's budget for them).
//
// node exposes no API for it, so this uses V8's own test hooks (%SerializeWasmModule,
// %DeserializeWasmModule, enabled by --allow-natives-syntax). V8 refuses serialized code made by
// another V8 version, for another CPU, or under other V8 flags; the runner then compiles as it
// would without a cache. The flags are part of that check, so they are switched to the
// warm-up's for the moment of loading. A cache made for another build of the .wasm would not be
// refused by V8, so the file starts with the .wasm's size and modification time, in a header of
// fixed size: the rest is read straight into the buffer V8 reads (a copy of 3 MB costs ~3 ms).
//
// LOOPLAB_V8_CACHE: unset = use the cache; off = compile; report = use it and say on stderr
// whether it was used; write = the build's warm-up run.
(function () {
  var mode = process.env.LOOPLAB_V8_CACHE || "use";
  if (mode === "off" || !looplabV8Flags) return;
  var v8 = require("v8");
  var fs = require("fs");
  // Tier-up after ~100 bytes of executed code. (A function run too little even for that, ~170
  // of them, is kept as "ran": V8 compiles those with its baseline compiler while loading.)
  var WARMUP_FLAGS = "--wasm-tiering-budget=100";
  var MAGIC = "looplab-v8-code-cache 2\n";
  var HEADER_SIZE = 128;
  v8.setFlagsFromString("--allow-natives-syntax");
  if (mode === "write") v8.setFlagsFromString(WARMUP_FLAGS);
  var serialize, deserialize;
  try {
    // Natives syntax is only parsed in code compiled after the flag is set.
    serialize = new Function("module", "return %SerializeWasmModule(module)");
    deserialize = new Function("data, wire", "return %DeserializeWasmModule(data, wire)");
  } catch (e) {  // node --disallow-code-generation-from-strings
    if (mode === "report") process.stderr.write("v8 code cache: not used: " + e.message + "\n");
    return;
  }

  // The cache file's header: which build of the .wasm it was made for.
  function header(path) {
    var stat = fs.statSync(path);
    var key = MAGIC + JSON.stringify({ size: stat.size, mtimeMs: stat.mtimeMs }) + "\n";
    return Buffer.from(key.padEnd(HEADER_SIZE));
  }

  // The compiled module from the cache, or null (and why, for `report`).
  function loadCached(wire, path) {
    var fd;
    try {
      fd = fs.openSync(path + ".v8cache", "r");
    } catch (e) {
      return { module: null, why: "no " + path + ".v8cache" };
    }
    var size = fs.fstatSync(fd).size - HEADER_SIZE;
    var head = Buffer.alloc(HEADER_SIZE);
    var data = new Uint8Array(Math.max(size, 0));
    var fits = size > 0 && fs.readSync(fd, head, 0, HEADER_SIZE, 0) === HEADER_SIZE &&
               head.equals(header(path)) && fs.readSync(fd, data, 0, size, HEADER_SIZE) === size;
    fs.closeSync(fd);
    if (!fits) return { module: null, why: "made for another build of " + path };
    v8.setFlagsFromString(WARMUP_FLAGS);
    var module = deserialize(data.buffer, wire);
    v8.setFlagsFromString(looplabV8Flags);
    return module ? { module: module, why: "" }
                  : { module: null, why: "refused by this V8 (another version, CPU or flags)" };
  }

  // Writes the optimized code once the optimizing compiles have finished: the serialization
  // is a snapshot, so take it when two in a row, some time apart, have the same size.
  function writeCache(module, path) {
    var pause = new Int32Array(new SharedArrayBuffer(4));
    var data = serialize(module), size = -1;
    for (var tries = 0; tries < 100 && data.byteLength !== size; tries++) {
      size = data.byteLength;
      Atomics.wait(pause, 0, 0, 300);
      data = serialize(module);
    }
    var tmp = path + ".v8cache.tmp" + process.pid;
    fs.writeFileSync(tmp, Buffer.concat([header(path), new Uint8Array(data)]));
    fs.renameSync(tmp, path + ".v8cache");
  }

  Module["instantiateWasm"] = function (imports, receiveInstance) {
    var wire = fs.readFileSync(wasmBinaryFile);
    var cached = mode === "write" ? { module: null, why: "writing it" }
                                  : loadCached(wire, wasmBinaryFile);
    if (mode === "report")
      process.stderr.write("v8 code cache: " + (cached.module ? "used" : "not used: " + cached.why) + "\n");
    if (cached.module) {
      var instance = new WebAssembly.Instance(cached.module, imports);
      receiveInstance(instance, cached.module);
      return instance.exports;
    }
    WebAssembly.instantiate(wire, imports).then(function (result) {
      if (mode === "write") {
        Module["onExit"] = function (status) {
          if (status === 0) writeCache(result.module, wasmBinaryFile);
        };
      }
      receiveInstance(result.instance, result.module);
    }, function (reason) {
      err("failed to asynchronously prepare wasm: " + reason);
      abort(reason);
    });
    return {};
  };
})();
