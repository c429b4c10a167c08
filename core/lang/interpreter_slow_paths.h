// The dispatch loop's rarely run code, kept out of Interpreter::execute: rare instructions, the
// slow halves of the common ones (inline cache misses, `s + x` on strings), exception unwinding and
// line tracing. A small loop function is faster to optimize: V8 runs a wasm function as
// baseline code until its optimizing compile (on a background thread) is done, and that
// compile's time grows with the function's size; a short program spends most of its run there.
//
// Everything here is reached through the table kSlowPaths, not called directly: emscripten's
// wasm-opt inlines every function that has a single caller (whatever noinline says), which would
// put these back into the loop; a function reached through a table of pointers is exempt.
#pragma once

#include <cstdint>

#include "lang/frame.h"
#include "lang/interpreter.h"
#include "lang/opcodes.h"

namespace looplab {

struct InlineCache;

struct Interpreter::SlowPaths {
  // How an out-of-line instruction ended, for the loop to continue.
  enum class Status : uint8_t {
    Next,          // go on at the frame's pc, with the stack at its sp
    Error,         // raised a new exception (the loop adds its context and a traceback entry)
    Reraise,       // re-raise vm's pending exception as it is (no new traceback entry)
    NewFrame,      // pushed a Python frame (vm.frame_, linked above and counted in the depth)
    NewCallFrame,  // the same from a call, which is a safe point
    HostCall,      // a native asked the host to take over (vm.host_call_)
  };
  // Runs the instruction `word` of frame f in full; the frame's pc (past the instruction) and sp
  // are saved, and the handler leaves them saved (stack: f->stack(), which the loop has at hand).
  using OpFn = Status (*)(VM& vm, Frame* f, Value* stack, uint32_t word);
  OpFn op[256];

  // How an exception enters unwinding: raised by the instruction before pc (add the handled
  // exception as its context, and a traceback entry), thrown in from outside (a traceback entry
  // only), or re-raised (neither).
  enum class Raise : uint8_t { New, Thrown, Reraise };
  // Finds the handler for vm's pending exception, leaving frames (their traceback entries added)
  // until one has a handler block: returns that frame with the exception pushed and its pc and
  // sp saved at the handler, or nullptr when the entry frame was left (vm.frame_ is its caller).
  Frame* (*unwind)(VM& vm, Frame* f, uint32_t pc, Raise how);

  // Parks the chain of frames up to the entry frame, for the host to continue it later from f:
  // a preemption, or a host call (with vm.host_call_ as the payload).
  ExecResult (*park)(VM& vm, Frame* f, ExecStatus why);
  // Line tracing: calls vm.line_hook when the instruction at pc starts a new line of f
  // (sp: the stack depth, saved with pc for the hook).
  void (*trace_line)(VM& vm, Frame* f, uint32_t pc, uint32_t sp);
  // A coroutine dropped unawaited: the warning (see warn_if_dropped_coroutine).
  void (*warn_dropped)(VM& vm, Value v);
  // __init__ returned something other than None: the TypeError.
  void (*raise_init_result)(VM& vm, Value v);
  // A code object's inline caches, made on its first run.
  InlineCache* (*make_caches)(CodeObj* co);

  // (Members of this friend of VM's, so they may touch its private state.)
  struct Ins;
  static Frame* unwind_impl(VM& vm, Frame* f, uint32_t pc, Raise how);
  static void trace_line_impl(VM& vm, Frame* f, uint32_t pc, uint32_t sp);
  static ExecResult park_impl(VM& vm, Frame* f, ExecStatus why);
};

extern const Interpreter::SlowPaths kSlowPaths;

}  // namespace looplab
