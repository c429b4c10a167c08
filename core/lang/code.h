// CodeObj: the compiled form of a module, function, class body, lambda or comprehension.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/inline_cache.h"
#include "lang/opcodes.h"
#include "lang/source_buffer.h"
#include "runtime/object.h"

namespace looplab {

struct StrObj;

// The program text, shared by every code object compiled from it (tracebacks quote lines).
struct SourceText {
  std::string filename;
  SourceBuffer buffer;
  SourceText(std::string_view file, std::string_view source) : filename(file), buffer(source) {}
  std::string_view line(int lineno) const { return buffer.line(lineno); }  // empty if out of range
};

// Where an instruction came from, as CPython's co_positions: the source range of the AST node
// it was compiled from (1-based lines, 0-based UTF-8 byte columns). Tracebacks print carets
// under [col, end_col) as CPython 3.11 does; the visualizer highlights the line.
struct SourcePos {
  int32_t line = 0;
  int32_t end_line = 0;
  int32_t col = -1;      // -1 when unknown
  int32_t end_col = -1;
};

struct CodeObj final : Obj {
  std::vector<uint32_t> code;          // instructions, encode(op, arg)
  std::vector<SourcePos> positions;    // one per instruction (same index as `code`)
  std::vector<Value> consts;     // constants: None, bools, ints, floats, str, bytes, tuples, code
  std::vector<StrObj*> names;    // global, attribute and imported names (all interned)
  // Local variables: positional parameters, then keyword-only ones, then *args, then **kwargs,
  // then the other locals.
  std::vector<StrObj*> varnames;
  std::vector<StrObj*> cellvars;  // locals captured by inner functions
  std::vector<StrObj*> freevars;  // variables of enclosing functions used here
  // For each cellvar that is also a parameter, the parameter's index in varnames, else -1:
  // the VM moves the argument into the fresh cell when the frame starts.
  std::vector<int32_t> cell2arg;

  uint32_t argcount = 0;          // positional parameters, including positional-only
  uint32_t posonlyargcount = 0;
  uint32_t kwonlyargcount = 0;
  uint32_t flags = 0;             // CodeFlags
  uint32_t stacksize = 0;         // deepest value stack the code needs (blocks excluded)
  uint32_t blockdepth = 0;        // deepest handler-block nesting the code needs
  mutable uint32_t frame_bytes = 0;  // alloc_frame's block for it, once known (lang/frame.cpp)

  StrObj* name = nullptr;         // "f", "<module>", "<lambda>", "<listcomp>", "C"
  StrObj* qualname = nullptr;     // "C.method.<locals>.inner"
  int firstlineno = 1;
  std::shared_ptr<const SourceText> source;

  explicit CodeObj(ClassObj* cls) : Obj(cls, Kind::Code) {}
  // One inline cache per instruction, made the first time the code runs (inline_cache.h).
  std::unique_ptr<InlineCache[]> caches;
  InlineCache* inline_caches() {
    if (!caches) caches.reset(new InlineCache[code.size()]);
    return caches.get();
  }

  size_t nlocals() const { return varnames.size(); }
  size_t ncells() const { return cellvars.size() + freevars.size(); }
  Value docstring;                // the first statement's string literal, or Undef

  int line_at(size_t pc) const { return pc < positions.size() ? positions[pc].line : firstlineno; }
  bool is_generator_like() const {
    return flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator);
  }

  void trace(Tracer& t) override;
  size_t extra_bytes() const override {
    return code.capacity() * 4 + positions.capacity() * sizeof(SourcePos) +
           consts.capacity() * sizeof(Value);
  }
};

// Human-readable listing of a code object and the code objects among its constants.
std::string disassemble(const CodeObj& code);

}  // namespace looplab
