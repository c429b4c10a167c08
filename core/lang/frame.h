// Frame: one activation of a code object, on the heap. A frame's storage is one block:
// the Frame header, then its slots (locals, then cells, then the value stack), then its
// handler blocks. Ordinary calls free their frame when they return; a generator or coroutine
// owns its frame for as long as it lives, which is what lets it suspend.
#pragma once

#include <cstdint>

#include "lang/code.h"
#include "runtime/value.h"

namespace looplab {

struct FunctionObj;
struct DictObj;
struct GenObj;
class Tracer;

// A handler pushed by SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH.
struct Block {
  uint32_t handler;  // instruction to jump to
  uint32_t level;    // stack depth to cut back to before pushing the exception
};

// What happens to the caller when this frame returns or yields.
enum class ReturnMode : uint8_t {
  Call,     // push the return value on the caller's stack
  Init,     // __init__ from a class call: the value must be None; push the new instance
  Send,     // caller is at SEND: a yield goes up the chain, a return completes the SEND
  ForIter,  // caller is at FOR_ITER over a generator: yield -> next item, return -> exhausted
  Entry,    // return to C++: the dispatch loop that started this frame returns
};

// A Value that can only be an object or Undef (an exception, an instance), stored as one
// pointer: frames hold two, and a suspended coroutine's frame lives as long as it does.
class ObjSlot {
 public:
  bool is_undef() const { return o_ == nullptr; }
  operator Value() const { return o_ ? Value::object(o_) : Value(); }
  ObjSlot& operator=(const Value& v) {
    o_ = v.is_obj() ? v.o.get() : nullptr;  // (only objects and Undef are ever stored)
    return *this;
  }
  Obj* get() const { return o_; }

 private:
  Obj* o_ = nullptr;
};

struct Frame {
  CodeObj* code = nullptr;
  FunctionObj* func = nullptr;// the function being run (nullptr for modules and class bodies)
  DictObj* globals = nullptr;
  DictObj* locals_dict = nullptr;// module and class bodies: the namespace for *_NAME ops
  Frame* back = nullptr;    // the frame this one returns to (nullptr when suspended)
  GenObj* gen = nullptr;    // the generator/coroutine owning this frame, if any
  ObjSlot handled_exc;      // exception being handled here (sys.exc_info()), Undef if none
  ObjSlot init_self;        // ReturnMode::Init: the instance being initialised
  uint32_t pc = 0;          // index of the next instruction
  uint32_t sp = 0;          // stack depth
  int32_t last_line = 0;    // line tracing: the line last reported for this frame
  uint16_t nblocks = 0;     // (at most the code's blockdepth)
  ReturnMode mode = ReturnMode::Call;
  uint8_t size_class = 0;   // the allocator's free list for this block (0: a large one, malloc'd)

  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
  Value* cells() { return slots() + code->nlocals(); }
  Value* stack() { return slots() + code->nlocals() + code->ncells(); }
  Block* blocks() { return reinterpret_cast<Block*>(stack() + code->stacksize); }
  int line() const { return code->line_at(pc > 0 ? pc - 1 : 0); }

  void trace(Tracer& t);
};

// Frame storage: size-class free lists, so calls do not go to malloc.
Frame* alloc_frame(CodeObj* code);
void free_frame(Frame* f);
// Bytes of the block alloc_frame gives a frame of `code` (for the heap's accounting; free_frame
// never reads the frame's code, which a sweep may have freed first).
size_t frame_alloc_bytes(const CodeObj* code);

}  // namespace looplab
