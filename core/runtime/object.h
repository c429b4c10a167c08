// Obj: the header every heap object starts with, and the tracing collector's interface.
//
// Memory model: every object is owned by the Heap (an intrusive list), reached by a mark-sweep
// collector from the roots (VM frames and stacks, module dicts, interned strings, the event loop).
// Collection runs only at safe points chosen by the VM (between instructions, when no native
// function is waiting on a nested call), so C++ code may hold raw Obj* in locals freely as long
// as it does not return to the dispatch loop in between.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "runtime/value.h"

namespace looplab {

struct ClassObj;
class Tracer;

// The C++ layout of an object. The Python type is `cls`; several classes may share a layout
// (set/frozenset, generator/coroutine, every user class whose solid base is `object`).
enum class Kind : uint8_t {
  Str, Bytes, BigInt, Tuple, List, Dict, Set, Range, Slice,
  Function, Native, BoundMethod, Cell, Code, Class, Instance, Exception, Module,
  Property, StaticMethod, ClassMethod, Super, Generator, Traceback,
  ListIter, TupleIter, RangeIter,  // iterators the VM's FOR_ITER runs inline
  Other,  // objects of library modules (deque, partial, Future, Task, ...): virtual methods only
};

struct Obj {
  ClassObj* cls;       // the object's Python type
  Obj* gc_next;        // the heap's list of all objects
  Kind kind;
  bool marked = false;
  uint32_t gc_size = 0;  // bytes of the allocation itself, set by the heap

  Obj(ClassObj* c, Kind k) : cls(c), gc_next(nullptr), kind(k) {}
  virtual ~Obj() = default;
  // Mark every object this one refers to (the collector calls it once per live object).
  virtual void trace(Tracer&) {}
  // Bytes held outside the object itself (vector storage etc.), for the heap's accounting.
  virtual size_t extra_bytes() const { return 0; }
  // Native objects that can carry Python attributes (instances of Python subclasses of a native
  // class, e.g. asyncio.Future subclasses) return where their attribute dict pointer lives.
  virtual struct DictObj** attr_dict_slot() { return nullptr; }

  Obj(const Obj&) = delete;
  Obj& operator=(const Obj&) = delete;
};

class Tracer {
 public:
  void mark(Obj* o) {
    if (o && !o->marked) {
      o->marked = true;
      gray_.push_back(o);
    }
  }
  void mark(const Value& v) {
    if (v.tag == Tag::Obj) mark(v.o);
  }
  void mark(const std::vector<Value>& vs) {
    for (const Value& v : vs) mark(v);
  }
  // Drain the gray stack; called by the heap.
  void drain() {
    while (!gray_.empty()) {
      Obj* o = gray_.back();
      gray_.pop_back();
      mark(reinterpret_cast<Obj*>(o->cls));  // an object keeps its class alive (not every trace() says so)
      o->trace(*this);
    }
  }

 private:
  std::vector<Obj*> gray_;
};

}  // namespace looplab
