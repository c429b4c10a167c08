// Code objects as bytes and back (CPython's marshal of code, for our own frozen modules): the
// build compiles the library modules `import asyncio` needs once (looplab_freeze) and embeds the
// bytes, so a run loads them instead of parsing and compiling ~100 KB of Python each time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "lang/code.h"

namespace looplab {

class VM;

// Everything compile_module puts in a code object and the code objects among its constants,
// except `source` and the inline caches. Deterministic: the same code gives the same bytes.
// Empty when a constant is of a kind the compiler never makes.
std::string marshal_code(const CodeObj& code);

// The code object marshal_code wrote, its strings interned as they were, every code object
// sharing `source`. Returns nullptr with a RuntimeError pending when the bytes are malformed.
CodeObj* unmarshal_code(VM& vm, std::string_view bytes, std::shared_ptr<const SourceText> source);

}  // namespace looplab
