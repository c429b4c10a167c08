// Pieces of the builtins module and the module registry, defined across files.
#pragma once

#include "lang/vm.h"

namespace looplab {

// iter(callable, sentinel) (containers).
Value make_callable_iterator(VM& vm, Value callable, Value sentinel);
// anext(aiter, default): an awaitable returning `dflt` on StopAsyncIteration (async_support).
Value make_anext_with_default(VM& vm, Value awaitable, Value dflt);

// sys.stdout / sys.stderr.
ClassObj* make_stream_class(VM& vm);
Value make_stream(VM& vm, ClassObj* cls, OutStream s);

// Registers every importable module with vm.register_module (module_registry.cpp).
void register_builtin_modules(VM& vm);

}  // namespace looplab
