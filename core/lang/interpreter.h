// The dispatch loop. One loop runs a chain of heap frames: Python-to-Python calls, generator
// resumption and `await` delegation switch frames inside the loop without growing the C++
// stack. Only calls made from C++ (VM::call from a native) start a nested loop.
#pragma once

#include "lang/vm.h"

namespace looplab {

struct Interpreter {
  // Runs `entry` (already set up) on top of the current chain until it returns, yields or
  // raises. budget > 0 allows preemption at backward jumps and calls (host level only).
  static ExecResult run(VM& vm, Frame* entry, uint64_t budget);
  // A nested call from C++: runs a call frame to completion; the result or Error.
  static Value run_nested(VM& vm, Frame* f);

  // How execute starts: at the frame's next instruction, raising the pending exception as
  // if the instruction at pc-1 raised it (Raise), or as thrown in from outside (Throw).
  enum class Start { Normal, Raise, Throw };
  // Runs vm's current frame chain until the frame in Entry mode returns, yields or raises.
  static ExecResult execute(VM& vm, uint64_t budget, Start start);

  // The loop's rarely run code, out of line (interpreter_slow_paths.h).
  struct SlowPaths;
};

}  // namespace looplab
