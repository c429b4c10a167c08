// Setting up calls to Python functions: argument binding and frame creation.
#pragma once

#include <cstdint>

#include "lang/frame.h"
#include "runtime/function.h"

namespace looplab {

class VM;
struct GenObj;

// Binds positional and keyword arguments into a fresh frame's slots (CPython's rules and error
// messages). False with a TypeError pending.
bool bind_python_args(VM& vm, FunctionObj* fn, const Value* args, uint32_t nargs, TupleObj* kwnames,
                      Value* slots);

// A frame ready to run `fn` with these arguments (cells set up), or nullptr with an error.
Frame* make_call_frame(VM& vm, FunctionObj* fn, const Value* args, uint32_t nargs, TupleObj* kwnames);

// Wraps a fresh frame of a generator/coroutine/async-generator function.
GenObj* make_generator(VM& vm, FunctionObj* fn, Frame* f);

}  // namespace looplab
